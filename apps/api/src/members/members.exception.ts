import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of this feature: a code it does not own does not compile here. */
export type MembersProblem = Extract<
  ProblemCode,
  'already-member' | 'last-admin' | 'self-deactivation' | 'validation'
>;

/** What managing a tenant's people refuses: the last admin, oneself, someone already a member. */
export class MembersException extends AppException {
  constructor(
    status: number,
    code: MembersProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}
