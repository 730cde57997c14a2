import { ROLES } from '@convene/contracts';
import { can, PERMISSIONS, permissionsOf, ROLE_PERMISSIONS } from './permissions';

describe('the permission table', () => {
  it('gives every role a row and names only known permissions', () => {
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role]).toBeDefined();
      for (const permission of permissionsOf(role)) {
        expect(PERMISSIONS).toContain(permission);
      }
    }
  });

  it('lets a tenant admin do everything', () => {
    expect([...permissionsOf('tenant_admin')].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('keeps account management with tenant admins only', () => {
    expect(ROLES.filter((role) => can(role, 'users.manage'))).toEqual(['tenant_admin']);
    expect(ROLES.filter((role) => can(role, 'audit.read'))).toEqual(['tenant_admin']);
    expect(ROLES.filter((role) => can(role, 'mail.manage'))).toEqual(['tenant_admin']);
  });

  it('lets officers read the user directory but not focal points or experts', () => {
    expect(can('programme_officer', 'users.read')).toBe(true);
    expect(can('focal_point', 'users.read')).toBe(false);
    expect(can('expert', 'users.read')).toBe(false);
  });

  it('lets officers and admins plan events, and every role read the events that concern it', () => {
    expect(ROLES.filter((role) => can(role, 'events.manage'))).toEqual([
      'tenant_admin',
      'programme_officer',
    ]);
    for (const role of ROLES) expect(can(role, 'events.read')).toBe(true);
  });

  it('lets every role read its tenant and the Member States directory', () => {
    for (const role of ROLES) {
      expect(can(role, 'tenant.read')).toBe(true);
      expect(can(role, 'memberStates.read')).toBe(true);
    }
  });
});
