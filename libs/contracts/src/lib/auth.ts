import { z } from 'zod';
import { CurrentPassword, Email, Language, NewPassword, PersonName } from './common';
import { Role } from './roles';
import { OPTIONAL_MAIL_KINDS, OptionalMailKind } from './mail';
import { singleLineText } from './text';

export const LoginRequest = z.strictObject({
  email: Email,
  // Not NewPassword: an old account may predate today's policy.
  password: CurrentPassword,
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const PasswordResetRequest = z.strictObject({ email: Email });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

export const Token = singleLineText(128).regex(/^[A-Za-z0-9_-]{32,128}$/, 'malformed token');

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

export interface InvitationPreview {
  email: string;
  role: Role;
  tenant: { slug: string; name: string };
  memberStateAlpha3: string | null;
  /** When true the invitee signs in with their existing password. */
  accountExists: boolean;
  expiresAt: string;
}

export interface UserProfile {
  id: string;
  email: string;
  name: string;
  preferredLanguage: Language;
  /** Optional notifications this person has turned off. */
  mutedMailKinds: OptionalMailKind[];
}

export interface MembershipSummary {
  tenant: { id: string; slug: string; name: string };
  role: Role;
  memberStateAlpha3: string | null;
  /** What this role may do in this tenant (from the permission table). */
  permissions: string[];
}

export interface SessionView {
  user: UserProfile;
  memberships: MembershipSummary[];
}

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
