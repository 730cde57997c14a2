import { permissionsOf } from '@convene/domain';
import { navItemsFor } from './nav-items';

const labels = (slug: string | null, permissions: readonly string[]) =>
  navItemsFor(slug, permissions).map((item) => item.labelKey);

describe('the side navigation', () => {
  it('shows a tenant admin every section of the tenant', () => {
    expect(labels('demo', permissionsOf('tenant_admin'))).toEqual([
      'shell.nav.home',
      'shell.nav.events',
      'shell.nav.users',
      'shell.nav.memberStates',
      'shell.nav.mail',
      'shell.nav.profile',
    ]);
  });

  it('keeps the outgoing mail with tenant admins', () => {
    for (const role of ['programme_officer', 'focal_point', 'expert'] as const) {
      expect(labels('demo', permissionsOf(role))).not.toContain('shell.nav.mail');
    }
  });

  it('shows programme officers the user directory they may read', () => {
    expect(labels('demo', permissionsOf('programme_officer'))).toContain('shell.nav.users');
  });

  it('hides the user directory from focal points and experts', () => {
    for (const role of ['focal_point', 'expert'] as const) {
      expect(labels('demo', permissionsOf(role))).toEqual([
        'shell.nav.home',
        'shell.nav.events',
        'shell.nav.memberStates',
        'shell.nav.profile',
      ]);
    }
  });

  it('links sections inside the current tenant', () => {
    const items = navItemsFor('northwind', permissionsOf('tenant_admin'));
    expect(items.map((item) => item.link)).toEqual([
      '/t/northwind',
      '/t/northwind/events',
      '/t/northwind/users',
      '/t/northwind/member-states',
      '/t/northwind/mail',
      '/profile',
    ]);
    expect(items[0]?.exact).toBe(true);
    expect(items[1]?.exact).toBe(false);
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
