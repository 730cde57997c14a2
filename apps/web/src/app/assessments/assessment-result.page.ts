import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  ASSESSMENT_DIMENSIONS,
  type AssessmentDetail,
  type ProblemDetails,
  RTL_LANGUAGES,
  type ThematicArea,
} from '@convene/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { ASSESSMENT_STATUS_ICONS, gapBand } from './assessment-labels';
import { AssessmentRadar, type RadarSeries } from './assessment-radar.component';
import { AssessmentsApi } from './assessments.api';

/**
 * An assessment's result: the gap scores per area (a radar chart and the same figures as a
 * table), the heat map of areas × dimensions with the weakest areas, the change since the
 * State's earlier validated assessment, the officer's priorities and recommendations; and for
 * officers, validating it or returning it.
 */
@Component({
  selector: 'cv-assessment-result-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    AssessmentRadar,
    Icon,
    LiveError,
    LocalDatePipe,
    MemberStateNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessment-result.page.html',
  styleUrl: './assessments.scss',
})
export class AssessmentResultPage {
  readonly assessmentId = input.required<string>();

  private readonly api = inject(AssessmentsApi);
  private readonly notifier = inject(Notifier);
  private readonly transloco = inject(TranslocoService);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  protected readonly language = inject(LanguageService).language;
  protected readonly dimensions = ASSESSMENT_DIMENSIONS;
  protected readonly statusIcons = ASSESSMENT_STATUS_ICONS;
  protected readonly band = gapBand;

  protected readonly tenant = computed(() => this.membership()?.tenant.slug ?? null);
  protected readonly assessment = signal<AssessmentDetail | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly deciding = signal(false);

  protected readonly priorities = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(4000)],
  });
  protected readonly recommendations = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(4000)],
  });
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.maxLength(2000)],
  });

  protected readonly rtl = computed(() =>
    (RTL_LANGUAGES as readonly string[]).includes(this.language()),
  );
  /** Per area: its gap now, and then (over the questions both answered). */
  protected readonly areaRows = computed(() => {
    const assessment = this.assessment();
    if (!assessment) return [];
    const earlier = new Map(
      (assessment.comparison?.areas ?? []).map((area) => [area.area, area] as const),
    );
    return assessment.result.areas.map((area) => ({ ...area, change: earlier.get(area.area) }));
  });
  protected readonly heatRows = computed(() => {
    const assessment = this.assessment();
    if (!assessment) return [];
    const weakest = new Set<ThematicArea>(assessment.result.weakest);
    return assessment.result.areas.map((area) => ({
      area: area.area,
      gap: area.gap,
      weak: weakest.has(area.area),
      cells: ASSESSMENT_DIMENSIONS.map(
        (dimension) =>
          assessment.result.cells.find(
            (cell) => cell.area === area.area && cell.dimension === dimension,
          )?.gap ?? null,
      ),
    }));
  });
  protected readonly chart = computed(() => {
    const assessment = this.assessment();
    this.language();
    if (!assessment) return { axes: [], series: [] as RadarSeries[] };
    const t = (key: string) => this.transloco.translate(key);
    const series: RadarSeries[] = [
      {
        name: t('assessments.result.thisAssessment'),
        values: assessment.result.areas.map((area) => area.gap),
      },
    ];
    if (assessment.comparison) {
      const earlier = new Map(assessment.comparison.areas.map((area) => [area.area, area.earlier]));
      series.push({
        name: t('assessments.result.earlierAssessment'),
        values: assessment.result.areas.map((area) => earlier.get(area.area) ?? null),
      });
    }
    return {
      axes: assessment.result.areas.map((area) => t(`events.thematicAreas.${area.area}`)),
      series,
    };
  });

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    effect(() => {
      const tenant = this.tenant();
      const id = this.assessmentId();
      if (tenant) untracked(() => this.load(tenant, id));
    });
  }

  private load(tenant: string, id: string): void {
    this.problem.set(null);
    this.api.get(tenant, id).subscribe({
      next: (assessment) => this.assessment.set(assessment),
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected direction(change: number | null | undefined): 'better' | 'worse' | 'same' {
    if (change == null || change === 0) return 'same';
    return change < 0 ? 'better' : 'worse';
  }

  protected validate(): void {
    const tenant = this.tenant();
    const assessment = this.assessment();
    this.priorities.markAsTouched();
    this.recommendations.markAsTouched();
    if (!tenant || !assessment || this.priorities.invalid || this.recommendations.invalid) return;
    this.deciding.set(true);
    this.api
      .validate(tenant, assessment.id, {
        version: assessment.version,
        priorities: this.priorities.value,
        recommendations: this.recommendations.value,
      })
      .subscribe({
        next: (validated) => {
          this.deciding.set(false);
          this.assessment.set(validated);
          this.notifier.success('assessments.decision.validated');
        },
        error: (error: unknown) => {
          this.deciding.set(false);
          this.notifier.failure(toProblem(error));
        },
      });
  }

  protected returnToFill(): void {
    const tenant = this.tenant();
    const assessment = this.assessment();
    const reason = this.reason.value.trim();
    if (!tenant || !assessment || !reason) {
      this.reason.setErrors({ required: true });
      this.reason.markAsTouched();
      return;
    }
    this.deciding.set(true);
    this.api
      .returnToFill(tenant, assessment.id, { version: assessment.version, reason })
      .subscribe({
        next: (returned) => {
          this.deciding.set(false);
          this.assessment.set(returned);
          this.notifier.success('assessments.decision.returned');
        },
        error: (error: unknown) => {
          this.deciding.set(false);
          this.notifier.failure(toProblem(error));
        },
      });
  }
}
