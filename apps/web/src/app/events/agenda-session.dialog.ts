import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Agenda, AgendaSession, EventDetail, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { DialogActions } from '../shared/dialog-actions.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { LiveError } from '../shared/live-error.component';
import { TextChips } from '../shared/text-chips.component';
import { DateTimeRange } from './date-time-range.component';
import { dateTimeRangeGroup, rangeInstants, rangeValue } from './event-form';
import { EventStore } from './event.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { zoneLabel } from './zone-names';
import { instantToZonedLocal, pickerDate } from './zoned-time';

export interface AgendaSessionDialogData {
  event: EventDetail;
  /** The session to edit; absent to add one. */
  session?: AgendaSession;
}

/** Where the dialog shows an error the server found at a path of AgendaSessionInput. */
function sessionFieldOf(path: string): string {
  const [head] = path.split('.');
  if (head === 'startsAt') return 'when.startDate';
  if (head === 'endsAt') return 'when.endDate';
  return head ?? path;
}

/** Adds a session to the agenda or edits one; closes with the agenda as it now stands. */
@Component({
  selector: 'cv-agenda-session-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorPipe,
    DialogActions,
    LiveError,
    TextChips,
    DateTimeRange,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{ (data.session ? 'events.agenda.editTitle' : 'events.agenda.addTitle') | transloco }}
      </h2>
      <mat-dialog-content class="cv-dialog-form">
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'events.agenda.sessionTitle' | transloco }}</mat-label>
          <input matInput formControlName="title" maxlength="200" required />
          @if (form.controls.title.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <cv-date-time-range
          [group]="form.controls.when"
          [minDate]="firstDay"
          [maxDate]="lastDay"
          [zoneNote]="zoneNote"
        />
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'events.agenda.room' | transloco }}</mat-label>
          <input matInput formControlName="room" maxlength="100" />
          @if (form.controls.room.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <!-- Speakers are the experts who accepted an assignment (the event's Experts tab). -->
        <p class="cv-muted">
          @if (data.session; as session) {
            @if (session.speakers.length > 0) {
              {{ 'events.agenda.speakers' | transloco }}:
              @for (speaker of session.speakers; track speaker.id; let last = $last) {
                <bdi>{{ speaker.name }}</bdi
                >{{ last ? '' : ', ' }}
              }
              ·
            }
          }
          {{ 'events.agenda.speakersFromExperts' | transloco }}
        </p>
        <cv-text-chips
          [control]="form.controls.guestSpeakers"
          labelKey="events.agenda.guestSpeakers"
          hintKey="events.agenda.guestSpeakersHint"
        />
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'events.agenda.description' | transloco }}</mat-label>
          <textarea matInput formControlName="description" rows="3" maxlength="5000"></textarea>
        </mat-form-field>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <cv-dialog-actions
        [submitLabel]="data.session ? 'common.save' : 'events.agenda.add'"
        [submitting]="submitting()"
      />
    </form>
  `,
})
export class AgendaSessionDialog {
  protected readonly data = inject<AgendaSessionDialogData>(MAT_DIALOG_DATA);
  protected readonly store = inject(EventStore);
  private readonly dialogRef = inject<MatDialogRef<AgendaSessionDialog, Agenda>>(MatDialogRef);
  private readonly language = inject(LanguageService).language;

  private readonly zone = this.data.event.timeZone;
  protected readonly firstDay = pickerDate(
    instantToZonedLocal(this.data.event.startsAt, this.zone).date,
  );
  protected readonly lastDay = pickerDate(
    instantToZonedLocal(this.data.event.endsAt, this.zone).date,
  );
  protected readonly zoneNote = inject(TranslocoService).translate('events.form.zoneNote', {
    zone: zoneLabel(this.zone, this.language(), this.data.event.startsAt),
  });

  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = new FormGroup({
    title: new FormControl(this.data.session?.title ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    when: dateTimeRangeGroup(() => this.zone),
    room: new FormControl(this.data.session?.room ?? '', {
      nonNullable: true,
      validators: Validators.maxLength(100),
    }),
    guestSpeakers: new FormControl<string[]>(this.data.session?.guestSpeakers ?? [], {
      nonNullable: true,
    }),
    description: new FormControl(this.data.session?.description ?? '', {
      nonNullable: true,
      validators: Validators.maxLength(5000),
    }),
  });

  constructor() {
    const session = this.data.session;
    if (session) {
      this.form.controls.when.setValue(rangeValue(session.startsAt, session.endsAt, this.zone));
    } else {
      // A new session starts on the event's first day; the officer picks the times.
      this.form.controls.when.patchValue({ startDate: this.firstDay, endDate: this.firstDay });
    }
  }

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    const instants = rangeInstants(this.form.controls.when.getRawValue(), this.zone);
    if (this.form.invalid || !instants) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const input = {
      title: value.title.trim(),
      description: value.description,
      startsAt: instants.startsAt,
      endsAt: instants.endsAt,
      room: value.room.trim() || null,
      guestSpeakers: value.guestSpeakers,
    };
    this.submitting.set(true);
    this.problem.set(null);
    try {
      const session = this.data.session;
      const agenda = session
        ? await this.store.updateSession(session.id, input)
        : await this.store.addSession(input);
      this.dialogRef.close(agenda);
    } catch (error) {
      const problem = error as ProblemDetails;
      for (const rejected of problem.errors ?? []) {
        const control = this.form.get(sessionFieldOf(rejected.path));
        control?.setErrors({ server: true });
        control?.markAsTouched();
      }
      this.problem.set(problem);
    } finally {
      this.submitting.set(false);
    }
  }
}
