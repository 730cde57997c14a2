import {
  EXPERT_LANGUAGES,
  EXPERT_ROLES,
  LANGUAGE_LEVELS,
  REGIONAL_GROUPS,
  SEXES,
  TARGET_AUDIENCES,
  THEMATIC_AREAS,
} from '@convene/contracts';

/** The closed lists the experts' pages offer, from the contracts' vocabulary (no schemas). */
export const AREAS = THEMATIC_AREAS;
export const AUDIENCES = TARGET_AUDIENCES;
export const GROUPS = REGIONAL_GROUPS;
export const ROLES = EXPERT_ROLES;
export const LEVELS = LANGUAGE_LEVELS;
export const EXPERT_SEXES = SEXES;
export const LANGUAGES = EXPERT_LANGUAGES;

/** A language's name in the interface language, from the browser (no translation files). */
export function languageName(code: string, interfaceLanguage: string): string {
  try {
    return new Intl.DisplayNames([interfaceLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
