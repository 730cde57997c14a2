import { computed, effect, inject, untracked } from '@angular/core';
import type { RequestSummary } from '@convene/contracts';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { type KeysetListState, keysetPaging } from '../shared/keyset-list';
import { NO_REQUEST_FILTER, type RequestFilter, RequestsApi } from './requests.api';

export type InboxView = 'table' | 'board';

interface RequestsInboxState extends KeysetListState {
  filter: RequestFilter;
  view: InboxView;
  requests: RequestSummary[];
}

/** Whether a filter narrows the inbox. */
export function isFiltered(filter: RequestFilter): boolean {
  return (Object.keys(NO_REQUEST_FILTER) as (keyof RequestFilter)[]).some(
    (key) => filter[key] !== NO_REQUEST_FILTER[key],
  );
}

/**
 * The requests the person may see (officers: the tenant's; a focal point: their State's; an
 * expert: those they review), newest change first, filtered, as a table or a board by status,
 * with "Load more"; provided on the route so it keeps its filters while a request is open.
 */
export const RequestsInboxStore = signalStore(
  withState<RequestsInboxState>({
    filter: NO_REQUEST_FILTER,
    view: 'table',
    requests: [],
    nextCursor: null,
    status: 'idle',
    loadingMore: false,
    problem: null,
  }),
  withComputed((state, store = inject(Store)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    return {
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('requests.read') ? current.tenant.slug : null;
      }),
      canDraft: computed(() => membership()?.permissions.includes('requests.draft') ?? false),
      canManage: computed(() => membership()?.permissions.includes('requests.manage') ?? false),
      filtered: computed(() => isFiltered(state.filter())),
    };
  }),
  withMethods((store, api = inject(RequestsApi)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The Requests page needs a current tenant');
      return slug;
    };
    const paging = keysetPaging(store, {
      items: 'requests',
      fetch: (filter, after) => api.list(tenant(), filter, after),
      filter: store.filter,
    });
    return {
      open(): void {
        patchState(store, { requests: [], nextCursor: null });
        paging.loadFirstPage(store.filter());
      },
      reload(): void {
        paging.loadFirstPage(store.filter());
      },
      setFilter(change: Partial<RequestFilter>): void {
        patchState(store, { filter: { ...store.filter(), ...change } });
        paging.loadFirstPage(store.filter());
      },
      clearFilters(): void {
        patchState(store, { filter: NO_REQUEST_FILTER });
        paging.loadFirstPage(store.filter());
      },
      setView(view: InboxView): void {
        patchState(store, { view });
      },
      loadMore: paging.loadMore,
    };
  }),
  withHooks((store) => ({
    onInit() {
      effect(() => {
        if (store.tenantSlug()) untracked(() => store.open());
      });
    },
  })),
);
