import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Icon } from '../shared/icons/icon.component';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

@Component({
  selector: 'cv-not-found-page',
  imports: [MatButtonModule, Icon, RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cv-empty-state cv-empty-state--page">
      <mat-icon class="cv-empty-state__icon" svgIcon="explore_off" />
      <h1 class="cv-empty-state__title">{{ 'notFound.title' | transloco }}</h1>
      <p class="cv-empty-state__body">{{ 'notFound.body' | transloco }}</p>
      <a mat-flat-button routerLink="/">
        <mat-icon svgIcon="home" />
        {{ 'notFound.home' | transloco }}
      </a>
    </section>
  `,
})
export class NotFoundPage {}
