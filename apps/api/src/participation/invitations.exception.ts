import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of invitations and saved lists: a code they do not own does not compile here. */
export type InvitationsProblem = Extract<
  ProblemCode,
  | 'invitation-state'
  | 'seats-taken'
  | 'reminded-recently'
  | 'stale-version'
  | 'conflict'
  | 'validation'
>;

/** What invitations refuse: a move their status does not allow, seats below those taken, a reminder too soon. */
export class InvitationsException extends AppException {
  constructor(
    status: number,
    code: InvitationsProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}

/** A 400 naming the field, as the validation pipe words it. */
export const invalidField = (path: string, message: string) =>
  new InvitationsException(400, 'validation', 'The request is not valid', undefined, [
    { path, message },
  ]);
