import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { PublicEventsPage } from '@convene/contracts';
import { of, Subject, throwError } from 'rxjs';
import { PublicEventsApi } from './public-events.api';
import { aPublicEvent, aPublicPage } from './public-events.fixtures';
import { PublicEventsStore } from './public-events.store';

const problem = (status: number, type: string) =>
  throwError(
    () =>
      new HttpErrorResponse({ status, error: { type: `/problems/${type}`, title: 'x', status } }),
  );

function setUp() {
  const api = {
    page: jest.fn(),
    feedPath: (slug: string) => `/api/public/${slug}/events.ics`,
    feedUrl: (slug: string) => `https://convene.example/api/public/${slug}/events.ics`,
  };
  TestBed.configureTestingModule({
    providers: [PublicEventsStore, { provide: PublicEventsApi, useValue: api }],
  });
  return { api, store: TestBed.inject(PublicEventsStore) };
}

describe('the public calendar store', () => {
  it('opens a tenant’s calendar with its name, then loads the next events after the cursor', () => {
    const { api, store } = setUp();
    api.page
      .mockReturnValueOnce(of(aPublicPage([aPublicEvent({ id: 'a' })], 'cursor-1')))
      .mockReturnValueOnce(of(aPublicPage([aPublicEvent({ id: 'b' })])));

    store.open('demo');
    expect(api.page).toHaveBeenCalledWith('demo', null);
    expect(store.status()).toBe('loaded');
    expect(store.tenantName()).toBe('Terrorism Prevention Branch');
    expect(store.feedPath()).toBe('/api/public/demo/events.ics');
    expect(store.feedUrl()).toBe('https://convene.example/api/public/demo/events.ics');

    store.loadMore();
    expect(api.page).toHaveBeenLastCalledWith('demo', 'cursor-1');
    expect(store.events().map((event) => event.id)).toEqual(['a', 'b']);
    expect(store.nextCursor()).toBeNull();

    // Nothing more to load: no call.
    store.loadMore();
    expect(api.page).toHaveBeenCalledTimes(2);
  });

  it('says an unknown organisation is not found, rather than failing', () => {
    const { api, store } = setUp();
    api.page.mockReturnValueOnce(problem(404, 'not-found'));
    store.open('nobody');
    expect(store.status()).toBe('error');
    expect(store.notFound()).toBe(true);
    expect(store.tenantName()).toBeNull();
  });

  it('shows an error when the server fails, and tries again on reload', () => {
    const { api, store } = setUp();
    api.page
      .mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 500 })))
      .mockReturnValueOnce(of(aPublicPage([])));
    store.open('demo');
    expect(store.status()).toBe('error');
    expect(store.notFound()).toBe(false);
    expect(store.problem()).toMatchObject({ status: 500 });

    store.reload();
    expect(store.status()).toBe('loaded');
    expect(store.events()).toEqual([]);
  });

  it('keeps the events shown when the next page fails', () => {
    const { api, store } = setUp();
    api.page
      .mockReturnValueOnce(of(aPublicPage([aPublicEvent({ id: 'a' })], 'cursor-1')))
      .mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 0 })));
    store.open('demo');
    store.loadMore();
    expect(store.events().map((event) => event.id)).toEqual(['a']);
    expect(store.loadingMore()).toBe(false);
    expect(store.moreProblem()).toMatchObject({ type: '/problems/network' });
    expect(store.nextCursor()).toBe('cursor-1');
  });

  it('forgets one calendar when another opens, dropping its slower answer', () => {
    const { api, store } = setUp();
    const slow = new Subject<PublicEventsPage>();
    api.page
      .mockReturnValueOnce(slow)
      .mockReturnValueOnce(of(aPublicPage([aPublicEvent({ id: 'n' })], null, 'Northwind')));
    store.open('demo');
    expect(store.status()).toBe('loading');
    store.open('northwind');
    slow.next(aPublicPage([aPublicEvent({ id: 'stale' })]));

    expect(store.slug()).toBe('northwind');
    expect(store.tenantName()).toBe('Northwind');
    expect(store.events().map((event) => event.id)).toEqual(['n']);
  });
});
