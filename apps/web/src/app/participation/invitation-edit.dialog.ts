import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  MatDatepicker,
  MatDatepickerInput,
  MatDatepickerToggle,
} from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { DialogActions } from '../shared/dialog-actions.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { dateToDay, dayToDate } from './deadline';
import type { StateInvitation } from './participation.models';
import { ParticipationStore } from './participation.store';

export interface InvitationEditDialogData {
  row: StateInvitation;
}

/** Changes one State's seats or nomination deadline; closes with true once saved. */
@Component({
  selector: 'cv-invitation-edit-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    MemberStateNamePipe,
    DialogActions,
    FieldErrorPipe,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{
          'participation.edit.title'
            | transloco: { state: data.row.memberState | memberStateName: language() }
        }}
      </h2>
      <mat-dialog-content class="cv-dialog-form">
        <p>
          {{
            'participation.edit.taken'
              | transloco
                : {
                    approved: data.row.counts.approved,
                    pending: data.row.counts.pending,
                  }
          }}
        </p>
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'participation.fields.seats' | transloco }}</mat-label>
          <input matInput type="number" min="1" max="10000" formControlName="seats" required />
          @if (form.controls.seats.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'participation.fields.deadline' | transloco }}</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="deadline" required />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          @if (form.controls.deadline.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <cv-live-error [problem]="problem()" [messageKey]="problemKey()" />
      </mat-dialog-content>
      <cv-dialog-actions submitLabel="common.save" [submitting]="submitting()" />
    </form>
  `,
})
export class InvitationEditDialog {
  protected readonly data = inject<InvitationEditDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(ParticipationStore);
  private readonly dialogRef = inject<MatDialogRef<InvitationEditDialog, boolean>>(MatDialogRef);
  protected readonly language = inject(LanguageService).language;

  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly problemKey = signal<string | null>(null);

  protected readonly form = new FormGroup({
    seats: new FormControl<number | null>(this.data.row.seats, [
      Validators.required,
      Validators.min(1),
      Validators.max(10_000),
    ]),
    deadline: new FormControl<Date | null>(dayToDate(this.data.row.nominationDeadline), [
      Validators.required,
    ]),
  });

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    const { seats, deadline } = this.form.getRawValue();
    if (this.form.invalid || seats === null || !deadline) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.problem.set(null);
    this.problemKey.set(null);
    try {
      await this.store.updateInvitation(this.data.row, seats, dateToDay(deadline));
      this.dialogRef.close(true);
    } catch (error) {
      const problem = error as ProblemDetails;
      this.problem.set(problem);
      if (problem.status === 409) this.problemKey.set('participation.edit.conflict');
    } finally {
      this.submitting.set(false);
    }
  }
}
