import { computed, inject } from '@angular/core';
import type { RegionalGroup } from '@convene/contracts';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { LanguageService } from '../i18n/language.service';
import { filterMemberStates } from './member-state-filter';
import { MemberStatesCatalog } from './member-states-catalog.store';

interface DirectoryState {
  search: string;
  region: RegionalGroup | 'none' | null;
}

/** The directory page's filters over the shared catalog; provided on the route. */
export const MemberStatesStore = signalStore(
  withState<DirectoryState>({ search: '', region: null }),
  withComputed(
    (
      { search, region },
      catalog = inject(MemberStatesCatalog),
      language = inject(LanguageService),
    ) => ({
      visible: computed(() =>
        filterMemberStates(
          catalog.states(),
          { search: search(), region: region() },
          language.language(),
        ),
      ),
      total: computed(() => catalog.states().length),
      loading: catalog.loading,
      problem: catalog.problem,
    }),
  ),
  withMethods((store, catalog = inject(MemberStatesCatalog)) => ({
    setSearch(search: string): void {
      patchState(store, { search });
    },
    setRegion(region: RegionalGroup | 'none' | null): void {
      patchState(store, { region });
    },
    retry(): void {
      catalog.ensureLoaded();
    },
  })),
  withHooks(() => {
    const catalog = inject(MemberStatesCatalog);
    return { onInit: () => catalog.ensureLoaded() };
  }),
);
