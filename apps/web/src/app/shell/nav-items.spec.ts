import { permissionsOf } from '@convene/domain';
import { navItemsFor } from './nav-items';

const labels = (slug: string | null, permissions: readonly string[]) =>
  navItemsFor(slug, permissions).map((item) => item.labelKey);

describe('the side navigation', () => {
  it('shows a tenant admin every section of the tenant', () => {
    expect(labels('demo', permissionsOf('tenant_admin'))).toEqual([
      'shell.nav.home',
      'shell.nav.events',
      'shell.nav.recommendations',
      'shell.nav.requests',
      'shell.nav.experts',
      'shell.nav.documents',
      'shell.nav.delivery',
      'shell.nav.users',
      'shell.nav.memberStates',
      'shell.nav.mail',
      'shell.nav.settings',
      'shell.nav.assessments',
      'shell.nav.reports',
      'shell.nav.profile',
    ]);
  });

  it('keeps the outgoing mail with tenant admins', () => {
    for (const role of ['programme_officer', 'focal_point', 'expert'] as const) {
      expect(labels('demo', permissionsOf(role))).not.toContain('shell.nav.mail');
    }
  });

  it('keeps the tenant settings with tenant admins', () => {
    for (const role of ['programme_officer', 'focal_point', 'expert'] as const) {
      expect(labels('demo', permissionsOf(role))).not.toContain('shell.nav.settings');
    }
  });

  it('shows programme officers the user directory they may read', () => {
    expect(labels('demo', permissionsOf('programme_officer'))).toContain('shell.nav.users');
  });

  it('shows the roster to those who keep it, not to focal points or experts', () => {
    expect(labels('demo', permissionsOf('programme_officer'))).toContain('shell.nav.experts');
    for (const role of ['focal_point', 'expert'] as const) {
      expect(labels('demo', permissionsOf(role))).not.toContain('shell.nav.experts');
    }
  });

  it('hides the user directory from focal points and experts', () => {
    for (const role of ['focal_point', 'expert'] as const) {
      expect(labels('demo', permissionsOf(role))).toEqual([
        'shell.nav.home',
        'shell.nav.events',
        'shell.nav.recommendations',
        ...(role === 'focal_point' ? ['shell.nav.requests'] : []),
        'shell.nav.documents',
        // A focal point reads their own State's deliveries of the tool.
        ...(role === 'focal_point' ? ['shell.nav.delivery'] : []),
        'shell.nav.memberStates',
        ...(role === 'focal_point' ? ['shell.nav.assessments'] : []),
        'shell.nav.profile',
      ]);
    }
  });

  it('shows needs assessments to officers and focal points, never to experts', () => {
    for (const role of ['tenant_admin', 'programme_officer', 'focal_point'] as const) {
      expect(labels('demo', permissionsOf(role))).toContain('shell.nav.assessments');
    }
    expect(labels('demo', permissionsOf('expert'))).not.toContain('shell.nav.assessments');
  });

  it('shows the requests to officers, administrators and focal points, not to experts', () => {
    for (const role of ['tenant_admin', 'programme_officer', 'focal_point'] as const) {
      expect(labels('demo', permissionsOf(role))).toContain('shell.nav.requests');
    }
    expect(labels('demo', permissionsOf('expert'))).not.toContain('shell.nav.requests');
  });

  it('shows every role the recommendations of the meetings it may see', () => {
    for (const role of ['tenant_admin', 'programme_officer', 'focal_point', 'expert'] as const) {
      expect(labels('demo', permissionsOf(role))).toContain('shell.nav.recommendations');
    }
  });

  it('links sections inside the current tenant', () => {
    const items = navItemsFor('northwind', permissionsOf('tenant_admin'));
    expect(items.map((item) => item.link)).toEqual([
      '/t/northwind',
      '/t/northwind/events',
      '/t/northwind/recommendations',
      '/t/northwind/requests',
      '/t/northwind/experts',
      '/t/northwind/documents',
      '/t/northwind/delivery',
      '/t/northwind/users',
      '/t/northwind/member-states',
      '/t/northwind/mail',
      '/t/northwind/settings',
      '/t/northwind/assessments',
      '/t/northwind/reports',
      '/profile',
    ]);
    expect(items[0]?.exact).toBe(true);
    expect(items[1]?.exact).toBe(false);
  });

  it('shows the dashboard to officers and admins only', () => {
    expect(labels('demo', permissionsOf('programme_officer'))).toContain('shell.nav.reports');
    for (const role of ['focal_point', 'expert'] as const) {
      expect(labels('demo', permissionsOf(role))).not.toContain('shell.nav.reports');
    }
  });

  it('puts the events right after home, for every role', () => {
    for (const role of ['tenant_admin', 'programme_officer', 'focal_point', 'expert'] as const) {
      const items = navItemsFor('demo', permissionsOf(role));
      expect(items[1]).toEqual({
        labelKey: 'shell.nav.events',
        icon: 'event',
        link: '/t/demo/events',
        exact: false,
      });
    }
  });

  it('offers only the profile outside any tenant', () => {
    expect(labels(null, permissionsOf('tenant_admin'))).toEqual(['shell.nav.profile']);
  });
});
