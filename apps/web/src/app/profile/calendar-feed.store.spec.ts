import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { CLOCK } from '../events/clock';
import { CalendarFeedApi } from './calendar-feed.api';
import { CalendarFeedStore } from './calendar-feed.store';

const NOW = new Date('2027-03-15T12:00:00.000Z');
const FEED_URL =
  'https://convene.example/api/calendar/a-secret-token-of-forty-three-characters/events.ics';

const problem = (status: number, type: string) =>
  throwError(
    () =>
      new HttpErrorResponse({ status, error: { type: `/problems/${type}`, title: 'x', status } }),
  );

function setUp(status = of({ active: false, createdAt: null as string | null })) {
  const api = {
    status: jest.fn(() => status),
    create: jest.fn(() => of({ url: FEED_URL })),
    revoke: jest.fn(() => of(null)),
  };
  TestBed.configureTestingModule({
    providers: [
      CalendarFeedStore,
      { provide: CalendarFeedApi, useValue: api },
      { provide: CLOCK, useValue: () => NOW },
    ],
  });
  return { api, store: TestBed.inject(CalendarFeedStore) };
}

describe('the calendar feed store', () => {
  it('finds that a person has no feed yet', () => {
    const { api, store } = setUp();
    expect(api.status).toHaveBeenCalledTimes(1);
    expect(store.status()).toBe('loaded');
    expect(store.active()).toBe(false);
    expect(store.url()).toBeNull();
  });

  it('makes a feed and shows its URL this once', async () => {
    const { api, store } = setUp();
    await expect(store.create()).resolves.toBe(FEED_URL);
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(store.url()).toBe(FEED_URL);
    expect(store.active()).toBe(true);
    expect(store.createdAt()).toBe(NOW.toISOString());
    expect(store.busy()).toBe(false);
  });

  it('knows a feed made earlier, without its URL', () => {
    const { store } = setUp(of({ active: true, createdAt: '2027-01-02T09:00:00.000Z' }));
    expect(store.active()).toBe(true);
    expect(store.createdAt()).toBe('2027-01-02T09:00:00.000Z');
    expect(store.url()).toBeNull();
  });

  it('turns the feed off and forgets the URL', async () => {
    const { api, store } = setUp();
    await store.create();
    await store.revoke();
    expect(api.revoke).toHaveBeenCalledTimes(1);
    expect(store.active()).toBe(false);
    expect(store.url()).toBeNull();
  });

  it('says why a change was refused, and keeps the feed as it was', async () => {
    const { api, store } = setUp(of({ active: true, createdAt: '2027-01-02T09:00:00.000Z' }));
    api.revoke.mockReturnValueOnce(problem(403, 'csrf'));
    await expect(store.revoke()).rejects.toMatchObject({ type: '/problems/csrf', status: 403 });
    expect(store.active()).toBe(true);
    expect(store.busy()).toBe(false);
  });

  it('shows an error when the feed cannot be looked up, and tries again', () => {
    const { api, store } = setUp(throwError(() => new HttpErrorResponse({ status: 500 })));
    expect(store.status()).toBe('error');
    expect(store.problem()).toMatchObject({ status: 500 });

    api.status.mockReturnValueOnce(of({ active: false, createdAt: null }));
    store.load();
    expect(store.status()).toBe('loaded');
  });
});
