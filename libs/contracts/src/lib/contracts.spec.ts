import { LoginRequest } from './auth';
import { Email, PageQuery } from './common';
import { Alpha3 } from './member-states';
import { InvitationCreate, MembershipUpdate } from './users';

describe('the shared contracts', () => {
  it('compare emails case-insensitively by lowercasing and trimming them', () => {
    expect(Email.parse('  Focal.Point@Example.ORG ')).toBe('focal.point@example.org');
    expect(Email.safeParse('not an email').success).toBe(false);
  });

  it('reject fields they do not know, so a body cannot smuggle a tenant or an owner', () => {
    const result = LoginRequest.safeParse({ email: 'a@b.org', password: 'x', tenantId: 'other' });
    expect(result.success).toBe(false);
  });

  it('require a Member State for a focal point and refuse one for other roles', () => {
    expect(InvitationCreate.safeParse({ email: 'a@b.org', role: 'focal_point' }).success).toBe(
      false,
    );
    expect(
      InvitationCreate.parse({ email: 'a@b.org', role: 'focal_point', memberStateAlpha3: 'ken' }),
    ).toEqual({
      email: 'a@b.org',
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
    });
    expect(MembershipUpdate.safeParse({ role: 'expert', memberStateAlpha3: 'FRA' }).success).toBe(
      false,
    );
    expect(MembershipUpdate.safeParse({ role: 'expert', memberStateAlpha3: null }).success).toBe(
      true,
    );
  });

  it('accept only three-letter State codes', () => {
    expect(Alpha3.safeParse('KE').success).toBe(false);
    expect(Alpha3.safeParse('K3N').success).toBe(false);
  });

  it('bound page sizes and default them', () => {
    expect(PageQuery.parse({})).toEqual({ limit: 25 });
    expect(PageQuery.parse({ limit: '50' })).toEqual({ limit: 50 });
    expect(PageQuery.safeParse({ limit: '1000' }).success).toBe(false);
    expect(PageQuery.safeParse({ limit: '0' }).success).toBe(false);
  });
});
