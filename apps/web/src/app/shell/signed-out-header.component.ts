import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageMenu } from './language-menu.component';

/** The top of the pages seen without signing in: the brand and the language choice. */
@Component({
  selector: 'cv-signed-out-header',
  imports: [MatIconModule, TranslocoPipe, LanguageMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="signed-out-header">
      <span class="signed-out-header__brand">
        <span class="signed-out-header__logo" aria-hidden="true"><mat-icon>hub</mat-icon></span>
        <span>{{ 'app.name' | transloco }}</span>
      </span>
      <cv-language-menu />
    </header>
  `,
  styles: `
    .signed-out-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      padding: 16px 24px;
    }

    .signed-out-header__brand {
      display: inline-flex;
      align-items: center;
      gap: 12px;
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-on-surface);
    }

    .signed-out-header__logo {
      display: inline-grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border-radius: 12px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
  `,
})
export class SignedOutHeader {}
