import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageMenu } from './language-menu.component';

/**
 * The frame of the pages seen without signing in (sign-in and its kin, a public calendar): the
 * brand and the language choice above, the page's content as the main landmark, the tagline
 * below. Each page lays out its own content inside.
 */
@Component({
  selector: 'cv-signed-out-page',
  imports: [Icon, TranslocoPipe, LanguageMenu],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="signed-out-page">
      <header class="signed-out-page__header">
        <span class="signed-out-page__brand">
          <span class="signed-out-page__logo" aria-hidden="true"><mat-icon svgIcon="hub" /></span>
          <span>{{ 'app.name' | transloco }}</span>
        </span>
        <cv-language-menu />
      </header>

      <main class="signed-out-page__main" id="main-content" tabindex="-1">
        <ng-content />
      </main>

      <footer class="signed-out-page__footer">
        <p>{{ 'app.tagline' | transloco }}</p>
      </footer>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }

    .signed-out-page {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
      min-height: 100dvh;
      background:
        radial-gradient(
          120% 60% at 0% 0%,
          color-mix(in srgb, var(--mat-sys-primary) 14%, transparent) 0%,
          transparent 60%
        ),
        radial-gradient(
          100% 60% at 100% 100%,
          color-mix(in srgb, var(--mat-sys-tertiary) 12%, transparent) 0%,
          transparent 60%
        ),
        var(--mat-sys-surface-container-low);
    }

    .signed-out-page__header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      padding: 16px 24px;
    }

    .signed-out-page__brand {
      display: inline-flex;
      align-items: center;
      gap: 12px;
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-on-surface);
    }

    .signed-out-page__logo {
      display: inline-grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border-radius: 12px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }

    .signed-out-page__main {
      flex: 1;
      outline: none;
    }

    .signed-out-page__footer {
      padding: 16px 24px 24px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);

      p {
        margin: 0;
      }
    }
  `,
})
export class SignedOutPage {}
