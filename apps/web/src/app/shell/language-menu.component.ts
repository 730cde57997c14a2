import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { INTERFACE_LANGUAGES } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { ShellActions } from '../auth/auth.actions';
import { autonymOf, type InterfaceLanguage } from '../i18n/language';
import { LanguageService } from '../i18n/language.service';

/** Switches the interface language; each choice is named in its own language. */
@Component({
  selector: 'cv-language-menu',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .cv-language-button {
      min-width: 0;
    }

    @media (max-width: 599.98px) {
      .cv-language-button__name {
        display: none;
      }

      .cv-language-button mat-icon {
        margin: 0;
      }
    }
  `,
  template: `
    <button
      mat-button
      type="button"
      class="cv-language-button"
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
export class LanguageMenu {
  private readonly store = inject(Store);
  protected readonly current = inject(LanguageService).language;
  protected readonly options = INTERFACE_LANGUAGES.map((code) => ({
    code,
    name: autonymOf(code),
  }));
  protected readonly currentName = computed(() => autonymOf(this.current()));

  protected choose(language: InterfaceLanguage): void {
    this.store.dispatch(ShellActions.languageChanged({ language }));
  }
}
