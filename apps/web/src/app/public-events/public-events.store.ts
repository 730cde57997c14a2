import { computed, inject } from '@angular/core';
import type { ProblemDetails, PublicEvent } from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { type KeysetListState, keysetPaging } from '../shared/keyset-list';
import { PublicEventsApi } from './public-events.api';

interface PublicEventsState extends KeysetListState {
  slug: string | null;
  /** Known once the first page has come back. */
  tenantName: string | null;
  events: PublicEvent[];
  /** Why the next page did not come; the events already shown stay. */
  moreProblem: ProblemDetails | null;
}

const initialState: PublicEventsState = {
  slug: null,
  tenantName: null,
  events: [],
  nextCursor: null,
  status: 'idle',
  problem: null,
  loadingMore: false,
  moreProblem: null,
};

/**
 * A tenant's public calendar for anyone, signed in or not: its upcoming
 * public events with "Load more", and the feed to subscribe to. Provided
 * on its route.
 */
export const PublicEventsStore = signalStore(
  withState(initialState),
  withComputed((state, api = inject(PublicEventsApi)) => ({
    /** No such organisation: the page says so instead of an error. */
    notFound: computed(() => state.status() === 'error' && state.problem()?.status === 404),
    feedPath: computed(() => {
      const slug = state.slug();
      return slug ? api.feedPath(slug) : null;
    }),
    feedUrl: computed(() => {
      const slug = state.slug();
      return slug ? api.feedUrl(slug) : null;
    }),
  })),
  withMethods((store, api = inject(PublicEventsApi)) => {
    const slug = (): string => {
      const current = store.slug();
      if (!current) throw new Error('No public calendar is open');
      return current;
    };

    /** Opening another calendar cancels a slower earlier first page. */
    const events = keysetPaging(store, {
      items: 'events',
      fetch: (current, after) => api.page(current, after),
      filter: slug,
      moreProblem: 'moreProblem',
      fromFirstPage: (page) => ({ tenantName: page.tenant.name }),
    });

    return {
      /** Opens a tenant's calendar; the same one again only reloads it. */
      open(current: string): void {
        if (current !== store.slug()) patchState(store, { ...initialState, slug: current });
        events.loadFirstPage(current);
      },
      reload(): void {
        events.loadFirstPage(slug());
      },
      loadMore: events.loadMore,
    };
  }),
);
