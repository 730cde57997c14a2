import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../common/cookie-names';
import { setCsrfCookie } from '../common/csrf';
import { sql } from '../db/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type Role, TENANT_SLUG_PATTERN } from '@convene/contracts';
import { APP_ROLE } from '../db/app-role';
import type { AuthenticatedUser, TenantScope } from '../db/request-context';
import { hashToken, newToken } from './secrets';

/** Refresh last_seen at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60_000;
/** However active, a session ends after this. */
const ABSOLUTE_LIFETIME_MS = 14 * 24 * 3_600_000;

/** A row of request_scope(): the session's person, and their membership if the URL named one. */
interface ScopeRow {
  session_id: string;
  last_seen_at: Date;
  user_id: string;
  email: string;
  name: string;
  preferred_language: string;
  tenant_id: string | null;
  tenant_slug: string | null;
  tenant_name: string | null;
  membership_id: string | null;
  role: Role | null;
  member_state_code: string | null;
}

@Injectable()
export class SessionService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async create(
    manager: EntityManager,
    userId: string,
    userAgent: string | undefined,
  ): Promise<string> {
    const { token, hash } = newToken();
    await sql(
      manager,
      `insert into sessions (token_hash, user_id, expires_at, user_agent)
       values ($1, $2, now() + make_interval(secs => $3), $4)`,
      [hash, userId, this.config.sessionTtlMs / 1000, userAgent?.slice(0, 300) ?? null],
    );
    return token;
  }

  /**
   * Opens a request: switches the transaction to the application role, finds the person behind
   * the session cookie and their active membership in the tenant the URL names, and scopes the
   * transaction to both (app.user_id, app.tenant_id), in one statement (request_scope(), see
   * its migration). Unknown, revoked or expired session: no user. No membership there (or a
   * slug that cannot be one): no tenant.
   */
  async openRequest(
    manager: EntityManager,
    token: string | undefined,
    tenantSlug: string | undefined,
  ): Promise<{ user: AuthenticatedUser | null; tenant: TenantScope | null }> {
    const tokenHash = token && token.length <= 200 ? hashToken(token) : null;
    const slug =
      tenantSlug !== undefined && TENANT_SLUG_PATTERN.test(tenantSlug) ? tenantSlug : null;
    const rows = await sql<ScopeRow>(manager, `select * from request_scope($1, $2, $3, $4)`, [
      APP_ROLE,
      tokenHash,
      ABSOLUTE_LIFETIME_MS / 1000,
      slug,
    ]);
    const row = rows[0];
    if (!row) return { user: null, tenant: null };
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await sql(
        manager,
        `update sessions set last_seen_at = now(), expires_at = now() + make_interval(secs => $2)
          where id = $1`,
        [row.session_id, this.config.sessionTtlMs / 1000],
      );
    }
    const user: AuthenticatedUser = {
      id: row.user_id,
      email: row.email,
      name: row.name,
      preferredLanguage: row.preferred_language,
      sessionId: row.session_id,
    };
    const tenant: TenantScope | null =
      row.tenant_id && row.tenant_slug && row.tenant_name && row.membership_id && row.role
        ? {
            id: row.tenant_id,
            slug: row.tenant_slug,
            name: row.tenant_name,
            membershipId: row.membership_id,
            role: row.role,
            memberStateCode: row.member_state_code,
          }
        : null;
    return { user, tenant };
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await sql(
      manager,
      `update sessions set revoked_at = now() where id = $1 and revoked_at is null`,
      [sessionId],
    );
  }

  /** Ends every session of a person, but the one they act from, if given. */
  async revokeAllOf(
    manager: EntityManager,
    userId: string,
    exceptSessionId?: string,
  ): Promise<void> {
    await sql(
      manager,
      `update sessions set revoked_at = now()
        where user_id = $1 and revoked_at is null and id is distinct from $2`,
      [userId, exceptSessionId ?? null],
    );
  }

  /** Starts a session in the browser, with a CSRF token bound to it. */
  setCookies(reply: FastifyReply, token: string): void {
    void reply.setCookie(SESSION_COOKIE, token, this.cookieOptions());
    setCsrfCookie(reply, token, { secret: this.config.secret, secure: this.config.secureCookies });
  }

  /** Ends it there, and gives the signed-out page a token of its own. */
  clearCookies(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    setCsrfCookie(reply, null, { secret: this.config.secret, secure: this.config.secureCookies });
  }

  private cookieOptions() {
    return {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.secureCookies,
      maxAge: Math.floor(ABSOLUTE_LIFETIME_MS / 1000),
    };
  }
}
