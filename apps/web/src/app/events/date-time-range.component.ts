import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  DestroyRef,
  inject,
  input,
  type OnInit,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type FormControl,
  type FormGroupDirective,
  type NgForm,
  ReactiveFormsModule,
} from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
// The parts, not MatDatepickerModule: the module provides its own English MatDatepickerIntl,
// which would hide the translated one (see provideLocaleDateAdapter).
import {
  MatDatepicker,
  MatDatepickerInput,
  MatDatepickerToggle,
} from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTimepickerModule } from '@angular/material/timepicker';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import type { DateTimeRangeGroup } from './event-form';

/**
 * A start and an end, each a date and a time on the venue's clock. The end
 * fields show the group's "ends before it starts" error. Needs a DateAdapter
 * (see provideLocaleDateAdapter).
 */
@Component({
  selector: 'cv-date-time-range',
  imports: [
    ReactiveFormsModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatTimepickerModule,
    TranslocoPipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let controls = group().controls;
    <fieldset class="range-row">
      <legend class="range-legend">{{ 'events.form.starts' | transloco }}</legend>
      <mat-form-field>
        <mat-label>{{ 'events.form.startDate' | transloco }}</mat-label>
        <input
          matInput
          [matDatepicker]="startPicker"
          [formControl]="controls.startDate"
          [min]="minDate()"
          [max]="maxDate()"
          required
        />
        <mat-datepicker-toggle matIconSuffix [for]="startPicker" />
        <mat-datepicker #startPicker />
        @if (controls.startDate.errors | fieldError; as error) {
          <mat-error>{{ error.key | transloco: error.params }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'events.form.startTime' | transloco }}</mat-label>
        <input matInput [matTimepicker]="startClock" [formControl]="controls.startTime" required />
        <mat-timepicker-toggle
          matIconSuffix
          [for]="startClock"
          [aria-label]="'material.timepicker.open' | transloco"
        />
        <mat-timepicker #startClock interval="15m" />
        @if (controls.startTime.errors | fieldError; as error) {
          <mat-error>{{ error.key | transloco: error.params }}</mat-error>
        }
      </mat-form-field>
    </fieldset>
    <fieldset class="range-row">
      <legend class="range-legend">{{ 'events.form.ends' | transloco }}</legend>
      <mat-form-field>
        <mat-label>{{ 'events.form.endDate' | transloco }}</mat-label>
        <input
          matInput
          [matDatepicker]="endPicker"
          [formControl]="controls.endDate"
          [min]="controls.startDate.value ?? minDate()"
          [max]="maxDate()"
          [errorStateMatcher]="endErrors"
          required
        />
        <mat-datepicker-toggle matIconSuffix [for]="endPicker" />
        <mat-datepicker #endPicker />
        @if (controls.endDate.errors | fieldError; as error) {
          <mat-error>{{ error.key | transloco: error.params }}</mat-error>
        } @else if (group().hasError('endBeforeStart')) {
          <mat-error>{{ 'validation.endBeforeStart' | transloco }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'events.form.endTime' | transloco }}</mat-label>
        <input
          matInput
          [matTimepicker]="endClock"
          [formControl]="controls.endTime"
          [errorStateMatcher]="endErrors"
          required
        />
        <mat-timepicker-toggle
          matIconSuffix
          [for]="endClock"
          [aria-label]="'material.timepicker.open' | transloco"
        />
        <mat-timepicker #endClock interval="15m" />
        @if (controls.endTime.errors | fieldError; as error) {
          <mat-error>{{ error.key | transloco: error.params }}</mat-error>
        }
      </mat-form-field>
    </fieldset>
    @if (zoneNote(); as note) {
      <p class="range-note">{{ note }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }

    .range-row {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 12px;
      margin: 0 0 8px;
      padding: 0;
      border: 0;
    }

    .range-legend {
      grid-column: 1 / -1;
      margin-bottom: 8px;
      padding: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }

    .range-note {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class DateTimeRange implements OnInit {
  readonly group = input.required<DateTimeRangeGroup>();
  readonly minDate = input<Date | null>(null);
  readonly maxDate = input<Date | null>(null);
  /** Already translated: in which clock the times are read. */
  readonly zoneNote = input<string | null>(null);

  private readonly destroyRef = inject(DestroyRef);
  private readonly changes = inject(ChangeDetectorRef);

  /** The end fields also turn red when the end comes before the start. */
  protected readonly endErrors: ErrorStateMatcher = {
    isErrorState: (control: FormControl | null, form: FormGroupDirective | NgForm | null) => {
      if (!control) return false;
      const shown = control.touched || !!form?.submitted;
      return shown && (control.invalid || this.group().hasError('endBeforeStart'));
    },
  };

  ngOnInit(): void {
    const { startDate, endDate } = this.group().controls;
    // The outer form may mark the fields touched (on submit): show their errors then.
    this.group()
      .events.pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.changes.markForCheck());
    // A one-day event is the usual: the end day follows the start day until chosen.
    startDate.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((start) => {
      if (start && !endDate.dirty) endDate.setValue(start);
    });
  }
}
