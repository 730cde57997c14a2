import { computed, inject } from '@angular/core';
import type { ProblemDetails, PublicEvent } from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, pipe, switchMap, tap } from 'rxjs';
import { toProblem } from '../http/problem';
import { PublicEventsApi } from './public-events.api';

type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

interface PublicEventsState {
  slug: string | null;
  /** Known once the first page has come back. */
  tenantName: string | null;
  events: PublicEvent[];
  nextCursor: string | null;
  status: LoadStatus;
  problem: ProblemDetails | null;
  loadingMore: boolean;
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

    /** The first page; opening another calendar cancels a slower earlier answer. */
    const loadFirstPage = rxMethod<string>(
      pipe(
        tap(() => patchState(store, { status: 'loading', problem: null, moreProblem: null })),
        switchMap((current) =>
          api.page(current, null).pipe(
            tap((page) =>
              patchState(store, {
                tenantName: page.tenant.name,
                events: page.items,
                nextCursor: page.nextCursor,
                status: 'loaded',
              }),
            ),
            catchError((error: unknown) => {
              patchState(store, { status: 'error', problem: toProblem(error) });
              return EMPTY;
            }),
          ),
        ),
      ),
    );

    return {
      /** Opens a tenant's calendar; the same one again only reloads it. */
      open(current: string): void {
        if (current !== store.slug()) patchState(store, { ...initialState, slug: current });
        loadFirstPage(current);
      },
      reload(): void {
        loadFirstPage(slug());
      },
      loadMore(): void {
        const after = store.nextCursor();
        if (!after || store.loadingMore()) return;
        patchState(store, { loadingMore: true, moreProblem: null });
        api.page(slug(), after).subscribe({
          next: (page) =>
            patchState(store, {
              events: [...store.events(), ...page.items],
              nextCursor: page.nextCursor,
              loadingMore: false,
            }),
          error: (error: unknown) =>
            patchState(store, { loadingMore: false, moreProblem: toProblem(error) }),
        });
      },
    };
  }),
);
