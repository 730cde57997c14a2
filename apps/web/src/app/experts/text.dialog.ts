import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { toProblem } from '../http/problem';
import { DialogActions } from '../shared/dialog-actions.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';

export interface TextDialogData {
  titleKey: string;
  introKey: string;
  labelKey: string;
  submitKey: string;
  kind: 'email' | 'reason';
  /** Sends the text; the dialog stays open, showing the problem, when it rejects. */
  submit: (text: string) => Promise<unknown>;
}

/** One text asked for and sent: an email to invite into the roster, a reason to decline. */
@Component({
  selector: 'cv-expert-text-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    FieldErrorPipe,
    DialogActions,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (ngSubmit)="send()" novalidate>
      <h2 mat-dialog-title>{{ data.titleKey | transloco }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <p class="cv-muted">{{ data.introKey | transloco }}</p>
        <mat-form-field appearance="outline" class="cv-full-width">
          <mat-label>{{ data.labelKey | transloco }}</mat-label>
          @if (data.kind === 'email') {
            <input
              matInput
              type="email"
              [formControl]="text"
              autocomplete="off"
              required
              cdkFocusInitial
            />
          } @else {
            <textarea
              matInput
              [formControl]="text"
              rows="3"
              required
              cdkFocusInitial
              dir="auto"
            ></textarea>
          }
          @if (text.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <cv-dialog-actions [submitLabel]="data.submitKey" [submitting]="submitting()" />
    </form>
  `,
})
export class TextDialog {
  protected readonly data = inject<TextDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<TextDialog, boolean>>(MatDialogRef);
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly text = new FormControl('', {
    nonNullable: true,
    validators:
      this.data.kind === 'email'
        ? [Validators.required, Validators.email]
        : [Validators.required, Validators.maxLength(1000)],
  });

  protected async send(): Promise<void> {
    this.text.markAsTouched();
    if (this.text.invalid || !this.text.value.trim() || this.submitting()) return;
    this.submitting.set(true);
    this.problem.set(null);
    try {
      await this.data.submit(this.text.value.trim());
      this.dialogRef.close(true);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.submitting.set(false);
    }
  }
}
