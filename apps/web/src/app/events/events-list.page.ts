import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
// The parts, not MatDatepickerModule: the module provides its own English MatDatepickerIntl,
// which would hide the translated one (see provideLocaleDateAdapter).
import {
  MatDateRangeInput,
  MatDateRangePicker,
  MatDatepickerToggle,
  MatEndDate,
  MatStartDate,
} from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  EVENT_STATUSES,
  EVENT_TYPES,
  type EventStatus,
  type EventSummary,
  type EventType,
  REGIONAL_GROUPS,
  type RegionalGroup,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { LanguageService } from '../i18n/language.service';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EmptyState } from '../shared/empty-state.component';
import { FilterPanel } from '../shared/filter-panel.component';
import { LoadMore } from '../shared/load-more.component';
import { LiveError } from '../shared/live-error.component';
import { ScrollRegion } from '../shared/scroll-region.directive';
import type { CalendarMode } from './calendar';
import { CLOCK } from './clock';
import { EVENT_FORMAT_ICONS } from './event-labels';
import { EventStatusChip } from './event-status.component';
import { EventWhen } from './event-when.component';
import { EventsCalendar } from './events-calendar.component';
import { defaultFilter, type EventsView, EventsListStore } from './events-list.store';
import { VenuePlacePipe } from './venue-place.pipe';
import { dateOnly, pickerDate } from './zoned-time';
import type { IconName } from '../shared/icons/icons.generated';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** The tenant's events as a table or a calendar, with filters. */
@Component({
  selector: 'cv-events-list-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatDateRangeInput,
    MatDateRangePicker,
    MatDatepickerToggle,
    MatEndDate,
    MatStartDate,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    EmptyState,
    FilterPanel,
    LoadMore,
    LiveError,
    ScrollRegion,
    MemberStatePicker,
    EventStatusChip,
    EventWhen,
    EventsCalendar,
    VenuePlacePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './events-list.page.html',
  styleUrl: './events-list.page.scss',
})
export class EventsListPage {
  protected readonly store = inject(EventsListStore);
  protected readonly language = inject(LanguageService).language;

  protected readonly statuses = EVENT_STATUSES;
  protected readonly types = EVENT_TYPES;
  protected readonly areas = THEMATIC_AREAS;
  protected readonly regions = REGIONAL_GROUPS;
  protected readonly columns = ['event', 'when', 'where', 'status'];

  private readonly today = dateOnly(inject(CLOCK)());
  /** The filters folded away on a phone that are set (the dates count as one). */
  protected readonly activeFilters = computed(() => {
    const filter = this.store.filter();
    const initial = defaultFilter(this.today);
    const chosen = [
      filter.status !== initial.status,
      filter.type !== initial.type,
      filter.thematicArea !== initial.thematicArea,
      filter.region !== initial.region,
      filter.country !== initial.country,
    ];
    if (this.store.view() === 'table') {
      chosen.push(filter.fromDate !== initial.fromDate || filter.toDate !== initial.toDate);
      chosen.push(filter.sort !== initial.sort);
    }
    return chosen.filter(Boolean).length;
  });

  protected readonly search = new FormControl(this.store.filter().q, { nonNullable: true });
  protected readonly country = new FormControl<string | null>(this.store.filter().country);
  protected readonly dates = new FormGroup({
    start: new FormControl<Date | null>(this.pickerOf(this.store.filter().fromDate)),
    end: new FormControl<Date | null>(this.pickerOf(this.store.filter().toDate)),
  });

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    // Back from an event: show the same list, brought up to date.
    if (this.store.status() !== 'idle') this.store.reload();
    const destroyRef = inject(DestroyRef);
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(destroyRef))
      .subscribe((q) => this.store.setFilter({ q }));
    this.country.valueChanges
      .pipe(distinctUntilChanged(), takeUntilDestroyed(destroyRef))
      .subscribe((country) => this.store.setFilter({ country }));
    this.dates.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(({ start, end }) => {
      // The range picker sets the start first; wait for the end unless the start was cleared.
      if (this.dates.invalid) return;
      const fromDate = start ? dateOnly(start) : null;
      const toDate = end ? dateOnly(end) : null;
      const filter = this.store.filter();
      if (fromDate !== filter.fromDate || toDate !== filter.toDate) {
        this.store.setFilter({ fromDate, toDate });
      }
    });
  }

  protected formatIcon(event: EventSummary): IconName {
    return EVENT_FORMAT_ICONS[event.format];
  }

  protected setStatus(status: EventStatus | null): void {
    this.store.setFilter({ status });
  }

  protected setType(type: EventType | null): void {
    this.store.setFilter({ type });
  }

  protected setArea(thematicArea: ThematicArea | null): void {
    this.store.setFilter({ thematicArea });
  }

  protected setRegion(region: RegionalGroup | null): void {
    this.store.setFilter({ region });
  }

  protected setSort(sort: 'starts_at' | '-starts_at'): void {
    this.store.setFilter({ sort });
  }

  protected setView(view: EventsView): void {
    this.store.setView(view);
  }

  protected setMode(mode: CalendarMode): void {
    this.store.setCalendarMode(mode);
  }

  protected openWeek(date: string): void {
    this.store.setCalendarMode('week');
    this.store.showDay(date);
  }

  protected clearFilters(): void {
    this.store.clearFilters();
    const filter = this.store.filter();
    this.search.setValue(filter.q, { emitEvent: false });
    this.country.setValue(filter.country, { emitEvent: false });
    this.dates.setValue(
      { start: this.pickerOf(filter.fromDate), end: this.pickerOf(filter.toDate) },
      { emitEvent: false },
    );
  }

  private pickerOf(date: string | null): Date | null {
    return date ? pickerDate(date) : null;
  }
}
