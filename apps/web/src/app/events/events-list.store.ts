import { computed, effect, inject, untracked } from '@angular/core';
import type {
  EventStatus,
  EventSummary,
  EventType,
  Page,
  ProblemDetails,
  RegionalGroup,
  ThematicArea,
} from '@convene/contracts';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { Store } from '@ngrx/store';
import { catchError, EMPTY, expand, type Observable, pipe, reduce, switchMap, tap } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { type KeysetListState, keysetPaging, type LoadStatus } from '../shared/keyset-list';
import { type CalendarMode, calendarQueryRange, calendarWeeks, moveAnchor } from './calendar';
import { CLOCK } from './clock';
import { type EventFilter, EventsApi } from './events.api';
import { addDays, dateOnly, pickerDate } from './zoned-time';

export type EventsView = 'table' | 'calendar';

/** The filters as the page shows them: days are the reader's own calendar days. */
export interface EventsListFilter {
  q: string;
  status: EventStatus | null;
  type: EventType | null;
  thematicArea: ThematicArea | null;
  region: RegionalGroup | null;
  country: string | null;
  /** YYYY-MM-DD, both included. */
  fromDate: string | null;
  toDate: string | null;
  sort: 'starts_at' | '-starts_at';
}

/** A page of 100 at a time, five at most: a calendar month rarely holds more. */
const CALENDAR_PAGE = 100;
const CALENDAR_MAX_PAGES = 5;

/** The keyset fields are the table's; the calendar keeps its own. */
interface EventsListState extends KeysetListState {
  filter: EventsListFilter;
  view: EventsView;
  events: EventSummary[];
  calendarMode: CalendarMode;
  /** A day of the month or week the calendar shows. */
  anchor: string;
  calendarEvents: EventSummary[];
  calendarStatus: LoadStatus;
  calendarProblem: ProblemDetails | null;
  /** More events than the calendar fetched fall in the shown days. */
  calendarTruncated: boolean;
}

/** Upcoming events first: from today on, soonest first. */
export function defaultFilter(today: string): EventsListFilter {
  return {
    q: '',
    status: null,
    type: null,
    thematicArea: null,
    region: null,
    country: null,
    fromDate: today,
    toDate: null,
    sort: 'starts_at',
  };
}

/** The page's filter as the server's query; the days become the reader's midnights. */
export function toEventFilter(filter: EventsListFilter): EventFilter {
  return {
    q: filter.q,
    status: filter.status,
    type: filter.type,
    thematicArea: filter.thematicArea,
    region: filter.region,
    country: filter.country,
    from: filter.fromDate ? pickerDate(filter.fromDate).toISOString() : null,
    to: filter.toDate ? pickerDate(addDays(filter.toDate, 1)).toISOString() : null,
    sort: filter.sort,
  };
}

/**
 * The current tenant's events for the Events page, as a table with "Load
 * more" or as a calendar of a month or week; provided on its route.
 */
export const EventsListStore = signalStore(
  withState<EventsListState>(() => {
    const today = dateOnly(inject(CLOCK)());
    return {
      filter: defaultFilter(today),
      view: 'table',
      events: [],
      nextCursor: null,
      status: 'idle',
      loadingMore: false,
      problem: null,
      calendarMode: 'month',
      anchor: today,
      calendarEvents: [],
      calendarStatus: 'idle',
      calendarProblem: null,
      calendarTruncated: false,
    };
  }),
  withComputed((state, store = inject(Store), clock = inject(CLOCK)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    return {
      /** Null outside a tenant whose events this role may see. */
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('events.read') ? current.tenant.slug : null;
      }),
      canManage: computed(() => membership()?.permissions.includes('events.manage') ?? false),
      filtered: computed(() => {
        const filter = state.filter();
        const initial = defaultFilter(dateOnly(clock()));
        return (Object.keys(initial) as (keyof EventsListFilter)[]).some(
          (key) => key !== 'sort' && filter[key] !== initial[key],
        );
      }),
      weeks: computed(() => calendarWeeks(state.calendarMode(), state.anchor())),
    };
  }),
  withMethods((store, api = inject(EventsApi), clock = inject(CLOCK)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The Events page needs a current tenant');
      return slug;
    };

    /** The table; a newer filter cancels an older first page. */
    const table = keysetPaging(store, {
      items: 'events',
      fetch: (filter, after) => api.list(tenant(), toEventFilter(filter), after),
      filter: store.filter,
    });

    /** Every event of the shown days that matches the filters (the dates aside). */
    const loadCalendar = rxMethod<void>(
      pipe(
        tap(() => patchState(store, { calendarStatus: 'loading', calendarProblem: null })),
        switchMap(() => {
          const slug = tenant();
          const filter = {
            ...toEventFilter(store.filter()),
            ...calendarQueryRange(store.weeks()),
            sort: 'starts_at' as const,
          };
          const fetch = (after: string | null) => api.list(slug, filter, after, CALENDAR_PAGE);
          let pages = 0;
          return fetch(null).pipe(
            expand((page): Observable<Page<EventSummary>> => {
              pages += 1;
              return page.nextCursor && pages < CALENDAR_MAX_PAGES ? fetch(page.nextCursor) : EMPTY;
            }),
            reduce(
              (all, page) => ({
                events: [...all.events, ...page.items],
                truncated: !!page.nextCursor,
              }),
              { events: [] as EventSummary[], truncated: false },
            ),
            tap(({ events, truncated }) =>
              patchState(store, {
                calendarEvents: events,
                calendarTruncated: truncated,
                calendarStatus: 'loaded',
              }),
            ),
            catchError((error: unknown) => {
              patchState(store, { calendarStatus: 'error', calendarProblem: toProblem(error) });
              return EMPTY;
            }),
          );
        }),
      ),
    );

    const reload = () => {
      if (store.view() === 'table') table.loadFirstPage(store.filter());
      else loadCalendar();
    };

    return {
      /** Starts afresh for a tenant, keeping the chosen filters and view. */
      open(): void {
        patchState(store, { events: [], nextCursor: null, calendarEvents: [] });
        reload();
      },
      reload,
      setFilter(change: Partial<EventsListFilter>): void {
        patchState(store, { filter: { ...store.filter(), ...change } });
        reload();
      },
      clearFilters(): void {
        patchState(store, { filter: defaultFilter(dateOnly(clock())) });
        reload();
      },
      setView(view: EventsView): void {
        if (view === store.view()) return;
        patchState(store, { view });
        reload();
      },
      setCalendarMode(calendarMode: CalendarMode): void {
        if (calendarMode === store.calendarMode()) return;
        patchState(store, { calendarMode });
        loadCalendar();
      },
      /** A month or week back (-1) or forward (1). */
      moveCalendar(step: number): void {
        patchState(store, { anchor: moveAnchor(store.calendarMode(), store.anchor(), step) });
        loadCalendar();
      },
      /** The month or week of a day; today's by default. */
      showDay(day: string = dateOnly(clock())): void {
        patchState(store, { anchor: day });
        loadCalendar();
      },
      loadMore: table.loadMore,
    };
  }),
  withHooks((store) => ({
    onInit() {
      // Open afresh whenever the tenant changes under the page.
      effect(() => {
        if (store.tenantSlug()) untracked(() => store.open());
      });
    },
  })),
);
