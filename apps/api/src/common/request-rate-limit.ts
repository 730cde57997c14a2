import type { FastifyInstance } from 'fastify';
import { hashToken } from '../auth/secrets';
import { SESSION_COOKIE } from './cookie-names';
import { sendProblem } from './problem-details.filter';

export interface RequestRateLimitOptions {
  /** Requests one caller may make per window. */
  limit: number;
  windowMs: number;
  /** Callers remembered at once; past it, ended windows are forgotten first. */
  maxCallers?: number;
}

interface Window {
  count: number;
  endsAt: number;
}

/**
 * A ceiling on how fast one caller may use the API (OWASP API4, resource consumption): per
 * session for a signed-in person, per address otherwise, over fixed windows, with the IETF
 * RateLimit headers on every answer and a 429 problem past the limit. Every request counts,
 * whatever its path or spelling.
 *
 * The counts live in this process. Unlike the sign-in limiter, whose counts PostgreSQL shares
 * between processes because it guards accounts, this one guards a process's own capacity: each
 * replica enforcing its own ceiling is the point, and a shared count would cost a database write
 * on every request. Nothing else depends on the counts agreeing.
 */
export function registerRequestRateLimit(
  fastify: FastifyInstance,
  options: RequestRateLimitOptions,
): void {
  const windows = new Map<string, Window>();
  const maxCallers = options.maxCallers ?? 100_000;
  const forgetEnded = (now: number) => {
    for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
  };
  const sweep = setInterval(() => forgetEnded(Date.now()), options.windowMs);
  sweep.unref();
  fastify.addHook('onClose', async () => clearInterval(sweep));

  fastify.addHook('onRequest', async (request, reply) => {
    const now = Date.now();
    const session = request.cookies[SESSION_COOKIE];
    const key = session
      ? `session:${hashToken(session).toString('base64url')}`
      : `address:${request.ip}`;
    let window = windows.get(key);
    if (!window || window.endsAt <= now) {
      if (windows.size >= maxCallers) forgetEnded(now);
      // Still full of live windows: the oldest caller is forgotten (a Map keeps insertion order).
      if (windows.size >= maxCallers) windows.delete(windows.keys().next().value ?? '');
      window = { count: 0, endsAt: now + options.windowMs };
      windows.set(key, window);
    }
    window.count++;
    const reset = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    void reply.header('ratelimit-limit', String(options.limit));
    void reply.header('ratelimit-remaining', String(Math.max(0, options.limit - window.count)));
    void reply.header('ratelimit-reset', String(reset));
    if (window.count > options.limit) {
      void reply.header('retry-after', String(reset));
      sendProblem(reply, {
        type: '/problems/rate-limited',
        title: 'Too many requests; wait a moment and try again',
        status: 429,
        instance: request.url,
      });
      return reply;
    }
    return;
  });
}
