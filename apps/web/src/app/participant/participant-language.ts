import { effect, ErrorHandler, inject, type Signal } from '@angular/core';
import type { Language } from '@convene/contracts';
import { LanguageService } from '../i18n/language.service';

/**
 * The page opens in the language chosen for the participant (their mail's and certificate's),
 * once per visit; the language menu changes it as on any page. Call in a constructor.
 */
export function openInParticipantLanguage(preferred: Signal<Language | null>): void {
  const language = inject(LanguageService);
  const errors = inject(ErrorHandler);
  let applied = false;
  effect(() => {
    const wanted = preferred();
    if (applied || !wanted) return;
    applied = true;
    if (language.language() !== wanted)
      void language.use(wanted).catch((error: unknown) => errors.handleError(error));
  });
}
