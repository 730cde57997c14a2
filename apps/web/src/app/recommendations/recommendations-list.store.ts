import { computed, inject } from '@angular/core';
import type { Recommendation } from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods } from '@ngrx/signals';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { differsFrom, withFilteredList } from '../shared/filtered-list';
import {
  NO_RECOMMENDATION_FILTER,
  type RecommendationFilter,
  RecommendationsApi,
} from './recommendations.api';

/** Whether a filter narrows the list (the text search counts). */
export function isFiltered(filter: RecommendationFilter): boolean {
  return differsFrom(NO_RECOMMENDATION_FILTER, filter);
}

/**
 * The recommendations the person may see across events, newest meetings first, filtered, with
 * "Load more"; provided on the route.
 */
export const RecommendationsListStore = signalStore(
  withComputed(() => {
    const membership = inject(Store).selectSignal(selectCurrentMembership);
    return {
      tenantSlug: computed(() => {
        const current = membership();
        return current?.permissions.includes('events.read') ? current.tenant.slug : null;
      }),
      /** Officers and focal points follow recommendations up (the server narrows which). */
      canFollowUp: computed(
        () => membership()?.permissions.includes('recommendations.follow_up') ?? false,
      ),
    };
  }),
  withFilteredList({
    items: 'recommendations',
    noFilter: NO_RECOMMENDATION_FILTER,
    fetch:
      (api = inject(RecommendationsApi)) =>
      (tenant, filter, after) =>
        api.list(tenant, filter, after),
    what: 'The Recommendations page',
    openWithTenant: true,
  }),
  withMethods((store, api = inject(RecommendationsApi)) => ({
    /** A recommendation as the server now has it (after a follow-up), in place. */
    replace(updated: Recommendation): void {
      patchState(store, {
        recommendations: store
          .recommendations()
          .map((item) => (item.id === updated.id ? updated : item)),
      });
    },
    exportUrl(): string {
      const tenant = store.tenantSlug();
      if (!tenant) throw new Error('The Recommendations page needs a current tenant');
      return api.exportUrl(tenant, store.filter());
    },
  })),
);
