import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  FOLLOW_UP_NOTE_MAX,
  type ProblemDetails,
  RECOMMENDATION_STATUSES,
  type RecommendationDetail,
  type RecommendationStatus,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../http/problem';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { citation } from './recommendation-labels';
import { RecommendationItem } from './recommendation-item.component';
import { RecommendationsApi } from './recommendations.api';

export interface FollowUpDialogData {
  tenant: string;
  recommendationId: string;
}

/**
 * The follow-up of one recommendation: its history, then a note, and for officers a new status.
 * Closes with the recommendation as saved, or nothing if backed out.
 */
@Component({
  selector: 'cv-follow-up-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorPipe,
    LiveError,
    RecommendationItem,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{ 'recommendations.followUp.title' | transloco: { number: cite(detail()?.number ?? 0) } }}
      </h2>
      <mat-dialog-content class="cv-dialog-form">
        @if (detail(); as item) {
          <cv-recommendation-item [recommendation]="item" [followUps]="item.followUps" />
          @if (item.canSetStatus) {
            <mat-form-field class="cv-full-width">
              <mat-label>{{ 'recommendations.followUp.status' | transloco }}</mat-label>
              <mat-select [formControl]="status">
                @for (choice of statuses; track choice) {
                  <mat-option [value]="choice">{{
                    'recommendations.statuses.' + choice | transloco
                  }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          } @else {
            <p>{{ 'recommendations.followUp.noteOnly' | transloco }}</p>
          }
          <mat-form-field class="cv-full-width">
            <mat-label>{{ 'recommendations.followUp.note' | transloco }}</mat-label>
            <textarea
              matInput
              [formControl]="note"
              rows="4"
              [maxlength]="noteMax"
              required
            ></textarea>
            @if (note.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
        } @else if (!problem()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        }
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="!detail() || saving()">
          {{ 'recommendations.followUp.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class FollowUpDialog {
  private readonly data = inject<FollowUpDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(RecommendationsApi);
  private readonly dialogRef =
    inject<MatDialogRef<FollowUpDialog, RecommendationDetail>>(MatDialogRef);

  protected readonly statuses = RECOMMENDATION_STATUSES;
  protected readonly noteMax = FOLLOW_UP_NOTE_MAX;
  protected readonly cite = citation;
  protected readonly detail = signal<RecommendationDetail | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);

  protected readonly status = new FormControl<RecommendationStatus>('open', { nonNullable: true });
  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(FOLLOW_UP_NOTE_MAX)],
  });

  /** The form's submit goes through Angular (no native submit, which would reload the page). */
  protected readonly form = new FormGroup({ status: this.status, note: this.note });

  constructor() {
    this.api.get(this.data.tenant, this.data.recommendationId).subscribe({
      next: (detail) => {
        this.detail.set(detail);
        this.status.setValue(detail.status);
      },
      error: (error: unknown) => this.problem.set(toProblem(error)),
    });
  }

  protected async submit(): Promise<void> {
    const detail = this.detail();
    const note = this.note.value.trim();
    if (!detail || this.saving()) return;
    if (!note) {
      this.note.setValue('');
      this.note.markAsTouched();
      return;
    }
    const moved = detail.canSetStatus && this.status.value !== detail.status;
    this.saving.set(true);
    this.problem.set(null);
    try {
      const saved = await firstValueFrom(
        this.api.followUp(this.data.tenant, detail.id, {
          note,
          ...(moved ? { status: this.status.value, version: detail.version } : {}),
        }),
      );
      this.dialogRef.close(saved);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }
}
