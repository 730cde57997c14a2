import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { safeEqual, sign } from '../auth/secrets';
import { sendProblem } from './problem-details.filter';

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'x-xsrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Signed double-submit cookie, the shape Angular's HttpClient speaks: the
 * server sets XSRF-TOKEN (readable by the page), the page echoes it in
 * X-XSRF-TOKEN. Another origin can neither read the cookie nor, thanks to
 * the signature, plant one of its own making.
 */
export function registerCsrf(fastify: FastifyInstance, secret: string, secure: boolean): void {
  const issue = () => {
    const nonce = randomBytes(24).toString('base64url');
    return `${nonce}.${sign(nonce, secret)}`;
  };
  const isGenuine = (token: string | undefined): token is string => {
    if (!token) return false;
    const [nonce, signature, extra] = token.split('.');
    return (
      !!nonce && !!signature && extra === undefined && safeEqual(signature, sign(nonce, secret))
    );
  };

  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const cookie = request.cookies[CSRF_COOKIE];
    const genuine = isGenuine(cookie);
    if (UNSAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (!genuine || typeof header !== 'string' || !safeEqual(header, cookie)) {
        sendProblem(reply, {
          type: '/problems/csrf',
          title: 'Missing or invalid CSRF token; reload the page and try again',
          status: 403,
          instance: request.url,
        });
        return reply;
      }
    }
    if (!genuine) {
      void reply.setCookie(CSRF_COOKIE, issue(), {
        path: '/',
        sameSite: 'lax',
        secure,
        httpOnly: false,
      });
    }
    return;
  });
}
