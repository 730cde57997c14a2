import { DestroyRef, effect, inject, type Signal, signal, untracked } from '@angular/core';
import type { ProblemDetails } from '@convene/contracts';
import type { Observable, Subscription } from 'rxjs';
import { toProblem } from '../http/problem';

/** What a panel's loading and error states read of its load (`PanelState`). */
export interface PanelLoadState {
  readonly status: Signal<'loading' | 'loaded' | 'error'>;
  readonly problem: Signal<ProblemDetails | null>;
  load(): void;
}

/**
 * What a home panel shows of its few rows: asked again whenever the tenant changes (switching
 * tenants keeps the page and changes its input), an answer for an earlier tenant dropped.
 * Created in a component's field initialiser (an injection context).
 */
export class PanelLoad<T> implements PanelLoadState {
  readonly status = signal<'loading' | 'loaded' | 'error'>('loading');
  readonly problem = signal<ProblemDetails | null>(null);
  readonly value = signal<T | null>(null);
  private running: Subscription | null = null;

  constructor(
    private readonly tenant: Signal<string>,
    private readonly request: (tenant: string) => Observable<T>,
  ) {
    effect(() => {
      const slug = this.tenant();
      untracked(() => this.loadFor(slug));
    });
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  load(): void {
    this.loadFor(this.tenant());
  }

  private loadFor(tenant: string): void {
    this.running?.unsubscribe();
    this.status.set('loading');
    this.running = this.request(tenant).subscribe({
      next: (value) => {
        this.value.set(value);
        this.status.set('loaded');
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.status.set('error');
      },
    });
  }
}
