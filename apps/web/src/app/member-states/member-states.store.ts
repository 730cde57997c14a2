import { computed, inject } from '@angular/core';
import type { GeographicRegion } from '@convene/contracts';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { LanguageService } from '../i18n/language.service';
import { filterMemberStates, type GroupChoice } from './member-state-filter';
import { MemberStatesCatalog } from './member-states-catalog.store';

/**
 * States per page. The list is small and static (195 rows, loaded once), so it is paged here in
 * the browser rather than by the API.
 */
export const MEMBER_STATES_PAGE_SIZE = 25;

interface DirectoryState {
  search: string;
  group: GroupChoice | null;
  geographicRegion: GeographicRegion | null;
  /** The page asked for, from 0; `pageIndex` clamps it to the pages the filters leave. */
  page: number;
}

/** The directory page's filters and paging over the shared catalog; provided on the route. */
export const MemberStatesStore = signalStore(
  withState<DirectoryState>({ search: '', group: null, geographicRegion: null, page: 0 }),
  withComputed(
    (
      { search, group, geographicRegion, page },
      catalog = inject(MemberStatesCatalog),
      language = inject(LanguageService),
    ) => {
      const visible = computed(() =>
        filterMemberStates(
          catalog.states(),
          { search: search(), group: group(), geographicRegion: geographicRegion() },
          language.language(),
        ),
      );
      const pageCount = computed(() =>
        Math.max(1, Math.ceil(visible().length / MEMBER_STATES_PAGE_SIZE)),
      );
      const pageIndex = computed(() => Math.min(page(), pageCount() - 1));
      const from = computed(() => pageIndex() * MEMBER_STATES_PAGE_SIZE);
      return {
        visible,
        pageCount,
        pageIndex,
        pageItems: computed(() => visible().slice(from(), from() + MEMBER_STATES_PAGE_SIZE)),
        /** The page's first and last positions in the filtered list, from 1 (0–0 when empty). */
        range: computed(() => ({
          from: visible().length === 0 ? 0 : from() + 1,
          to: Math.min(from() + MEMBER_STATES_PAGE_SIZE, visible().length),
        })),
        total: computed(() => catalog.states().length),
        loading: catalog.loading,
        problem: catalog.problem,
      };
    },
  ),
  withMethods((store, catalog = inject(MemberStatesCatalog)) => ({
    setSearch(search: string): void {
      patchState(store, { search, page: 0 });
    },
    setGroup(group: GroupChoice | null): void {
      patchState(store, { group, page: 0 });
    },
    setGeographicRegion(geographicRegion: GeographicRegion | null): void {
      patchState(store, { geographicRegion, page: 0 });
    },
    clearFilters(): void {
      patchState(store, { search: '', group: null, geographicRegion: null, page: 0 });
    },
    previousPage(): void {
      patchState(store, { page: Math.max(0, store.pageIndex() - 1) });
    },
    nextPage(): void {
      patchState(store, { page: Math.min(store.pageCount() - 1, store.pageIndex() + 1) });
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
