import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Subscription } from 'rxjs';
import { toProblem } from '../http/problem';
import { LiveError } from '../shared/live-error.component';
import { LoadMore } from '../shared/load-more.component';
import { ParticipationApi } from './participation.api';
import type { NominationFull } from './participation.models';
import { ParticipationStore } from './participation.store';

interface HistoryEvent {
  eventId: string;
  eventTitle: string;
  nominees: NominationFull[];
}

/**
 * A State's participation across the tenant's events, for its focal points: each event with
 * the people the State nominated and where each ended up, newest nominations first.
 */
@Component({
  selector: 'cv-state-history',
  imports: [RouterLink, TranslocoPipe, MatProgressBarModule, LiveError, LoadMore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (events().length > 0) {
      <ul class="history-list">
        @for (event of events(); track event.eventId) {
          <li>
            @if (event.eventId === currentEventId()) {
              <bdi class="history-title">{{ event.eventTitle }}</bdi>
              <span class="history-current">{{ 'participation.history.current' | transloco }}</span>
            } @else {
              <a
                class="cv-link history-title"
                [routerLink]="['/t', tenant(), 'events', event.eventId]"
                ><bdi>{{ event.eventTitle }}</bdi></a
              >
            }
            <ul class="history-nominees">
              @for (nominee of event.nominees; track nominee.id) {
                <li>
                  <bdi>{{ nominee.fullName }}</bdi> ·
                  {{ 'participation.nominationStatuses.' + nominee.status | transloco }}
                </li>
              }
            </ul>
          </li>
        }
      </ul>
    } @else if (status() === 'loaded') {
      <p class="cv-muted">{{ 'participation.history.empty' | transloco }}</p>
    }
    @if (status() === 'loading') {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
    }
    <cv-live-error [problem]="problem()" />
    <cv-load-more [hasMore]="!!nextCursor()" [loading]="status() === 'loading'" (more)="more()" />
  `,
  styles: `
    .history-list {
      display: grid;
      gap: 12px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .history-title {
      font: var(--mat-sys-title-small);
    }
    .history-current {
      margin-inline-start: 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .history-nominees {
      margin: 4px 0 0;
      padding-inline-start: 20px;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class StateHistory {
  readonly memberState = input.required<string>();
  readonly currentEventId = input<string | null>(null);

  private readonly api = inject(ParticipationApi);
  private readonly store = inject(ParticipationStore);
  protected readonly tenant = computed(() => this.store.tenantSlug() ?? '');

  private readonly items = signal<NominationFull[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly status = signal<'loading' | 'loaded' | 'error'>('loading');
  protected readonly problem = signal<ProblemDetails | null>(null);
  private running: Subscription | null = null;

  protected readonly events = computed((): HistoryEvent[] => {
    const byEvent = new Map<string, HistoryEvent>();
    for (const nominee of this.items()) {
      const event = byEvent.get(nominee.eventId) ?? {
        eventId: nominee.eventId,
        eventTitle: nominee.eventTitle,
        nominees: [],
      };
      event.nominees.push(nominee);
      byEvent.set(nominee.eventId, event);
    }
    return [...byEvent.values()];
  });

  constructor() {
    effect(() => {
      const state = this.memberState();
      untracked(() => {
        this.items.set([]);
        this.fetch(state, null);
      });
    });
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected more(): void {
    const cursor = this.nextCursor();
    if (cursor) this.fetch(this.memberState(), cursor);
  }

  private fetch(state: string, cursor: string | null): void {
    const tenant = this.tenant();
    if (!tenant) return;
    this.running?.unsubscribe();
    this.status.set('loading');
    this.problem.set(null);
    this.running = this.api.stateHistory(tenant, state, cursor).subscribe({
      next: (page) => {
        const full = page.items.filter((item): item is NominationFull => item.view === 'full');
        this.items.set([...this.items(), ...full]);
        this.nextCursor.set(page.nextCursor);
        this.status.set('loaded');
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.status.set('error');
      },
    });
  }
}
