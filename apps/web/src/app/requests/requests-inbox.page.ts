import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  REGIONAL_GROUPS,
  REQUEST_STATUSES,
  type RequestStatus,
  type RequestSummary,
  THEMATIC_AREAS,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { distinctUntilChanged } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EmptyState } from '../shared/empty-state.component';
import { FilterPanel } from '../shared/filter-panel.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LoadMore } from '../shared/load-more.component';
import { BOARD_STATUSES, daysSince, REQUEST_STATUS_ICONS } from './request-labels';
import { RequestStatusChip } from './request-status.component';
import { type InboxView, RequestsInboxStore } from './requests-inbox.store';

/** The ages the filter offers, in days in the current status. */
const AGES = [7, 14, 30, 90] as const;

/**
 * The officers' inbox of requests (a focal point's list of their State's): filters by status,
 * State, regional group, thematic area and age, as a table or a board by status.
 */
@Component({
  selector: 'cv-requests-inbox-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Icon,
    EmptyState,
    FilterPanel,
    LiveError,
    LoadMore,
    MemberStatePicker,
    MemberStateNamePipe,
    RequestStatusChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './requests-inbox.page.html',
  styleUrl: './requests-inbox.page.scss',
})
export class RequestsInboxPage {
  protected readonly store = inject(RequestsInboxStore);
  protected readonly language = inject(LanguageService).language;
  /** A draft is its State's own until sent: only those who draft filter by it. */
  protected readonly statuses = computed(() =>
    this.store.canDraft() ? REQUEST_STATUSES : REQUEST_STATUSES.filter((s) => s !== 'draft'),
  );
  protected readonly areas = THEMATIC_AREAS;
  protected readonly regions = REGIONAL_GROUPS;
  protected readonly ages = AGES;
  protected readonly icons = REQUEST_STATUS_ICONS;
  protected readonly age = daysSince;
  protected readonly state = new FormControl<string | null>(this.store.filter().state);

  protected readonly activeFilters = computed(
    () => Object.values(this.store.filter()).filter((value) => value !== null).length,
  );

  /** The board: the working statuses, each with the requests shown that stand there. */
  protected readonly columns = computed(() => {
    const byStatus = new Map<RequestStatus, RequestSummary[]>();
    for (const request of this.store.requests()) {
      byStatus.set(request.status, [...(byStatus.get(request.status) ?? []), request]);
    }
    const shown = this.store.filter().status;
    return BOARD_STATUSES.filter((status) => !shown || status === shown).map((status) => ({
      status,
      requests: byStatus.get(status) ?? [],
    }));
  });

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    this.state.valueChanges
      .pipe(distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((state) => this.store.setFilter({ state }));
  }

  protected setView(view: InboxView): void {
    this.store.setView(view);
  }

  protected clearFilters(): void {
    this.store.clearFilters();
    this.state.setValue(null, { emitEvent: false });
  }
}
