import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  Injector,
  input,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  RECOMMENDATION_STATUSES,
  type Recommendation,
  type RecommendationDetail,
  type RecommendationStatus,
  REGIONAL_GROUPS,
  type RegionalGroup,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { debounceTime, distinctUntilChanged, firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { LanguageService } from '../i18n/language.service';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EmptyState } from '../shared/empty-state.component';
import { FilterPanel } from '../shared/filter-panel.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { LoadMore } from '../shared/load-more.component';
import { Notifier } from '../shared/notifier.service';
import { FollowUpDialog, type FollowUpDialogData } from './follow-up.dialog';
import { citation } from './recommendation-labels';
import { RecommendationItem } from './recommendation-item.component';
import { RecommendationsListStore } from './recommendations-list.store';

/** The years a filter offers: from this year back to the first meetings the tool recorded. */
const FIRST_YEAR = 2011;

/**
 * Recommendations across the meetings the person may see: filters, text search, "Load more",
 * the CSV of what is shown, and follow-up where the person may give it.
 */
@Component({
  selector: 'cv-recommendations-list-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    EmptyState,
    FilterPanel,
    LiveError,
    LoadMore,
    MemberStatePicker,
    RecommendationItem,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './recommendations-list.page.html',
  styleUrl: './recommendations-list.page.scss',
})
export class RecommendationsListPage {
  /** ?eventId=…: the recommendations of one meeting (from its page). */
  readonly eventId = input<string>();

  protected readonly store = inject(RecommendationsListStore);
  protected readonly language = inject(LanguageService).language;
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);

  protected readonly areas = THEMATIC_AREAS;
  protected readonly regions = REGIONAL_GROUPS;
  protected readonly statuses = RECOMMENDATION_STATUSES;
  protected readonly years = Array.from(
    { length: new Date().getFullYear() - FIRST_YEAR + 1 },
    (_, index) => new Date().getFullYear() - index,
  );
  protected readonly cite = citation;

  protected readonly search = new FormControl(this.store.filter().q, { nonNullable: true });
  protected readonly state = new FormControl<string | null>(this.store.filter().state);

  protected readonly activeFilters = computed(() => {
    const filter = this.store.filter();
    return [filter.thematicArea, filter.state, filter.region, filter.status, filter.year].filter(
      (value) => value !== null,
    ).length;
  });
  /** The meeting the list is narrowed to, named by its rows. */
  protected readonly eventTitle = computed(
    () => this.store.recommendations()[0]?.event.title ?? null,
  );

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    const destroyRef = inject(DestroyRef);
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(destroyRef))
      .subscribe((q) => this.store.setFilter({ q }));
    this.state.valueChanges
      .pipe(distinctUntilChanged(), takeUntilDestroyed(destroyRef))
      .subscribe((state) => this.store.setFilter({ state }));
    effect(() => {
      const eventId = this.eventId() ?? null;
      untracked(() => {
        if (eventId !== this.store.filter().eventId) this.store.setFilter({ eventId });
      });
    });
  }

  /** Officers follow up any; a focal point those addressed to their State. */
  protected mayFollowUp(recommendation: Recommendation): boolean {
    const membership = this.membership();
    if (!this.store.canFollowUp() || !membership) return false;
    if (membership.permissions.includes('events.manage')) return true;
    const state = membership.memberStateAlpha3;
    return !!state && recommendation.addressedStates.includes(state);
  }

  protected setArea(thematicArea: ThematicArea | null): void {
    this.store.setFilter({ thematicArea });
  }

  protected setRegion(region: RegionalGroup | null): void {
    this.store.setFilter({ region });
  }

  protected setStatus(status: RecommendationStatus | null): void {
    this.store.setFilter({ status });
  }

  protected setYear(year: number | null): void {
    this.store.setFilter({ year });
  }

  protected clearEvent(): void {
    this.store.setFilter({ eventId: null });
  }

  protected clearFilters(): void {
    this.store.clearFilters();
    this.search.setValue('', { emitEvent: false });
    this.state.setValue(null, { emitEvent: false });
  }

  protected async followUp(recommendation: Recommendation): Promise<void> {
    const tenant = this.store.tenantSlug();
    if (!tenant) return;
    const saved = await firstValueFrom(
      this.dialog
        .open<FollowUpDialog, FollowUpDialogData, RecommendationDetail>(FollowUpDialog, {
          data: { tenant, recommendationId: recommendation.id },
          injector: this.injector,
          width: '640px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (saved) {
      const { followUps: _history, canEdit: _e, canSetStatus: _s, canAddNote: _n, ...row } = saved;
      this.store.replace(row);
      this.notifier.success('recommendations.followedUp', { number: citation(saved.number) });
    }
  }
}
