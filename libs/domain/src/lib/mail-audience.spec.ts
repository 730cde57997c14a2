import { mayReceive } from './mail-audience';

describe('who can receive optional mail', () => {
  it('sends the administrator digest to tenant administrators only', () => {
    expect(mayReceive('admin_digest', ['tenant_admin'])).toBe(true);
    expect(mayReceive('admin_digest', ['programme_officer', 'focal_point', 'expert'])).toBe(false);
  });

  it('counts a person who administers any one of their tenants', () => {
    expect(mayReceive('admin_digest', ['expert', 'tenant_admin'])).toBe(true);
  });

  it('reminds every role of the events they run or speak at', () => {
    for (const role of ['tenant_admin', 'programme_officer', 'focal_point', 'expert'] as const)
      expect(mayReceive('event_reminder', [role])).toBe(true);
  });

  it('offers nothing to someone with no tenant', () => {
    expect(mayReceive('event_reminder', [])).toBe(false);
  });
});
