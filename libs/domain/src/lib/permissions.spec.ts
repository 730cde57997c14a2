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

  it("lets a tenant admin do everything but what is a focal point's or an expert's own", () => {
    const ownToOthers = ['participation.nominate', 'experts.profile', 'requests.draft'];
    expect([...permissionsOf('tenant_admin')].sort()).toEqual(
      PERMISSIONS.filter((permission) => !ownToOthers.includes(permission)).sort(),
    );
    expect(ROLES.filter((role) => can(role, 'participation.nominate'))).toEqual(['focal_point']);
    expect(ROLES.filter((role) => can(role, 'experts.profile'))).toEqual(['expert']);
  });

  it('lets officers and admins keep the roster and publish documents, experts contribute too', () => {
    expect(ROLES.filter((role) => can(role, 'experts.manage'))).toEqual([
      'tenant_admin',
      'programme_officer',
    ]);
    expect(ROLES.filter((role) => can(role, 'documents.manage'))).toEqual([
      'tenant_admin',
      'programme_officer',
    ]);
    // Each upload route declares one permission: the staff contribute to any event, an expert to
    // the events where they are one of the event's experts (the documents service narrows).
    expect(ROLES.filter((role) => can(role, 'documents.contribute'))).toEqual([
      'tenant_admin',
      'programme_officer',
      'expert',
    ]);
  });

  it('lets officers, admins and rapporteurs write recommendations; officers and focal points follow them up', () => {
    expect(ROLES.filter((role) => can(role, 'recommendations.write'))).toEqual([
      'tenant_admin',
      'programme_officer',
      'expert',
    ]);
    expect(ROLES.filter((role) => can(role, 'recommendations.follow_up'))).toEqual([
      'tenant_admin',
      'programme_officer',
      'focal_point',
    ]);
  });

  it('lets every role read requests (the rule narrows), focal points draft, officers and admins manage', () => {
    expect(ROLES.filter((role) => can(role, 'requests.read'))).toEqual([...ROLES]);
    expect(ROLES.filter((role) => can(role, 'requests.draft'))).toEqual(['focal_point']);
    expect(ROLES.filter((role) => can(role, 'requests.manage'))).toEqual([
      'tenant_admin',
      'programme_officer',
    ]);
  });

  it('lets officers, admins and focal points export participant lists, never experts', () => {
    expect(ROLES.filter((role) => can(role, 'participation.export'))).toEqual([
      'tenant_admin',
      'programme_officer',
      'focal_point',
    ]);
  });

  it('lets officers and focal points fill needs assessments, officers validate, admins keep the questionnaire', () => {
    for (const permission of ['assessments.read', 'assessments.fill'] as const) {
      expect(ROLES.filter((role) => can(role, permission))).toEqual([
        'tenant_admin',
        'programme_officer',
        'focal_point',
      ]);
    }
    expect(ROLES.filter((role) => can(role, 'assessments.validate'))).toEqual([
      'tenant_admin',
      'programme_officer',
    ]);
    expect(ROLES.filter((role) => can(role, 'assessments.configure'))).toEqual(['tenant_admin']);
  });

  it('keeps account management with tenant admins only', () => {
    expect(ROLES.filter((role) => can(role, 'users.manage'))).toEqual(['tenant_admin']);
    expect(ROLES.filter((role) => can(role, 'audit.read'))).toEqual(['tenant_admin']);
    expect(ROLES.filter((role) => can(role, 'mail.manage'))).toEqual(['tenant_admin']);
    // The tenant's settings (the upload size limit).
    expect(ROLES.filter((role) => can(role, 'tenant.manage'))).toEqual(['tenant_admin']);
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

  it('lets officers and admins read the dashboard and map; focal points too a State page', () => {
    expect(ROLES.filter((role) => can(role, 'reports.read'))).toEqual([
      'tenant_admin',
      'programme_officer',
    ]);
    expect(ROLES.filter((role) => can(role, 'states.overview'))).toEqual([
      'tenant_admin',
      'programme_officer',
      'focal_point',
    ]);
  });

  it('keeps the delivery register with officers and admins, focal points reading their State’s', () => {
    expect(ROLES.filter((role) => can(role, 'deliveries.manage'))).toEqual([
      'tenant_admin',
      'programme_officer',
    ]);
    expect(ROLES.filter((role) => can(role, 'deliveries.read'))).toEqual([
      'tenant_admin',
      'programme_officer',
      'focal_point',
    ]);
    expect(ROLES.filter((role) => can(role, 'iati.export'))).toEqual([
      'tenant_admin',
      'programme_officer',
    ]);
    expect(ROLES.filter((role) => can(role, 'iati.manage'))).toEqual(['tenant_admin']);
  });
});
