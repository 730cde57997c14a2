import { z } from 'zod';
import {
  CurrentPassword,
  DisplayName,
  Email,
  EmailAddress,
  Language,
  NewPassword,
  PersonName,
  TenantSlug,
  Uuid,
} from './common';
import { Role } from './roles';
import { OptionalMailKind } from './mail';
import { OPTIONAL_MAIL_KINDS } from './vocabulary';
import { Alpha3Code } from './member-states';
import { int32, patternText, singleLineText, Timestamp } from './text';

export const LoginRequest = z.strictObject({
  email: Email,
  // Not NewPassword: an old account may predate today's policy.
  password: CurrentPassword,
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const Token = patternText(128, /^[A-Za-z0-9_-]{32,128}$/, 'malformed token');

export const PasswordResetCompletion = z.strictObject({
  token: Token,
  password: NewPassword,
});
export type PasswordResetCompletion = z.infer<typeof PasswordResetCompletion>;

export const InvitationAcceptance = z.strictObject({
  token: Token,
  /** Required when the invitee has no account yet. */
  name: PersonName.optional(),
  // Checked against the policy by the service only when an account is made.
  password: CurrentPassword,
  preferredLanguage: Language.optional(),
});
export type InvitationAcceptance = z.infer<typeof InvitationAcceptance>;

/*
 * Response bodies. The API declares each in its OpenAPI document through these schemas, and
 * the web app reads the inferred types; bounds follow what the request contracts and the
 * database allow.
 */

/** A tenant's name (the tenants table holds 1–200 characters). */
export const TenantName = singleLineText(200);

/** What a role may do in a tenant, by permission name (libs/domain holds the table). */
export const Permissions = z.array(singleLineText(64)).max(64);

export const InvitationPreview = z.strictObject({
  email: EmailAddress,
  role: Role,
  tenant: z.strictObject({ slug: TenantSlug, name: TenantName }),
  memberStateAlpha3: Alpha3Code.nullable(),
  /** When true the invitee signs in with their existing password. */
  accountExists: z.boolean(),
  expiresAt: Timestamp,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const UserProfile = z.strictObject({
  id: Uuid,
  email: EmailAddress,
  name: DisplayName,
  preferredLanguage: Language,
  /** Optional notifications this person has turned off. */
  mutedMailKinds: z.array(OptionalMailKind).max(OPTIONAL_MAIL_KINDS.length),
});
export type UserProfile = z.infer<typeof UserProfile>;

export const MembershipSummary = z.strictObject({
  tenant: z.strictObject({ id: Uuid, slug: TenantSlug, name: TenantName }),
  role: Role,
  memberStateAlpha3: Alpha3Code.nullable(),
  /** What this role may do in this tenant (from the permission table). */
  permissions: Permissions,
});
export type MembershipSummary = z.infer<typeof MembershipSummary>;

/** Bounds what one answer may list; nobody belongs to this many tenants. */
export const MAX_MEMBERSHIPS = 1000;

export const SessionView = z.strictObject({
  user: UserProfile,
  memberships: z.array(MembershipSummary).max(MAX_MEMBERSHIPS),
  /**
   * The tenant the person last opened, while they are still an active member of it; null
   * otherwise. "/" leads there, else to the tenant of their strongest role (libs/domain).
   */
  lastTenantSlug: TenantSlug.nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

/** PUT /api/me/last-tenant: the tenant the person has just opened, to land in next time. */
export const LastTenantUpdate = z.strictObject({ tenant: TenantSlug });
export type LastTenantUpdate = z.infer<typeof LastTenantUpdate>;

/** The tenant as the caller sees it: its name, their role and what it lets them do. */
export const CurrentTenantView = z.strictObject({
  id: Uuid,
  slug: TenantSlug,
  name: TenantName,
  role: Role,
  memberStateAlpha3: Alpha3Code.nullable(),
  permissions: Permissions,
});
export type CurrentTenantView = z.infer<typeof CurrentTenantView>;

/** GET /api/health: answered only when the database answers. */
const count = () => int32(z.number().int().min(0).max(2_147_483_647));
export const Health = z.strictObject({
  status: z.literal('ok'),
  database: z.literal('up'),
  /** The outbox across every tenant, for monitoring: counts and an age, never whose mail. */
  mail: z.strictObject({
    /** Messages waiting to be sent, including those waiting for their next attempt. */
    queued: count(),
    /** Messages that became undeliverable in the last 24 hours. */
    failed24h: count(),
    /** How long the oldest waiting message has waited, in seconds; 0 when none waits. */
    oldestQueuedSeconds: count(),
  }),
});
export type Health = z.infer<typeof Health>;

export const ProfileUpdate = z.strictObject({
  name: PersonName.optional(),
  preferredLanguage: Language.optional(),
  /** The whole set of muted kinds, replacing the previous one. */
  mutedMailKinds: z
    .array(OptionalMailKind)
    .max(OPTIONAL_MAIL_KINDS.length)
    .transform((kinds) => [...new Set(kinds)])
    .optional(),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

export const PasswordChange = z.strictObject({
  currentPassword: CurrentPassword,
  newPassword: NewPassword,
});
export type PasswordChange = z.infer<typeof PasswordChange>;

/**
 * POST /api/me/account/close: the person closes their own account, with their password and a
 * confirmation (docs/privacy.md, "Closing one's account").
 */
export const AccountClosure = z.strictObject({
  currentPassword: CurrentPassword,
  confirm: z.literal(true),
});
export type AccountClosure = z.infer<typeof AccountClosure>;
