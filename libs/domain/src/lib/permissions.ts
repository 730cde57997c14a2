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
  ],
  // Officers see who is in the tenant (to assign experts, reach focal
  // points) but do not manage accounts.
  programme_officer: [
    'tenant.read',
    'memberStates.read',
    'users.read',
    'events.read',
    'events.manage',
  ],
  // Focal points and experts read events, but only those that concern them
  // (their State hosts it; they speak at it): the events service narrows.
  focal_point: ['tenant.read', 'memberStates.read', 'events.read'],
  expert: ['tenant.read', 'memberStates.read', 'events.read'],
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
