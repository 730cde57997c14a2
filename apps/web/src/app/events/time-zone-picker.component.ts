import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { CLOCK } from './clock';
import { zoneLongName, zonePlace } from './zone-names';
import { knownTimeZones, offsetLabel } from './zoned-time';

const MAX_OPTIONS = 50;
/** Zones named in the reader's language per pass, so the page stays responsive meanwhile. */
const NAMING_BATCH = 40;

/** "vienna", "new york", "europe/vie", "Vienne" all find their zone; accents do not matter. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .replace(/[_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface ZoneOption {
  name: string;
  offset: string;
  city: string | null;
  country: string | null;
  long: string;
}

/**
 * The venue's IANA time zone, picked by typing part of its name, its city or
 * country, or its name in the reader's language. Each option shows the place
 * and the zone's name in that language (see zone-names.ts) and its offset;
 * the field keeps the IANA name, which the API stores.
 */
@Component({
  selector: 'cv-time-zone-picker',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatFormFieldModule,
    Icon,
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
              <span class="zone-option__text">
                <span class="zone-option__place">
                  @if (zone.city && zone.country) {
                    {{
                      'common.cityAndCountry'
                        | transloco: { city: zone.city, country: zone.country }
                    }}
                  } @else {
                    <bdi>{{ zone.city ?? zone.name }}</bdi>
                  }
                </span>
                <span class="zone-option__name">{{ zone.long }}</span>
              </span>
              <bdi class="zone-option__offset">{{ zone.offset }}</bdi>
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
      align-items: center;
      gap: 16px;
      line-height: 1.3;
    }

    .zone-option__text {
      display: flex;
      flex-direction: column;
    }

    .zone-option__name,
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
  private readonly language = inject(LanguageService).language;
  private readonly zones = knownTimeZones().map((name) => ({
    name,
    offset: offsetLabel(this.now, name),
    folded: fold(name),
  }));
  /** Each zone's place and name in the reader's language, folded for search, filled a batch at a time. */
  private readonly localNames = signal<ReadonlyMap<string, string>>(new Map());
  private readonly destroyRef = inject(DestroyRef);
  private readonly changes = inject(ChangeDetectorRef);
  private readonly typed = signal('');

  constructor() {
    // Naming all 400-odd zones at once would stall the form for a moment: name them in batches.
    let pending: ReturnType<typeof setTimeout> | undefined;
    effect(() => {
      const language = this.language();
      clearTimeout(pending);
      const names = new Map<string, string>();
      const next = (from: number): void => {
        for (const zone of this.zones.slice(from, from + NAMING_BATCH)) {
          const place = zonePlace(zone.name, language);
          names.set(
            zone.name,
            fold([place.city, place.country, zoneLongName(zone.name, language)].join(' ')),
          );
        }
        this.localNames.set(new Map(names));
        if (from + NAMING_BATCH < this.zones.length)
          pending = setTimeout(() => next(from + NAMING_BATCH));
      };
      pending = setTimeout(() => next(0));
    });
    this.destroyRef.onDestroy(() => clearTimeout(pending));
  }

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

  protected readonly options = computed((): ZoneOption[] => {
    const needle = fold(this.typed());
    const local = this.localNames();
    const matches = needle
      ? this.zones.filter(
          (zone) => zone.folded.includes(needle) || local.get(zone.name)?.includes(needle),
        )
      : this.zones;
    const language = this.language();
    return matches.slice(0, MAX_OPTIONS).map((zone) => ({
      name: zone.name,
      offset: zone.offset,
      ...zonePlace(zone.name, language),
      long: zoneLongName(zone.name, language),
    }));
  });
}
