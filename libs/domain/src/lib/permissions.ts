import type { Role } from '@convene/contracts';

/**
 * Everything a member of a tenant may be allowed to do. One name per
 * capability; routes declare the one they need and the web app shows only
 * what the role holds.
 */
export const PERMISSIONS = [
  'tenant.read',
  'memberStates.read',
  'users.read',
  'users.manage',
  'audit.read',
  'mail.manage',
  'events.read',
  'events.manage',
  // Participation (docs/participation.md): officers invite States, decide on nominations, check
  // participants in and export lists; focal points answer invitations and nominate their State's
  // people. Which rows each may read is the participant visibility rule's, not a permission's.
  'participation.manage',
  'participation.nominate',
  // Exporting the participant list (personal data leaves the system): officers and admins every
  // nominee, a focal point their own State's (the participant visibility rule narrows the rows).
  'participation.export',
  // Experts and outputs (docs/experts.md): officers keep the roster, assign experts and publish
  // documents; an expert keeps their own profile, answers assignments, files declarations and
  // contributes documents to the events they accepted. Which documents each may read is the
  // document visibility rule's, not a permission's. Uploading is `documents.contribute`, which
  // the staff hold too: with `documents.manage` on any document, without it on the events where
  // the person is one of the event's experts.
  'experts.manage',
  'experts.profile',
  'documents.manage',
  'documents.contribute',
  // Recommendations of meetings (docs/recommendations.md): officers and the event's rapporteur
  // write them while the event is held or reported (the service narrows experts to the
  // rapporteur); officers set the follow-up status, and a focal point of a State a
  // recommendation is addressed to adds notes for their State (the service narrows).
  'recommendations.write',
  'recommendations.follow_up',
  // The tenant's own settings (the upload size limit): its admins.
  'tenant.manage',
  // Needs assessments (docs/assessments.md): officers and focal points read and fill them (the
  // assessment visibility rule narrows focal points to their own State's), officers validate or
  // return them, tenant admins keep the questionnaire's versions.
  'assessments.read',
  'assessments.fill',
  'assessments.validate',
  'assessments.configure',
  // Reports (docs/reports.md): officers and admins read the tenant's dashboard and coverage map;
  // a State's page is theirs too, and a focal point's for their own State (the service narrows).
  'reports.read',
  'states.overview',
  // Tool delivery and IATI (docs/delivery.md): officers keep the editions and the delivery
  // register and read coverage; a focal point reads their own State's deliveries (the delivery
  // visibility rule narrows); officers download the IATI file, admins set how it reports.
  'deliveries.read',
  'deliveries.manage',
  'iati.export',
  'iati.manage',
  // Assistance requests (docs/requests.md): every role reads the requests the request
  // visibility rule shows it (focal points their State's, experts those they review); focal
  // points draft, submit and withdraw their State's; officers and admins review and plan them.
  'requests.read',
  'requests.draft',
  'requests.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The one table of role → permissions. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  tenant_admin: [
    'tenant.read',
    'memberStates.read',
    'users.read',
    'users.manage',
    'audit.read',
    'mail.manage',
    'events.read',
    'events.manage',
    'participation.manage',
    'participation.export',
    'experts.manage',
    'documents.manage',
    'recommendations.write',
    'recommendations.follow_up',
    'documents.contribute',
    'tenant.manage',
    'assessments.read',
    'assessments.fill',
    'assessments.validate',
    'assessments.configure',
    'reports.read',
    'states.overview',
    'deliveries.read',
    'deliveries.manage',
    'iati.export',
    'iati.manage',
    'requests.read',
    'requests.manage',
  ],
  // Officers see who is in the tenant (to assign experts, reach focal
  // points) but do not manage accounts.
  programme_officer: [
    'tenant.read',
    'memberStates.read',
    'users.read',
    'events.read',
    'events.manage',
    'participation.manage',
    'participation.export',
    'experts.manage',
    'documents.manage',
    'recommendations.write',
    'recommendations.follow_up',
    'documents.contribute',
    'assessments.read',
    'assessments.fill',
    'assessments.validate',
    'reports.read',
    'states.overview',
    'deliveries.read',
    'deliveries.manage',
    'iati.export',
    'requests.read',
    'requests.manage',
  ],
  // Focal points and experts read events, but only those that concern them
  // (their State hosts it; they speak at it): the events service narrows.
  focal_point: [
    'tenant.read',
    'memberStates.read',
    'events.read',
    'participation.nominate',
    'participation.export',
    'recommendations.follow_up',
    'assessments.read',
    'assessments.fill',
    'states.overview',
    'deliveries.read',
    'requests.read',
    'requests.draft',
  ],
  expert: [
    'tenant.read',
    'memberStates.read',
    'events.read',
    'experts.profile',
    'documents.contribute',
    'recommendations.write',
    'requests.read',
  ],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
