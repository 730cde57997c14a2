import { sql } from '../db/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { AuthenticatedUser } from '../db/request-context';
import { hashToken, newToken } from './secrets';

export const SESSION_COOKIE = 'convene_session';
/** Refresh last_seen at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60_000;
/** However active, a session ends after this. */
const ABSOLUTE_LIFETIME_MS = 14 * 24 * 3_600_000;

interface SessionRow {
  session_id: string;
  last_seen_at: Date;
  created_at: Date;
  id: string;
  email: string;
  name: string;
  preferred_language: string;
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

  /** The person behind a session cookie, or null if it is unknown, revoked or expired. */
  async authenticate(
    manager: EntityManager,
    token: string | undefined,
  ): Promise<AuthenticatedUser | null> {
    if (!token || token.length > 200) return null;
    const rows = await sql<SessionRow>(
      manager,
      `select s.id as session_id, s.last_seen_at, s.created_at,
              u.id, u.email, u.name, u.preferred_language
         from sessions s join users u on u.id = s.user_id
        where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()
          and s.created_at > now() - make_interval(secs => $2)`,
      [hashToken(token), ABSOLUTE_LIFETIME_MS / 1000],
    );
    const row = rows[0];
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await sql(
        manager,
        `update sessions set last_seen_at = now(), expires_at = now() + make_interval(secs => $2)
          where id = $1`,
        [row.session_id, this.config.sessionTtlMs / 1000],
      );
    }
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      preferredLanguage: row.preferred_language,
      sessionId: row.session_id,
    };
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

  cookieOptions() {
    return {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.secureCookies,
      maxAge: Math.floor(ABSOLUTE_LIFETIME_MS / 1000),
    };
  }
}
