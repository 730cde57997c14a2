import { MemberState, MemberStateQuery } from './member-states';
import {
  describeStanding,
  type GroupStanding,
  groupStandingProblem,
  participationIn,
} from './standing';

const names = { ar: 'x', zh: 'x', en: 'x', fr: 'x', ru: 'x', es: 'x' };

function state(alpha3: string, alpha2: string, standing: GroupStanding) {
  return {
    alpha3,
    alpha2,
    ...standing,
    geographicRegion: 'asia',
    observer: false,
    names,
  };
}

/** The UN's special cases, as DGACM describes them. */
const KIRIBATI: GroupStanding = { groups: [], electoralGroup: null };
const UNITED_STATES: GroupStanding = {
  groups: [{ group: 'western_european_others', kind: 'observer' }],
  electoralGroup: 'western_european_others',
};
const ISRAEL: GroupStanding = {
  groups: [{ group: 'western_european_others', kind: 'member' }],
  electoralGroup: 'western_european_others',
};
const TURKIYE: GroupStanding = {
  groups: [
    { group: 'asia_pacific', kind: 'member' },
    { group: 'western_european_others', kind: 'member' },
  ],
  electoralGroup: 'western_european_others',
};

describe('a Member State in the regional groups', () => {
  it('can sit in no group and be counted nowhere (Kiribati)', () => {
    const kiribati = MemberState.parse(state('KIR', 'KI', KIRIBATI));
    expect(kiribati.groups).toEqual([]);
    expect(kiribati.electoralGroup).toBeNull();
    expect(describeStanding(kiribati)).toEqual([]);
  });

  it('can observe a group and be counted there for elections (the United States)', () => {
    const usa = MemberState.parse(state('USA', 'US', UNITED_STATES));
    expect(participationIn(usa, 'western_european_others')).toBe('observer');
    expect(describeStanding(usa)).toEqual([
      { group: 'western_european_others', kind: 'observer', electoral: true },
    ]);
  });

  it('can be a full member of one group, counted there (Israel)', () => {
    const israel = MemberState.parse(state('ISR', 'IL', ISRAEL));
    expect(participationIn(israel, 'western_european_others')).toBe('member');
    expect(participationIn(israel, 'asia_pacific')).toBeNull();
  });

  it('can be a member of two groups and counted in one, listed first (Türkiye)', () => {
    const turkiye = MemberState.parse(state('TUR', 'TR', TURKIYE));
    expect(describeStanding(turkiye)).toEqual([
      { group: 'western_european_others', kind: 'member', electoral: true },
      { group: 'asia_pacific', kind: 'member', electoral: false },
    ]);
  });

  it('is refused when counted in a group it does not take part in', () => {
    const counted = { groups: [], electoralGroup: 'asia_pacific' } as const;
    expect(groupStandingProblem(counted)).toMatch(/electoral group/);
    const result = MemberState.safeParse(state('KIR', 'KI', counted));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['electoralGroup']);
  });

  it('is refused when a group is listed twice', () => {
    const twice: GroupStanding = {
      groups: [
        { group: 'african', kind: 'member' },
        { group: 'african', kind: 'observer' },
      ],
      electoralGroup: 'african',
    };
    expect(groupStandingProblem(twice)).toMatch(/twice/);
    expect(MemberState.safeParse(state('EGY', 'EG', twice)).success).toBe(false);
  });

  it('is refused with an unknown kind of participation', () => {
    const value = state('FRA', 'FR', ISRAEL);
    const odd = { ...value, groups: [{ group: 'western_european_others', kind: 'guest' }] };
    expect(MemberState.safeParse(odd).success).toBe(false);
  });
});

describe('the Member States query', () => {
  it('filters by group (or none) and geographic region, in English by default', () => {
    expect(MemberStateQuery.parse({ group: 'none', geographicRegion: 'oceania' })).toEqual({
      group: 'none',
      geographicRegion: 'oceania',
      lang: 'en',
    });
    expect(MemberStateQuery.safeParse({ group: 'nordic' }).success).toBe(false);
    expect(MemberStateQuery.safeParse({ geographicRegion: 'antarctica' }).success).toBe(false);
    expect(MemberStateQuery.safeParse({ region: 'african' }).success).toBe(false);
  });
});
