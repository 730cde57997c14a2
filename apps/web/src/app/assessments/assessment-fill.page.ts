import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import {
  ASSESSMENT_RATING_LEVELS,
  type AssessmentAnswer,
  type AssessmentDetail,
  type ProblemDetails,
  type ThematicArea,
} from '@convene/contracts';
import { questionnaireAreas } from '@convene/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { problemCode, toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { questionText } from './assessment-labels';
import { AssessmentsApi } from './assessments.api';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** How long after the last change a section saves itself. */
const AUTOSAVE_MS = 1200;

type SaveState = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed';

/**
 * Filling an assessment, one thematic area (section) at a time: a rating 0–4 and the evidence
 * for each question. Changes save themselves shortly after the person stops, and when they move
 * to another section; a save names the version read, so someone else's save in between is
 * said (409), never overwritten.
 */
@Component({
  selector: 'cv-assessment-fill-page',
  imports: [
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    Icon,
    LiveError,
    LocalDatePipe,
    MemberStateNamePipe,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-fill.page.html',
  styleUrl: './assessments.scss',
})
export class AssessmentFillPage {
  readonly assessmentId = input.required<string>();

  private readonly api = inject(AssessmentsApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  protected readonly language = inject(LanguageService).language;
  protected readonly levels = ASSESSMENT_RATING_LEVELS;
  protected readonly text = questionText;

  protected readonly tenant = computed(() => this.membership()?.tenant.slug ?? null);
  protected readonly assessment = signal<AssessmentDetail | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly section = signal<ThematicArea | null>(null);
  /** The person's answers, by question key, as on screen. */
  protected readonly answers = signal<Record<string, { rating: number | null; evidence: string }>>(
    {},
  );
  /** Sections changed since their last save. */
  private readonly dirty = signal<ReadonlySet<ThematicArea>>(new Set());
  protected readonly saveState = signal<SaveState>('saved');
  protected readonly savedAt = signal<string | null>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving = false;

  protected readonly areas = computed(() =>
    questionnaireAreas(this.assessment()?.questionnaire ?? []),
  );
  protected readonly questions = computed(() => {
    const area = this.section();
    return (this.assessment()?.questionnaire ?? []).filter((question) => question.area === area);
  });
  /** Per section: how many of its questions are rated. */
  protected readonly progress = computed(() => {
    const answers = this.answers();
    const counts = new Map<ThematicArea, { rated: number; total: number }>();
    for (const question of this.assessment()?.questionnaire ?? []) {
      const count = counts.get(question.area) ?? { rated: 0, total: 0 };
      count.total += 1;
      if (answers[question.key]?.rating != null) count.rated += 1;
      counts.set(question.area, count);
    }
    return counts;
  });
  protected readonly sectionIndex = computed(() => {
    const area = this.section();
    return area ? this.areas().indexOf(area) : -1;
  });

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    effect(() => {
      const tenant = this.tenant();
      const id = this.assessmentId();
      if (tenant) untracked(() => this.load(tenant, id));
    });
    inject(DestroyRef).onDestroy(() => {
      clearTimeout(this.timer);
      // Leaving the page saves what is left, as moving to another section does.
      if (this.dirty().size > 0) this.saveDirty();
    });
  }

  private load(tenant: string, id: string): void {
    this.problem.set(null);
    this.api.get(tenant, id).subscribe({
      next: (assessment) => {
        this.accept(assessment, true);
        if (!this.section()) this.section.set(this.areas()[0] ?? null);
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  /** The server's assessment: its answers replace the screen's unless the person is mid-change. */
  private accept(assessment: AssessmentDetail, replaceAnswers: boolean): void {
    this.assessment.set(assessment);
    this.savedAt.set(assessment.updatedAt);
    if (replaceAnswers) {
      this.answers.set(
        Object.fromEntries(
          assessment.answers.map((answer) => [
            answer.key,
            { rating: answer.rating, evidence: answer.evidence },
          ]),
        ),
      );
      this.dirty.set(new Set());
      this.saveState.set('saved');
    }
  }

  protected rate(key: string, rating: number): void {
    this.change(key, { rating });
  }

  protected describe(key: string, evidence: string): void {
    this.change(key, { evidence });
  }

  private change(key: string, patch: Partial<{ rating: number | null; evidence: string }>): void {
    const area = this.section();
    if (!area || this.saveState() === 'conflict') return;
    this.answers.update((answers) => ({
      ...answers,
      [key]: { rating: null, evidence: '', ...answers[key], ...patch },
    }));
    this.dirty.update((dirty) => new Set([...dirty, area]));
    this.saveState.set('unsaved');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveDirty(), AUTOSAVE_MS);
  }

  protected go(area: ThematicArea): void {
    clearTimeout(this.timer);
    if (this.dirty().size > 0) this.saveDirty();
    this.section.set(area);
  }

  protected step(offset: number): void {
    const next = this.areas()[this.sectionIndex() + offset];
    if (next) this.go(next);
  }

  /** Saves the changed sections one after the other, each with the version the last returned. */
  protected saveDirty(): void {
    const tenant = this.tenant();
    const assessment = this.assessment();
    const [area] = this.dirty();
    if (!tenant || !assessment || !area || this.saving) return;
    this.saving = true;
    this.saveState.set('saving');
    const answers = this.answers();
    const section: AssessmentAnswer[] = assessment.questionnaire
      .filter((question) => question.area === area)
      .map((question) => ({
        key: question.key,
        rating: answers[question.key]?.rating ?? null,
        evidence: (answers[question.key]?.evidence ?? '').trim(),
      }));
    this.dirty.update((dirty) => new Set([...dirty].filter((other) => other !== area)));
    this.api.saveSection(tenant, assessment.id, area, section, assessment.version).subscribe({
      next: (saved) => {
        this.saving = false;
        this.accept(saved, false);
        if (this.dirty().size > 0) this.saveDirty();
        else this.saveState.set('saved');
      },
      error: (error: unknown) => {
        this.saving = false;
        const problem = toProblem(error);
        this.dirty.update((dirty) => new Set([...dirty, area]));
        this.saveState.set(problemCode(problem) === 'stale-version' ? 'conflict' : 'failed');
        this.problem.set(problem);
      },
    });
  }

  /** After a conflict: the other person's answers, the person's own changes dropped. */
  protected reload(): void {
    const tenant = this.tenant();
    if (!tenant) return;
    this.load(tenant, this.assessmentId());
  }

  protected submit(): void {
    const tenant = this.tenant();
    const assessment = this.assessment();
    if (!tenant || !assessment || this.dirty().size > 0 || this.saving) return;
    this.api.submit(tenant, assessment.id, assessment.version).subscribe({
      next: () => {
        this.notifier.success('assessments.fill.submitted');
        void this.router.navigate(['/t', tenant, 'assessments', assessment.id]);
      },
      error: (error: unknown) => this.notifier.failure(toProblem(error)),
    });
  }
}
