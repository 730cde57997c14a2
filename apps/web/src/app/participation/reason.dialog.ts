import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

export interface ReasonDialogData {
  titleKey: string;
  labelKey: string;
  confirmKey: string;
  /** A sentence above the field, if the action needs explaining. */
  bodyKey?: string;
  params?: Record<string, unknown>;
  /** One line at most this long (the API refuses line breaks there), at least three characters. */
  singleLine?: { maxLength: number };
  /** A warning-coloured confirm button (revoking). */
  destructive?: boolean;
}

/** Asks why (a decline, a refusal): closes with the reason typed, or nothing if backed out. */
@Component({
  selector: 'cv-reason-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ data.titleKey | transloco: data.params }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        @if (data.bodyKey) {
          <p>{{ data.bodyKey | transloco: data.params }}</p>
        }
        <mat-form-field class="cv-full-width">
          <mat-label>{{ data.labelKey | transloco }}</mat-label>
          @if (data.singleLine; as line) {
            <input
              matInput
              formControlName="reason"
              [maxlength]="line.maxLength"
              required
              cdkFocusInitial
            />
          } @else {
            <textarea
              matInput
              formControlName="reason"
              rows="3"
              maxlength="1000"
              required
              cdkFocusInitial
            ></textarea>
          }
          @if (reason.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'common.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [class.cv-danger]="data.destructive">
          {{ data.confirmKey | transloco: data.params }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ReasonDialog, string>>(MatDialogRef);

  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: this.data.singleLine
      ? [
          Validators.required,
          Validators.minLength(3),
          Validators.maxLength(this.data.singleLine.maxLength),
        ]
      : [Validators.required, Validators.maxLength(1000)],
  });
  // A form group, so that submitting (Enter, the button) goes through ngSubmit.
  protected readonly form = new FormGroup({ reason: this.reason });

  protected submit(): void {
    const reason = this.reason.value.trim();
    this.reason.setValue(reason);
    if (!reason || this.reason.invalid) {
      this.reason.markAsTouched();
      return;
    }
    this.dialogRef.close(reason);
  }
}
