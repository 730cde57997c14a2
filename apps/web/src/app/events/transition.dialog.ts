import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { EventAction, EventDetail, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { LiveError } from '../shared/live-error.component';
import { DateTimeRange } from './date-time-range.component';
import { dateTimeRangeGroup, rangeInstants, rangeValue } from './event-form';
import { EventStore } from './event.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { zoneLabel } from './zone-names';

export interface TransitionDialogData {
  action: EventAction;
  event: EventDetail;
}

/**
 * Says what a lifecycle action will do and asks before doing it: a reason
 * to cancel, new dates to postpone. Closes with the event as it now stands.
 */
@Component({
  selector: 'cv-transition-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
    FieldErrorPipe,
    LiveError,
    DateTimeRange,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ key + '.title' | transloco: params }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <p class="transition-body">{{ key + '.body' | transloco: params }}</p>
        @if (data.action === 'postpone') {
          <cv-date-time-range [group]="form.controls.dates" [zoneNote]="zoneNote" />
        }
        @if (asksReason) {
          <mat-form-field class="cv-full-width">
            <mat-label>{{ 'events.transitionDialog.reason' | transloco }}</mat-label>
            <textarea
              matInput
              formControlName="reason"
              rows="3"
              maxlength="1000"
              [required]="data.action === 'cancel'"
            ></textarea>
            <mat-hint>{{ key + '.reasonHint' | transloco }}</mat-hint>
            @if (form.controls.reason.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
        }
        <cv-live-error [problem]="problem()" [messageKey]="problemKey()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'events.transitionDialog.back' | transloco }}
        </button>
        <button
          mat-flat-button
          type="submit"
          [class.cv-danger]="data.action === 'cancel'"
          [disabled]="submitting()"
        >
          @if (submitting()) {
            <mat-progress-spinner mode="indeterminate" diameter="18" aria-hidden="true" />
          }
          {{ key + '.confirm' | transloco: params }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .transition-body {
      margin: 0 0 8px;
    }
  `,
})
export class TransitionDialog {
  protected readonly data = inject<TransitionDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(EventStore);
  private readonly dialogRef = inject<MatDialogRef<TransitionDialog, EventDetail>>(MatDialogRef);
  private readonly language = inject(LanguageService).language;

  protected readonly key = `events.transitionDialog.${this.data.action}`;
  protected readonly params = { title: this.data.event.title };
  protected readonly asksReason = this.data.action === 'cancel' || this.data.action === 'postpone';
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly problemKey = signal<string | null>(null);

  private readonly zone = this.data.event.timeZone;
  protected readonly zoneNote = inject(TranslocoService).translate('events.form.zoneNote', {
    zone: zoneLabel(this.zone, this.language(), this.data.event.startsAt),
  });

  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: this.data.action === 'cancel' ? [Validators.required] : [],
    }),
    dates: dateTimeRangeGroup(() => this.zone),
  });

  constructor() {
    if (this.data.action === 'postpone') {
      this.form.controls.dates.setValue(
        rangeValue(this.data.event.startsAt, this.data.event.endsAt, this.zone),
      );
    } else {
      this.form.controls.dates.disable();
    }
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const reason = this.form.controls.reason.value.trim();
    const dates =
      this.data.action === 'postpone'
        ? rangeInstants(this.form.controls.dates.getRawValue(), this.zone)
        : null;
    this.submitting.set(true);
    this.problem.set(null);
    this.problemKey.set(null);
    try {
      const event = await this.store.transition({
        action: this.data.action,
        ...(reason ? { reason } : {}),
        ...(dates ?? {}),
      });
      this.dialogRef.close(event);
    } catch (error) {
      const problem = error as ProblemDetails;
      this.problem.set(problem);
      // The event moved on meanwhile: the page behind now shows where it stands.
      if (problem.status === 409) this.problemKey.set('events.transitionDialog.conflict');
    } finally {
      this.submitting.set(false);
    }
  }
}
