import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import { TranslocoPipe } from '@jsverse/transloco';
import { autonymOf } from '../i18n/language';
import { LanguageService } from '../i18n/language.service';
import { LANGUAGE_BUTTON_STYLES } from './language-button.styles';
import { LanguageChoices } from './language-choices.component';

/**
 * Switches the interface language. The menu (CDK overlay and MatMenu, some 80 kB) is loaded on
 * the first click, not with the page: until then a plain button that looks and reads the same
 * stands in for its trigger, and the click that loads the menu also opens it. Both are plain
 * buttons drawn as Material's text button (shared/_native-controls.scss): MatButton would bring
 * some 17 kB to every first page.
 */
@Component({
  selector: 'cv-language-menu',
  imports: [Icon, TranslocoPipe, LanguageChoices],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: LANGUAGE_BUTTON_STYLES,
  template: `
    @defer (when requested()) {
      <cv-language-choices />
    } @placeholder {
      <button
        type="button"
        class="cv-button cv-language-button"
        aria-haspopup="menu"
        aria-expanded="false"
        [attr.aria-label]="'shell.languageMenu' | transloco: { language: currentName() }"
        (click)="requested.set(true)"
      >
        <mat-icon svgIcon="translate" />
        <span class="cv-language-button__name" [lang]="current()">{{ currentName() }}</span>
      </button>
    }
  `,
})
export class LanguageMenu {
  protected readonly current = inject(LanguageService).language;
  protected readonly currentName = computed(() => autonymOf(this.current()));
  protected readonly requested = signal(false);
}
