import { computed, effect, type Signal, untracked } from '@angular/core';
import type { Page } from '@convene/contracts';
import {
  patchState,
  signalStoreFeature,
  type,
  withComputed,
  withHooks,
  withMethods,
  withState,
  type WritableStateSource,
} from '@ngrx/signals';
import type { Observable } from 'rxjs';
import { type KeysetListState, keysetPaging } from './keyset-list';

/** Whether a filter narrows a list: any field differs from the empty filter's. */
export function differsFrom<Filter extends object>(empty: Filter, filter: Filter): boolean {
  return (Object.keys(empty) as (keyof Filter)[]).some((key) => filter[key] !== empty[key]);
}

export interface FilteredListOptions<Key extends string, Item, Filter> {
  /** The state field with the items shown. */
  items: Key;
  /** The filter that narrows nothing; the list starts with it, and "Clear" goes back to it. */
  noFilter: Filter;
  /**
   * Called in the store's injection context (inject the API there): a page of the tenant's
   * list for a filter, after a cursor (null for the first).
   */
  fetch: () => (tenant: string, filter: Filter, after: string | null) => Observable<Page<Item>>;
  /** What the page is called in the error thrown when it is used without a tenant. */
  what: string;
  /** Load the first page as soon as (and whenever) the store has a tenant to list in. */
  openWithTenant?: boolean;
}

/**
 * A list page's store: the items a filter selects, a page at a time with "Load more"
 * (keyset-list.ts), the filter kept while the person opens an item, and whether it narrows.
 * The store gives `tenantSlug` (null while there is no tenant the person may list in).
 */
export function withFilteredList<const Key extends string, Item, Filter extends object>(
  options: FilteredListOptions<Key, Item, Filter>,
) {
  const { items, noFilter } = options;
  const shown = { [items]: [] } as unknown as Record<Key, Item[]>;
  return signalStoreFeature(
    { props: type<{ tenantSlug: Signal<string | null> }>() },
    withState<KeysetListState & { filter: Filter }>({
      filter: noFilter,
      nextCursor: null,
      status: 'idle',
      loadingMore: false,
      problem: null,
    }),
    withComputed((state) => ({
      filtered: computed(() => differsFrom(noFilter, state.filter())),
    })),
    withMethods((store) => {
      // The generic state is known only at the call; keysetPaging checks its keys there.
      const source = store as unknown as WritableStateSource<KeysetListState & { list: Item[] }>;
      const fetch = options.fetch();
      const tenant = (): string => {
        const slug = store.tenantSlug();
        if (!slug) throw new Error(`${options.what} needs a current tenant`);
        return slug;
      };
      const paging = keysetPaging(source, {
        items: items as unknown as 'list',
        fetch: (filter: Filter, after) => fetch(tenant(), filter, after),
        filter: store.filter,
      });
      const setFilterTo = (filter: Filter): void => {
        patchState(source, { filter } as never);
        paging.loadFirstPage(filter);
      };
      return {
        /** The first page afresh, nothing of an earlier tenant's list shown meanwhile. */
        open(): void {
          patchState(source, { [items]: [], nextCursor: null } as never);
          paging.loadFirstPage(store.filter());
        },
        /** The first page again, what is shown kept until it comes. */
        reload(): void {
          paging.loadFirstPage(store.filter());
        },
        setFilter(change: Partial<Filter>): void {
          setFilterTo({ ...store.filter(), ...change });
        },
        clearFilters(): void {
          setFilterTo(noFilter);
        },
        loadMore: paging.loadMore,
      };
    }),
    withHooks((store) => ({
      onInit() {
        if (!options.openWithTenant) return;
        effect(() => {
          if (store.tenantSlug()) untracked(() => store.open());
        });
      },
    })),
    // Last: the state's keys are generic from here on, which hides the others from the type.
    withState<Record<Key, Item[]>>(shown),
  );
}
