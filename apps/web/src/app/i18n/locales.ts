import { registerLocaleData } from '@angular/common';
import localeAr from '@angular/common/locales/ar';
import localeEs from '@angular/common/locales/es';
import localeFr from '@angular/common/locales/fr';
import localeRu from '@angular/common/locales/ru';
import localeZh from '@angular/common/locales/zh';

/**
 * English ships with Angular; the other five UN languages need their dates and numbers data.
 * Chinese is Simplified Chinese ("zh" is zh-Hans in Angular's data), as the UN writes it.
 */
export function registerInterfaceLocales(): void {
  registerLocaleData(localeAr, 'ar');
  registerLocaleData(localeZh, 'zh');
  registerLocaleData(localeFr, 'fr');
  registerLocaleData(localeRu, 'ru');
  registerLocaleData(localeEs, 'es');
}
