import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of this feature: a code it does not own does not compile here. */
export type DeliveryProblem = Extract<
  ProblemCode,
  'stale-version' | 'conflict' | 'unprocessable' | 'validation'
>;

/**
 * What the delivery register and the IATI export refuse: a stale edit, a second hand-out of the
 * same edition at an event, a hand-out from a meeting that did not take place or that nobody
 * attended, an export with nothing to report.
 */
export class DeliveryException extends AppException {
  constructor(
    status: number,
    code: DeliveryProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}
