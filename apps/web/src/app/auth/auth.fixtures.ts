import type { MembershipSummary, Role, SessionView } from '@convene/contracts';
import { permissionsOf } from '@convene/domain';

/** Small factories for tests: a membership and a session as the API sends them. */
export function aMembership(
  slug: string,
  role: Role,
  memberStateAlpha3: string | null = null,
): MembershipSummary {
  return {
    tenant: { id: `id-${slug}`, slug, name: `Tenant ${slug}` },
    role,
    memberStateAlpha3,
    permissions: [...permissionsOf(role)],
  };
}

export function aSession(
  memberships: MembershipSummary[] = [aMembership('demo', 'tenant_admin')],
  lastTenantSlug: string | null = null,
): SessionView {
  return {
    user: {
      id: 'user-1',
      email: 'amina@demo.example',
      name: 'Amina Haddad',
      preferredLanguage: 'en',
      mutedMailKinds: [],
    },
    memberships,
    lastTenantSlug,
  };
}
