import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { Declaration, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../http/problem';
import { DialogActions } from '../shared/dialog-actions.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { ExpertsApi } from './experts.api';

export interface DeclarationDialogData {
  tenant: string;
  event: { id: string; title: string };
}

/** The expert's declaration of interest for one event: none, or what the interests are. */
@Component({
  selector: 'cv-declaration-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    TranslocoPipe,
    DialogActions,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .declaration-choices {
      display: flex;
      flex-direction: column;
      margin-block-end: 12px;
    }
  `,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'experts.declaration.title' | transloco }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <p>
          <bdi>{{ data.event.title }}</bdi>
        </p>
        <p class="cv-muted">{{ 'experts.declaration.intro' | transloco }}</p>
        <mat-radio-group
          formControlName="hasInterests"
          class="declaration-choices"
          [attr.aria-label]="'experts.declaration.title' | transloco"
        >
          <mat-radio-button [value]="false">{{
            'experts.declaration.none' | transloco
          }}</mat-radio-button>
          <mat-radio-button [value]="true">{{
            'experts.declaration.some' | transloco
          }}</mat-radio-button>
        </mat-radio-group>
        @if (form.controls.hasInterests.value) {
          <mat-form-field appearance="outline" class="cv-full-width">
            <mat-label>{{ 'experts.declaration.details' | transloco }}</mat-label>
            <textarea
              matInput
              formControlName="details"
              rows="4"
              dir="auto"
              maxlength="5000"
              required
            ></textarea>
            @if (form.controls.details.touched && !form.controls.details.value.trim()) {
              <mat-error>{{ 'experts.declaration.detailsRequired' | transloco }}</mat-error>
            }
          </mat-form-field>
        }
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <cv-dialog-actions submitLabel="experts.declaration.submit" [submitting]="submitting()" />
    </form>
  `,
})
export class DeclarationDialog {
  protected readonly data = inject<DeclarationDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ExpertsApi);
  private readonly dialogRef = inject<MatDialogRef<DeclarationDialog, Declaration>>(MatDialogRef);
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly form = new FormGroup({
    hasInterests: new FormControl(false, { nonNullable: true }),
    details: new FormControl('', { nonNullable: true }),
  });

  protected async submit(): Promise<void> {
    this.form.markAllAsTouched();
    const { hasInterests, details } = this.form.getRawValue();
    if ((hasInterests && !details.trim()) || this.submitting()) return;
    this.submitting.set(true);
    this.problem.set(null);
    try {
      const filed = await firstValueFrom(
        this.api.declare(this.data.tenant, this.data.event.id, {
          hasInterests,
          details: hasInterests ? details.trim() : null,
        }),
      );
      this.dialogRef.close(filed);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.submitting.set(false);
    }
  }
}
