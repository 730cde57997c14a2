import { HttpErrorResponse } from '@angular/common/http';
import { PROBLEM_TYPE_PREFIX, type ProblemCode, type ProblemDetails } from '@convene/contracts';

const PROBLEM_PREFIX = PROBLEM_TYPE_PREFIX;

/**
 * Problems the web app meets on its own, without an answer from the API: it could not be
 * reached (or a proxy said it is not there).
 */
export const CLIENT_PROBLEMS = ['network'] as const;
export type ClientProblem = (typeof CLIENT_PROBLEMS)[number];

/** Every problem the interface has its own words for: the API's codes and its own. */
export type KnownProblem = ProblemCode | ClientProblem;

/**
 * The translation key of each known problem. A Record over the contracts' enum, so a code the
 * API adds does not compile here until it has a message (and translations.spec.ts checks the key
 * is in every language). Anything else is shown with the generic message for its status, never
 * with the server's English title.
 */
export const PROBLEM_MESSAGES: Readonly<Record<KnownProblem, `errors.${KnownProblem}`>> = {
  'already-member': 'errors.already-member',
  'assessment-state': 'errors.assessment-state',
  'assignment-state': 'errors.assignment-state',
  'bad-request': 'errors.bad-request',
  conflict: 'errors.conflict',
  csrf: 'errors.csrf',
  'event-transition': 'errors.event-transition',
  forbidden: 'errors.forbidden',
  internal: 'errors.internal',
  'invalid-credentials': 'errors.invalid-credentials',
  'invalid-cursor': 'errors.invalid-cursor',
  'invitation-invalid': 'errors.invitation-invalid',
  'invitation-state': 'errors.invitation-state',
  'last-admin': 'errors.last-admin',
  'mail-state': 'errors.mail-state',
  'method-not-allowed': 'errors.method-not-allowed',
  network: 'errors.network',
  'no-seats': 'errors.no-seats',
  'nomination-closed': 'errors.nomination-closed',
  'nomination-transition': 'errors.nomination-transition',
  'not-found': 'errors.not-found',
  'participant-link-expired': 'errors.participant-link-expired',
  'participant-link-invalid': 'errors.participant-link-invalid',
  'participant-link-revoked': 'errors.participant-link-revoked',
  'participant-link-used': 'errors.participant-link-used',
  'payload-too-large': 'errors.payload-too-large',
  'rate-limited': 'errors.rate-limited',
  'recommendations-locked': 'errors.recommendations-locked',
  'reminded-recently': 'errors.reminded-recently',
  'request-transition': 'errors.request-transition',
  'reset-token-invalid': 'errors.reset-token-invalid',
  'seats-taken': 'errors.seats-taken',
  'self-deactivation': 'errors.self-deactivation',
  'stale-version': 'errors.stale-version',
  unauthenticated: 'errors.unauthenticated',
  unprocessable: 'errors.unprocessable',
  'unsupported-media-type': 'errors.unsupported-media-type',
  validation: 'errors.validation',
  'wrong-password': 'errors.wrong-password',
};

const isKnownProblem = (code: string): code is KnownProblem =>
  Object.hasOwn(PROBLEM_MESSAGES, code);

function isProblemDetails(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ProblemDetails).type === 'string' &&
    typeof (value as ProblemDetails).status === 'number'
  );
}

/** Whatever an HTTP call failed with, as problem details. */
export function toProblem(error: unknown): ProblemDetails {
  if (error instanceof HttpErrorResponse) {
    if (isProblemDetails(error.error)) return error.error;
    // No answer at all, or a proxy's answer that the API is not there.
    if (error.status === 0 || (error.status >= 502 && error.status <= 504)) {
      return {
        type: PROBLEM_PREFIX + 'network',
        title: 'Network error',
        status: error.status,
      };
    }
    return {
      type: PROBLEM_PREFIX + (error.status >= 500 ? 'internal' : 'http'),
      title: error.statusText,
      status: error.status,
    };
  }
  return { type: PROBLEM_PREFIX + 'internal', title: String(error), status: 0 };
}

/** The code of a problem (`/problems/<code>`), to compare with a ProblemCode. */
export function problemCode(problem: ProblemDetails): string {
  return problem.type.startsWith(PROBLEM_PREFIX)
    ? problem.type.slice(PROBLEM_PREFIX.length)
    : problem.type;
}

/** The translation key that explains a problem to the person who met it. */
export function problemMessageKey(problem: ProblemDetails): string {
  const code = problemCode(problem);
  if (isKnownProblem(code)) return PROBLEM_MESSAGES[code];
  if (problem.status === 0 || problem.status >= 502) return 'errors.network';
  if (problem.status === 401) return 'errors.unauthenticated';
  if (problem.status === 403) return 'errors.forbidden';
  if (problem.status === 404) return 'errors.not-found';
  if (problem.status === 429) return 'errors.rate-limited';
  return 'errors.generic';
}

/** Paths the server rejected in a validation problem ("email", "memberStateAlpha3"). */
export function rejectedFields(problem: ProblemDetails): string[] {
  // split() always yields at least one piece; the fallback only satisfies the index check.
  return (problem.errors ?? []).map((error) => error.path.split('.')[0] ?? error.path);
}
