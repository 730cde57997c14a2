import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { CLOCK } from './clock';
import { knownTimeZones, offsetLabel } from './zoned-time';

const MAX_OPTIONS = 50;

/** "vienna", "new york", "europe/vie" all find their zone. */
function fold(text: string): string {
  return text.toLocaleLowerCase().replace(/[_/]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The venue's IANA time zone, picked by typing part of its name. */
@Component({
  selector: 'cv-time-zone-picker',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    TranslocoPipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="cv-full-width">
      <mat-label>{{ 'events.form.timeZone' | transloco }}</mat-label>
      <mat-icon matPrefix svgIcon="schedule" />
      <input
        matInput
        [formControl]="control()"
        [matAutocomplete]="auto"
        autocomplete="off"
        spellcheck="false"
        required
      />
      <mat-autocomplete #auto="matAutocomplete" autoActiveFirstOption>
        @for (zone of options(); track zone.name) {
          <mat-option [value]="zone.name">
            <span class="zone-option">
              <span>{{ zone.name }}</span>
              <span class="zone-option__offset">{{ zone.offset }}</span>
            </span>
          </mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ 'events.form.timeZoneHint' | transloco }}</mat-hint>
      @if (control().errors | fieldError; as error) {
        <mat-error>{{ error.key | transloco: error.params }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    .zone-option {
      display: flex;
      justify-content: space-between;
      gap: 16px;
      direction: ltr;
    }

    .zone-option__offset {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class TimeZonePicker implements OnInit {
  readonly control = input.required<FormControl<string>>();

  private readonly now = inject(CLOCK)().getTime();
  private readonly zones = knownTimeZones().map((name) => ({
    name,
    offset: offsetLabel(this.now, name),
    folded: fold(name),
  }));
  private readonly destroyRef = inject(DestroyRef);
  private readonly changes = inject(ChangeDetectorRef);
  private readonly typed = signal('');

  ngOnInit(): void {
    const control = this.control();
    this.typed.set(control.value);
    control.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((value) => this.typed.set(value ?? ''));
    // The outer form may mark the field touched (on submit): show its error then.
    control.events
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.changes.markForCheck());
  }

  protected readonly options = computed(() => {
    const needle = fold(this.typed());
    const matches = needle ? this.zones.filter((zone) => zone.folded.includes(needle)) : this.zones;
    return matches.slice(0, MAX_OPTIONS);
  });
}
