import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  ASSESSMENT_STATUSES,
  type AssessmentStatus,
  type AssessmentSummary,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EmptyState } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { ASSESSMENT_STATUS_ICONS } from './assessment-labels';
import { type AssessmentFilter, AssessmentsApi } from './assessments.api';

/**
 * Needs assessments the person may see (officers every State's, a focal point their own
 * State's), filtered by State and status, newest first, with "Load more"; and a new one.
 */
@Component({
  selector: 'cv-assessments-list-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    EmptyState,
    Icon,
    LiveError,
    LocalDatePipe,
    MemberStateNamePipe,
    MemberStatePicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assessments-list.page.html',
  styleUrl: './assessments.scss',
})
export class AssessmentsListPage {
  private readonly api = inject(AssessmentsApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  protected readonly language = inject(LanguageService).language;

  protected readonly statuses = ASSESSMENT_STATUSES;
  protected readonly statusIcons = ASSESSMENT_STATUS_ICONS;
  protected readonly tenant = computed(() => this.membership()?.tenant.slug ?? null);
  protected readonly canFill = computed(
    () => this.membership()?.permissions.includes('assessments.fill') ?? false,
  );
  protected readonly canConfigure = computed(
    () => this.membership()?.permissions.includes('assessments.configure') ?? false,
  );
  /** A focal point assesses their own State: the new assessment needs no choice. */
  protected readonly ownState = computed(() => {
    const membership = this.membership();
    return membership?.role === 'focal_point' ? (membership.memberStateAlpha3 ?? null) : null;
  });

  protected readonly filter = signal<AssessmentFilter>({ state: null, status: null });
  protected readonly items = signal<AssessmentSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly creating = signal(false);

  protected readonly stateFilter = new FormControl<string | null>(null);
  protected readonly newState = new FormControl<string | null>(null);

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    this.stateFilter.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((state) => this.setFilter({ state }));
    effect(() => {
      if (this.tenant()) untracked(() => this.load(null));
    });
  }

  protected setStatus(status: AssessmentStatus | null): void {
    this.setFilter({ status });
  }

  private setFilter(change: Partial<AssessmentFilter>): void {
    this.filter.update((filter) => ({ ...filter, ...change }));
    this.load(null);
  }

  protected load(after: string | null): void {
    const tenant = this.tenant();
    if (!tenant) return;
    this.loading.set(true);
    this.problem.set(null);
    this.api.list(tenant, this.filter(), after).subscribe({
      next: (page) => {
        this.items.update((items) => (after ? [...items, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.problem.set(toProblem(error));
        this.loading.set(false);
      },
    });
  }

  protected start(): void {
    const tenant = this.tenant();
    const state = this.ownState() ?? this.newState.value;
    if (!tenant || !state) {
      this.newState.markAsTouched();
      return;
    }
    this.creating.set(true);
    this.api.create(tenant, state).subscribe({
      next: (created) => {
        this.creating.set(false);
        void this.router.navigate(['/t', tenant, 'assessments', created.id, 'fill']);
      },
      error: (error: unknown) => {
        this.creating.set(false);
        this.notifier.failure(toProblem(error));
      },
    });
  }
}
