import { Location } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
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
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  type ProblemDetails,
  type Recommendation,
  type RecommendationPage,
  REQUEST_DESCRIPTION_MAX,
  REQUEST_MODALITIES,
  REQUEST_PRIORITIES,
  REQUEST_TITLE_MAX,
  type RequestDetail,
  type RequestDraftCreateInput,
  type RequestModality,
  type RequestPriority,
  TARGET_AUDIENCES,
  type TargetAudience,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { debounceTime, firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { TextChips } from '../shared/text-chips.component';
import { citation } from '../recommendations/recommendation-labels';
import { RequestsApi } from './requests.api';

/** How long the form waits after the last keystroke before it saves. */
const AUTOSAVE_MS = 1200;

type SaveState = 'idle' | 'saving' | 'saved' | 'conflict' | 'error';

/**
 * A focal point's draft request for their State, saved as they type (a version number guards
 * every save: when a colleague saved meanwhile, the form says which fields they changed and
 * offers their version), resumable from the list, then submitted — or resubmitted when the
 * officers asked for information.
 */
@Component({
  selector: 'cv-request-form-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Icon,
    LiveError,
    TextChips,
    MemberStateNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './request-form.page.html',
  styleUrl: './request-form.page.scss',
})
export class RequestFormPage {
  /** The draft's id from the route (`:requestId/edit`); absent for a new one. */
  readonly requestId = input<string>();

  private readonly api = inject(RequestsApi);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  protected readonly tenant = computed(() => this.membership()?.tenant.slug ?? '');
  protected readonly memberState = computed(() => this.membership()?.memberStateAlpha3 ?? null);

  protected readonly areas = THEMATIC_AREAS;
  protected readonly audiences = TARGET_AUDIENCES;
  protected readonly priorities = REQUEST_PRIORITIES;
  protected readonly modalities = REQUEST_MODALITIES;
  protected readonly titleMax = REQUEST_TITLE_MAX;
  protected readonly descriptionMax = REQUEST_DESCRIPTION_MAX;

  protected readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true }),
    thematicAreas: new FormControl<ThematicArea[]>([], { nonNullable: true }),
    targetAudiences: new FormControl<TargetAudience[]>([], { nonNullable: true }),
    priority: new FormControl<RequestPriority | null>(null),
    modality: new FormControl<RequestModality | null>(null),
    periodFrom: new FormControl('', { nonNullable: true }),
    periodTo: new FormControl('', { nonNullable: true }),
    officials: new FormControl<number | null>(null),
    institutions: new FormControl<string[]>([], { nonNullable: true }),
    description: new FormControl('', { nonNullable: true }),
    recommendationIds: new FormControl<string[]>([], { nonNullable: true }),
  });

  /** The draft as last saved (or loaded): its version is what the next save names. */
  protected readonly saved = signal<RequestDetail | null>(null);
  protected readonly saveState = signal<SaveState>('idle');
  protected readonly savedAt = signal<Date | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** When a colleague saved meanwhile: the fields they changed. */
  protected readonly conflict = signal<string[] | null>(null);
  protected readonly submitting = signal(false);
  protected readonly uploading = signal(false);
  private saving: Promise<void> | null = null;
  private dirty = false;

  /** Recommendations addressed to the focal point's State, to say which the request follows up. */
  protected readonly recommendations = fetched<RecommendationPage>(() => {
    const state = this.memberState();
    return this.tenant() && state
      ? `/api/t/${encodeURIComponent(this.tenant())}/recommendations?state=${state}&limit=100`
      : undefined;
  });
  protected readonly recommendationOptions = computed<Recommendation[]>(() =>
    this.recommendations.hasValue() ? this.recommendations.value().items : [],
  );

  protected readonly resubmitting = computed(
    () => this.saved()?.status === 'information_requested',
  );

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    effect(() => {
      const id = this.requestId();
      const tenant = this.tenant();
      if (id && tenant && this.saved()?.id !== id) untracked(() => void this.fetch(tenant, id));
    });
    this.form.valueChanges
      .pipe(debounceTime(AUTOSAVE_MS), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => {
        if (this.conflict() === null) void this.save();
      });
    this.form.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => {
      this.dirty = true;
      // "Draft saved" no longer holds for what is on the screen until the next save.
      if (this.saveState() === 'saved') this.saveState.set('idle');
    });
  }

  /**
   * Leaving the page (the route's canDeactivate) first saves what was typed since the last
   * save, which the autosave would only have sent after its pause: what someone typed just
   * before clicking away is in the draft when they come back. Leaving is never refused; a
   * failed save is as it would have been on the page.
   */
  async saveBeforeLeaving(): Promise<boolean> {
    if (this.conflict() === null && (this.dirty || this.saving)) await this.save();
    return true;
  }

  /** Saves the draft now (creating it on the first save) unless nothing changed. */
  protected async save(): Promise<void> {
    if (this.saving) {
      await this.saving;
    }
    if (!this.dirty && this.saved()) return;
    this.saving = this.saveNow().finally(() => (this.saving = null));
    await this.saving;
  }

  private async saveNow(): Promise<void> {
    const tenant = this.tenant();
    if (!tenant) return;
    this.dirty = false;
    this.saveState.set('saving');
    this.problem.set(null);
    const draft = this.draft();
    const current = this.saved();
    try {
      const result = current
        ? await firstValueFrom(
            this.api.save(tenant, current.id, { ...draft, version: current.version }),
          )
        : await firstValueFrom(this.api.create(tenant, draft));
      this.saved.set(result);
      this.savedAt.set(new Date());
      // Typed while this save was on its way: not saved yet, the autosave sends it next.
      this.saveState.set(this.dirty ? 'idle' : 'saved');
      if (!current) {
        // The new draft has an address now: coming back later resumes it. The address changes
        // in place, so the form (and what is typed meanwhile) stays as it is.
        this.location.replaceState(
          this.router.serializeUrl(
            this.router.createUrlTree(['/t', tenant, 'requests', result.id, 'edit']),
          ),
        );
      }
    } catch (error: unknown) {
      const problem = toProblem(error);
      if (error instanceof HttpErrorResponse && problem.type === '/problems/stale-version') {
        this.conflict.set(problem.changed ?? []);
        this.saveState.set('conflict');
      } else {
        this.problem.set(problem);
        this.saveState.set('error');
        this.dirty = true;
      }
    }
  }

  /** Drops the edits and shows the draft as the colleague saved it. */
  protected async takeTheirs(): Promise<void> {
    const current = this.saved();
    if (!current) return;
    this.conflict.set(null);
    await this.fetch(this.tenant(), current.id);
  }

  /** Saves this version over the colleague's, knowingly. */
  protected async keepMine(): Promise<void> {
    const current = this.saved();
    if (!current) return;
    const fresh = await firstValueFrom(this.api.get(this.tenant(), current.id));
    this.saved.set(fresh);
    this.conflict.set(null);
    this.dirty = true;
    await this.save();
  }

  private async fetch(tenant: string, id: string): Promise<void> {
    try {
      const detail = await firstValueFrom(this.api.get(tenant, id));
      this.saved.set(detail);
      this.form.setValue(
        {
          title: detail.title,
          thematicAreas: detail.thematicAreas,
          targetAudiences: detail.targetAudiences,
          priority: detail.priority,
          modality: detail.modality,
          periodFrom: detail.periodFrom ?? '',
          periodTo: detail.periodTo ?? '',
          officials: detail.officials,
          institutions: detail.institutions,
          description: detail.description,
          recommendationIds: detail.recommendations.map((rec) => rec.id),
        },
        { emitEvent: false },
      );
      this.dirty = false;
      this.saveState.set('idle');
    } catch (error: unknown) {
      this.problem.set(toProblem(error));
    }
  }

  protected async submit(): Promise<void> {
    this.submitting.set(true);
    try {
      this.dirty = true;
      await this.save();
      const current = this.saved();
      if (!current || this.saveState() !== 'saved') return;
      const action = current.status === 'information_requested' ? 'resubmit' : 'submit';
      const after = await firstValueFrom(
        this.api.transition(this.tenant(), current.id, { action, version: current.version }),
      );
      this.notifier.success(action === 'resubmit' ? 'requests.resubmitted' : 'requests.submitted');
      await this.router.navigate(['/t', this.tenant(), 'requests', after.id]);
    } catch (error: unknown) {
      this.problem.set(toProblem(error));
    } finally {
      this.submitting.set(false);
    }
  }

  protected async attach(files: FileList | null): Promise<void> {
    const file = files?.[0];
    if (!file) return;
    this.uploading.set(true);
    this.problem.set(null);
    try {
      await this.save();
      const current = this.saved();
      if (!current) return;
      this.saved.set(await firstValueFrom(this.api.attach(this.tenant(), current.id, file)));
    } catch (error: unknown) {
      this.problem.set(toProblem(error));
    } finally {
      this.uploading.set(false);
    }
  }

  protected async detach(attachmentId: string): Promise<void> {
    const current = this.saved();
    if (!current) return;
    try {
      this.saved.set(
        await firstValueFrom(this.api.detach(this.tenant(), current.id, attachmentId)),
      );
    } catch (error: unknown) {
      this.problem.set(toProblem(error));
    }
  }

  protected citation(recommendation: Recommendation): string {
    return `${citation(recommendation.number)} · ${recommendation.event.title}`;
  }

  private draft(): RequestDraftCreateInput {
    const value = this.form.getRawValue();
    return {
      ...value,
      title: value.title.trim(),
      periodFrom: value.periodFrom || null,
      periodTo: value.periodTo || null,
      officials: value.officials || null,
    };
  }
}
