import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type ProblemDetails,
  RECOMMENDATION_PARTNERS_MAX,
  RECOMMENDATION_TEXT_MAX,
  type RecommendationDetail,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../http/problem';
import { MemberStateChips } from '../member-states/member-state-chips.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { TextChips } from '../shared/text-chips.component';
import { citation } from './recommendation-labels';
import { RecommendationsApi } from './recommendations.api';

export interface RecommendationDialogData {
  tenant: string;
  eventId: string;
  /** Absent: a new recommendation, added at the end. */
  recommendation?: RecommendationDetail;
}

/** Adds or edits one recommendation; closes with it as saved, or nothing if backed out. */
@Component({
  selector: 'cv-recommendation-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorPipe,
    LiveError,
    MemberStateChips,
    TextChips,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        @if (data.recommendation; as existing) {
          {{ 'recommendations.form.editTitle' | transloco: { number: cite(existing.number) } }}
        } @else {
          {{ 'recommendations.form.addTitle' | transloco }}
        }
      </h2>
      <mat-dialog-content class="cv-dialog-form">
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'recommendations.form.text' | transloco }}</mat-label>
          <textarea
            matInput
            formControlName="text"
            rows="6"
            dir="auto"
            [maxlength]="textMax"
            required
            cdkFocusInitial
          ></textarea>
          <mat-hint>{{ 'recommendations.form.textHint' | transloco }}</mat-hint>
          @if (form.controls.text.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'events.fields.thematicArea' | transloco }}</mat-label>
          <mat-select formControlName="thematicArea" required>
            @for (area of areas; track area) {
              <mat-option [value]="area">{{
                'events.thematicAreas.' + area | transloco
              }}</mat-option>
            }
          </mat-select>
          @if (form.controls.thematicArea.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <fieldset class="rec-addressees">
          <legend>{{ 'recommendations.addressedTo' | transloco }}</legend>
          <cv-member-state-chips
            [control]="form.controls.addressedStates"
            labelKey="recommendations.form.states"
          />
          <mat-checkbox formControlName="addressedToOrganisation">
            {{ 'recommendations.form.organisation' | transloco }}
          </mat-checkbox>
          <cv-text-chips
            [control]="form.controls.addressedPartners"
            labelKey="recommendations.form.partners"
            [maxItems]="partnersMax"
          />
          @if (nobody()) {
            <p class="rec-error" role="alert">{{ 'recommendations.form.nobody' | transloco }}</p>
          }
        </fieldset>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ (data.recommendation ? 'common.save' : 'recommendations.form.add') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .rec-addressees {
      border: 0;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .rec-addressees legend {
      font: var(--mat-sys-title-small);
      margin-block-end: 8px;
    }
    .rec-error {
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
})
export class RecommendationDialog {
  protected readonly data = inject<RecommendationDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(RecommendationsApi);
  private readonly dialogRef =
    inject<MatDialogRef<RecommendationDialog, RecommendationDetail>>(MatDialogRef);

  protected readonly areas = THEMATIC_AREAS;
  protected readonly textMax = RECOMMENDATION_TEXT_MAX;
  protected readonly partnersMax = RECOMMENDATION_PARTNERS_MAX;
  protected readonly cite = citation;
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);
  protected readonly nobody = signal(false);

  protected readonly form = new FormGroup({
    text: new FormControl(this.data.recommendation?.text ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(RECOMMENDATION_TEXT_MAX)],
    }),
    thematicArea: new FormControl<ThematicArea | null>(
      this.data.recommendation?.thematicArea ?? null,
      { validators: [Validators.required] },
    ),
    addressedStates: new FormControl<string[]>(
      [...(this.data.recommendation?.addressedStates ?? [])],
      { nonNullable: true },
    ),
    addressedToOrganisation: new FormControl(
      this.data.recommendation?.addressedToOrganisation ?? false,
      { nonNullable: true },
    ),
    addressedPartners: new FormControl<string[]>(
      [...(this.data.recommendation?.addressedPartners ?? [])],
      { nonNullable: true },
    ),
  });

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    const text = value.text.trim();
    if (!text) this.form.controls.text.setValue('');
    const nobody =
      value.addressedStates.length === 0 &&
      !value.addressedToOrganisation &&
      value.addressedPartners.length === 0;
    this.nobody.set(nobody);
    if (this.form.invalid || nobody || !value.thematicArea) {
      this.form.markAllAsTouched();
      return;
    }
    const body = {
      text,
      thematicArea: value.thematicArea,
      addressedStates: value.addressedStates,
      addressedToOrganisation: value.addressedToOrganisation,
      addressedPartners: value.addressedPartners,
    };
    this.saving.set(true);
    this.problem.set(null);
    try {
      const existing = this.data.recommendation;
      const saved = await firstValueFrom(
        existing
          ? this.api.update(this.data.tenant, existing.id, { ...body, version: existing.version })
          : this.api.create(this.data.tenant, this.data.eventId, body),
      );
      this.dialogRef.close(saved);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }
}
