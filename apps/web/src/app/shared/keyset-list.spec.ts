import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import type { Page, ProblemDetails } from '@convene/contracts';
import { signalState } from '@ngrx/signals';
import { Subject } from 'rxjs';
import { type KeysetListState, keysetPaging } from './keyset-list';

interface NamedPage extends Page<string> {
  owner: string;
}

interface ListState extends KeysetListState {
  filter: string;
  names: string[];
  owner: string | null;
  moreProblem: ProblemDetails | null;
}

const page = (items: string[], nextCursor: string | null): NamedPage => ({
  items,
  nextCursor,
  owner: 'Demo',
});

const serverError = () => new HttpErrorResponse({ status: 500 });

/** A list whose every fetch waits on a subject of its own, answered by the test. */
function setUp(apart = false) {
  const state = signalState<ListState>({
    filter: 'all',
    names: [],
    owner: null,
    nextCursor: null,
    status: 'idle',
    loadingMore: false,
    problem: null,
    moreProblem: null,
  });
  const answers: Subject<NamedPage>[] = [];
  const fetch = jest.fn((_filter: string, _after: string | null) => {
    const answer = new Subject<NamedPage>();
    answers.push(answer);
    return answer;
  });
  const paging = TestBed.runInInjectionContext(() =>
    keysetPaging(state, {
      items: 'names',
      fetch,
      filter: state.filter,
      ...(apart && {
        moreProblem: 'moreProblem' as const,
        fromFirstPage: (first: NamedPage) => ({ owner: first.owner }),
      }),
    }),
  );
  /** Answers the latest fetch, once. */
  const answer = (value: NamedPage | HttpErrorResponse) => {
    const latest = answers[answers.length - 1];
    if (!latest) throw new Error('no fetch is waiting for an answer');
    if (value instanceof HttpErrorResponse) latest.error(value);
    else {
      latest.next(value);
      latest.complete();
    }
  };
  return { state, fetch, paging, answers, answer };
}

/** A list showing amina and lukas, with more after cursor-1. */
function setUpLoaded(apart = false) {
  const list = setUp(apart);
  list.paging.loadFirstPage('all');
  list.answer(page(['amina', 'lukas'], 'cursor-1'));
  return list;
}

describe('keyset paging', () => {
  it('loads the first page for a filter', () => {
    const { state, fetch, paging, answer } = setUp();

    paging.loadFirstPage('all');
    expect(fetch).toHaveBeenCalledWith('all', null);
    expect(state.status()).toBe('loading');

    answer(page(['amina', 'lukas'], 'cursor-1'));
    expect(state.names()).toEqual(['amina', 'lukas']);
    expect(state.nextCursor()).toBe('cursor-1');
    expect(state.status()).toBe('loaded');
    expect(state.problem()).toBeNull();
  });

  it('says why the first page did not come, and clears that on the next try', () => {
    const { state, paging, answer } = setUp();

    paging.loadFirstPage('all');
    answer(serverError());
    expect(state.status()).toBe('error');
    expect(state.problem()).toMatchObject({ status: 500 });

    paging.loadFirstPage('all');
    expect(state.status()).toBe('loading');
    expect(state.problem()).toBeNull();
    answer(page(['amina'], null));
    expect(state.status()).toBe('loaded');
  });

  it('drops a slower first page when a newer one is asked for', () => {
    const { state, fetch, paging, answers, answer } = setUp();

    paging.loadFirstPage('all');
    paging.loadFirstPage('admins');
    const [older] = answers;
    if (!older) throw new Error('the first fetch was not made');
    expect(older.observed).toBe(false);
    older.next(page(['stale'], 'stale-cursor'));
    expect(state.names()).toEqual([]);
    expect(state.status()).toBe('loading');

    answer(page(['amina'], null));
    expect(fetch).toHaveBeenLastCalledWith('admins', null);
    expect(state.names()).toEqual(['amina']);
    expect(state.nextCursor()).toBeNull();
    expect(state.status()).toBe('loaded');
  });

  it('appends the next page, asked for with the cursor and the current filter', () => {
    const { state, fetch, paging, answer } = setUpLoaded();

    paging.loadMore();
    expect(fetch).toHaveBeenLastCalledWith('all', 'cursor-1');
    expect(state.loadingMore()).toBe(true);

    answer(page(['nadia'], null));
    expect(state.names()).toEqual(['amina', 'lukas', 'nadia']);
    expect(state.nextCursor()).toBeNull();
    expect(state.loadingMore()).toBe(false);
    expect(state.status()).toBe('loaded');
  });

  it('asks for nothing more on the last page', () => {
    const { fetch, paging, answer } = setUp();
    paging.loadFirstPage('all');
    answer(page(['amina'], null));

    paging.loadMore();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('asks for the next page only once while it is on its way', () => {
    const { state, fetch, paging, answer } = setUpLoaded();

    paging.loadMore();
    paging.loadMore();
    expect(fetch).toHaveBeenCalledTimes(2);

    answer(page(['nadia'], 'cursor-2'));
    expect(state.names()).toEqual(['amina', 'lukas', 'nadia']);
  });

  it('keeps the items shown when the next page fails, and lets "Load more" try again', () => {
    const { state, fetch, paging, answer } = setUpLoaded();

    paging.loadMore();
    answer(serverError());
    expect(state.names()).toEqual(['amina', 'lukas']);
    expect(state.nextCursor()).toBe('cursor-1');
    expect(state.loadingMore()).toBe(false);
    expect(state.status()).toBe('loaded');
    expect(state.problem()).toMatchObject({ status: 500 });

    paging.loadMore();
    expect(fetch).toHaveBeenLastCalledWith('all', 'cursor-1');
    expect(state.problem()).toBeNull();
  });

  it('can keep a "Load more" failure apart, and take more from the first page', () => {
    const { state, paging, answer } = setUpLoaded(true);
    expect(state.owner()).toBe('Demo');

    paging.loadMore();
    answer(serverError());
    expect(state.moreProblem()).toMatchObject({ status: 500 });
    expect(state.problem()).toBeNull();
    expect(state.names()).toEqual(['amina', 'lukas']);

    paging.loadFirstPage('all');
    expect(state.moreProblem()).toBeNull();
  });
});
