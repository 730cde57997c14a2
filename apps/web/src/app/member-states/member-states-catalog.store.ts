import { computed, inject } from '@angular/core';
import type { MemberState, ProblemDetails } from '@convene/contracts';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { toProblem } from '../http/problem';
import { MemberStatesApi } from './member-states.api';

interface CatalogState {
  states: MemberState[];
  status: 'idle' | 'loading' | 'loaded' | 'error';
  problem: ProblemDetails | null;
}

/**
 * The 195 States, fetched once and shared by every page that names a
 * State (the directory, the user list, the State pickers). Global
 * reference data: the same for every tenant and every person.
 */
export const MemberStatesCatalog = signalStore(
  { providedIn: 'root' },
  withState<CatalogState>({ states: [], status: 'idle', problem: null }),
  withComputed(({ states, status }) => ({
    byAlpha3: computed(() => new Map(states().map((state) => [state.alpha3, state]))),
    loading: computed(() => status() === 'loading'),
  })),
  withMethods((store, api = inject(MemberStatesApi)) => ({
    /** Loads the list unless it is loaded or on its way; after a failure, tries again. */
    ensureLoaded(): void {
      if (store.status() === 'loaded' || store.status() === 'loading') return;
      patchState(store, { status: 'loading', problem: null });
      api.list().subscribe({
        next: (states) => patchState(store, { states, status: 'loaded' }),
        error: (error: unknown) =>
          patchState(store, { status: 'error', problem: toProblem(error) }),
      });
    },
  })),
);
