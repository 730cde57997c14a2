import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import type {
  ParticipantAnswer,
  ParticipantDecisionResult,
  ParticipantDecisionView,
  ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { SignedOutPage } from '../shell/signed-out-page.component';
import { isLinkProblem, LinkProblemPage } from './link-problem.component';
import { ParticipantApi } from './participant.api';
import { ParticipantEventSummary } from './participant-event.component';
import { openInParticipantLanguage } from './participant-language';

/** Needs are at most this long (the contracts' bound). */
const NEEDS_MAX = 1000;

/**
 * The one-time decision link: the participant confirms or declines, with dietary and
 * accessibility needs. The answer spends the link; opening it again says it was used.
 */
@Component({
  selector: 'cv-decision-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    TranslocoPipe,
    LiveError,
    SignedOutPage,
    LinkProblemPage,
    ParticipantEventSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './decision.page.html',
  styleUrl: './participant.page.scss',
})
export class DecisionPage {
  readonly token = input.required<string>();

  private readonly api = inject(ParticipantApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly needsMax = NEEDS_MAX;
  protected readonly view = fetched<ParticipantDecisionView>(() =>
    this.api.decisionPath(this.token()),
  );
  protected readonly loadProblem = computed<ProblemDetails | null>(() =>
    this.view.error() ? toProblem(this.view.error()) : null,
  );
  protected readonly linkProblem = computed(() => {
    const problem = this.loadProblem() ?? this.submitProblem();
    return problem && isLinkProblem(problem) ? problem : null;
  });

  protected readonly form = new FormGroup({
    answer: new FormControl<ParticipantAnswer | null>(null),
    dietaryNeeds: new FormControl('', { nonNullable: true }),
    accessibilityNeeds: new FormControl('', { nonNullable: true }),
  });
  protected readonly answer = signal<ParticipantAnswer | null>(null);
  protected readonly submitting = signal(false);
  protected readonly submitProblem = signal<ProblemDetails | null>(null);
  protected readonly missingAnswer = signal(false);
  protected readonly result = signal<ParticipantDecisionResult | null>(null);

  constructor() {
    openInParticipantLanguage(
      computed(() =>
        this.view.hasValue() ? this.view.value().participant.preferredLanguage : null,
      ),
    );
    this.form.controls.answer.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      this.answer.set(value);
      this.missingAnswer.set(false);
    });
  }

  protected submit(): void {
    const { answer, dietaryNeeds, accessibilityNeeds } = this.form.getRawValue();
    if (!answer) {
      this.missingAnswer.set(true);
      return;
    }
    if (this.submitting()) return;
    this.submitting.set(true);
    this.submitProblem.set(null);
    const confirming = answer === 'confirm';
    const subscription = this.api
      .decide(this.token(), {
        answer,
        dietaryNeeds: confirming ? dietaryNeeds.trim() : '',
        accessibilityNeeds: confirming ? accessibilityNeeds.trim() : '',
      })
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: (result) => this.result.set(result),
        error: (error: unknown) => this.submitProblem.set(toProblem(error)),
      });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }
}
