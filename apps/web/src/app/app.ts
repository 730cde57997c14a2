import { Dir } from '@angular/cdk/bidi';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { LanguageService } from './i18n/language.service';

@Component({
  selector: 'cv-root',
  imports: [RouterOutlet, Dir],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The Dir wrapper gives every component below it the interface's direction.
  template: `<div class="cv-app" [dir]="direction()"><router-outlet /></div>`,
  styles: `
    .cv-app {
      min-height: 100vh;
      min-height: 100dvh;
    }
  `,
})
export class App {
  protected readonly direction = inject(LanguageService).direction;
}
