import { sql } from '../db/sql';
import type {
  InvitationAcceptance,
  InvitationPreview,
  LoginRequest,
  PasswordChange,
  PasswordResetCompletion,
  ProfileUpdate,
  SessionView,
  UserProfile,
} from '@convene/contracts';
import { Language, NewPassword, OptionalMailKind, PersonName, Role } from '@convene/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, Raw } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { AuthException } from './auth.exception';
import { notFound } from '../common/app-exception';
import { zodIssues } from '../common/problem-details.filter';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type AuthenticatedUser, requestContext } from '../db/request-context';
import { PLATFORM_TENANT_ID } from '../db/app-role';
import { applyScope } from '../db/transaction';
import { OutboxService } from '../mail/outbox.service';
import { TenantsService } from '../tenants/tenants.service';
import { bytesToUuid, hashPassword, hashToken, newToken, verifyPassword } from './secrets';
import { SessionService } from './session.service';
import { User } from './user.entity';
import { UserToken } from './user-token.entity';
import { Invitation } from '../members/invitation.entity';

/** What the profile shows of a person, as updateProfile's statement returns it. */
const ProfileRow = z.strictObject({
  id: z.guid(),
  email: z.string(),
  name: z.string(),
  preferred_language: Language,
  muted_mail_kinds: z.array(OptionalMailKind),
});

/** A pending invitation with its tenant's names (findInvitation's join). */
const InvitationRow = z.strictObject({
  tenant_id: z.guid(),
  id: z.guid(),
  email: z.string(),
  role: Role,
  member_state_code: z.string().nullable(),
  expires_at: z.date(),
  tenant_slug: z.string(),
  tenant_name: z.string(),
});
type InvitationRow = z.infer<typeof InvitationRow>;

/** The columns of a person the service reads; the password hash only where it is checked. */
const PROFILE = {
  id: true,
  email: true,
  name: true,
  preferredLanguage: true,
  mutedMailKinds: true,
} as const;
type Profile = Pick<User, keyof typeof PROFILE>;

/**
 * Emails are stored lowercased and indexed on lower(email) (users_email_key): comparing
 * lower(email) lets the look-up use that index, which a plain `email = …` would not.
 */
const emailIs = (email: string) => Raw((column) => `lower(${column}) = lower(:email)`, { email });

const badCredentials = () =>
  new AuthException(401, 'invalid-credentials', 'Email or password is incorrect');
