import { computed, inject, Injectable, signal } from '@angular/core';
import type { MemberState, ProblemDetails } from '@convene/contracts';
import { toProblem } from '../http/problem';
import { MemberStatesApi } from './member-states.api';

type CatalogStatus = 'idle' | 'loading' | 'loaded' | 'error';

/**
 * The 195 States, fetched once and shared by every page that names a
 * State (the directory, the user list, the State pickers, the home page's
 * panels). Global reference data: the same for every tenant and every
 * person. Plain signals rather than a signal store: the home page is the
 * first load after signing in and names States, and this is all it needs.
 */
@Injectable({ providedIn: 'root' })
export class MemberStatesCatalog {
  private readonly api = inject(MemberStatesApi);
  private readonly statusSignal = signal<CatalogStatus>('idle');
  private readonly statesSignal = signal<MemberState[]>([]);
  private readonly problemSignal = signal<ProblemDetails | null>(null);

  readonly states = this.statesSignal.asReadonly();
  readonly status = this.statusSignal.asReadonly();
  readonly problem = this.problemSignal.asReadonly();
  readonly byAlpha3 = computed(() => new Map(this.states().map((state) => [state.alpha3, state])));
  readonly loading = computed(() => this.status() === 'loading');

  /** Loads the list unless it is loaded or on its way; after a failure, tries again. */
  ensureLoaded(): void {
    if (this.status() === 'loaded' || this.status() === 'loading') return;
    this.statusSignal.set('loading');
    this.problemSignal.set(null);
    this.api.list().subscribe({
      next: (states) => {
        this.statesSignal.set(states);
        this.statusSignal.set('loaded');
      },
      error: (error: unknown) => {
        this.problemSignal.set(toProblem(error));
        this.statusSignal.set('error');
      },
    });
  }
}
