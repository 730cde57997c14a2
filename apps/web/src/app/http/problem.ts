import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemDetails } from '@convene/contracts';

const PROBLEM_PREFIX = '/problems/';

/**
 * Problem codes the interface has its own words for (errors.<code> in the
 * translations). Anything else is shown with the generic message for its
 * status, never with the server's English title.
 */
export const KNOWN_PROBLEMS = [
  'already-member',
  'csrf',
  'event-transition',
  'forbidden',
  'internal',
  'invalid-credentials',
  'invitation-invalid',
  'last-admin',
  'network',
  'not-found',
  'rate-limited',
  'reset-token-invalid',
  'self-deactivation',
  'stale-version',
  'unauthenticated',
  'validation',
  'wrong-password',
] as const;
export type KnownProblem = (typeof KNOWN_PROBLEMS)[number];

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

export function problemCode(problem: ProblemDetails): string {
  return problem.type.startsWith(PROBLEM_PREFIX)
    ? problem.type.slice(PROBLEM_PREFIX.length)
    : problem.type;
}

/** The translation key that explains a problem to the person who met it. */
export function problemMessageKey(problem: ProblemDetails): string {
  const code = problemCode(problem);
  if ((KNOWN_PROBLEMS as readonly string[]).includes(code)) {
    return `errors.${code}`;
  }
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
