import { Directionality } from '@angular/cdk/bidi';
import { DOCUMENT } from '@angular/common';
import { computed, inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import {
  DEFAULT_LANGUAGE,
  directionOf,
  type InterfaceLanguage,
  interfaceLanguageFor,
  isInterfaceLanguage,
} from './language';
import { loadLocaleData } from './locales';

export const LANGUAGE_STORAGE_KEY = 'convene.language';

/**
 * The one place that changes the interface language: Transloco, the
 * document's lang and dir, CDK Directionality (so overlays such as menus
 * and dialogs mirror too) and the choice remembered for signed-out pages.
 * A language other than English first loads its dates and numbers data
 * (locales.ts), then applies, so no date is ever formatted without it.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly directionality = inject(Directionality);

  private readonly current = signal<InterfaceLanguage>(DEFAULT_LANGUAGE);
  /** Counts calls of use(), so that a slower earlier one does not undo a later one. */
  private requests = 0;
  readonly language = this.current.asReadonly();
  readonly direction = computed(() => directionOf(this.current()));

  /** Remembered choice, else the browser's language, else English. */
  initialLanguage(): InterfaceLanguage {
    const stored = this.readStored();
    if (stored) return stored;
    const preferred = this.document.defaultView?.navigator?.languages ?? [];
    for (const candidate of preferred) {
      const base = candidate.toLowerCase().split('-')[0];
      if (isInterfaceLanguage(base)) return base;
    }
    return DEFAULT_LANGUAGE;
  }

  /**
   * Applies a language (any UN language; unsupported ones fall back to English) once its dates and
   * numbers data is loaded, and resolves to it; rejects, changing nothing on screen, when that data
   * cannot be loaded. The choice is remembered at once. Of languages chosen quickly one after
   * another, the last one chosen wins.
   */
  async use(language: string): Promise<InterfaceLanguage> {
    const resolved = interfaceLanguageFor(language);
    const request = ++this.requests;
    this.store(resolved);
    await loadLocaleData(resolved);
    if (request === this.requests) this.apply(resolved);
    return resolved;
  }

  private apply(language: InterfaceLanguage): void {
    const direction = directionOf(language);
    this.current.set(language);
    this.transloco.setActiveLang(language);

    const html = this.document.documentElement;
    html.lang = language;
    html.dir = direction;

    if (this.directionality.value !== direction) {
      this.directionality.valueSignal.set(direction);
      this.directionality.change.emit(direction);
    }
  }

  private readStored(): InterfaceLanguage | null {
    try {
      const value = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isInterfaceLanguage(value) ? value : null;
    } catch {
      return null; // storage disabled: fall back to the browser's language
    }
  }

  private store(language: InterfaceLanguage): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
  }
}
