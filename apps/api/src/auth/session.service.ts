import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../common/cookie-names';
import { setCsrfCookie } from '../common/csrf';
import { checkRows } from '../db/sql';
import { type DeferredOpening, sqlLiteral } from '../db/transaction';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Language, Role, TENANT_SLUG_PATTERN } from '@convene/contracts';
import { type EntityManager, IsNull, Not } from 'typeorm';
import { z } from 'zod';
import { APP_ROLE } from '../db/app-role';
import type { AuthenticatedUser, TenantScope } from '../db/request-context';
import { hashToken, newToken } from './secrets';
import { Session } from './session.entity';

/** Refresh last_seen at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60_000;
/** However active, a session ends after this (the platform's retention counts from it too). */
export const ABSOLUTE_LIFETIME_MS = 14 * 24 * 3_600_000;

/**
 * How many sessions' last scopes (speculativeScope) the process keeps: a bounded map, the
 * oldest entry dropped first. A few hundred bytes each.
 */
const REMEMBERED_SCOPES = 10_000;

/** request_scope() as a parameterised statement, for an opening sent with its first statement. */
const REQUEST_SCOPE = 'select * from request_scope($1::text, $2::bytea, $3::float8, $4::text)';

/** What opens a request's transaction, in both forms, and the key of its remembered scope. */
export interface RequestOpening {
  /** begin's companion in one simple-protocol message: the values written in (sqlLiteral). */
  literal: string;
  /** The same call with parameters, for a group of extended-protocol messages. */
  statement: { text: string; values: unknown[] };
  /** The token's hash and the slug, or null without a token. */
  key: string | null;
}

/** A request run ahead of its opening: the scope it runs under, and the opening to confirm it. */
export interface SpeculativeScope {
  user: AuthenticatedUser;
  tenant: TenantScope | null;
  deferred: DeferredOpening;
}

/** A row of request_scope(): the session's person, and their membership if the URL named one. */
const ScopeRow = z.strictObject({
  session_id: z.guid(),
  last_seen_at: z.date(),
  user_id: z.guid(),
  email: z.string(),
  name: z.string(),
  preferred_language: Language,
  tenant_id: z.guid().nullable(),
  tenant_slug: z.string().nullable(),
  tenant_name: z.string().nullable(),
  membership_id: z.guid().nullable(),
  role: Role.nullable(),
  member_state_code: z.string().nullable(),
});

type ScopeRow = z.infer<typeof ScopeRow>;

@Injectable()
export class SessionService {
  /**
   * The scope each recent session had on its last request to each tenant, by the token's hash
   * and the slug: a guess for the next one (speculativeScope), never an authority. Insertion
   * order is age: a remembered entry is moved to the end.
   */
  private readonly lastScopes = new Map<string, ScopeRow>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async create(
    manager: EntityManager,
    userId: string,
    userAgent: string | undefined,
  ): Promise<string> {
    const { token, hash } = newToken();
    await manager
      .createQueryBuilder()
      .insert()
      .into(Session)
      .values({
        tokenHash: hash,
        userId,
        // The database's clock, as request_scope() compares it with now().
        expiresAt: () => 'now() + make_interval(secs => :ttl)',
        userAgent: userAgent?.slice(0, 300) ?? null,
      })
      .setParameter('ttl', this.config.sessionTtlMs / 1000)
      // Nothing reads the generated id or dates back: no RETURNING clause.
      .updateEntity(false)
      .execute();
    return token;
  }

  /**
   * The statement that opens a request: switches the transaction to the application role, finds
   * the person behind the session cookie and their active membership in the tenant the URL
   * names, and scopes the transaction to both (app.user_id, app.tenant_id) (request_scope(), see
   * its migration). It travels with `begin` in one round trip (inTransactionOpenedBy), so its
   * values are written in: the role is a constant, the token's hash is bytes written as hex, the
   * slug is null unless it matches the slug pattern, and sqlLiteral escapes each as well.
   */
  scopeStatement(token: string | undefined, tenantSlug: string | undefined): string {
    return this.opening(token, tenantSlug).literal;
  }

