import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import {
  MatDatepicker,
  MatDatepickerInput,
  MatDatepickerToggle,
} from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { EventDetail, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { zonedDate } from '../events/zoned-time';
import { DialogActions } from '../shared/dialog-actions.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { dateToDay, dayToDate } from './deadline';
import type { ParticipationSettings } from './participation.models';
import { ParticipationStore } from './participation.store';

export interface SettingsDialogData {
  event: EventDetail;
  settings: Omit<ParticipationSettings, 'eventId'>;
}

/**
 * The event's participation settings: the default nomination deadline (each State's invitation
 * may override it) and whether the experts speaking at the event see participants' names and
 * institutions (off by default). Closes with true once saved.
 */
@Component({
  selector: 'cv-participation-settings-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    TranslocoPipe,
    DialogActions,
    FieldErrorPipe,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'participation.settings.title' | transloco }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'participation.settings.deadline' | transloco }}</mat-label>
          <input matInput [matDatepicker]="picker" [max]="lastDay" formControlName="deadline" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          <mat-hint>{{ 'participation.settings.deadlineHint' | transloco }}</mat-hint>
          @if (form.controls.deadline.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <div class="settings-switch">
          <mat-slide-toggle formControlName="expertsSeeParticipants">
            {{ 'participation.settings.experts' | transloco }}
          </mat-slide-toggle>
          <p class="settings-hint">{{ 'participation.settings.expertsHint' | transloco }}</p>
        </div>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <cv-dialog-actions submitLabel="common.save" [submitting]="submitting()" />
    </form>
  `,
  styles: `
    .settings-switch {
      margin-block: 16px 8px;
    }
    .settings-hint {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class SettingsDialog {
  protected readonly data = inject<SettingsDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(ParticipationStore);
  private readonly dialogRef = inject<MatDialogRef<SettingsDialog, boolean>>(MatDialogRef);

  /** A deadline may not fall after the event's first day at the venue. */
  protected readonly lastDay = dayToDate(
    zonedDate(this.data.event.startsAt, this.data.event.timeZone),
  );
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = new FormGroup({
    deadline: new FormControl<Date | null>(dayToDate(this.data.settings.nominationDeadline)),
    expertsSeeParticipants: new FormControl(this.data.settings.expertsSeeParticipants, {
      nonNullable: true,
    }),
  });

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { deadline, expertsSeeParticipants } = this.form.getRawValue();
    this.submitting.set(true);
    this.problem.set(null);
    try {
      await this.store.saveSettings({
        nominationDeadline: deadline ? dateToDay(deadline) : null,
        expertsSeeParticipants,
      });
      this.dialogRef.close(true);
    } catch (problem) {
      this.problem.set(problem as ProblemDetails);
    } finally {
      this.submitting.set(false);
    }
  }
}
