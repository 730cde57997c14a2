import { inject, Injectable, Injector } from '@angular/core';
import type { MatSnackBar, MatSnackBarConfig } from '@angular/material/snack-bar';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { problemMessageKey } from '../http/problem';

/**
 * Confirms what an action did (or why it did not) in a translated snackbar. The snackbar's code
 * loads with the first message, not with the first page: most visits never need it.
 */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private snackBar: Promise<MatSnackBar> | undefined;

  success(key: string, params?: Record<string, unknown>): void {
    this.open(key, params, { duration: 5000, politeness: 'polite' });
  }

  /** Says why an action failed: in the page's own words if it has some, else the problem's. */
  failure(problem: ProblemDetails, messageKey?: string): void {
    this.warn(messageKey ?? problemMessageKey(problem));
  }

  /** An action that failed in the browser itself, with no server problem behind it. */
  warn(key: string, params?: Record<string, unknown>): void {
    this.open(key, params, {
      duration: 8000,
      politeness: 'assertive',
      panelClass: 'cv-snack-error',
    });
  }

  private open(
    key: string,
    params: Record<string, unknown> | undefined,
    config: MatSnackBarConfig,
  ): void {
    // Translated now, in the language of the moment the action ended.
    const message = this.transloco.translate(key, params);
    const dismiss = this.transloco.translate('common.dismiss');
    this.snackBar ??= import('@angular/material/snack-bar').then(({ MatSnackBar }) =>
      this.injector.get(MatSnackBar),
    );
    // Not awaited: callers carry on while the snackbar's code arrives (once, then cached).
    void this.snackBar.then(
      (snackBar) => snackBar.open(message, dismiss, config),
      (error: unknown) => console.error('The snackbar could not load', error),
    );
  }
}
