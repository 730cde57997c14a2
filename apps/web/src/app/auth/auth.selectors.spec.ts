import { permissionsOf } from '@convene/domain';
import { aMembership, aSession } from './auth.fixtures';
import { type AuthState, initialAuthState } from './auth.reducer';
import {
  selectAuthGate,
  selectCurrentMembership,
  selectHomeUrl,
  selectPermissions,
} from './auth.selectors';

const rootState = (auth: Partial<AuthState>) => ({
  auth: { ...initialAuthState, ...auth },
});

const officerHereExpertThere = aSession([
  aMembership('demo', 'programme_officer'),
  aMembership('northwind', 'expert'),
]);

describe('the auth selectors', () => {
  it('finds the membership of the tenant in the URL', () => {
    const state = rootState({
      session: officerHereExpertThere,
      status: 'authenticated',
      currentTenantSlug: 'northwind',
    });
    expect(selectCurrentMembership(state)?.role).toBe('expert');
    expect(selectPermissions(state)).toEqual(permissionsOf('expert'));
  });

  it('takes the home membership before any tenant is entered', () => {
    const state = rootState({
      session: officerHereExpertThere,
      status: 'authenticated',
    });
    expect(selectCurrentMembership(state)?.tenant.slug).toBe('demo');
    expect(selectPermissions(state)).toContain('users.read');
    // On /profile after a reload, the tenant opened last is the one shown.
    const remembered = rootState({
      session: { ...officerHereExpertThere, lastTenantSlug: 'northwind' },
      status: 'authenticated',
    });
    expect(selectCurrentMembership(remembered)?.tenant.slug).toBe('northwind');
  });

  it('gives no permissions in a tenant the person does not belong to', () => {
    const state = rootState({
      session: officerHereExpertThere,
      status: 'authenticated',
      currentTenantSlug: 'elsewhere',
    });
    expect(selectCurrentMembership(state)).toBeNull();
    expect(selectPermissions(state)).toEqual([]);
  });

  it('ignores permission names this app does not know', () => {
    const membership = {
      ...aMembership('demo', 'expert'),
      permissions: ['tenant.read', 'spaceships.launch'],
    };
    const state = rootState({
      session: aSession([membership]),
      status: 'authenticated',
      currentTenantSlug: 'demo',
    });
    expect(selectPermissions(state)).toEqual(['tenant.read']);
  });

  it('leads home to the tenant opened last', () => {
    const session = aSession(
      [aMembership('demo', 'programme_officer'), aMembership('northwind', 'expert')],
      'northwind',
    );
    expect(selectHomeUrl(rootState({ session }))).toBe('/t/northwind');
  });

  it('else to the strongest role, even when another tenant sorts first by name', () => {
    const session = aSession([
      aMembership('academy', 'expert'),
      aMembership('branch', 'programme_officer'),
    ]);
    expect(selectHomeUrl(rootState({ session }))).toBe('/t/branch');
  });

  it('leads someone with no tenant to their profile', () => {
    expect(selectHomeUrl(rootState({ session: aSession([]) }))).toBe('/profile');
  });

  it('lets guards wait until the session question is answered', () => {
    expect(selectAuthGate(rootState({ status: 'loading' })).settled).toBe(false);
    expect(selectAuthGate(rootState({ status: 'anonymous' }))).toEqual({
      settled: true,
      authenticated: false,
      homeUrl: '/profile',
    });
    expect(
      selectAuthGate(rootState({ status: 'authenticated', session: officerHereExpertThere })),
    ).toEqual({ settled: true, authenticated: true, homeUrl: '/t/demo' });
  });
});
