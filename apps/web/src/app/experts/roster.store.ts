import { computed, inject } from '@angular/core';
import type { ExpertRosterEntry } from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { type KeysetListState, keysetPaging } from '../shared/keyset-list';
import { ExpertsApi, type RosterFilter } from './experts.api';

interface RosterState extends KeysetListState {
  filter: RosterFilter;
  experts: ExpertRosterEntry[];
}

export const EMPTY_ROSTER_FILTER: RosterFilter = {
  q: '',
  area: null,
  language: null,
  regionalGroup: null,
  availableFrom: null,
  availableTo: null,
};

const initialState: RosterState = {
  filter: EMPTY_ROSTER_FILTER,
  experts: [],
  nextCursor: null,
  status: 'idle',
  loadingMore: false,
  problem: null,
};

/** The roster page's experts, a page at a time, for the filter shown; provided on its route. */
export const RosterStore = signalStore(
  withState(initialState),
  withComputed((state, store = inject(Store)) => {
    const membership = store.selectSignal(selectCurrentMembership);
    return {
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('experts.manage') ? current.tenant.slug : null;
      }),
      filtered: computed(() =>
        Object.entries(state.filter()).some(
          ([, value]) => !!(typeof value === 'string' ? value.trim() : value),
        ),
      ),
    };
  }),
  withMethods((store, api = inject(ExpertsApi)) => {
    const tenant = () => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The roster needs a tenant whose experts this role keeps');
      return slug;
    };
    const paging = keysetPaging(store, {
      items: 'experts',
      fetch: (filter: RosterFilter, after) => api.roster(tenant(), filter, after),
      filter: () => store.filter(),
    });
    return {
      /** Shows the experts matching a filter, from the first page. */
      search(filter: RosterFilter): void {
        patchState(store, { filter });
        paging.loadFirstPage(filter);
      },
      reload(): void {
        paging.loadFirstPage(store.filter());
      },
      loadMore: paging.loadMore,
      /** Invites a person into the roster; rejects with the problem, for the dialog to show. */
      async invite(email: string) {
        try {
          return await firstValueFrom(api.invite(tenant(), email));
        } catch (error) {
          throw toProblem(error);
        }
      },
    };
  }),
);
