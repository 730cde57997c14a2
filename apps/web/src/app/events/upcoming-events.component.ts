import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import { RouterLink } from '@angular/router';
import type { EventSummary, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { EmptyState } from '../shared/empty-state.component';
import { LiveError } from '../shared/live-error.component';
import { CLOCK } from './clock';
import { EVENT_FORMAT_ICONS } from './event-labels';
import { EventWhen } from './event-when.component';
import { EventsApi, NO_FILTER } from './events.api';
import { formatInstant } from './zoned-clock';

const UPCOMING = 5;

/**
 * The next five events the person may see, for the tenant's home page: plain controls drawn as
 * Material's (shared/_native-controls.scss), as the rest of the home page.
 */
@Component({
  selector: 'cv-upcoming-events',
  imports: [Icon, RouterLink, TranslocoPipe, EmptyState, LiveError, EventWhen],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="upcoming-header">
      <h2 class="cv-panel-title upcoming-header__title">
        {{ 'events.upcoming.title' | transloco }}
      </h2>
      @if (slug(); as slug) {
        <a class="cv-button" [routerLink]="['/t', slug, 'events']">
          {{ 'events.upcoming.all' | transloco }}
        </a>
      }
    </div>
    @switch (status()) {
      @case ('loading') {
        <div
          class="cv-progress"
          role="progressbar"
          [attr.aria-label]="'common.loading' | transloco"
        ></div>
      }
      @case ('error') {
        <cv-live-error [problem]="problem()" />
        <button class="cv-button cv-button--outlined" type="button" (click)="load()">
          <mat-icon svgIcon="refresh" />
          {{ 'common.retry' | transloco }}
        </button>
      }
      @case ('loaded') {
        @if (items().length === 0) {
          <cv-empty-state
            icon="event_upcoming"
            [title]="'events.upcoming.empty' | transloco"
            [body]="'events.upcoming.emptyBody' | transloco"
          />
        } @else {
          <ul class="upcoming-list">
            @for (item of items(); track item.event.id) {
              <li class="upcoming-item">
                <span class="upcoming-date" aria-hidden="true">
                  <span class="upcoming-date__month">{{ item.month }}</span>
                  <span class="upcoming-date__day">{{ item.day }}</span>
                </span>
                <span class="upcoming-body">
                  <a
                    class="upcoming-title"
                    dir="auto"
                    [routerLink]="['/t', slug(), 'events', item.event.id]"
                    >{{ item.event.title }}</a
                  >
                  <span class="upcoming-meta">
                    <cv-event-when
                      [startsAt]="item.event.startsAt"
                      [endsAt]="item.event.endsAt"
                      [timeZone]="item.event.timeZone"
                    />
                  </span>
                  <span class="upcoming-meta upcoming-place">
                    <mat-icon aria-hidden="true" [svgIcon]="formatIcons[item.event.format]" />
                    {{ item.event.venue ? item.event.venue.city : ('events.online' | transloco) }}
                    · {{ 'events.types.' + item.event.type | transloco }}
                  </span>
                </span>
              </li>
            }
          </ul>
        }
      }
    }
  `,
  styles: `
    .upcoming-header {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 12px;
      margin-bottom: 8px;
    }

    .upcoming-header__title {
      margin: 0;
    }

    .upcoming-list {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .upcoming-item {
      display: flex;
      gap: 16px;
      padding: 12px 0;

      & + & {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }

    .upcoming-date {
      flex: none;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      width: 52px;
      height: 56px;
      border-radius: 12px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }

    .upcoming-date__month {
      font: var(--mat-sys-label-small);
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }

    .upcoming-date__day {
      font: var(--mat-sys-title-large);
      line-height: 1.1;
    }

    .upcoming-body {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
    }

    .upcoming-title {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
      text-decoration: none;

      &:hover,
      &:focus-visible {
        text-decoration: underline;
      }
    }

    .upcoming-meta {
      font: var(--mat-sys-body-medium);
    }

    .upcoming-place {
      display: flex;
      align-items: center;
      gap: 6px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);

      .mat-icon {
        width: 16px;
        height: 16px;
        font-size: 16px;
      }
    }
  `,
})
export class UpcomingEvents {
  private readonly api = inject(EventsApi);
  private readonly clock = inject(CLOCK);
  private readonly language = inject(LanguageService).language;
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);

  protected readonly formatIcons = EVENT_FORMAT_ICONS;
  protected readonly status = signal<'loading' | 'loaded' | 'error'>('loading');
  protected readonly problem = signal<ProblemDetails | null>(null);
  private readonly events = signal<EventSummary[]>([]);

  protected readonly slug = computed(() => {
    const membership = this.membership();
    return membership?.permissions.includes('events.read') ? membership.tenant.slug : null;
  });

  /** Each event with the day it starts on, in its venue's clock. */
  protected readonly items = computed(() => {
    const language = this.language();
    return this.events().map((event) => ({
      event,
      month: formatInstant(event.startsAt, event.timeZone, language, { month: 'short' }),
      day: formatInstant(event.startsAt, event.timeZone, language, { day: 'numeric' }),
    }));
  });

  constructor() {
    effect(() => {
      if (this.slug()) untracked(() => this.load());
    });
  }

  protected load(): void {
    const slug = this.slug();
    if (!slug) return;
    this.status.set('loading');
    const filter = { ...NO_FILTER, from: this.clock().toISOString() };
    this.api.list(slug, filter, null, UPCOMING).subscribe({
      next: (page) => {
        this.events.set(page.items);
        this.status.set('loaded');
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.status.set('error');
      },
    });
  }
}
