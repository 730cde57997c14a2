import {
  GEOGRAPHIC_REGIONS,
  groupStandingProblem,
  participationIn,
  REGIONAL_GROUPS,
  UN_LANGUAGES,
} from '@convene/contracts';
import type { GeographicRegion, RegionalGroup } from '@convene/contracts';
import countries from 'i18n-iso-countries';
import { MEMBER_STATE_SEEDS, type MemberStateSeed, memberStateNames } from './member-states.data';

function seed(alpha3: string): MemberStateSeed | undefined {
  return MEMBER_STATE_SEEDS.find((s) => s.alpha3 === alpha3);
}

function groupOf(alpha3: string): RegionalGroup | null | undefined {
  return seed(alpha3)?.electoralGroup;
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

  it('gives every State a standing the contracts accept, in known groups', () => {
    for (const state of MEMBER_STATE_SEEDS) {
      expect([state.alpha3, groupStandingProblem(state)]).toEqual([state.alpha3, null]);
      for (const { group } of state.groups) expect(REGIONAL_GROUPS).toContain(group);
    }
  });

  it('makes every State but the exceptions a member of one group, counted there', () => {
    const exceptions = MEMBER_STATE_SEEDS.filter(
      (s) =>
        s.groups.length !== 1 ||
        s.groups[0]?.kind !== 'member' ||
        s.groups[0]?.group !== s.electoralGroup,
    ).map((s) => s.alpha3);
    expect(exceptions).toEqual(['KIR', 'TUR', 'USA', 'VAT']);
  });

  it('puts Kiribati in no group, counted nowhere', () => {
    expect(seed('KIR')).toMatchObject({ groups: [], electoralGroup: null, observer: false });
  });

  it('makes the United States an observer of WEOG, counted there for elections', () => {
    expect(seed('USA')).toMatchObject({
      groups: [{ group: 'western_european_others', kind: 'observer' }],
      electoralGroup: 'western_european_others',
    });
  });

  it('makes Israel a full member of WEOG, and of no other group', () => {
    expect(seed('ISR')).toMatchObject({
      groups: [{ group: 'western_european_others', kind: 'member' }],
      electoralGroup: 'western_european_others',
      geographicRegion: 'asia',
    });
  });

  it('makes Türkiye a member of WEOG and Asia-Pacific, counted in WEOG', () => {
    const turkiye = seed('TUR');
    expect(turkiye?.groups).toHaveLength(2);
    expect(turkiye && participationIn(turkiye, 'western_european_others')).toBe('member');
    expect(turkiye && participationIn(turkiye, 'asia_pacific')).toBe('member');
    expect(turkiye?.electoralGroup).toBe('western_european_others');
  });

  it('matches the UN regional group sizes', () => {
    const counted = (group: RegionalGroup | null, observer?: boolean) =>
      MEMBER_STATE_SEEDS.filter(
        (s) => s.electoralGroup === group && (observer === undefined || s.observer === observer),
      ).length;
    const members = (group: RegionalGroup) =>
      MEMBER_STATE_SEEDS.filter((s) => !s.observer && participationIn(s, group) === 'member')
        .length;

    // Member States per group, as listed by DGACM: Türkiye in two, the United States and
    // Kiribati in none.
    expect(members('african')).toBe(54);
    expect(members('asia_pacific')).toBe(54); // 53 + Türkiye
    expect(members('eastern_european')).toBe(23);
    expect(members('latin_american_caribbean')).toBe(33);
    expect(members('western_european_others')).toBe(28);

    // Member States per group for elections: each counted once, Kiribati nowhere.
    expect(counted('african', false)).toBe(54);
    expect(counted('asia_pacific', false)).toBe(53);
    expect(counted('eastern_european', false)).toBe(23);
    expect(counted('latin_american_caribbean', false)).toBe(33);
    expect(counted('western_european_others', false)).toBe(29); // 28 + the United States
    expect(counted(null, false)).toBe(1); // Kiribati

    // Rows per electoral group, observer States included.
    expect(counted('asia_pacific')).toBe(54); // + State of Palestine
    expect(counted(null)).toBe(2); // + Holy See
  });

  it('places the judgement-call States as documented', () => {
    expect(groupOf('EGY')).toBe('african');
    expect(groupOf('DEU')).toBe('western_european_others');
    expect(groupOf('CYP')).toBe('asia_pacific');
    expect(groupOf('PSE')).toBe('asia_pacific');
    expect(groupOf('VAT')).toBeNull();
    expect(seed('VAT')?.groups).toEqual([]);
    expect(groupOf('RUS')).toBe('eastern_european');
    expect(groupOf('BRA')).toBe('latin_american_caribbean');
    expect(groupOf('CHN')).toBe('asia_pacific');
  });

  it('places every State in an M49 geographic region', () => {
    const count = (region: GeographicRegion) =>
      MEMBER_STATE_SEEDS.filter((s) => s.geographicRegion === region).length;
    expect(Object.fromEntries(GEOGRAPHIC_REGIONS.map((region) => [region, count(region)]))).toEqual(
      { africa: 54, americas: 35, asia: 48, europe: 44, oceania: 14 },
    );
    // Where the region and the group part ways.
    expect(seed('CYP')?.geographicRegion).toBe('asia');
    expect(seed('TUR')?.geographicRegion).toBe('asia');
    expect(seed('AUS')?.geographicRegion).toBe('oceania');
    expect(seed('USA')?.geographicRegion).toBe('americas');
    expect(seed('KIR')?.geographicRegion).toBe('oceania');
    expect(seed('RUS')?.geographicRegion).toBe('europe');
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
