import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of this feature: a code it does not own does not compile here. */
export type MailProblem = Extract<ProblemCode, 'mail-state' | 'validation'>;

/** What the Mail page refuses: an action the message is no longer in a state for. */
export class MailException extends AppException {
  constructor(
    status: number,
    code: MailProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}
