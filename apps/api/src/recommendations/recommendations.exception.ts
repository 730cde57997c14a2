import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of this feature: a code it does not own does not compile here. */
export type RecommendationsProblem = Extract<
  ProblemCode,
  'recommendations-locked' | 'stale-version' | 'validation' | 'forbidden' | 'conflict'
>;

/**
 * What the recommendations feature refuses: a change while the event does not allow it, a stale
 * edit, an order that is not the event's, a status change by someone who only adds notes.
 */
export class RecommendationsException extends AppException {
  constructor(
    status: number,
    code: RecommendationsProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}
