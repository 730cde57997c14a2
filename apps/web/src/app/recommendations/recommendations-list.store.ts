import { computed, effect, inject, untracked } from '@angular/core';
import type { Recommendation } from '@convene/contracts';
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
import {
  NO_RECOMMENDATION_FILTER,
  type RecommendationFilter,
  RecommendationsApi,
} from './recommendations.api';

interface RecommendationsListState extends KeysetListState {
  filter: RecommendationFilter;
  recommendations: Recommendation[];
}

/** Whether a filter narrows the list (the text search counts). */
export function isFiltered(filter: RecommendationFilter): boolean {
  return (Object.keys(NO_RECOMMENDATION_FILTER) as (keyof RecommendationFilter)[]).some(
    (key) => filter[key] !== NO_RECOMMENDATION_FILTER[key],
  );
}

/**
 * The recommendations the person may see across events, newest meetings first, filtered, with
 * "Load more"; provided on the route.
 */
export const RecommendationsListStore = signalStore(
  withState<RecommendationsListState>({
    filter: NO_RECOMMENDATION_FILTER,
    recommendations: [],
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
        return current?.permissions.includes('events.read') ? current.tenant.slug : null;
      }),
      /** Officers and focal points follow recommendations up (the server narrows which). */
      canFollowUp: computed(
        () => membership()?.permissions.includes('recommendations.follow_up') ?? false,
      ),
      filtered: computed(() => isFiltered(state.filter())),
    };
  }),
  withMethods((store, api = inject(RecommendationsApi)) => {
    const tenant = (): string => {
      const slug = store.tenantSlug();
      if (!slug) throw new Error('The Recommendations page needs a current tenant');
      return slug;
    };
    const paging = keysetPaging(store, {
      items: 'recommendations',
      fetch: (filter, after) => api.list(tenant(), filter, after),
      filter: store.filter,
    });
    return {
      open(): void {
        patchState(store, { recommendations: [], nextCursor: null });
        paging.loadFirstPage(store.filter());
      },
      reload(): void {
        paging.loadFirstPage(store.filter());
      },
      setFilter(change: Partial<RecommendationFilter>): void {
        patchState(store, { filter: { ...store.filter(), ...change } });
        paging.loadFirstPage(store.filter());
      },
      clearFilters(): void {
        patchState(store, { filter: NO_RECOMMENDATION_FILTER });
        paging.loadFirstPage(store.filter());
      },
      /** A recommendation as the server now has it (after a follow-up), in place. */
      replace(updated: Recommendation): void {
        patchState(store, {
          recommendations: store
            .recommendations()
            .map((item) => (item.id === updated.id ? updated : item)),
        });
      },
      exportUrl(): string {
        return api.exportUrl(tenant(), store.filter());
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
