import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon } from './icons/icon.component';
import type { IconName } from './icons/icons.generated';

/** A friendly "nothing here (yet)" block: an icon, a heading, a sentence, maybe an action. */
@Component({
  selector: 'cv-empty-state',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cv-empty-state">
      <mat-icon class="cv-empty-state__icon" [svgIcon]="icon()" />
      @if (pageHeading()) {
        <h1 class="cv-empty-state__title">{{ title() }}</h1>
      } @else {
        <p class="cv-empty-state__title">{{ title() }}</p>
      }
      @if (body()) {
        <p class="cv-empty-state__body">{{ body() }}</p>
      }
      <ng-content />
    </div>
  `,
})
export class EmptyState {
  readonly icon = input<IconName>('inbox');
  /** Already translated. */
  readonly title = input.required<string>();
  readonly body = input<string | null>(null);
  /** When the block is all the page shows, its title is the page's heading (h1). */
  readonly pageHeading = input(false);
}
