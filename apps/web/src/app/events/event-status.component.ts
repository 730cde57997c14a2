import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import type { EventStatus } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { EVENT_STATUS_ICONS } from './event-labels';

/** An event's status as a chip: an icon and its name, in a colour of its family. */
@Component({
  selector: 'cv-event-status',
  imports: [Icon, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span [class]="'cv-badge event-status event-status--' + status()">
      <mat-icon aria-hidden="true" [svgIcon]="icon()" />
      {{ 'events.statuses.' + status() | transloco }}
    </span>
  `,
  styles: `
    .event-status {
      gap: 6px;
      padding: 4px 12px 4px 8px;

      .mat-icon {
        width: 18px;
        height: 18px;
        font-size: 18px;
      }

      // A colour per stage, each dark on light (or light on dark) for contrast.
      &--draft,
      &--closed {
        background: var(--mat-sys-surface-container-highest);
        color: var(--mat-sys-on-surface-variant);
      }

      &--planned {
        background: var(--mat-sys-primary-container);
        color: var(--mat-sys-on-primary-container);
      }

      &--open_for_nominations {
        background: #d7f5e3;
        color: #0b3d24;
      }

      &--nominations_closed {
        background: #fdecc8;
        color: #4a3000;
      }

      &--confirmed {
        background: #00695c;
        color: #ffffff;
      }

      &--held,
      &--reported {
        background: #e8e2f7;
        color: #2e1f5e;
      }

      &--cancelled {
        background: var(--mat-sys-error-container);
        color: var(--mat-sys-on-error-container);
      }
    }
  `,
})
export class EventStatusChip {
  readonly status = input.required<EventStatus>();

  protected readonly icon = computed(() => EVENT_STATUS_ICONS[this.status()]);
}
