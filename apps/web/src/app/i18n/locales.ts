import { registerLocaleData } from '@angular/common';
import type { InterfaceLanguage } from './language';

/**
 * English ships with Angular; the other five UN languages need their dates and numbers data
 * (Angular's DatePipe, DecimalPipe and formatDate read it). Each is a lazy chunk, loaded with the
 * language (LanguageService.use), so a page carries only the active one rather than all five.
 * Chinese is Simplified Chinese ("zh" is zh-Hans in Angular's data), as the UN writes it.
 */
const LOCALE_DATA: Record<Exclude<InterfaceLanguage, 'en'>, () => Promise<{ default: unknown }>> = {
  ar: () => import('@angular/common/locales/ar'),
  zh: () => import('@angular/common/locales/zh'),
  fr: () => import('@angular/common/locales/fr'),
  ru: () => import('@angular/common/locales/ru'),
  es: () => import('@angular/common/locales/es'),
};

const loaded = new Map<InterfaceLanguage, Promise<void>>();

/** Registers a language's dates and numbers data, once; resolves when it is there. */
export function loadLocaleData(language: InterfaceLanguage): Promise<void> {
  if (language === 'en') return Promise.resolve();
  let found = loaded.get(language);
  if (!found) {
    found = LOCALE_DATA[language]().then(
      (module) => registerLocaleData(module.default, language),
      (error: unknown) => {
        loaded.delete(language); // a failed download is tried again next time
        throw error;
      },
    );
    loaded.set(language, found);
  }
  return found;
}
