import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of this feature: a code it does not own does not compile here. */
export type AuthProblem = Extract<
  ProblemCode,
  | 'invalid-credentials'
  | 'invitation-invalid'
  | 'reset-token-invalid'
  | 'wrong-password'
  | 'unauthenticated'
  | 'validation'
>;

/** What signing in, sessions, password resets and invitation links refuse. */
export class AuthException extends AppException {
  constructor(
    status: number,
    code: AuthProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}
