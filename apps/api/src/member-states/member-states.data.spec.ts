import { REGIONAL_GROUPS, UN_LANGUAGES } from '@convene/contracts';
import type { RegionalGroup } from '@convene/contracts';
import countries from 'i18n-iso-countries';
import { MEMBER_STATE_SEEDS, memberStateNames } from './member-states.data';

function groupOf(alpha3: string): RegionalGroup | null | undefined {
  return MEMBER_STATE_SEEDS.find((s) => s.alpha3 === alpha3)?.regionalGroup;
}

describe('MEMBER_STATE_SEEDS', () => {
  it('has 195 rows: 193 Member States and 2 observer States', () => {
    expect(MEMBER_STATE_SEEDS).toHaveLength(195);
    expect(MEMBER_STATE_SEEDS.filter((s) => !s.observer)).toHaveLength(193);
    expect(
      MEMBER_STATE_SEEDS.filter((s) => s.observer)
        .map((s) => s.alpha3)
        .sort(),
    ).toEqual(['PSE', 'VAT']);
  });

  it('is sorted by alpha3', () => {
    const codes = MEMBER_STATE_SEEDS.map((s) => s.alpha3);
    expect(codes).toEqual([...codes].sort());
  });

  it('has unique alpha3 and alpha2 codes', () => {
    expect(new Set(MEMBER_STATE_SEEDS.map((s) => s.alpha3)).size).toBe(195);
    expect(new Set(MEMBER_STATE_SEEDS.map((s) => s.alpha2)).size).toBe(195);
  });

  it('uses valid ISO 3166-1 codes whose alpha2 matches the alpha3', () => {
    for (const { alpha3, alpha2 } of MEMBER_STATE_SEEDS) {
      expect(alpha3).toMatch(/^[A-Z]{3}$/);
      expect(alpha2).toMatch(/^[A-Z]{2}$/);
      expect(countries.isValid(alpha3)).toBe(true);
      expect([alpha3, countries.alpha3ToAlpha2(alpha3)]).toEqual([alpha3, alpha2]);
    }
  });

  it('only uses known regional groups', () => {
    for (const { regionalGroup } of MEMBER_STATE_SEEDS) {
      if (regionalGroup !== null) {
        expect(REGIONAL_GROUPS).toContain(regionalGroup);
      }
    }
  });

  it('matches the UN regional group sizes', () => {
    const count = (group: RegionalGroup | null, observer?: boolean) =>
      MEMBER_STATE_SEEDS.filter(
        (s) => s.regionalGroup === group && (observer === undefined || s.observer === observer),
      ).length;

    // Member States per group, as listed by DGACM.
    expect(count('african', false)).toBe(54);
    expect(count('asia_pacific', false)).toBe(54); // 53 + Kiribati
    expect(count('eastern_european', false)).toBe(23);
    expect(count('latin_american_caribbean', false)).toBe(33);
    expect(count('western_european_others', false)).toBe(29); // 28 + the United States
    expect(count(null, false)).toBe(0);

    // Rows per group, observers included.
    expect(count('african')).toBe(54);
    expect(count('asia_pacific')).toBe(55); // + State of Palestine
    expect(count('eastern_european')).toBe(23);
    expect(count('latin_american_caribbean')).toBe(33);
    expect(count('western_european_others')).toBe(29);
    expect(count(null)).toBe(1); // Holy See
  });

  it('places the judgement-call States as documented', () => {
    expect(groupOf('EGY')).toBe('african');
    expect(groupOf('DEU')).toBe('western_european_others');
    expect(groupOf('ISR')).toBe('western_european_others');
    expect(groupOf('TUR')).toBe('western_european_others');
    expect(groupOf('USA')).toBe('western_european_others');
    expect(groupOf('CYP')).toBe('asia_pacific');
    expect(groupOf('KIR')).toBe('asia_pacific');
    expect(groupOf('PSE')).toBe('asia_pacific');
    expect(groupOf('VAT')).toBeNull();
    expect(groupOf('RUS')).toBe('eastern_european');
    expect(groupOf('BRA')).toBe('latin_american_caribbean');
    expect(groupOf('CHN')).toBe('asia_pacific');
  });

  it('excludes non-UN entities', () => {
    for (const alpha3 of ['TWN', 'XKX', 'ESH', 'COK', 'NIU', 'GRL', 'PRI']) {
      expect(groupOf(alpha3)).toBeUndefined();
    }
  });
});

describe('memberStateNames', () => {
  it('gives every State a non-empty name in all six UN languages', () => {
    for (const { alpha3 } of MEMBER_STATE_SEEDS) {
      const names = memberStateNames(alpha3);
      expect(Object.keys(names).sort()).toEqual([...UN_LANGUAGES].sort());
      for (const lang of UN_LANGUAGES) {
        expect([alpha3, lang, names[lang].trim().length > 0]).toEqual([alpha3, lang, true]);
      }
    }
  });

  it('names spot checks', () => {
    const fra = memberStateNames('FRA');
    expect(fra.en).toBe('France');
    expect(fra.fr).toBe('France');
    expect(fra.es).toBe('Francia');
    expect(memberStateNames('DEU').en).toBe('Germany');
    expect(memberStateNames('DEU').fr).toBe('Allemagne');
    expect(memberStateNames('EGY').en).toBe('Egypt');
    expect(memberStateNames('TUR').en).toBe('Türkiye');
    expect(memberStateNames('PSE').en).toBe('State of Palestine');
    expect(memberStateNames('chn').zh).toBe('中国');
  });

  it('throws for an unknown code', () => {
    expect(() => memberStateNames('ZZZ')).toThrow(/ZZZ/);
  });
});
