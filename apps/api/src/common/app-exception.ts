import type { ProblemCode } from '@convene/contracts';

/**
 * An error a caller can act on. Its code is one of PROBLEM_CODES in the
 * contracts, so the web app has words for it and a new one cannot slip in
 * unnamed; the problem filter turns every one into problem+json with a
 * stable `type`.
 */
export class AppException extends Error {
  constructor(
    readonly status: number,
    /** Stable, documented identifier: becomes `/problems/<code>`. */
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: { path: string; message: string }[],
    /** Members a feature adds to its problem (RFC 9457 extensions), e.g. a stale save's version. */
    readonly extensions?: { currentVersion?: number; changed?: string[] },
  ) {
    super(detail ?? title);
  }
}

export const notFound = (entity: string) =>
  new AppException(404, 'not-found', `${entity} not found`);

export const unauthenticated = () =>
  new AppException(401, 'unauthenticated', 'Sign in to continue');

export const forbidden = () =>
  new AppException(403, 'forbidden', 'Your role does not allow this action');
