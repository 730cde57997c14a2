import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { problemCode } from '../http/problem';

/** The link problems a participant may meet, each with its own words and advice. */
const LINK_PROBLEMS = [
  'participant-link-invalid',
  'participant-link-expired',
  'participant-link-used',
  'participant-link-revoked',
] as const;
type LinkProblem = (typeof LINK_PROBLEMS)[number];

const ICONS: Record<LinkProblem, 'link_off' | 'lock_clock' | 'task_alt' | 'block'> = {
  'participant-link-invalid': 'link_off',
  'participant-link-expired': 'lock_clock',
  'participant-link-used': 'task_alt',
  'participant-link-revoked': 'block',
};

/** Whether a failed load is the link's own fault (not the network's): a page of its own. */
export function isLinkProblem(problem: ProblemDetails | null): boolean {
  if (!problem) return false;
  const code = problemCode(problem);
  return (LINK_PROBLEMS as readonly string[]).includes(code ?? '') || problem.status === 404;
}

/**
 * A clear page for a link that does not work: unknown or damaged, expired, already used,
 * withdrawn. Never a stack trace, never a blank page.
 */
@Component({
  selector: 'cv-link-problem',
  imports: [MatIconModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="cv-empty-state cv-empty-state--page" role="alert">
      <mat-icon class="cv-empty-state__icon" [svgIcon]="icon()" />
      <h1 class="cv-empty-state__title">
        {{ 'participant.problems.' + kind() + '.title' | transloco }}
      </h1>
      <p class="cv-empty-state__body">
        {{ 'participant.problems.' + kind() + '.body' | transloco }}
      </p>
    </section>
  `,
})
export class LinkProblemPage {
  readonly problem = input.required<ProblemDetails>();

  protected readonly kind = computed(() => {
    const code = problemCode(this.problem());
    const known = (LINK_PROBLEMS as readonly string[]).includes(code ?? '');
    return (known ? code : 'participant-link-invalid') as LinkProblem;
  });
  protected readonly icon = computed(() => ICONS[this.kind()]);
}
