import { computed, inject } from '@angular/core';
import { signalStore, withComputed } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { differsFrom, withFilteredList } from '../shared/filtered-list';
import { DeliveryApi, type DeliveryFilter, NO_DELIVERY_FILTER } from './delivery.api';

/** Whether a filter narrows the register. */
export function isFiltered(filter: DeliveryFilter): boolean {
  return differsFrom(NO_DELIVERY_FILTER, filter);
}

/**
 * The deliveries the person may see (officers every one, a focal point their State's), newest
 * first, filtered, with "Load more"; provided on the route (its page opens it).
 */
export const DeliveryRegisterStore = signalStore(
  withComputed(() => {
    const membership = inject(Store).selectSignal(selectCurrentMembership);
    return {
      tenantSlug: computed(() => membership()?.tenant.slug ?? null),
      canRegister: computed(() => membership()?.permissions.includes('deliveries.manage') ?? false),
    };
  }),
  withFilteredList({
    items: 'deliveries',
    noFilter: NO_DELIVERY_FILTER,
    fetch:
      (api = inject(DeliveryApi)) =>
      (tenant, filter, after) =>
        api.deliveries(tenant, filter, after),
    what: 'The delivery register',
  }),
);
