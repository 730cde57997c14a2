import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of the participant's links: a code they do not own does not compile here. */
export type ParticipantLinksProblem = Extract<
  ProblemCode,
  | 'participant-link-invalid'
  | 'participant-link-expired'
  | 'participant-link-used'
  | 'participant-link-revoked'
  | 'conflict'
  | 'not-found'
>;

/** What a participant link refuses: unknown or tampered (404), expired, used or revoked (410). */
export class ParticipantLinksException extends AppException {
  constructor(status: number, code: ParticipantLinksProblem, title: string, detail?: string) {
    super(status, code, title, detail);
  }
}
