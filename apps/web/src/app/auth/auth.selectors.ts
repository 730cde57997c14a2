import { homeTenant, isPermission, type Permission } from '@convene/domain';
import { createSelector } from '@ngrx/store';
import { authFeature } from './auth.reducer';

export const { selectSession, selectStatus, selectCurrentTenantSlug, selectError } = authFeature;

export const selectUser = createSelector(selectSession, (session) => session?.user ?? null);

export const selectMemberships = createSelector(
  selectSession,
  (session) => session?.memberships ?? [],
);

export const selectIsAuthenticated = createSelector(
  selectStatus,
  (status) => status === 'authenticated' || status === 'signing-out',
);

/** Whether the server has answered "who is this?" yet. */
export const selectIsSessionSettled = createSelector(
  selectStatus,
  (status) => status !== 'unknown' && status !== 'loading',
);

/** Where the person lands: the tenant they opened last, else their strongest role's. */
export const selectHomeMembership = createSelector(selectSession, (session) =>
  session ? homeTenant(session.memberships, session.lastTenantSlug) : null,
);

/**
 * The membership the person is working in: the tenant in the URL, or
 * before they have entered one (say, straight to /profile) the one "/"
 * would take them to.
 */
export const selectCurrentMembership = createSelector(
  selectMemberships,
  selectCurrentTenantSlug,
  selectHomeMembership,
  (memberships, slug, home) =>
    slug === null
      ? home
      : (memberships.find((membership) => membership.tenant.slug === slug) ?? null),
);

export const selectMembershipBySlug = (slug: string) =>
  createSelector(
    selectMemberships,
    (memberships) => memberships.find((membership) => membership.tenant.slug === slug) ?? null,
  );

/** What the current role may do here; unknown names from a newer server are ignored. */
export const selectPermissions = createSelector(
  selectCurrentMembership,
  (membership): Permission[] => (membership?.permissions ?? []).filter(isPermission),
);

/** Where "/" and signing in lead: the home tenant, or the profile for someone with none. */
export const selectHomeUrl = createSelector(selectHomeMembership, (home) =>
  home ? `/t/${home.tenant.slug}` : '/profile',
);

/** Everything a route guard needs to decide, in one read. */
export const selectAuthGate = createSelector(
  selectIsSessionSettled,
  selectIsAuthenticated,
  selectHomeUrl,
  (settled, authenticated, homeUrl) => ({ settled, authenticated, homeUrl }),
);
