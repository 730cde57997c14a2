import { registerLocaleData } from '@angular/common';
import localeAr from '@angular/common/locales/ar';
import localeFr from '@angular/common/locales/fr';

/** English ships with Angular; French and Arabic dates and numbers need their data. */
export function registerInterfaceLocales(): void {
  registerLocaleData(localeFr, 'fr');
  registerLocaleData(localeAr, 'ar');
}
