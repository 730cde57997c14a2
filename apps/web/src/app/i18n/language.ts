import {
  INTERFACE_LANGUAGES,
  type Language,
  RTL_LANGUAGES,
  UN_LANGUAGES,
} from '@convene/contracts';

export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];
export type TextDirection = 'ltr' | 'rtl';

export const DEFAULT_LANGUAGE: InterfaceLanguage = 'en';

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return (INTERFACE_LANGUAGES as readonly unknown[]).includes(value);
}

export function isUnLanguage(value: unknown): value is Language {
  return (UN_LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The interface language for a stored preference or a browser tag ("fr-CA" → "fr"): the
 * interface ships in all six UN languages, so only a language outside them, or none, falls
 * back to English.
 */
export function interfaceLanguageFor(language: string | null | undefined): InterfaceLanguage {
  const base = language?.toLowerCase().split(/[-_]/)[0];
  return isInterfaceLanguage(base) ? base : DEFAULT_LANGUAGE;
}

export function directionOf(language: string): TextDirection {
  return (RTL_LANGUAGES as readonly string[]).includes(language) ? 'rtl' : 'ltr';
}

/** A language's name in that language ("Français", "العربية"), as pickers show it. */
export function autonymOf(language: Language): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}
