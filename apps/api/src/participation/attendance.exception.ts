import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of attendance and certificates: a code they do not own does not compile here. */
export type AttendanceProblem = Extract<ProblemCode, 'unprocessable' | 'not-found'>;

/** What attendance and certificates refuse: a day outside the event, a certificate not earned. */
export class AttendanceException extends AppException {
  constructor(
    status: number,
    code: AttendanceProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}
