import { HttpClient } from '@angular/common/http';
import { DestroyRef, effect, inject, signal, untracked } from '@angular/core';
import type { Subscription } from 'rxjs';

/** What a page draws from a GET: the last body, the error, whether one is on its way. */
export interface Fetched<T> {
  isLoading(): boolean;
  error(): unknown;
  hasValue(): boolean;
  /** The last body; read it only after hasValue(). */
  value(): T;
  /** Asks again (after an upload, an edit). */
  reload(): void;
}

/**
 * A GET of `path()` that follows the path as it changes (undefined: nothing to ask) and answers
 * in signals. HttpClient and signals only: Angular's resource APIs would put their code in the
 * chunk every page loads (docs/performance.md). Call it in an injection context.
 */
export function fetched<T>(path: () => string | undefined): Fetched<T> {
  const http = inject(HttpClient);
  const value = signal<{ body: T } | undefined>(undefined);
  const error = signal<unknown>(undefined);
  const loading = signal(false);
  const asked = signal(0);
  let running: Subscription | undefined;
  effect(() => {
    const url = path();
    asked();
    untracked(() => {
      running?.unsubscribe();
      error.set(undefined);
      if (url === undefined) {
        value.set(undefined);
        loading.set(false);
        return;
      }
      loading.set(true);
      running = http.get<T>(url).subscribe({
        next: (body) => {
          value.set({ body });
          loading.set(false);
        },
        error: (problem: unknown) => {
          value.set(undefined);
          error.set(problem);
          loading.set(false);
        },
      });
    });
  });
  inject(DestroyRef).onDestroy(() => running?.unsubscribe());
  return {
    isLoading: () => loading(),
    error: () => error(),
    hasValue: () => value() !== undefined,
    value: () => (value() as { body: T }).body,
    reload: () => asked.update((count) => count + 1),
  };
}
