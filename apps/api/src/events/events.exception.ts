import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of this feature: a code it does not own does not compile here. */
export type EventsProblem = Extract<
  ProblemCode,
  'event-transition' | 'stale-version' | 'validation'
>;

/** What the events feature refuses: a stale edit, a transition the lifecycle does not allow, an invalid agenda. */
export class EventsException extends AppException {
  constructor(
    status: number,
    code: EventsProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}
