import { z } from 'zod';
import { DisplayName, Email, EmailAddress, PageQuery, pageOf, Uuid } from './common';
import { singleLineText, Timestamp } from './text';
import { Alpha3, Alpha3Code } from './member-states';
import { Role } from './roles';
import { MEMBERSHIP_STATUSES } from './vocabulary';

export const MembershipStatus = z.enum(MEMBERSHIP_STATUSES);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

export const TenantMember = z.strictObject({
  membershipId: Uuid,
  userId: Uuid,
  email: EmailAddress,
  name: DisplayName,
  role: Role,
  memberStateAlpha3: Alpha3Code.nullable(),
  status: MembershipStatus,
  createdAt: Timestamp,
});
export type TenantMember = z.infer<typeof TenantMember>;
export const TenantMemberPage = pageOf(TenantMember);

export const TenantMemberQuery = PageQuery.extend({
  q: singleLineText(100).trim().optional(),
  role: Role.optional(),
  status: MembershipStatus.optional(),
});
export type TenantMemberQuery = z.infer<typeof TenantMemberQuery>;

/** A focal point represents exactly one Member State; other roles none. */
const withStateForFocalPoints = <
  T extends { role: Role; memberStateAlpha3?: string | null | undefined },
>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.role === 'focal_point' && !value.memberStateAlpha3) {
    ctx.addIssue({
      code: 'custom',
      path: ['memberStateAlpha3'],
      message: 'a focal point must represent a Member State',
    });
  }
  if (value.role !== 'focal_point' && value.memberStateAlpha3) {
    ctx.addIssue({
      code: 'custom',
      path: ['memberStateAlpha3'],
      message: 'only focal points represent a Member State',
    });
  }
};

export const MembershipUpdate = z
  .strictObject({
    role: Role,
    memberStateAlpha3: Alpha3.nullable().optional(),
  })
  .superRefine(withStateForFocalPoints);
export type MembershipUpdate = z.infer<typeof MembershipUpdate>;

export const InvitationCreate = z
  .strictObject({
    email: Email,
    role: Role,
    memberStateAlpha3: Alpha3.nullable().optional(),
  })
  .superRefine(withStateForFocalPoints);
export type InvitationCreate = z.infer<typeof InvitationCreate>;

export const PendingInvitation = z.strictObject({
  id: Uuid,
  email: EmailAddress,
  role: Role,
  memberStateAlpha3: Alpha3Code.nullable(),
  /** The inviter's name. */
  invitedBy: DisplayName,
  createdAt: Timestamp,
  expiresAt: Timestamp,
});
export type PendingInvitation = z.infer<typeof PendingInvitation>;
export const PendingInvitationPage = pageOf(PendingInvitation);

/** A person as others see them in a list: id and name. */
const PersonRef = z.strictObject({ id: Uuid, name: DisplayName });

export const AuditEntry = z.strictObject({
  id: Uuid,
  actor: PersonRef.nullable(),
  /** What was done ("event.create"); written by the API, never by a caller. */
  action: singleLineText(100),
  entity: singleLineText(100),
  entityId: singleLineText(100),
  /** The entity before and after, as the API recorded it (any JSON). */
  before: z.unknown(),
  after: z.unknown(),
  at: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditEntryPage = pageOf(AuditEntry);
