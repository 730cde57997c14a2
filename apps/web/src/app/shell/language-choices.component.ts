import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  viewChild,
} from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import { MatMenuModule, MatMenuTrigger } from '@angular/material/menu';
import { INTERFACE_LANGUAGES } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { ShellActions } from '../auth/auth.actions';
import { autonymOf, type InterfaceLanguage } from '../i18n/language';
import { LanguageService } from '../i18n/language.service';
import { LANGUAGE_BUTTON_STYLES } from './language-button.styles';

/**
 * The language menu itself, each choice named in its own language. LanguageMenu loads it on the
 * first click of its button, so it opens the menu as soon as it is drawn.
 */
@Component({
  selector: 'cv-language-choices',
  imports: [Icon, MatMenuModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: LANGUAGE_BUTTON_STYLES,
  template: `
    <button
      type="button"
      class="cv-button cv-language-button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="'shell.languageMenu' | transloco: { language: currentName() }"
    >
      <mat-icon svgIcon="translate" />
      <span class="cv-language-button__name" [lang]="current()">{{ currentName() }}</span>
    </button>
    <mat-menu #menu="matMenu">
      @for (option of options; track option.code) {
        <button
          mat-menu-item
          type="button"
          role="menuitemradio"
          [attr.aria-checked]="option.code === current()"
          (click)="choose(option.code)"
        >
          <mat-icon [svgIcon]="option.code === current() ? 'check' : ''" />
          <span [lang]="option.code">{{ option.name }}</span>
        </button>
      }
    </mat-menu>
  `,
})
export class LanguageChoices {
  private readonly store = inject(Store);
  private readonly trigger = viewChild.required(MatMenuTrigger);
  protected readonly current = inject(LanguageService).language;
  protected readonly options = INTERFACE_LANGUAGES.map((code) => ({
    code,
    name: autonymOf(code),
  }));
  protected readonly currentName = computed(() => autonymOf(this.current()));

  constructor() {
    afterNextRender(() => this.trigger().openMenu());
  }

  protected choose(language: InterfaceLanguage): void {
    this.store.dispatch(ShellActions.languageChanged({ language }));
  }
}
