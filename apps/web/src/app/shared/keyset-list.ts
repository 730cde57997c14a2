import type { Page, ProblemDetails } from '@convene/contracts';
import { getState, patchState, type WritableStateSource } from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, EMPTY, type Observable, pipe, switchMap, tap } from 'rxjs';
import { toProblem } from '../http/problem';

/** How far a store's load has got, for its page to show. */
export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

/** What a store keeps beside the items of a list it loads a page at a time. */
export interface KeysetListState {
  /** After the last item shown; null when there is nothing more. */
  nextCursor: string | null;
  /** How the first page went; "Load more" leaves it alone. */
  status: LoadStatus;
  loadingMore: boolean;
  problem: ProblemDetails | null;
}

/** The keys of State whose values are lists. */
type ListKey<State> = {
  [K in keyof State]-?: State[K] extends unknown[] ? K : never;
}[keyof State];

/** The keys of State that may hold a problem. */
type ProblemKey<State> = {
  [K in keyof State]-?: [ProblemDetails | null] extends [State[K]] ? K : never;
}[keyof State];

type ItemOf<List> = List extends (infer Item)[] ? Item : never;

export interface KeysetPagingOptions<
  State extends KeysetListState,
  Key extends ListKey<State>,
  Filter,
  P extends Page<ItemOf<State[Key]>>,
> {
  /** The state field with the items shown. */
  items: Key;
  /** A page for a filter, after a cursor; null asks for the first. */
  fetch: (filter: Filter, after: string | null) => Observable<P>;
  /** The filter "Load more" goes on with; read when it fetches. */
  filter: () => Filter;
  /**
   * Where "Load more" says why it failed ('problem' unless the page shows it
   * apart); a first page clears it too.
   */
  moreProblem?: ProblemKey<State>;
  /** More of the state that a first page tells (say, whose list it is). */
  fromFirstPage?: (page: P) => Partial<State>;
}

export interface KeysetPaging<Filter> {
  /** The first page for a filter, to replace the items shown; a newer call cancels an older one. */
  loadFirstPage: (filter: Filter) => void;
  /**
   * The next page after the cursor, appended. Does nothing on the last page
   * or while the next is on its way; a failure keeps the items shown.
   */
  loadMore: () => void;
}

/**
 * "First page + Load more" over a keyset-paged list in a store's state; call
 * it in the store's withMethods (loadFirstPage is an rxMethod).
 */
export function keysetPaging<
  State extends KeysetListState,
  Key extends ListKey<State>,
  Filter,
  P extends Page<ItemOf<State[Key]>>,
>(
  store: WritableStateSource<State>,
  options: KeysetPagingOptions<State, Key, Filter, P>,
): KeysetPaging<Filter> {
  const { items, fetch, moreProblem = 'problem' } = options;
  // patchState cannot check computed keys against State; ListKey and ProblemKey did, at the call.
  const patch = (change: Partial<KeysetListState> & Record<string, unknown>) =>
    patchState(store, change as Partial<State>);

  const loadFirstPage = rxMethod<Filter>(
    pipe(
      tap(() => patch({ status: 'loading', problem: null, [moreProblem]: null })),
      switchMap((filter) =>
        fetch(filter, null).pipe(
          tap((page) =>
            patch({
              ...options.fromFirstPage?.(page),
              [items]: page.items,
              nextCursor: page.nextCursor,
              status: 'loaded',
            }),
          ),
          catchError((error: unknown) => {
            patch({ status: 'error', problem: toProblem(error) });
            return EMPTY;
          }),
        ),
      ),
    ),
  );

  const loadMore = () => {
    const { nextCursor: after, loadingMore } = getState(store);
    if (!after || loadingMore) return;
    patch({ loadingMore: true, [moreProblem]: null });
    fetch(options.filter(), after).subscribe({
      next: (page) =>
        patch({
          [items]: [...(getState(store)[items] as unknown[]), ...page.items],
          nextCursor: page.nextCursor,
          loadingMore: false,
        }),
      error: (error: unknown) => patch({ loadingMore: false, [moreProblem]: toProblem(error) }),
    });
  };

  return { loadFirstPage, loadMore };
}