const invalidInvitation = () =>
  new AuthException(
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
    const valid = await verifyPassword(user?.passwordHash, credentials.password);
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
    const user = await manager.findOne(User, {
      select: { ...PROFILE, lastTenantId: true },
      where: { id: userId },
    });
    if (!user) throw new AuthException(401, 'unauthenticated', 'Sign in to continue');
    const memberships = await this.tenants.membershipsOf(manager, userId);
    const last = memberships.find((membership) => membership.tenant.id === user.lastTenantId);
    return {
      user: toProfile(user),
      memberships,
      // A tenant left (or deactivated in) since is forgotten: "/" then picks by role.
      lastTenantSlug: last?.tenant.slug ?? null,
    };
  }

  /**
   * Remembers the tenant the person has just opened, where they are an active member; any
   * other slug, their own inactive membership included, is not found. One statement.
   */
  async rememberLastTenant(user: AuthenticatedUser, tenantSlug: string): Promise<void> {
    const { manager } = requestContext.current();
    // Raw SQL: the membership check and the write in one round trip. Outside any tenant the
    // own_memberships policy shows the person's own memberships only.
    const rows = await sql(
      manager,
      `update users u set last_tenant_id = m.tenant_id
         from memberships m join tenants t on t.id = m.tenant_id
        where u.id = $1 and m.user_id = $1 and m.status = 'active' and t.slug = $2
        returning u.id`,
      [user.id, tenantSlug],
      z.strictObject({ id: z.guid() }),
    );
    if (rows.length === 0) throw notFound('Tenant');
  }

  async requestPasswordReset(email: string): Promise<void> {
    const { manager } = requestContext.current();
    const user = await this.findUserByEmail(manager, email);
    if (!user) return;
    const { token, hash } = newToken();
    await manager
      .createQueryBuilder()
      .insert()
      .into(UserToken)
      .values({
        userId: user.id,
        purpose: 'password_reset',
        tokenHash: hash,
        // The database's clock, as the statement that spends the token compares with now().
        expiresAt: () => 'now() + make_interval(secs => :ttl)',
      })
      .setParameter('ttl', this.config.resetTtlMs / 1000)
      // Nothing reads the generated id back: no RETURNING clause.
      .updateEntity(false)
      .execute();
    await this.outbox.enqueue({
      tenantId: PLATFORM_TENANT_ID,
      recipient: user.email,
      language: user.preferredLanguage,
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
    // Raw SQL: spends the token and names its person in one conditional statement, so two
    // requests racing with the same link cannot both succeed.
    const rows = await sql(
      manager,
      `update user_tokens set used_at = now()
        where token_hash = $1 and purpose = 'password_reset' and used_at is null and expires_at > now()
        returning id, user_id`,
      [hashToken(input.token)],
      z.strictObject({ id: z.guid(), user_id: z.guid() }),
    );
    const spent = rows[0];
    if (!spent)
      throw new AuthException(
        404,
        'reset-token-invalid',
        'This reset link is not valid: it may have expired or been used',
      );
    await this.setPassword(manager, spent.user_id, input.password);
    await this.sessions.revokeAllOf(manager, spent.user_id);
    // Older unused links die with the password they were meant to replace.
    await manager.update(
      UserToken,
      { userId: spent.user_id, usedAt: IsNull() },
      { usedAt: () => 'now()' },
    );
  }

  async previewInvitation(token: string): Promise<InvitationPreview> {
    const { manager } = requestContext.current();
    const invitation = await this.findInvitation(manager, token);
    const accountExists = await manager.exists(User, {
      where: { email: emailIs(invitation.email) },
    });
    return {
      email: invitation.email,
      role: invitation.role,
      tenant: { slug: invitation.tenant_slug, name: invitation.tenant_name },
      memberStateAlpha3: invitation.member_state_code?.trim() ?? null,
      accountExists,
      expiresAt: invitation.expires_at.toISOString(),
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
      if (!(await verifyPassword(user.passwordHash, input.password))) throw badCredentials();
    } else {
      const name = PersonName.safeParse(input.name);
      const password = NewPassword.safeParse(input.password);
      if (!name.success || !password.success) {
        throw new AuthException(400, 'validation', 'The request is not valid', undefined, [
          ...(name.success
            ? []
            : zodIssues(name.error).map((issue) => ({ ...issue, path: 'name' }))),
          ...(password.success
            ? []
            : zodIssues(password.error).map((issue) => ({ ...issue, path: 'password' }))),
        ]);
      }
      const created: Omit<Profile, 'id'> & Pick<User, 'passwordHash'> = {
        email: invitation.email,
        name: name.data,
        preferredLanguage: input.preferredLanguage ?? 'en',
        mutedMailKinds: [],
        passwordHash: await hashPassword(password.data),
      };
      const inserted = await manager.insert(User, created);
      const id: unknown = inserted.identifiers[0]?.['id'];
      if (typeof id !== 'string') throw new Error('user was not created');
      user = { ...created, id };
    }

    await applyScope(manager, { userId: user.id, tenantId: invitation.tenant_id });
    // Conditional, so that of two acceptances racing for one invitation only one spends it.
    const spent = await manager.update(
      Invitation,
      {
        tenantId: invitation.tenant_id,
        id: invitation.id,
        acceptedAt: IsNull(),
        revokedAt: IsNull(),
      },
      { acceptedAt: () => 'now()' },
    );
    if (spent.affected !== 1) throw invalidInvitation();
    // Raw SQL: an upsert that reactivates a former membership with the invitation's role.
    const memberships = await sql(
      manager,
      `insert into memberships (tenant_id, user_id, role, member_state_code)
       values ($1, $2, $3, $4)
       on conflict (tenant_id, user_id) do update
         set role = excluded.role, member_state_code = excluded.member_state_code,
             status = 'active', updated_at = now()
       returning id, role, status`,
      [invitation.tenant_id, user.id, invitation.role, invitation.member_state_code],
      z.strictObject({ id: z.guid(), role: Role, status: z.enum(['active', 'deactivated']) }),
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
    // Raw SQL: changes only the fields given and returns the profile, in one round trip.
    const rows = await sql(
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
      ProfileRow,
    );
    const updated = rows[0];
    if (!updated) throw new AuthException(401, 'unauthenticated', 'Sign in to continue');
    return {
      id: updated.id,
      email: updated.email,
      name: updated.name,
      preferredLanguage: updated.preferred_language,
      mutedMailKinds: updated.muted_mail_kinds,
    };
  }

  async profile(user: AuthenticatedUser): Promise<UserProfile> {
    return (await this.sessionView(requestContext.current().manager, user.id)).user;
  }

  /** Checks the current password, sets the new one, ends the person's other sessions. */
  async changePassword(user: AuthenticatedUser, change: PasswordChange): Promise<void> {
    const { manager } = requestContext.current();
    const current = await manager.findOne(User, {
      select: { id: true, passwordHash: true },
      where: { id: user.id },
    });
    if (!(await verifyPassword(current?.passwordHash, change.currentPassword))) {
      throw new AuthException(
        400,
        'wrong-password',
        'The current password is incorrect',
        undefined,
        [{ path: 'currentPassword', message: 'incorrect password' }],
      );
    }
    await this.setPassword(manager, user.id, change.newPassword);
    await this.sessions.revokeAllOf(manager, user.id, user.sessionId);
  }

  private async setPassword(manager: EntityManager, userId: string, password: string) {
    await manager.update(
      User,
      { id: userId },
      { passwordHash: await hashPassword(password), updatedAt: () => 'now()' },
    );
  }

  private findUserByEmail(
    manager: EntityManager,
    email: string,
  ): Promise<(Profile & Pick<User, 'passwordHash'>) | null> {
    return manager.findOne(User, {
      select: { ...PROFILE, passwordHash: true },
      where: { email: emailIs(email) },
    });
  }

  /** The token's first 22 characters name its tenant; the rest is the secret. */
  private async findInvitation(manager: EntityManager, token: string): Promise<InvitationRow> {
    const tenantPart = Buffer.from(token.slice(0, 22), 'base64url');
    if (tenantPart.length !== 16) throw invalidInvitation();
    const tenantId = bytesToUuid(tenantPart);
    await applyScope(manager, { tenantId, userId: requestContext.current().user?.id });
    // Raw SQL: a join, and the one read of an invitation by its token.
    const rows = await sql(
      manager,
      `select i.tenant_id, i.id, i.email, i.role, i.member_state_code, i.expires_at,
              t.slug as tenant_slug, t.name as tenant_name
         from invitations i join tenants t on t.id = i.tenant_id
        where i.tenant_id = $1 and i.token_hash = $2
          and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()`,
      [tenantId, hashToken(token)],
      InvitationRow,
    );
    const invitation = rows[0];
    if (!invitation) throw invalidInvitation();
    return invitation;
  }
}

function toProfile(user: Profile): UserProfile {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    preferredLanguage: user.preferredLanguage,
    mutedMailKinds: user.mutedMailKinds,
  };
}
