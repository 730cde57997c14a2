import type { Language, MemberState } from '@convene/contracts';

/**
 * A State's name in a language, falling back to English where a name is missing. A module of
 * its own, importing only types: the home page's panels name States, and the bundler places
 * whole modules, so the filters' standing rules (member-state-filter.ts) stay with the pages
 * that filter.
 */
export function memberStateName(state: MemberState, language: Language): string {
  return state.names[language] || state.names.en;
}
