import { computed, effect, inject, untracked } from '@angular/core';
import type { MailStatus, OutboxCounts, OutboxMessage } from '@convene/contracts';
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
import { catchError, EMPTY, firstValueFrom, type Observable, pipe, switchMap, tap } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { type KeysetListState, keysetPaging } from '../shared/keyset-list';
import { MailApi } from './mail.api';
import { moveCount } from './mail-status';

interface MailState extends KeysetListState {
  /** The status the list shows; null shows every message. */
  filter: MailStatus | null;
  messages: OutboxMessage[];
  /** Messages with a retry or cancel on its way, whose row actions wait meanwhile. */
  busy: string[];
  /** Null until the first answer, or when the counts could not be loaded. */
  counts: OutboxCounts | null;
  /** Every failed message is on its way back to the queue. */
  retryingAll: boolean;
}

const initialState: MailState = {
  filter: null,
  messages: [],
  nextCursor: null,
  status: 'idle',
  loadingMore: false,
  problem: null,
  busy: [],
  counts: null,
  retryingAll: false,
};

const replaceMessage = (messages: OutboxMessage[], updated: OutboxMessage) =>
  messages.map((message) => (message.id === updated.id ? updated : message));

/**
 * The current tenant's outgoing mail, for the Mail page; provided on its
 * route. Retry and cancel return promises that reject with problem
 * details, so the page can say why the server refused.
 */
export const MailStore = signalStore(
  withState(initialState),
  withComputed((state, store = inject(Store)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    return {
      /** Null outside a tenant whose mail this role may manage (say, mid-switch to another). */
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('mail.manage') ? current.tenant.slug : null;
      }),
      total: computed(() => {
        const counts = state.counts();
        return counts ? Object.values(counts).reduce((sum, count) => sum + count, 0) : null;
      }),
      /** Failed mail waiting for a decision: the page says so above the list. */
      failedCount: computed(() => state.counts()?.failed ?? 0),
    };
  }),
  withMethods((store, api = inject(MailApi)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The Mail page needs a current tenant');
      return slug;
    };

    /** A newer filter or a refresh cancels an older first page. */
    const { loadFirstPage, loadMore } = keysetPaging(store, {
      items: 'messages',
      fetch: (filter, after) => api.list(tenant(), filter, after),
      filter: store.filter,
    });

    // The counts only decorate the filter; without them the list still works.
    const loadCounts = rxMethod<void>(
      pipe(
        switchMap(() =>
          api.counts(tenant()).pipe(
            tap((counts) => patchState(store, { counts })),
            catchError(() => {
              patchState(store, { counts: null });
              return EMPTY;
            }),
          ),
        ),
      ),
    );

    const refresh = () => {
      loadFirstPage(store.filter());
      loadCounts();
    };

    /** Retry or cancel one message, then show it where it now stands. */
    const change = async (
      message: OutboxMessage,
      request: (slug: string, id: string) => Observable<OutboxMessage>,
    ): Promise<OutboxMessage> => {
      patchState(store, { busy: [...store.busy(), message.id] });
      try {
        const updated = await firstValueFrom(request(tenant(), message.id));
        const counts = store.counts();
        patchState(store, {
          messages: replaceMessage(store.messages(), updated),
          counts: counts && moveCount(counts, message.status, updated.status),
        });
        return updated;
      } catch (error) {
        const problem = toProblem(error);
        // 409: the message moved on meanwhile (the worker sent it, say); show where it is.
        if (problem.status === 409) refresh();
        throw problem;
      } finally {
        patchState(store, { busy: store.busy().filter((busy) => busy !== message.id) });
      }
    };

    return {
      /** Starts afresh for a tenant, keeping the chosen filter. */
      open(): void {
        patchState(store, { ...initialState, filter: store.filter() });
        refresh();
      },
      /** The status to open on (the page's ?status=, as the digest links it), before loading. */
      preselect(filter: MailStatus | null): void {
        patchState(store, { filter });
      },
      setFilter(filter: MailStatus | null): void {
        if (filter === store.filter() && store.status() !== 'error') return;
        patchState(store, { filter });
        loadFirstPage(filter);
      },
      /** The first page again, and fresh counts: the worker moves mail on by itself. */
      refresh,
      loadMore,
      retry(message: OutboxMessage): Promise<OutboxMessage> {
        return change(message, (slug, id) => api.retry(slug, id));
      },
      cancel(message: OutboxMessage): Promise<OutboxMessage> {
        return change(message, (slug, id) => api.cancel(slug, id));
      },
      /** Every failed message back in the queue at once; resolves to how many went. */
      async retryAllFailed(): Promise<number> {
        patchState(store, { retryingAll: true });
        try {
          const { retried } = await firstValueFrom(api.retryAll(tenant(), { status: 'failed' }));
          refresh();
          return retried;
        } catch (error) {
          throw toProblem(error);
        } finally {
          patchState(store, { retryingAll: false });
        }
      },
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
