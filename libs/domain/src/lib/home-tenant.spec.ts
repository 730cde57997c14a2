import { ROLES, type Role } from '@convene/contracts';
import { homeTenant, ROLE_STRENGTH } from './home-tenant';

const member = (slug: string, name: string, role: Role) => ({ tenant: { slug, name }, role });

describe('where a person lands', () => {
  const northwindExpert = member('northwind', 'Northwind Regional Academy', 'expert');
  const demoOfficer = member('demo', 'Terrorism Prevention Branch', 'programme_officer');

  it('lands in the tenant opened last', () => {
    expect(homeTenant([northwindExpert, demoOfficer], 'northwind')).toBe(northwindExpert);
  });

  it('otherwise lands where the role is strongest, whatever the names', () => {
    expect(homeTenant([northwindExpert, demoOfficer], null)).toBe(demoOfficer);
  });

  it('ignores a remembered tenant the person no longer belongs to', () => {
    expect(homeTenant([northwindExpert, demoOfficer], 'gone')).toBe(demoOfficer);
  });

  it('breaks a tie of roles by the tenant name', () => {
    const zeta = member('zeta', 'Zeta Centre', 'focal_point');
    const alpha = member('alpha', 'Alpha Institute', 'focal_point');
    expect(homeTenant([zeta, alpha], null)).toBe(alpha);
  });

  it('orders the roles admin, officer, focal point, expert', () => {
    expect([...ROLES].sort((a, b) => ROLE_STRENGTH[b] - ROLE_STRENGTH[a])).toEqual([
      'tenant_admin',
      'programme_officer',
      'focal_point',
      'expert',
    ]);
  });

  it('has nowhere to go without a tenant', () => {
    expect(homeTenant([], 'demo')).toBeNull();
  });
});
