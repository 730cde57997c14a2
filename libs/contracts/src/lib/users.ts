import { z } from 'zod';
import { Email, PageQuery } from './common';
import { singleLineText } from './text';
import { Alpha3 } from './member-states';
import { Role } from './roles';

export const MEMBERSHIP_STATUSES = ['active', 'deactivated'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export interface TenantMember {
  membershipId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  memberStateAlpha3: string | null;
  status: MembershipStatus;
  createdAt: string;
}

export const TenantMemberQuery = PageQuery.extend({
  q: singleLineText(100).trim().optional(),
  role: Role.optional(),
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
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

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  memberStateAlpha3: string | null;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

export interface AuditEntry {
  id: string;
  actor: { id: string; name: string } | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: string;
}