  /** The opening statement (scopeStatement) in both forms, and its key (speculativeScope). */
  opening(token: string | undefined, tenantSlug: string | undefined): RequestOpening {
    const tokenHash = token && token.length <= 200 ? hashToken(token) : null;
    const slug =
      tenantSlug !== undefined && TENANT_SLUG_PATTERN.test(tenantSlug) ? tenantSlug : null;
    const maxAge = ABSOLUTE_LIFETIME_MS / 1000;
    return {
      literal: `select * from request_scope(${sqlLiteral(APP_ROLE)}, ${sqlLiteral(tokenHash)}, ${sqlLiteral(
        maxAge,
      )}, ${sqlLiteral(slug)})`,
      statement: { text: REQUEST_SCOPE, values: [APP_ROLE, tokenHash, maxAge, slug] },
      key: tokenHash ? `${tokenHash.toString('hex')}/${slug ?? ''}` : null,
    };
  }

  /**
   * The scope this session had on its last request here (readScope remembers it), as a guess
   * to run the request under before the opening has answered, with the check that the opening
   * must pass for the guess to stand (inTransactionDeferred): the same session, person and
   * membership, field for field, and a last use recent enough that nothing needs refreshing.
   * Null when nothing is remembered. The opening, request_scope() in the request's own
   * transaction, still decides: the guess only lets it travel with the request's first read.
   */
  speculativeScope(opening: RequestOpening): SpeculativeScope | null {
    const guessed = opening.key === null ? undefined : this.lastScopes.get(opening.key);
    if (!guessed) return null;
    const { user, tenant } = scopeOf(guessed);
    return {
      user,
      tenant,
      deferred: {
        statement: opening.statement,
        confirm: (scopeRows) => {
          const rows = checkRows(scopeRows, ScopeRow, 'request_scope');
          const row = rows[0];
          return (
            rows.length === 1 &&
            row !== undefined &&
            Date.now() - row.last_seen_at.getTime() <= TOUCH_EVERY_MS &&
            sameScope(row, guessed)
          );
        },
      },
    };
  }

  /**
   * What the opening statement found: the person (refreshing the session's last use at most
   * every five minutes) and their membership in the URL's tenant. Unknown, revoked or expired
   * session: no user. No membership there (or a slug that cannot be one): no tenant.
   */
  async readScope(
    manager: EntityManager,
    scopeRows: unknown[],
    /** The opening's key: the scope found is remembered under it for the next request. */
    key: string | null = null,
  ): Promise<{ user: AuthenticatedUser | null; tenant: TenantScope | null }> {
    const rows = checkRows(scopeRows, ScopeRow, 'request_scope');
    const row = rows[0];
    if (key !== null) this.remember(key, row);
    if (!row) return { user: null, tenant: null };
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await manager
        .createQueryBuilder()
        .update(Session)
        .set({
          lastSeenAt: () => 'now()',
          expiresAt: () => 'now() + make_interval(secs => :ttl)',
        })
        .where({ id: row.session_id })
        .setParameter('ttl', this.config.sessionTtlMs / 1000)
        .execute();
    }
    return scopeOf(row);
  }

  /** Keeps (or, with no row, forgets) the scope found under `key`, as the newest entry. */
  private remember(key: string, row: ScopeRow | undefined): void {
    this.lastScopes.delete(key);
    if (!row) return;
    this.lastScopes.set(key, row);
    if (this.lastScopes.size > REMEMBERED_SCOPES) {
      const oldest = this.lastScopes.keys().next();
      if (!oldest.done) this.lastScopes.delete(oldest.value);
    }
  }

  async revoke(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.update(
      Session,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
  }

  /** Ends every session of a person, but the one they act from, if given. */
  async revokeAllOf(
    manager: EntityManager,
    userId: string,
    exceptSessionId?: string,
  ): Promise<void> {
    await manager.update(
      Session,
      {
        userId,
        revokedAt: IsNull(),
        ...(exceptSessionId === undefined ? {} : { id: Not(exceptSessionId) }),
      },
      { revokedAt: () => 'now()' },
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

/** The person and membership a row of request_scope() describes. */
function scopeOf(row: ScopeRow): { user: AuthenticatedUser; tenant: TenantScope | null } {
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

/** Whether two rows of request_scope() name the same session, person and membership. */
function sameScope(found: ScopeRow, guessed: ScopeRow): boolean {
  return (Object.keys(ScopeRow.shape) as (keyof ScopeRow)[]).every(
    (field) => field === 'last_seen_at' || found[field] === guessed[field],
  );
}
