import { computed, inject } from '@angular/core';
import type { CalendarFeedStatus, ProblemDetails } from '@convene/contracts';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { firstValueFrom } from 'rxjs';
import { CLOCK } from '../events/clock';
import { toProblem } from '../http/problem';
import type { LoadStatus } from '../shared/keyset-list';
import { CalendarFeedApi } from './calendar-feed.api';

interface CalendarFeedState {
  feed: CalendarFeedStatus | null;
  status: LoadStatus;
  problem: ProblemDetails | null;
  /** The URL just made. The server keeps only its hash, so it is shown this once. */
  url: string | null;
  /** A create, replace or turn-off is on its way; the buttons wait meanwhile. */
  busy: boolean;
}

const initialState: CalendarFeedState = {
  feed: null,
  status: 'idle',
  problem: null,
  url: null,
  busy: false,
};

/**
 * The person's private calendar feed, for the profile page: whether it is
 * on, and making, replacing or turning off its secret URL. Changes return
 * promises that reject with problem details, so the page can say why.
 */
export const CalendarFeedStore = signalStore(
  withState(initialState),
  withComputed((state) => ({
    active: computed(() => state.feed()?.active ?? false),
    createdAt: computed(() => state.feed()?.createdAt ?? null),
  })),
  withMethods((store, api = inject(CalendarFeedApi), clock = inject(CLOCK)) => {
    const change = async <T>(request: Promise<T>): Promise<T> => {
      patchState(store, { busy: true });
      try {
        return await request;
      } catch (error) {
        throw toProblem(error);
      } finally {
        patchState(store, { busy: false });
      }
    };

    return {
      load(): void {
        patchState(store, { status: 'loading', problem: null });
        api.status().subscribe({
          next: (feed) => patchState(store, { feed, status: 'loaded' }),
          error: (error: unknown) =>
            patchState(store, { status: 'error', problem: toProblem(error) }),
        });
      },
      /** Makes the feed's URL, or a new one in place of the old. */
      async create(): Promise<string> {
        const { url } = await change(firstValueFrom(api.create()));
        patchState(store, {
          url,
          feed: { active: true, createdAt: clock().toISOString() },
          status: 'loaded',
        });
        return url;
      },
      async revoke(): Promise<void> {
        await change(firstValueFrom(api.revoke(), { defaultValue: undefined }));
        patchState(store, { url: null, feed: { active: false, createdAt: null } });
      },
    };
  }),
  withHooks((store) => ({
    onInit() {
      store.load();
    },
  })),
);
