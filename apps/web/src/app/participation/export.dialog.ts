import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { DialogActions } from '../shared/dialog-actions.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import type { ExportFormat, ExportScope } from './participation.models';
import { ParticipationStore } from './participation.store';
import { saveFile } from './save-file';

export interface ExportDialogData {
  eventTitle: string;
  /** A focal point exports their own State's nominees only: the State's name, to say so. */
  ownState?: string;
}

/**
 * Exports the participant list (CSV or XLSX). Personal data leaves the system: the reason is
 * asked, and kept in the audit log with who exported, when and how many rows.
 */
@Component({
  selector: 'cv-export-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    TranslocoPipe,
    DialogActions,
    FieldErrorPipe,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'participation.export.title' | transloco }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <p>{{ 'participation.export.intro' | transloco }}</p>
        @if (data.ownState) {
          <p>{{ 'participation.export.ownState' | transloco: { state: data.ownState } }}</p>
        }
        <fieldset class="export-choice">
          <legend>{{ 'participation.export.format' | transloco }}</legend>
          <mat-radio-group formControlName="format">
            <mat-radio-button value="xlsx">{{
              'participation.export.xlsx' | transloco
            }}</mat-radio-button>
            <mat-radio-button value="csv">{{
              'participation.export.csv' | transloco
            }}</mat-radio-button>
          </mat-radio-group>
        </fieldset>
        <fieldset class="export-choice">
          <legend>{{ 'participation.export.scope' | transloco }}</legend>
          <mat-radio-group formControlName="scope">
            <mat-radio-button value="approved">{{
              'participation.export.approved' | transloco
            }}</mat-radio-button>
            <mat-radio-button value="all">{{
              'participation.export.all' | transloco
            }}</mat-radio-button>
          </mat-radio-group>
        </fieldset>
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'participation.export.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="2" maxlength="500" required></textarea>
          <mat-hint>{{ 'participation.export.reasonHint' | transloco }}</mat-hint>
          @if (form.controls.reason.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <cv-dialog-actions submitLabel="participation.export.confirm" [submitting]="submitting()" />
    </form>
  `,
  styles: `
    .export-choice {
      margin: 0 0 12px;
      padding: 0;
      border: 0;

      legend {
        margin-bottom: 4px;
        font: var(--mat-sys-title-small);
      }
      mat-radio-group {
        display: flex;
        flex-wrap: wrap;
        gap: 0 16px;
      }
    }
  `,
})
export class ExportDialog {
  protected readonly data = inject<ExportDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(ParticipationStore);
  private readonly dialogRef = inject<MatDialogRef<ExportDialog, boolean>>(MatDialogRef);

  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = new FormGroup({
    format: new FormControl<ExportFormat>('xlsx', { nonNullable: true }),
    scope: new FormControl<ExportScope>('approved', { nonNullable: true }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3), Validators.maxLength(500)],
    }),
  });

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    const value = this.form.getRawValue();
    this.form.controls.reason.setValue(value.reason.trim());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.problem.set(null);
    try {
      const file = await this.store.exportParticipants({ ...value, reason: value.reason.trim() });
      saveFile(file.blob, file.fileName);
      this.dialogRef.close(true);
    } catch (problem) {
      this.problem.set(problem as ProblemDetails);
    } finally {
      this.submitting.set(false);
    }
  }
}
