import type { Language, MemberState, RegionalGroup } from '@convene/contracts';
import { filterMemberStates, memberStateName } from './member-state-filter';

function state(
  alpha3: string,
  names: Partial<Record<Language, string>> & { en: string },
  regionalGroup: RegionalGroup | null,
  observer = false,
): MemberState {
  return {
    alpha3,
    alpha2: alpha3.slice(0, 2),
    regionalGroup,
    observer,
    names: { ar: '', zh: '', fr: '', ru: '', es: '', ...names },
  };
}

const civ = state('CIV', { en: "Côte d'Ivoire", fr: "Côte d'Ivoire", ar: 'كوت ديفوار' }, 'african');
const aut = state(
  'AUT',
  { en: 'Austria', fr: 'Autriche', ar: 'النمسا' },
  'western_european_others',
);
const deu = state(
  'DEU',
  { en: 'Germany', fr: 'Allemagne', ar: 'ألمانيا' },
  'western_european_others',
);
const kir = state('KIR', { en: 'Kiribati', fr: 'Kiribati' }, null);
const vat = state('VAT', { en: 'Holy See', fr: 'Saint-Siège' }, null, true);
const all = [civ, aut, deu, kir, vat];

describe('the Member States directory filter', () => {
  it('sorts by the name in the interface language', () => {
    const names = (language: Language) =>
      filterMemberStates(all, { search: '', region: null }, language).map((s) => s.alpha3);
    expect(names('en')).toEqual(['AUT', 'CIV', 'DEU', 'VAT', 'KIR']);
    expect(names('fr')).toEqual(['DEU', 'AUT', 'CIV', 'KIR', 'VAT']);
  });

  it('finds a State by a name in another language, ignoring accents and case', () => {
    const found = filterMemberStates(all, { search: 'cote', region: null }, 'en');
    expect(found.map((s) => s.alpha3)).toEqual(['CIV']);
    expect(
      filterMemberStates(all, { search: 'allemagne', region: null }, 'en').map((s) => s.alpha3),
    ).toEqual(['DEU']);
  });

  it('finds a State by its alpha-3 code', () => {
    expect(
      filterMemberStates(all, { search: 'aut', region: null }, 'en').map((s) => s.alpha3),
    ).toEqual(['AUT']);
  });

  it('keeps one regional group, or the States in none', () => {
    expect(
      filterMemberStates(all, { search: '', region: 'western_european_others' }, 'en').map(
        (s) => s.alpha3,
      ),
    ).toEqual(['AUT', 'DEU']);
    expect(
      filterMemberStates(all, { search: '', region: 'none' }, 'en').map((s) => s.alpha3),
    ).toEqual(['VAT', 'KIR']);
  });

  it('falls back to the English name when a translation is missing', () => {
    expect(memberStateName(kir, 'ar')).toBe('Kiribati');
    expect(memberStateName(aut, 'ar')).toBe('النمسا');
  });
});
