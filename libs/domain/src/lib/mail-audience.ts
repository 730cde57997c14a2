import { type OptionalMailKind, type Role, ROLES } from '@convene/contracts';

/**
 * Which roles each optional mail can reach, so a person is offered a switch only for mail
 * they could receive. The mail scheduler (apps/api/src/mail/mail-scheduler.ts) picks the
 * recipients of each kind from the same table.
 */
export const OPTIONAL_MAIL_AUDIENCE: Readonly<Record<OptionalMailKind, readonly Role[]>> = {
  // The daily digest of lapsing invitations and failed mail: each active tenant administrator.
  admin_digest: ['tenant_admin'],
  // Reminders reach an event's responsible officer and its speakers, who may hold any role.
  event_reminder: ROLES,
  // A planned event's announcement: the focal points of its host States (events.service.ts).
  event_announced: ['focal_point'],
};

/** Whether someone holding these roles (one per tenant) can receive this kind of mail. */
export function mayReceive(kind: OptionalMailKind, roles: readonly Role[]): boolean {
  return roles.some((role) => OPTIONAL_MAIL_AUDIENCE[kind].includes(role));
}
