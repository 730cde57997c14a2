import { isPermission, type Permission } from '@convene/domain';
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

/**
 * The membership the person is working in: the tenant in the URL, or
 * before they have entered one (say, straight to /profile) the first,
 * where "/" would take them.
 */
export const selectCurrentMembership = createSelector(
  selectMemberships,
  selectCurrentTenantSlug,
  (memberships, slug) =>
    slug === null
      ? (memberships[0] ?? null)
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

/** Where "/" leads: the first tenant's home, or the profile for someone with none. */
export const selectHomeUrl = createSelector(selectMemberships, (memberships) => {
  const first = memberships[0];
  return first ? `/t/${first.tenant.slug}` : '/profile';
});

/** Everything a route guard needs to decide, in one read. */
export const selectAuthGate = createSelector(
  selectIsSessionSettled,
  selectIsAuthenticated,
  selectHomeUrl,
  (settled, authenticated, homeUrl) => ({ settled, authenticated, homeUrl }),
);
