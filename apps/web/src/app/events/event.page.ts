import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTabsModule } from '@angular/material/tabs';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import type { EventAction, EventDetail, EventStatus, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { EmptyState } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { EventAgenda } from './event-agenda.component';
import { EVENT_ACTION_ICONS, isMainLineAction } from './event-labels';
import { EventHistory } from './event-history.component';
import { EventOverview } from './event-overview.component';
import { EventStatusChip } from './event-status.component';
import { EventStore } from './event.store';
import { EventsApi } from './events.api';
import { TransitionDialog, type TransitionDialogData } from './transition.dialog';
import { ParticipationTab } from '../participation/participation-tab.component';
import { EventRecommendations } from '../recommendations/event-recommendations.component';
import { EventExpertsTab } from '../experts/event-experts.component';
import { EventDocuments } from '../documents/event-documents.component';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { BulkDeliveryDialog } from '../delivery/bulk-delivery.dialog';

const TABS = [
  'overview',
  'agenda',
  'participation',
  'recommendations',
  'experts',
  'documents',
  'history',
] as const;
/** A meeting has recommendations once it took place. */
const MET: readonly EventStatus[] = ['held', 'reported', 'closed'];
type Tab = (typeof TABS)[number];

/** One event: its details, agenda and history, and what a planner can do next. */
@Component({
  selector: 'cv-event-page',
  // The participation tab's filters are form fields.
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    Icon,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatTabsModule,
    MatTooltipModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
    EventStatusChip,
    EventOverview,
    EventAgenda,
    EventHistory,
    ParticipationTab,
    EventRecommendations,
    EventExpertsTab,
    EventDocuments,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './event.page.html',
  styleUrl: './event.page.scss',
})
export class EventPage {
  readonly tenant = input.required<string>();
  readonly eventId = input.required<string>();
  /** ?tab=agenda, so a tab can be linked to and survives a reload. */
  readonly tab = input<string>();

  protected readonly store = inject(EventStore);
  private readonly api = inject(EventsApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);

  protected readonly actionIcons = EVENT_ACTION_ICONS;
  protected readonly duplicating = signal(false);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  /** Officers register a hand-out of the tool from a meeting that took place. */
  protected readonly canHandOut = computed(() => {
    const status = this.store.event()?.status;
    return (
      (status === 'held' || status === 'reported' || status === 'closed') &&
      (this.membership()?.permissions.includes('deliveries.manage') ?? false)
    );
  });

  /**
   * The tabs this person has: participation for those who manage it or nominate;
   * recommendations once the meeting took place.
   */
  protected readonly tabs = computed((): readonly Tab[] =>
    TABS.filter(
      (tab) =>
        (tab !== 'participation' || this.store.canParticipate()) &&
        (tab !== 'experts' || this.store.canManageExperts()) &&
        (tab !== 'recommendations' || this.hasRecommendations()),
    ),
  );
  protected readonly hasRecommendations = computed(() => {
    const status = this.store.event()?.status;
    return !!status && MET.includes(status);
  });
  protected readonly tabIndex = computed(() =>
    Math.max(0, this.tabs().indexOf((this.tab() ?? 'overview') as Tab)),
  );
  protected readonly mainActions = computed(() =>
    (this.store.event()?.allowedActions ?? []).filter(isMainLineAction),
  );
  protected readonly otherActions = computed(() =>
    (this.store.event()?.allowedActions ?? []).filter((action) => !isMainLineAction(action)),
  );
  protected readonly calendarUrl = computed(() =>
    this.api.calendarUrl(this.tenant(), this.eventId()),
  );

  constructor() {
    effect(() => {
      const id = this.eventId();
      if (this.store.tenantSlug()) untracked(() => this.store.load(id));
    });

    // The browser tab names the event once it is known.
    const title = inject(Title);
    const transloco = inject(TranslocoService);
    effect(() => {
      const event = this.store.event();
      if (event) {
        title.setTitle(`${event.title} · ${transloco.translate('app.name')}`);
      }
    });
  }

  protected selectTab(index: number): void {
    void this.router.navigate([], {
      queryParams: { tab: index === 0 ? null : this.tabs()[index] },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected async act(event: EventDetail, action: EventAction): Promise<void> {
    const updated = await firstValueFrom(
      this.dialog
        .open<TransitionDialog, TransitionDialogData, EventDetail>(TransitionDialog, {
          data: { action, event },
          injector: this.injector,
          width: '560px',
          maxWidth: '95vw',
          autoFocus: action === 'cancel' || action === 'postpone' ? 'first-tabbable' : 'dialog',
        })
        .afterClosed(),
    );
    if (updated) {
      this.notifier.success(`events.transitionDialog.${action}.done`, { title: updated.title });
    }
  }

  /**
   * Tool delivery: an officer registers what every attending participant received, once the
   * meeting took place.
   */
  protected async handOut(): Promise<void> {
    const event = this.store.event();
    if (!event) return;
    const registered = await firstValueFrom(
      this.dialog
        .open(BulkDeliveryDialog, {
          data: { tenant: this.tenant(), eventId: event.id },
          width: '600px',
        })
        .afterClosed(),
    );
    if (typeof registered === 'number') {
      this.notifier.success('delivery.bulk.done', { count: registered });
    }
  }

  protected async duplicate(): Promise<void> {
    if (this.duplicating()) return;
    this.duplicating.set(true);
    try {
      const copy = await this.store.duplicate();
      this.notifier.success('events.duplicated', { title: copy.title });
      await this.router.navigate(['/t', this.tenant(), 'events', copy.id, 'edit']);
    } catch (problem) {
      this.notifier.failure(problem as ProblemDetails);
    } finally {
      this.duplicating.set(false);
    }
  }
}
