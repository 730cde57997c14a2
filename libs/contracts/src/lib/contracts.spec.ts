import { CodeCheckIn, EventDay, normalizeVerificationCode } from './attendance';
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

describe('attendance and certificates', () => {
  it('reads a check-in code as people type it, and refuses what cannot be one', () => {
    expect(CodeCheckIn.parse({ day: '2027-05-10', code: ' 7kq2-9zxd m4 ' }).code).toBe(
      '7KQ29ZXDM4',
    );
    // O for 0, I and L for 1: the letters Crockford's alphabet leaves out.
    expect(CodeCheckIn.parse({ day: '2027-05-10', code: 'oil2345678' }).code).toBe('0112345678');
    for (const code of ['7KQ29ZXDM', '7KQ29ZXDM44', '7KQ29ZXDMU', '']) {
      expect({ code, ok: CodeCheckIn.safeParse({ day: '2027-05-10', code }).success }).toEqual({
        code,
        ok: false,
      });
    }
  });

  it('takes days that exist only', () => {
    for (const [day, ok] of [
      ['2027-05-10', true],
      ['2028-02-29', true],
      ['2027-02-29', false],
      ['2027-5-10', false],
      ['0000-01-01', false],
      ['2027-05-10T00:00:00Z', false],
    ] as const) {
      expect({ day, ok: EventDay.safeParse(day).success }).toEqual({ day, ok });
    }
  });

  it('prints verification codes in groups of four, however they were typed', () => {
    expect(normalizeVerificationCode('7kq29zxdm4tbr0we')).toBe('7KQ2-9ZXD-M4TB-R0WE');
    expect(normalizeVerificationCode('7KQ2-9ZXD-M4TB-R0WE')).toBe('7KQ2-9ZXD-M4TB-R0WE');
    expect(normalizeVerificationCode('7KQ2-9ZXD-M4TB-R0W')).toBeNull();
    expect(normalizeVerificationCode('UUUU-9ZXD-M4TB-R0WE')).toBeNull();
  });
});
