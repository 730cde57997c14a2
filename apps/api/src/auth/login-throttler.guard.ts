import type { ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import {
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';

/** The account a sign-in, reset or invitation request names, if it names one. */
function accountOf(request: Record<string, unknown>): string {
  const body = request['body'] as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase().slice(0, 254) : '';
}

const requestOf = (context: ExecutionContext) =>
  context.switchToHttp().getRequest<Record<string, unknown>>();

/**
 * Two separate allowances, each a short window whose blocks grow on repeat
 * (PostgresThrottlerStorage): per client address across every account it tries, and per account
 * across every address trying it. One key per route family, not per handler, so sign-in and
 * password-reset attempts on an account count together. The address is the socket's unless a
 * trusted proxy is configured (TRUST_PROXY).
 */
export function loginThrottlers(limits: {
  perAccount: number;
  perAddress: number;
}): ThrottlerOptions[] {
  return [
    {
      name: 'address',
      ttl: 60_000,
      limit: limits.perAddress,
      getTracker: (request) => String(request['ip']),
      generateKey: (_, tracker, name) => `${name}:${tracker}`,
    },
    {
      name: 'account',
      ttl: 60_000,
      limit: limits.perAccount,
      skipIf: (context) => accountOf(requestOf(context)) === '',
      getTracker: (request) => accountOf(request),
      generateKey: (_, tracker, name) => `${name}:${tracker}`,
    },
  ];
}

/** Says when to try again, in the standard header, whichever allowance ran out. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.header('retry-after', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}
