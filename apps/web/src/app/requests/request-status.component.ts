import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RequestStatus } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Icon } from '../shared/icons/icon.component';
import { REQUEST_STATUS_ICONS } from './request-labels';

/** A request's status as a chip: an icon and its name, in a colour of its family. */
@Component({
  selector: 'cv-request-status',
  imports: [Icon, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span [class]="'cv-badge request-status request-status--' + family()">
      <mat-icon aria-hidden="true" [svgIcon]="icon()" />
      {{ 'requests.statuses.' + status() | transloco }}
    </span>
  `,
  styles: `
    .request-status {
      gap: 6px;
      padding: 4px 12px 4px 8px;
      white-space: nowrap;

      .mat-icon {
        width: 18px;
        height: 18px;
        font-size: 18px;
      }

      &--quiet {
        background: var(--mat-sys-surface-container-highest);
        color: var(--mat-sys-on-surface-variant);
      }

      &--waiting {
        background: #fdecc8;
        color: #4a3000;
      }

      &--review {
        background: var(--mat-sys-primary-container);
        color: var(--mat-sys-on-primary-container);
      }

      &--go {
        background: #d7f5e3;
        color: #0b3d24;
      }

      &--stopped {
        background: var(--mat-sys-error-container);
        color: var(--mat-sys-on-error-container);
      }
    }
  `,
})
export class RequestStatusChip {
  readonly status = input.required<RequestStatus>();
  protected readonly icon = computed(() => REQUEST_STATUS_ICONS[this.status()]);
  /** Statuses that look alike: waiting on someone, under review, going ahead, stopped. */
  protected readonly family = computed(() => {
    switch (this.status()) {
      case 'submitted':
      case 'resubmitted':
      case 'information_requested':
        return 'waiting';
      case 'in_assessment':
        return 'review';
      case 'approved':
      case 'planned':
      case 'in_delivery':
      case 'completed':
        return 'go';
      case 'declined':
        return 'stopped';
      default:
        return 'quiet';
    }
  });
}
