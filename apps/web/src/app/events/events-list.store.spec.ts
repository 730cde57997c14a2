import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { EventSummary, Page, Role } from '@convene/contracts';
import { provideMockStore } from '@ngrx/store/testing';
import { of, Subject, throwError } from 'rxjs';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { CLOCK } from './clock';
import { aPage, anEvent } from './event.fixtures';
import { EventsApi } from './events.api';
import { EventsListStore, toEventFilter } from './events-list.store';
import { pickerDate } from './zoned-time';

// Noon, so the reader's day is the 15th of March 2027 in any zone the tests run in.
const NOW = new Date(2027, 2, 15, 12, 0);

function setUp(role: Role = 'programme_officer') {
  const api = { list: jest.fn() };
  TestBed.configureTestingModule({
    providers: [
      EventsListStore,
      { provide: EventsApi, useValue: api },
      { provide: CLOCK, useValue: () => NOW },
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'authenticated',
            session: aSession([aMembership('demo', role)]),
            currentTenantSlug: 'demo',
          },
        },
      }),
    ],
  });
  return api;
}

describe('the Events list store', () => {
  it('opens on the upcoming events, soonest first, then loads the next page after the cursor', () => {
    const api = setUp();
    api.list
      .mockReturnValueOnce(of(aPage([anEvent({ id: 'a' })], 'cursor-1')))
      .mockReturnValueOnce(of(aPage([anEvent({ id: 'b' })])));

    const store = TestBed.inject(EventsListStore);
    TestBed.tick();
    const [tenant, filter, after] = api.list.mock.calls[0];
    expect(tenant).toBe('demo');
    expect(filter).toMatchObject({
      sort: 'starts_at',
      from: pickerDate('2027-03-15').toISOString(),
    });
    expect(after).toBeNull();
    expect(store.filtered()).toBe(false);
    expect(store.canManage()).toBe(true);

    store.loadMore();
    expect(api.list).toHaveBeenLastCalledWith('demo', filter, 'cursor-1');
    expect(store.events().map((event) => event.id)).toEqual(['a', 'b']);
    expect(store.nextCursor()).toBeNull();
  });

  it('turns the reader’s days into instants: from the first midnight to the one after the last day', () => {
    const filter = toEventFilter({
      q: ' vienna ',
      status: 'planned',
      type: null,
      thematicArea: null,
      region: 'western_european_others',
      country: 'AUT',
      fromDate: '2027-03-01',
      toDate: '2027-03-31',
      sort: '-starts_at',
    });
    expect(filter.from).toBe(pickerDate('2027-03-01').toISOString());
    expect(filter.to).toBe(pickerDate('2027-04-01').toISOString());
    expect(filter).toMatchObject({ q: ' vienna ', status: 'planned', country: 'AUT' });
  });

  it('starts again from the first page when a filter changes, dropping a slower older answer', () => {
    const api = setUp();
    const slow = new Subject<Page<EventSummary>>();
    api.list
      .mockReturnValueOnce(slow)
      .mockReturnValueOnce(of(aPage([anEvent({ id: 'webinar', type: 'webinar' })])));

    const store = TestBed.inject(EventsListStore);
    TestBed.tick();
    store.setFilter({ type: 'webinar' });
    slow.next(aPage([anEvent({ id: 'stale' })], 'stale'));

    expect(api.list.mock.calls[1][1]).toMatchObject({ type: 'webinar' });
    expect(store.events().map((event) => event.id)).toEqual(['webinar']);
    expect(store.filtered()).toBe(true);

    api.list.mockReturnValueOnce(of(aPage([])));
    store.clearFilters();
    expect(store.filter().type).toBeNull();
    expect(store.filtered()).toBe(false);
  });

  it('fills the calendar with every page of the shown weeks, widened for every zone', () => {
    const api = setUp();
    api.list.mockReturnValue(of(aPage([])));
    const store = TestBed.inject(EventsListStore);
    TestBed.tick();

    api.list
      .mockReturnValueOnce(of(aPage([anEvent({ id: 'a' })], 'next')))
      .mockReturnValueOnce(of(aPage([anEvent({ id: 'b' })])));
    store.setView('calendar');

    const [, filter, after, limit] = api.list.mock.calls[1];
    // March 2027 starts on a Monday and its last week ends on Sunday 4 April.
    expect(filter).toMatchObject({
      from: '2027-02-28T10:00:00.000Z',
      to: '2027-04-05T12:00:00.000Z',
      sort: 'starts_at',
    });
    expect(after).toBeNull();
    expect(limit).toBe(100);
    expect(api.list.mock.calls[2][2]).toBe('next');
    expect(store.calendarEvents().map((event) => event.id)).toEqual(['a', 'b']);
    expect(store.calendarStatus()).toBe('loaded');
    expect(store.calendarTruncated()).toBe(false);
  });

  it('moves the calendar by months and weeks, and back to today', () => {
    const api = setUp();
    api.list.mockReturnValue(of(aPage([])));
    const store = TestBed.inject(EventsListStore);
    TestBed.tick();
    store.setView('calendar');

    store.moveCalendar(1);
    expect(store.anchor()).toBe('2027-04-01');
    expect(api.list.mock.lastCall?.[1]).toMatchObject({ from: '2027-03-28T10:00:00.000Z' });

    store.setCalendarMode('week');
    store.showDay('2027-04-14');
    expect(store.weeks()).toEqual([
      [
        '2027-04-12',
        '2027-04-13',
        '2027-04-14',
        '2027-04-15',
        '2027-04-16',
        '2027-04-17',
        '2027-04-18',
      ],
    ]);
    store.showDay();
    expect(store.anchor()).toBe('2027-03-15');
  });

  it('shows an error when the events cannot be loaded, and tries again on reload', () => {
    const api = setUp('focal_point');
    api.list
      .mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 500 })))
      .mockReturnValueOnce(of(aPage([anEvent()])));

    const store = TestBed.inject(EventsListStore);
    TestBed.tick();
    expect(store.status()).toBe('error');
    expect(store.problem()).toMatchObject({ status: 500 });
    expect(store.canManage()).toBe(false);

    store.reload();
    expect(store.status()).toBe('loaded');
    expect(store.events()).toHaveLength(1);
  });
});
