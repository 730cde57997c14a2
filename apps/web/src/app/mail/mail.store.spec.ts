import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { MailStatus, OutboxCounts, OutboxMessage, Page, Role } from '@convene/contracts';
import { provideMockStore } from '@ngrx/store/testing';
import { of, Subject, throwError } from 'rxjs';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { MailApi } from './mail.api';
import { MailStore } from './mail.store';

function aMessage(recipient: string, status: MailStatus = 'sent'): OutboxMessage {
  return {
    id: `mail-${recipient}`,
    kind: 'invitation',
    recipient,
    status,
    attempts: status === 'queued' ? 0 : 1,
    lastError: status === 'failed' ? '550 5.1.1 Recipient address rejected' : null,
    createdAt: '2026-11-28T08:00:00.000Z',
    sentAt: status === 'sent' ? '2026-11-28T08:00:02.000Z' : null,
    nextAttemptAt: status === 'queued' ? '2026-11-28T08:00:00.000Z' : null,
  };
}

/** The one row a test has loaded; failing here says so rather than as a TypeError later. */
function first<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected a loaded row');
  return row;
}

const page = (items: OutboxMessage[], nextCursor: string | null): Page<OutboxMessage> => ({
  items,
  nextCursor,
});

const counts = (change: Partial<OutboxCounts> = {}): OutboxCounts => ({
  queued: 0,
  sent: 4,
  failed: 1,
  cancelled: 0,
  ...change,
});

const conflict = () =>
  throwError(
    () =>
      new HttpErrorResponse({
        status: 409,
        error: { type: '/problems/mail-not-cancellable', title: 'x', status: 409 },
      }),
  );

