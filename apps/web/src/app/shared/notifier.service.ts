import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { problemMessageKey } from '../http/problem';

/** Confirms what an action did (or why it did not) in a translated snackbar. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  success(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(
      this.transloco.translate(key, params),
      this.transloco.translate('common.dismiss'),
      { duration: 5000, politeness: 'polite' },
    );
  }

  /** Says why an action failed: in the page's own words if it has some, else the problem's. */
  failure(problem: ProblemDetails, messageKey?: string): void {
    this.warn(messageKey ?? problemMessageKey(problem));
  }

  /** An action that failed in the browser itself, with no server problem behind it. */
  warn(key: string, params?: Record<string, unknown>): void {
    this.snackBar.open(
      this.transloco.translate(key, params),
      this.transloco.translate('common.dismiss'),
      { duration: 8000, politeness: 'assertive', panelClass: 'cv-snack-error' },
    );
  }
}
