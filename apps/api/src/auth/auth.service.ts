import { sql } from '../db/sql';
import type {
  InvitationAcceptance,
  InvitationPreview,
  Language,
  LoginRequest,
  OptionalMailKind,
  PasswordChange,
  PasswordResetCompletion,
  ProfileUpdate,
  Role,
  SessionView,
  UserProfile,
} from '@convene/contracts';
import { NewPassword, PersonName } from '@convene/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppException } from '../common/app-exception';
import { zodIssues } from '../common/problem-details.filter';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type AuthenticatedUser, requestContext } from '../db/request-context';
import { PLATFORM_TENANT_ID } from '../db/app-role';
import { applyScope } from '../db/transaction';
import { OutboxService } from '../mail/outbox.service';
import { TenantsService } from '../tenants/tenants.service';
import { bytesToUuid, hashPassword, hashToken, newToken, verifyPassword } from './secrets';
import { SessionService } from './session.service';

interface UserRow {
  id: string;
  email: string;
  name: string;
  preferred_language: Language;
  muted_mail_kinds: OptionalMailKind[];
  password_hash: string | null;
}

interface InvitationRow {
  tenant_id: string;
  id: string;
  email: string;
  role: Role;
  member_state_code: string | null;
  expires_at: Date;
  tenant_slug: string;
  tenant_name: string;
}

const badCredentials = () =>
  new AppException(401, 'invalid-credentials', 'Email or password is incorrect');
