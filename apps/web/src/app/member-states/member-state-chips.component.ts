import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  type MatAutocompleteSelectedEvent,
  MatAutocompleteModule,
} from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import type { MemberState } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { filterMemberStates } from './member-state-filter';
import { memberStateName } from './member-state-name';
import { MemberStatesCatalog } from './member-states-catalog.store';

const MAX_OPTIONS = 60;

/**
 * Several Member States (the States hosting an event, say): type part of a
 * name or a code, pick from the list; each chosen State is a removable chip.
 * The bound control holds alpha-3 codes.
 */
@Component({
  selector: 'cv-member-state-chips',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatChipsModule,
    MatFormFieldModule,
    Icon,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="cv-full-width">
      <mat-label>{{ labelKey() | transloco }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="labelKey() | transloco">
        @for (alpha3 of chosen(); track alpha3) {
          <mat-chip-row (removed)="remove(alpha3)">
            {{ nameOf(alpha3) }}
            <button
              matChipRemove
              type="button"
              [attr.aria-label]="'common.remove' | transloco: { name: nameOf(alpha3) }"
            >
              <mat-icon svgIcon="cancel" />
            </button>
          </mat-chip-row>
        }
      </mat-chip-grid>
      <!-- Beside the grid, not in it: a grid holds rows only (angular/components#28067). -->
      <input
        [formControl]="searchControl"
        [matChipInputFor]="grid"
        [matAutocomplete]="auto"
        autocomplete="off"
      />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="add($event)">
        @for (state of options(); track state.alpha3) {
          <mat-option [value]="state.alpha3">
            <span class="cv-code">{{ state.alpha3 }}</span>
            {{ stateName(state) }}
          </mat-option>
        }
      </mat-autocomplete>
      <mat-hint>{{ 'memberStatePicker.hint' | transloco }}</mat-hint>
    </mat-form-field>
  `,
})
export class MemberStateChips implements OnInit {
  readonly control = input.required<FormControl<string[]>>();
  readonly labelKey = input.required<string>();

  private readonly catalog = inject(MemberStatesCatalog);
  private readonly language = inject(LanguageService).language;
  private readonly destroyRef = inject(DestroyRef);

  protected readonly searchControl = new FormControl('', { nonNullable: true });
  private readonly searchText = toSignal(this.searchControl.valueChanges, { initialValue: '' });
  protected readonly chosen = signal<string[]>([]);

  protected readonly options = computed(() => {
    const chosen = new Set(this.chosen());
    return filterMemberStates(
      this.catalog.states(),
      { search: this.searchText() ?? '' },
      this.language(),
    )
      .filter((state) => !chosen.has(state.alpha3))
      .slice(0, MAX_OPTIONS);
  });

  constructor() {
    this.catalog.ensureLoaded();
  }

  ngOnInit(): void {
    const control = this.control();
    this.chosen.set(control.value);
    control.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((values) => this.chosen.set(values));
  }

  protected stateName(state: MemberState): string {
    return memberStateName(state, this.language());
  }

  protected nameOf(alpha3: string): string {
    const state = this.catalog.byAlpha3().get(alpha3);
    return state ? this.stateName(state) : alpha3;
  }

  protected add(event: MatAutocompleteSelectedEvent): void {
    const alpha3 = event.option.value as string;
    const control = this.control();
    if (!control.value.includes(alpha3)) {
      control.setValue([...control.value, alpha3]);
      control.markAsDirty();
    }
    this.searchControl.setValue('');
  }

  protected remove(alpha3: string): void {
    const control = this.control();
    control.setValue(control.value.filter((code) => code !== alpha3));
    control.markAsDirty();
  }
}
