import { ISO_NUMERIC } from './iso-numeric';
import { MEMBER_STATE_CODES } from './member-states';

describe('ISO_NUMERIC', () => {
  it('has a code for each of the 195 States and no other', () => {
    expect(Object.keys(ISO_NUMERIC).sort()).toEqual([...MEMBER_STATE_CODES].sort());
    expect(Object.keys(ISO_NUMERIC)).toHaveLength(195);
  });

  it('spells every code with three digits, each used once', () => {
    const codes = Object.values(ISO_NUMERIC);
    expect(codes.every((code) => /^\d{3}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('matches the ISO 3166-1 numeric codes of States looked up by hand', () => {
    expect(ISO_NUMERIC['KEN']).toBe('404');
    expect(ISO_NUMERIC['FRA']).toBe('250');
    expect(ISO_NUMERIC['CHN']).toBe('156');
    expect(ISO_NUMERIC['USA']).toBe('840');
    expect(ISO_NUMERIC['AFG']).toBe('004');
    expect(ISO_NUMERIC['VAT']).toBe('336');
    expect(ISO_NUMERIC['PSE']).toBe('275');
    expect(ISO_NUMERIC['SSD']).toBe('728');
  });
});