const invalidInvitation = () =>
  new AppException(
    404,
    'invitation-invalid',
    'This invitation link is not valid: it may have expired, been used or been revoked',
  );

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly tenants: TenantsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  /** Same answer, one argon2 verification either way, for an unknown email and a wrong password. */
  async login(
    credentials: LoginRequest,
    userAgent?: string,
  ): Promise<{ token: string; view: SessionView }> {
    const { manager } = requestContext.current();
    const user = await this.findUserByEmail(manager, credentials.email);
    const valid = await verifyPassword(user?.password_hash, credentials.password);
    if (!user || !valid) throw badCredentials();
    const token = await this.sessions.create(manager, user.id, userAgent);
    return { token, view: await this.sessionView(manager, user.id) };
  }

  async logout(user: AuthenticatedUser): Promise<void> {
    await this.sessions.revoke(requestContext.current().manager, user.sessionId);
  }

  async sessionView(manager: EntityManager, userId: string): Promise<SessionView> {
    // Out of any tenant: the own_memberships policy then shows every tenant of the person.
    await applyScope(manager, { userId });
    const rows = await sql<UserRow>(
      manager,
      `select id, email, name, preferred_language, muted_mail_kinds from users where id = $1`,
      [userId],
    );
    const user = rows[0];
    if (!user) throw new AppException(401, 'unauthenticated', 'Sign in to continue');
    return {
      user: toProfile(user),
      memberships: await this.tenants.membershipsOf(manager, userId),
    };
  }

  async requestPasswordReset(email: string): Promise<void> {
    const { manager } = requestContext.current();
    const user = await this.findUserByEmail(manager, email);
    if (!user) return;
    const { token, hash } = newToken();
    await sql(
      manager,
      `insert into user_tokens (user_id, purpose, token_hash, expires_at)
       values ($1, 'password_reset', $2, now() + make_interval(secs => $3))`,
      [user.id, hash, this.config.resetTtlMs / 1000],
    );
    await this.outbox.enqueue({
      tenantId: PLATFORM_TENANT_ID,
      recipient: user.email,
      language: user.preferred_language,
      message: {
        kind: 'password_reset',
        name: user.name,
        link: `${this.config.appUrl}/reset-password/${token}`,
        minutes: Math.round(this.config.resetTtlMs / 60_000),
      },
    });
  }

  /** Sets the new password, spends the token and signs the person out everywhere. */
  async completePasswordReset(input: PasswordResetCompletion): Promise<void> {
    const { manager } = requestContext.current();
    const rows = await sql<{ id: string; user_id: string }>(
      manager,
      `update user_tokens set used_at = now()
        where token_hash = $1 and purpose = 'password_reset' and used_at is null and expires_at > now()
        returning id, user_id`,
      [hashToken(input.token)],
    );
    const spent = rows[0];
    if (!spent)
      throw new AppException(
        404,
        'reset-token-invalid',
        'This reset link is not valid: it may have expired or been used',
      );
    await sql(manager, `update users set password_hash = $2, updated_at = now() where id = $1`, [
      spent.user_id,
      await hashPassword(input.password),
    ]);
    await this.sessions.revokeAllOf(manager, spent.user_id);
    // Older unused links die with the password they were meant to replace.
    await sql(
      manager,
      `update user_tokens set used_at = now() where user_id = $1 and used_at is null`,
      [spent.user_id],
    );
  }

  async previewInvitation(token: string): Promise<InvitationPreview> {
    const { manager } = requestContext.current();
    const invitation = await this.findInvitation(manager, token);
    const users = await sql<{ id: string }>(
      manager,
      `select id from users where lower(email) = $1`,
      [invitation.email],
    );
    return {
      email: invitation.email,
      role: invitation.role,
      tenant: { slug: invitation.tenant_slug, name: invitation.tenant_name },
      memberStateAlpha3: invitation.member_state_code?.trim() ?? null,
      accountExists: users.length > 0,
      expiresAt: new Date(invitation.expires_at).toISOString(),
    };
  }

  /**
   * Spends the invitation and lands the person in the tenant: a new account
   * for a new email, or the existing one after its password is checked.
   */
  async acceptInvitation(
    input: InvitationAcceptance,
    userAgent?: string,
  ): Promise<{ token: string; view: SessionView }> {
    const { manager } = requestContext.current();
    const invitation = await this.findInvitation(manager, input.token);
    let user = await this.findUserByEmail(manager, invitation.email);
    if (user) {
      if (!(await verifyPassword(user.password_hash, input.password))) throw badCredentials();
    } else {
      const name = PersonName.safeParse(input.name);
      const password = NewPassword.safeParse(input.password);
      if (!name.success || !password.success) {
        throw new AppException(400, 'validation', 'The request is not valid', undefined, [
          ...(name.success
            ? []
            : zodIssues(name.error).map((issue) => ({ ...issue, path: 'name' }))),
          ...(password.success
            ? []
            : zodIssues(password.error).map((issue) => ({ ...issue, path: 'password' }))),
        ]);
      }
      const created = await sql<UserRow>(
        manager,
        `insert into users (email, name, preferred_language, password_hash)
         values ($1, $2, $3, $4)
         returning id, email, name, preferred_language, muted_mail_kinds, password_hash`,
        [
          invitation.email,
          name.data,
          input.preferredLanguage ?? 'en',
          await hashPassword(password.data),
        ],
      );
      user = created[0] ?? null;
    }
    if (!user) throw new Error('user was not created');

    await applyScope(manager, { userId: user.id, tenantId: invitation.tenant_id });
    const spent = await sql<unknown>(
      manager,
      `update invitations set accepted_at = now()
        where tenant_id = $1 and id = $2 and accepted_at is null and revoked_at is null
        returning id`,
      [invitation.tenant_id, invitation.id],
    );
    if (spent.length === 0) throw invalidInvitation();
    const memberships = await sql<{ id: string; role: Role; status: string }>(
      manager,
      `insert into memberships (tenant_id, user_id, role, member_state_code)
       values ($1, $2, $3, $4)
       on conflict (tenant_id, user_id) do update
         set role = excluded.role, member_state_code = excluded.member_state_code,
             status = 'active', updated_at = now()
       returning id, role, status`,
      [invitation.tenant_id, user.id, invitation.role, invitation.member_state_code],
    );
    const membership = memberships[0];
    await this.audit.record({
      tenantId: invitation.tenant_id,
      actorId: user.id,
      action: 'invitation.accepted',
      entity: 'membership',
      entityId: membership?.id ?? invitation.id,
      after: {
        email: invitation.email,
        role: invitation.role,
        memberStateAlpha3: invitation.member_state_code?.trim() ?? null,
      },
    });
    const token = await this.sessions.create(manager, user.id, userAgent);
    return { token, view: await this.sessionView(manager, user.id) };
  }

  async updateProfile(user: AuthenticatedUser, update: ProfileUpdate): Promise<UserProfile> {
    const { manager } = requestContext.current();
    const rows = await sql<UserRow>(
      manager,
      `update users set name = coalesce($2, name), preferred_language = coalesce($3, preferred_language),
              muted_mail_kinds = coalesce($4, muted_mail_kinds), updated_at = now()
        where id = $1
        returning id, email, name, preferred_language, muted_mail_kinds`,
      [
        user.id,
        update.name ?? null,
        update.preferredLanguage ?? null,
        update.mutedMailKinds ?? null,
      ],
    );
    const updated = rows[0];
    if (!updated) throw new AppException(401, 'unauthenticated', 'Sign in to continue');
    return toProfile(updated);
  }

  async profile(user: AuthenticatedUser): Promise<UserProfile> {
    return (await this.sessionView(requestContext.current().manager, user.id)).user;
  }

  /** Checks the current password, sets the new one, ends the person's other sessions. */
  async changePassword(user: AuthenticatedUser, change: PasswordChange): Promise<void> {
    const { manager } = requestContext.current();
    const rows = await sql<{ password_hash: string | null }>(
      manager,
      `select password_hash from users where id = $1`,
      [user.id],
    );
    if (!(await verifyPassword(rows[0]?.password_hash, change.currentPassword))) {
      throw new AppException(
        400,
        'wrong-password',
        'The current password is incorrect',
        undefined,
        [{ path: 'currentPassword', message: 'incorrect password' }],
      );
    }
    await sql(manager, `update users set password_hash = $2, updated_at = now() where id = $1`, [
      user.id,
      await hashPassword(change.newPassword),
    ]);
    await this.sessions.revokeAllOf(manager, user.id, user.sessionId);
  }

  private async findUserByEmail(manager: EntityManager, email: string): Promise<UserRow | null> {
    const rows = await sql<UserRow>(
      manager,
      `select id, email, name, preferred_language, muted_mail_kinds, password_hash
         from users where lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  /** The token's first 22 characters name its tenant; the rest is the secret. */
  private async findInvitation(manager: EntityManager, token: string): Promise<InvitationRow> {
    const tenantPart = Buffer.from(token.slice(0, 22), 'base64url');
    if (tenantPart.length !== 16) throw invalidInvitation();
    const tenantId = bytesToUuid(tenantPart);
    await applyScope(manager, { tenantId, userId: requestContext.current().user?.id });
    const rows = await sql<InvitationRow>(
      manager,
      `select i.tenant_id, i.id, i.email, i.role, i.member_state_code, i.expires_at,
              t.slug as tenant_slug, t.name as tenant_name
         from invitations i join tenants t on t.id = i.tenant_id
        where i.tenant_id = $1 and i.token_hash = $2
          and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()`,
      [tenantId, hashToken(token)],
    );
    const invitation = rows[0];
    if (!invitation) throw invalidInvitation();
    return invitation;
  }
}

function toProfile(
  row: Pick<UserRow, 'id' | 'email' | 'name' | 'preferred_language' | 'muted_mail_kinds'>,
): UserProfile {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    preferredLanguage: row.preferred_language,
    mutedMailKinds: row.muted_mail_kinds,
  };
}
