import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's headers on every answer, with a strict Content-Security-Policy (no inline script).
 * Helmet's middleware is built once, here: @fastify/helmet built it again for every request
 * (its directives parsed, each header's middleware made anew), 7 kB of the ~330 kB a list
 * request allocates (docs/performance.md, "2026-12-03, 11:00").
 */
export function registerSecurityHeaders(
  fastify: FastifyInstance,
  options: { secureCookies: boolean },
): void {
  const headers = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: options.secureCookies ? [] : null,
      },
    },
    hsts: options.secureCookies,
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    headers(request.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined));
  });
}