function setUp(role: Role = 'tenant_admin') {
  const api = {
    list: jest.fn(),
    counts: jest.fn(() => of(counts())),
    retry: jest.fn(),
    cancel: jest.fn(),
    retryAll: jest.fn(),
  };
  TestBed.configureTestingModule({
    providers: [
      MailStore,
      { provide: MailApi, useValue: api },
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

describe('the Mail store', () => {
  it('loads the newest mail and the counts on opening, then the next page after the cursor', () => {
    const api = setUp();
    api.list
      .mockReturnValueOnce(of(page([aMessage('amina@demo.example')], 'cursor-1')))
      .mockReturnValueOnce(of(page([aMessage('lukas@demo.example')], null)));

    const store = TestBed.inject(MailStore);
    TestBed.tick();
    expect(api.list).toHaveBeenCalledWith('demo', null, null);
    expect(store.messages().map((m) => m.recipient)).toEqual(['amina@demo.example']);
    expect(store.counts()).toEqual(counts());
    expect(store.total()).toBe(5);

    store.loadMore();
    expect(api.list).toHaveBeenLastCalledWith('demo', null, 'cursor-1');
    expect(store.messages().map((m) => m.recipient)).toEqual([
      'amina@demo.example',
      'lukas@demo.example',
    ]);
    expect(store.nextCursor()).toBeNull();
  });

  it('starts again from the first page when the status filter changes, dropping a slower older answer', () => {
    const api = setUp();
    const slow = new Subject<Page<OutboxMessage>>();
    api.list
      .mockReturnValueOnce(slow)
      .mockReturnValueOnce(of(page([aMessage('bounce@bounce.invalid', 'failed')], null)));

    const store = TestBed.inject(MailStore);
    TestBed.tick();
    store.setFilter('failed');
    slow.next(page([aMessage('amina@demo.example')], 'stale'));

    expect(api.list).toHaveBeenLastCalledWith('demo', 'failed', null);
    expect(store.filter()).toBe('failed');
    expect(store.messages().map((m) => m.status)).toEqual(['failed']);
    expect(store.status()).toBe('loaded');
  });

  it('puts a failed mail back in the queue, in place, and moves it between the counts', async () => {
    const api = setUp();
    const failed = aMessage('bounce@bounce.invalid', 'failed');
    api.list.mockReturnValue(of(page([failed], null)));
    api.retry.mockReturnValue(of({ ...failed, status: 'queued', lastError: null }));

    const store = TestBed.inject(MailStore);
    TestBed.tick();
    const updated = await store.retry(first(store.messages()));

    expect(api.retry).toHaveBeenCalledWith('demo', 'mail-bounce@bounce.invalid');
    expect(updated.status).toBe('queued');
    expect(first(store.messages()).status).toBe('queued');
    expect(store.counts()).toEqual(counts({ failed: 0, queued: 1 }));
    expect(store.busy()).toEqual([]);
  });

  it('cancels a queued mail and counts it as cancelled', async () => {
    const api = setUp();
    const queued = aMessage('lukas@demo.example', 'queued');
    api.counts.mockReturnValue(of(counts({ queued: 1 })));
    api.list.mockReturnValue(of(page([queued], null)));
    api.cancel.mockReturnValue(of({ ...queued, status: 'cancelled' }));

    const store = TestBed.inject(MailStore);
    TestBed.tick();
    await store.cancel(first(store.messages()));

    expect(first(store.messages()).status).toBe('cancelled');
    expect(store.counts()).toEqual(counts({ queued: 0, cancelled: 1 }));
  });

  it('rejects with problem details when the mail has moved on, frees the row and reloads', async () => {
    const api = setUp();
    const queued = aMessage('lukas@demo.example', 'queued');
    api.list
      .mockReturnValueOnce(of(page([queued], null)))
      .mockReturnValueOnce(of(page([{ ...queued, status: 'sent' }], null)));
    api.cancel.mockReturnValue(conflict());

    const store = TestBed.inject(MailStore);
    TestBed.tick();
    await expect(store.cancel(first(store.messages()))).rejects.toMatchObject({ status: 409 });

    expect(store.busy()).toEqual([]);
    expect(api.list).toHaveBeenCalledTimes(2);
    expect(api.counts).toHaveBeenCalledTimes(2);
    expect(first(store.messages()).status).toBe('sent');
  });

  it('shows an error when the list cannot be loaded, and tries again on refresh', () => {
    const api = setUp();
    api.list
      .mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 500 })))
      .mockReturnValueOnce(of(page([aMessage('amina@demo.example')], null)));

    const store = TestBed.inject(MailStore);
    TestBed.tick();
    expect(store.status()).toBe('error');
    expect(store.problem()).toMatchObject({ status: 500 });

    store.refresh();
    expect(store.status()).toBe('loaded');
    expect(store.problem()).toBeNull();
    expect(store.messages()).toHaveLength(1);
  });

  it('keeps the list when only the counts fail', () => {
    const api = setUp();
    api.counts.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 500 })));
    api.list.mockReturnValue(of(page([aMessage('amina@demo.example')], null)));

    const store = TestBed.inject(MailStore);
    TestBed.tick();
    expect(store.counts()).toBeNull();
    expect(store.total()).toBeNull();
    expect(store.status()).toBe('loaded');
  });

  it('sends every failed mail back to the queue at once, then shows where things stand', async () => {
    const api = setUp();
    const failed = aMessage('bounce@bounce.invalid', 'failed');
    api.list
      .mockReturnValueOnce(of(page([failed], null)))
      .mockReturnValueOnce(of(page([{ ...failed, status: 'queued' }], null)));
    api.counts
      .mockReturnValueOnce(of(counts({ failed: 3 })))
      .mockReturnValueOnce(of(counts({ failed: 0, queued: 3 })));
    api.retryAll.mockReturnValue(of({ retried: 3 }));

    const store = TestBed.inject(MailStore);
    TestBed.tick();
    expect(store.failedCount()).toBe(3);
    const retried = store.retryAllFailed();
    expect(store.retryingAll()).toBe(true);
    expect(await retried).toBe(3);

    expect(api.retryAll).toHaveBeenCalledWith('demo', { status: 'failed' });
    expect(store.retryingAll()).toBe(false);
    expect(first(store.messages()).status).toBe('queued');
    expect(store.failedCount()).toBe(0);
  });

  it('rejects with problem details when retrying all fails, and is ready to try again', async () => {
    const api = setUp();
    api.list.mockReturnValue(of(page([], null)));
    api.retryAll.mockReturnValue(throwError(() => new HttpErrorResponse({ status: 503 })));
    const store = TestBed.inject(MailStore);
    TestBed.tick();
    await expect(store.retryAllFailed()).rejects.toMatchObject({ status: 503 });
    expect(store.retryingAll()).toBe(false);
  });

  it('opens on the status it was asked for, as the digest’s link to failed mail does', () => {
    const api = setUp();
    api.list.mockReturnValue(of(page([aMessage('bounce@bounce.invalid', 'failed')], null)));
    const store = TestBed.inject(MailStore);
    store.preselect('failed');
    TestBed.tick();
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(api.list).toHaveBeenCalledWith('demo', 'failed', null);
    expect(store.filter()).toBe('failed');
  });

  it('asks for nothing where the role may not manage mail', () => {
    const api = setUp('programme_officer');
    const store = TestBed.inject(MailStore);
    TestBed.tick();

    expect(store.tenantSlug()).toBeNull();
    expect(api.list).not.toHaveBeenCalled();
    expect(api.counts).not.toHaveBeenCalled();
  });
});
