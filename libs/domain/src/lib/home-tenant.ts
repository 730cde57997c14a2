import type { Role } from '@convene/contracts';

/** How much a role lets a person do in a tenant, strongest first (permissions.ts). */
export const ROLE_STRENGTH: Readonly<Record<Role, number>> = {
  tenant_admin: 4,
  programme_officer: 3,
  focal_point: 2,
  expert: 1,
};

interface Landing {
  tenant: { slug: string; name: string };
  role: Role;
}

/**
 * Where a person lands after signing in, or at "/": the tenant they last opened while they
 * still belong to it, else the one where their role is strongest, ties by the tenant's name.
 */
export function homeTenant<M extends Landing>(
  memberships: readonly M[],
  lastTenantSlug: string | null,
): M | null {
  const last = memberships.find((membership) => membership.tenant.slug === lastTenantSlug);
  if (last) return last;
  let home: M | null = null;
  for (const membership of memberships) {
    if (
      !home ||
      ROLE_STRENGTH[membership.role] > ROLE_STRENGTH[home.role] ||
      (ROLE_STRENGTH[membership.role] === ROLE_STRENGTH[home.role] &&
        membership.tenant.name.localeCompare(home.tenant.name) < 0)
    )
      home = membership;
  }
  return home;
}
