import {
  type GeographicRegion,
  type Language,
  type MemberState,
  participationIn,
  type RegionalGroup,
} from '@convene/contracts';
import { memberStateName } from './member-state-name';

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

/** A regional group to keep, or 'none' for the States that take part in no group. */
export type GroupChoice = RegionalGroup | 'none';

export interface MemberStateFilter {
  search: string;
  /** The States taking part in this group, as member or observer; null or absent: every State. */
  group?: GroupChoice | null;
  geographicRegion?: GeographicRegion | null;
}

/** Whether the State takes part in the group (as member or observer), or in none for 'none'. */
export function inGroup(state: MemberState, group: GroupChoice): boolean {
  return group === 'none' ? state.groups.length === 0 : participationIn(state, group) !== null;
}

/** The States a directory shows, sorted by name as the language sorts. */
export function filterMemberStates(
  states: readonly MemberState[],
  filter: MemberStateFilter,
  language: Language,
): MemberState[] {
  const { group, geographicRegion } = filter;
  const collator = new Intl.Collator(language);
  return states
    .filter((state) => !group || inGroup(state, group))
    .filter((state) => !geographicRegion || state.geographicRegion === geographicRegion)
    .filter((state) => matchesSearch(state, filter.search))
    .sort((a, b) => collator.compare(memberStateName(a, language), memberStateName(b, language)));
}
