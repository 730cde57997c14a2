import type {
  GeographicRegion,
  GroupStanding,
  Language,
  MemberState,
  RegionalGroup,
} from '@convene/contracts';
import { filterMemberStates, inGroup } from './member-state-filter';
import { memberStateName } from './member-state-name';

const memberOf = (group: RegionalGroup): GroupStanding => ({
  groups: [{ group, kind: 'member' }],
  electoralGroup: group,
});
const NO_GROUP: GroupStanding = { groups: [], electoralGroup: null };

function state(
  alpha3: string,
  names: Partial<Record<Language, string>> & { en: string },
  standing: GroupStanding,
  geographicRegion: GeographicRegion,
  observer = false,
): MemberState {
  return {
    alpha3,
    alpha2: alpha3.slice(0, 2),
    ...standing,
    groups: [...standing.groups],
    geographicRegion,
    observer,
    names: { ar: '', zh: '', fr: '', ru: '', es: '', ...names },
  };
}

const civ = state(
  'CIV',
  { en: "Côte d'Ivoire", fr: "Côte d'Ivoire", ar: 'كوت ديفوار' },
  memberOf('african'),
  'africa',
);
const aut = state(
  'AUT',
  { en: 'Austria', fr: 'Autriche', ar: 'النمسا' },
  memberOf('western_european_others'),
  'europe',
);
const deu = state(
  'DEU',
  { en: 'Germany', fr: 'Allemagne', ar: 'ألمانيا' },
  memberOf('western_european_others'),
  'europe',
);
const kir = state('KIR', { en: 'Kiribati', fr: 'Kiribati' }, NO_GROUP, 'oceania');
const vat = state('VAT', { en: 'Holy See', fr: 'Saint-Siège' }, NO_GROUP, 'europe', true);
const usa = state(
  'USA',
  { en: 'United States of America', fr: "États-Unis d'Amérique" },
  {
    groups: [{ group: 'western_european_others', kind: 'observer' }],
    electoralGroup: 'western_european_others',
  },
  'americas',
);
const tur = state(
  'TUR',
  { en: 'Türkiye', fr: 'Türkiye' },
  {
    groups: [
      { group: 'asia_pacific', kind: 'member' },
      { group: 'western_european_others', kind: 'member' },
    ],
    electoralGroup: 'western_european_others',
  },
  'asia',
);
const all = [civ, aut, deu, kir, vat, usa, tur];

const codes = (states: MemberState[]) => states.map((s) => s.alpha3);

describe('the Member States directory filter', () => {
  it('sorts by the name in the interface language', () => {
    const names = (language: Language) => codes(filterMemberStates(all, { search: '' }, language));
    expect(names('en')).toEqual(['AUT', 'CIV', 'DEU', 'VAT', 'KIR', 'TUR', 'USA']);
    expect(names('fr')).toEqual(['DEU', 'AUT', 'CIV', 'USA', 'KIR', 'VAT', 'TUR']);
  });

  it('finds a State by a name in another language, ignoring accents and case', () => {
    expect(codes(filterMemberStates(all, { search: 'cote' }, 'en'))).toEqual(['CIV']);
    expect(codes(filterMemberStates(all, { search: 'allemagne' }, 'en'))).toEqual(['DEU']);
    expect(codes(filterMemberStates(all, { search: 'TURKIYE' }, 'en'))).toEqual(['TUR']);
  });

  it('finds a State by its alpha-3 code', () => {
    expect(codes(filterMemberStates(all, { search: 'aut' }, 'en'))).toEqual(['AUT']);
  });

  it('keeps the States taking part in a group, observers and members of two groups included', () => {
    const group = (choice: RegionalGroup | 'none') =>
      codes(filterMemberStates(all, { search: '', group: choice }, 'en'));
    expect(group('western_european_others')).toEqual(['AUT', 'DEU', 'TUR', 'USA']);
    expect(group('asia_pacific')).toEqual(['TUR']);
    expect(group('none')).toEqual(['VAT', 'KIR']);
    expect(inGroup(kir, 'asia_pacific')).toBe(false);
    expect(inGroup(usa, 'western_european_others')).toBe(true);
  });

  it('keeps a geographic region, alone or with a group', () => {
    expect(
      codes(filterMemberStates(all, { search: '', geographicRegion: 'europe' }, 'en')),
    ).toEqual(['AUT', 'DEU', 'VAT']);
    expect(
      codes(
        filterMemberStates(
          all,
          { search: '', group: 'western_european_others', geographicRegion: 'asia' },
          'en',
        ),
      ),
    ).toEqual(['TUR']);
    expect(
      codes(filterMemberStates(all, { search: 'kir', group: null, geographicRegion: null }, 'en')),
    ).toEqual(['KIR']);
  });

  it('falls back to the English name when a translation is missing', () => {
    expect(memberStateName(kir, 'ar')).toBe('Kiribati');
    expect(memberStateName(aut, 'ar')).toBe('النمسا');
  });
});
