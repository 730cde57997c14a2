import { problemType } from '@convene/contracts';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashToken, safeEqual, sign } from '../auth/secrets';
import { CSRF_COOKIE, SESSION_COOKIE } from './cookie-names';
import { sendProblem } from './problem-details.filter';

export const CSRF_HEADER = 'x-xsrf-token';
/** Everything else changes state, whatever the path it is sent to. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfOptions {
  secret: string;
  secure: boolean;
  /** The app's public origin (APP_URL); the request's own Host is accepted too. */
  appOrigin: string;
  /**
   * Paths whose answers are the same for everyone and kept by caches (the web app's hashed
   * files): no token is issued on them, since a cookie would be stored with the shared copy.
   */
  sharedPath?: (url: string) => boolean;
}

/**
 * Signed double-submit cookie, the shape Angular's HttpClient speaks: the server sets
 * XSRF-TOKEN (readable by the page), the page echoes it in X-XSRF-TOKEN. The signature covers
 * the session cookie's value, so a token is good for one session only: a token planted from
 * elsewhere, or kept from before signing in or out, is refused. On top, a browser's own word on
 * where a request comes from (Sec-Fetch-Site, Origin) must say this origin.
 *
 * Every unsafe method is checked whatever its path: the router decodes `/%61pi/…` and accepts
 * absolute-form targets, so a check on the spelling of the path is no check.
 */
export function registerCsrf(fastify: FastifyInstance, options: CsrfOptions): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const cookie = request.cookies[CSRF_COOKIE];
    const genuine = isGenuine(cookie, request.cookies[SESSION_COOKIE], options.secret);
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      const refused =
        !sameOrigin(request, options.appOrigin) ||
        !genuine ||
        typeof header !== 'string' ||
        !safeEqual(header, cookie);
      if (refused) {
        sendProblem(reply, {
          type: problemType('csrf'),
          title: 'Missing or invalid CSRF token; reload the page and try again',
          status: 403,
          instance: request.url,
        });
        return reply;
      }
    }
    if (!genuine && !options.sharedPath?.(request.url)) {
      setCsrfCookie(reply, request.cookies[SESSION_COOKIE] ?? null, options);
    }
    return;
  });
}

/** A new token for the session a response begins (or, with null, for none: signing out). */
export function setCsrfCookie(
  reply: FastifyReply,
  sessionToken: string | null,
  options: Pick<CsrfOptions, 'secret' | 'secure'>,
): void {
  const nonce = randomBytes(24).toString('base64url');
  const token = `${nonce}.${sign(bound(nonce, sessionToken), options.secret)}`;
  void reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'lax',
    secure: options.secure,
    httpOnly: false,
  });
}

function bound(nonce: string, sessionToken: string | null | undefined): string {
  return `${nonce}|${sessionToken ? hashToken(sessionToken).toString('base64url') : ''}`;
}

function isGenuine(
  token: string | undefined,
  sessionToken: string | undefined,
  secret: string,
): token is string {
  if (!token) return false;
  const [nonce, signature, extra] = token.split('.');
  return (
    !!nonce &&
    !!signature &&
    extra === undefined &&
    safeEqual(signature, sign(bound(nonce, sessionToken), secret))
  );
}

/**
 * Browsers say where a request comes from: Sec-Fetch-Site (all current ones) and Origin (on
 * every cross-origin and every unsafe request). Either naming another site refuses it; a client
 * that sends neither (not a browser) still needs the token pair.
 */
function sameOrigin(request: FastifyRequest, appOrigin: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const own = `${request.protocol}://${request.headers.host ?? ''}`;
  return origin === appOrigin || origin === own;
}
