import { LocalDatePipe } from '../shared/local-format';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { Icon } from '../shared/icons/icon.component';
import type { EventDetail } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { EVENT_ACTION_ICONS } from './event-labels';
import { EventStatusChip } from './event-status.component';
import { EventWhen } from './event-when.component';

/** The event's way through its lifecycle, oldest first, from its creation on. */
@Component({
  selector: 'cv-event-history',
  imports: [LocalDatePipe, MatCardModule, Icon, TranslocoPipe, EventStatusChip, EventWhen],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let e = event();
    <mat-card appearance="outlined" class="cv-panel">
      <h2 class="cv-panel-title">{{ 'events.history.title' | transloco }}</h2>
      <ol class="history">
        <li class="history-entry">
          <span class="history-entry__icon" aria-hidden="true"><mat-icon svgIcon="add" /></span>
          <div class="history-entry__body">
            <p class="history-entry__title">{{ 'events.history.created' | transloco }}</p>
            <p class="history-entry__meta">
              <time [attr.datetime]="e.createdAt">{{
                e.createdAt | localDate: 'medium' : language()
              }}</time>
            </p>
          </div>
        </li>
        @for (entry of entries(); track $index) {
          <li class="history-entry" [class.history-entry--cancel]="entry.action === 'cancel'">
            <span class="history-entry__icon" aria-hidden="true">
              <mat-icon [svgIcon]="icons[entry.action]" />
            </span>
            <div class="history-entry__body">
              <p class="history-entry__title">
                {{ 'events.history.actions.' + entry.action | transloco }}
              </p>
              <p class="history-entry__statuses">
                <cv-event-status [status]="entry.fromStatus" />
                <mat-icon
                  class="history-entry__arrow cv-icon-directional"
                  [attr.aria-label]="'events.history.to' | transloco"
                  svgIcon="arrow_forward"
                />
                <cv-event-status [status]="entry.toStatus" />
              </p>
              @if (entry.startsAt && entry.endsAt) {
                <div class="history-entry__dates">
                  <span class="history-entry__label">{{
                    'events.history.newDates' | transloco
                  }}</span>
                  <cv-event-when
                    [startsAt]="entry.startsAt"
                    [endsAt]="entry.endsAt"
                    [timeZone]="e.timeZone"
                  />
                </div>
              }
              @if (entry.reason) {
                <blockquote class="history-entry__reason" dir="auto">{{ entry.reason }}</blockquote>
              }
              <p class="history-entry__meta">
                {{
                  'events.history.by'
                    | transloco
                      : { name: entry.actor?.name ?? ('events.history.someone' | transloco) }
                }}
                ·
                <time [attr.datetime]="entry.at">{{
                  entry.at | localDate: 'medium' : language()
                }}</time>
              </p>
            </div>
          </li>
        }
      </ol>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
      padding-top: 20px;
    }

    .history {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .history-entry {
      position: relative;
      display: flex;
      gap: 16px;
      padding-bottom: 24px;

      &:not(:last-child)::before {
        content: '';
        position: absolute;
        top: 40px;
        bottom: 4px;
        inset-inline-start: 19px;
        width: 2px;
        background: var(--mat-sys-outline-variant);
      }

      &:last-child {
        padding-bottom: 0;
      }
    }

    .history-entry__icon {
      flex: none;
      display: grid;
      place-items: center;
      width: 40px;
      height: 40px;
      border-radius: 999px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);

      .history-entry--cancel & {
        background: var(--mat-sys-error-container);
        color: var(--mat-sys-on-error-container);
      }
    }

    .history-entry__body {
      min-width: 0;
      padding-top: 8px;
    }

    .history-entry__title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }

    .history-entry__statuses {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0 0 8px;
    }

    .history-entry__arrow {
      color: var(--mat-sys-on-surface-variant);
    }

    .history-entry__dates {
      margin: 0 0 8px;
    }

    .history-entry__label {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-medium);
    }

    .history-entry__reason {
      margin: 0 0 8px;
      padding: 8px 12px;
      border-inline-start: 3px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
      font: var(--mat-sys-body-medium);
      white-space: pre-line;
    }

    .history-entry__meta {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class EventHistory {
  readonly event = input.required<EventDetail>();

  protected readonly language = inject(LanguageService).language;
  protected readonly icons = EVENT_ACTION_ICONS;
  protected readonly entries = computed(() => this.event().history);
}
