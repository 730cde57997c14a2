import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { DialogActions } from '../shared/dialog-actions.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import type { StateInvitation } from './participation.models';
import { ParticipationStore } from './participation.store';

export interface SeatRequestDialogData {
  row: StateInvitation;
}

/** A focal point asks for more seats: how many in all, and why. Closes with true once sent. */
@Component({
  selector: 'cv-seat-request-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    DialogActions,
    FieldErrorPipe,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'participation.askSeats.title' | transloco }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <p>{{ 'participation.askSeats.intro' | transloco: { seats: data.row.seats } }}</p>
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'participation.askSeats.seats' | transloco }}</mat-label>
          <input
            matInput
            type="number"
            formControlName="seats"
            [min]="data.row.seats + 1"
            required
          />
          @if (form.controls.seats.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'participation.askSeats.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="2000" required></textarea>
          @if (form.controls.reason.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <cv-dialog-actions submitLabel="participation.askSeats.confirm" [submitting]="submitting()" />
    </form>
  `,
})
export class SeatRequestDialog {
  protected readonly data = inject<SeatRequestDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(ParticipationStore);
  private readonly dialogRef = inject<MatDialogRef<SeatRequestDialog, boolean>>(MatDialogRef);

  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = new FormGroup({
    seats: new FormControl<number | null>(this.data.row.seats + 1, [
      Validators.required,
      Validators.min(this.data.row.seats + 1),
      Validators.max(10_000),
    ]),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(2000)],
    }),
  });

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    this.form.controls.reason.setValue(this.form.controls.reason.value.trim());
    const { seats, reason } = this.form.getRawValue();
    if (this.form.invalid || seats === null) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.problem.set(null);
    try {
      await this.store.askSeats(this.data.row, seats, reason);
      this.dialogRef.close(true);
    } catch (problem) {
      this.problem.set(problem as ProblemDetails);
    } finally {
      this.submitting.set(false);
    }
  }
}
