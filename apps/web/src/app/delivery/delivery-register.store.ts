import { computed, inject } from '@angular/core';
import type { Delivery } from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { type KeysetListState, keysetPaging } from '../shared/keyset-list';
import { DeliveryApi, type DeliveryFilter, NO_DELIVERY_FILTER } from './delivery.api';

interface DeliveryRegisterState extends KeysetListState {
  filter: DeliveryFilter;
  deliveries: Delivery[];
}

/** Whether a filter narrows the register. */
export function isFiltered(filter: DeliveryFilter): boolean {
  return (Object.keys(NO_DELIVERY_FILTER) as (keyof DeliveryFilter)[]).some(
    (key) => filter[key] !== NO_DELIVERY_FILTER[key],
  );
}

/**
 * The deliveries the person may see (officers every one, a focal point their State's), newest
 * first, filtered, with "Load more"; provided on the route.
 */
export const DeliveryRegisterStore = signalStore(
  withState<DeliveryRegisterState>({
    filter: NO_DELIVERY_FILTER,
    deliveries: [],
    nextCursor: null,
    status: 'idle',
    loadingMore: false,
    problem: null,
  }),
  withComputed((state, store = inject(Store)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    return {
      tenantSlug: computed(() => membership()?.tenant.slug ?? null),
      canRegister: computed(() => membership()?.permissions.includes('deliveries.manage') ?? false),
      filtered: computed(() => isFiltered(state.filter())),
    };
  }),
  withMethods((store, api = inject(DeliveryApi)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The delivery register needs a current tenant');
      return slug;
    };
    const paging = keysetPaging(store, {
      items: 'deliveries',
      fetch: (filter, after) => api.deliveries(tenant(), filter, after),
      filter: store.filter,
    });
    return {
      open(): void {
        patchState(store, { deliveries: [], nextCursor: null });
        paging.loadFirstPage(store.filter());
      },
      reload(): void {
        paging.loadFirstPage(store.filter());
      },
      setFilter(change: Partial<DeliveryFilter>): void {
        patchState(store, { filter: { ...store.filter(), ...change } });
        paging.loadFirstPage(store.filter());
      },
      clearFilters(): void {
        patchState(store, { filter: NO_DELIVERY_FILTER });
        paging.loadFirstPage(store.filter());
      },
      loadMore: paging.loadMore,
    };
  }),
);
