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
  // A new nomination: the event's responsible officer, or the tenant's planners when it has none.
  nomination_received: ['tenant_admin', 'programme_officer'],
  // A decision on a nomination: the focal points of the nominee's State.
  nomination_decided: ['focal_point'],
  // Invitations of States (apps/api/src/participation/invitations.*): the invited State's focal
  // points hear of the invitation, its changes and the deadline; officers of their answers.
  state_invited: ['focal_point'],
  invitation_updated: ['focal_point'],
  invitation_answered: ['tenant_admin', 'programme_officer'],
  nomination_reminder: ['focal_point'],
  // An officer's request to an expert (apps/api/src/experts/assignments.service.ts).
  expert_assigned: ['expert'],
  // Assistance requests (apps/api/src/requests/requests.mail.ts): the requesting State's focal
  // points hear of the officers' steps; the responsible officer (or every planner) of the State's.
  request_updated: ['focal_point'],
  request_received: ['tenant_admin', 'programme_officer'],
  // The expert an officer assigns as a request's reviewer.
  request_review_assigned: ['expert'],
  // Needs assessments (apps/api/src/assessments/assessments.mail.ts): the officers and
  // administrators who validate; the assessed State's focal points.
  assessment_submitted: ['tenant_admin', 'programme_officer'],
  assessment_reviewed: ['focal_point'],
};

/** Whether someone holding these roles (one per tenant) can receive this kind of mail. */
export function mayReceive(kind: OptionalMailKind, roles: readonly Role[]): boolean {
  return roles.some((role) => OPTIONAL_MAIL_AUDIENCE[kind].includes(role));
}
