import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Icon } from './icons/icon.component';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { problemMessageKey } from '../http/problem';

/**
 * Where a form says why it failed. The live region is always in the page,
 * so screen readers announce the message as soon as it appears.
 */
@Component({
  selector: 'cv-live-error',
  imports: [Icon, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div aria-live="assertive" aria-atomic="true">
      @if (key(); as key) {
        <p class="cv-banner cv-banner--error">
          <mat-icon svgIcon="error" />
          <span>{{ key | transloco }}</span>
        </p>
      }
    </div>
  `,
})
export class LiveError {
  readonly problem = input<ProblemDetails | null>(null);
  /** A message of the page's own, instead of the problem's generic one. */
  readonly messageKey = input<string | null>(null);

  protected readonly key = computed(() => {
    const problem = this.problem();
    return this.messageKey() ?? (problem ? problemMessageKey(problem) : null);
  });
}
