import { z } from 'zod';
import { PROBLEM_TYPE_PREFIX } from './interface-vocabulary';

/**
 * Every problem code the API answers with, as `type: /problems/<code>`. The API's
 * AppException takes only these, and the web app has a message for each (errors.<code> in
 * every translation file), so a new code cannot reach a person as raw English.
 */
export const PROBLEM_CODES = [
  'already-member',
  'assessment-state',
  'assignment-state',
  'bad-request',
  'conflict',
  'csrf',
  'event-transition',
  'forbidden',
  'internal',
  'invalid-credentials',
  'invalid-cursor',
  'invitation-invalid',
  'invitation-state',
  'last-admin',
  'mail-state',
  'method-not-allowed',
  'no-seats',
  'nomination-closed',
  'nomination-transition',
  'not-found',
  'participant-link-expired',
  'participant-link-invalid',
  'participant-link-revoked',
  'participant-link-used',
  'payload-too-large',
  'rate-limited',
  'recommendations-locked',
  'reminded-recently',
  'request-transition',
  'reset-token-invalid',
  'seats-taken',
  'self-deactivation',
  'stale-version',
  'unauthenticated',
  'unprocessable',
  'unsupported-media-type',
  'validation',
  'wrong-password',
] as const;
export const ProblemCode = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof ProblemCode>;

/** The `type` of a problem with this code. */
export const problemType = (code: ProblemCode): `/problems/${ProblemCode}` =>
  `${PROBLEM_TYPE_PREFIX}${code}`;
