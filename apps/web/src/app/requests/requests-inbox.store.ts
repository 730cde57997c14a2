import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { differsFrom, withFilteredList } from '../shared/filtered-list';
import { NO_REQUEST_FILTER, type RequestFilter, RequestsApi } from './requests.api';

export type InboxView = 'table' | 'board';

/** Whether a filter narrows the inbox. */
export function isFiltered(filter: RequestFilter): boolean {
  return differsFrom(NO_REQUEST_FILTER, filter);
}

/**
 * The requests the person may see (officers: the tenant's; a focal point: their State's; an
 * expert: those they review), newest change first, filtered, as a table or a board by status,
 * with "Load more"; provided on the route so it keeps its filters while a request is open.
 */
export const RequestsInboxStore = signalStore(
  withState<{ view: InboxView }>({ view: 'table' }),
  withComputed(() => {
    const membership = inject(Store).selectSignal(selectCurrentMembership);
    return {
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('requests.read') ? current.tenant.slug : null;
      }),
      canDraft: computed(() => membership()?.permissions.includes('requests.draft') ?? false),
      canManage: computed(() => membership()?.permissions.includes('requests.manage') ?? false),
    };
  }),
  withFilteredList({
    items: 'requests',
    noFilter: NO_REQUEST_FILTER,
    fetch:
      (api = inject(RequestsApi)) =>
      (tenant, filter, after) =>
        api.list(tenant, filter, after),
    what: 'The Requests page',
    openWithTenant: true,
  }),
  withMethods((store) => ({
    setView(view: InboxView): void {
      patchState(store, { view });
    },
  })),
);
