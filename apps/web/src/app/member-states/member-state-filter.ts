import type { Language, MemberState, RegionalGroup } from '@convene/contracts';

/** A State's name in a language, falling back to English where a name is missing. */
export function memberStateName(state: MemberState, language: Language): string {
  return state.names[language] || state.names.en;
}

/** Case- and accent-insensitive, so "cote" finds "Côte d'Ivoire". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** Whether a State matches a search: its code, or its name in any UN language. */
export function matchesSearch(state: MemberState, search: string): boolean {
  const needle = fold(search.trim());
  if (!needle) return true;
  return [state.alpha3, state.alpha2, ...Object.values(state.names)].some((text) =>
    fold(text).includes(needle),
  );
}

export interface MemberStateFilter {
  search: string;
  /** 'none' selects the States that sit in no regional group. */
  region: RegionalGroup | 'none' | null;
}

/** The States a directory shows, sorted by name as the language sorts. */
export function filterMemberStates(
  states: readonly MemberState[],
  filter: MemberStateFilter,
  language: Language,
): MemberState[] {
  const collator = new Intl.Collator(language);
  return states
    .filter(
      (state) =>
        filter.region === null ||
        (filter.region === 'none'
          ? state.regionalGroup === null
          : state.regionalGroup === filter.region),
    )
    .filter((state) => matchesSearch(state, filter.search))
    .sort((a, b) => collator.compare(memberStateName(a, language), memberStateName(b, language)));
}
