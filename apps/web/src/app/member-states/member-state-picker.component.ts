import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { MemberState } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { filterMemberStates } from './member-state-filter';
import { memberStateName } from './member-state-name';
import { MemberStatesCatalog } from './member-states-catalog.store';

/** How many matches the list offers at once; typing narrows the rest. */
const MAX_OPTIONS = 60;

/**
 * Picks a Member State by typing part of its name (in any UN language) or
 * its code. The bound control holds the alpha-3 code, or null until a
 * State is chosen from the list.
 */
@Component({
  selector: 'cv-member-state-picker',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" class="cv-full-width">
      <mat-label>{{ labelKey() | transloco }}</mat-label>
      <input
        matInput
        [formControl]="search"
        [matAutocomplete]="auto"
        [errorStateMatcher]="errorState"
        [required]="required()"
        autocomplete="off"
        (blur)="control().markAsTouched()"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" autoActiveFirstOption>
        @for (state of options(); track state.alpha3) {
          <mat-option [value]="state">
            <span class="cv-code">{{ state.alpha3 }}</span>
            {{ nameOf(state) }}
          </mat-option>
        }
      </mat-autocomplete>
      @if (catalog.loading()) {
        <mat-hint>{{ 'common.loading' | transloco }}</mat-hint>
      } @else if (noMatch()) {
        <mat-hint>{{ 'memberStatePicker.noMatch' | transloco }}</mat-hint>
      } @else if (showHint()) {
        <mat-hint>{{ 'memberStatePicker.hint' | transloco }}</mat-hint>
      }
      <mat-error>{{ errorKey() | transloco }}</mat-error>
    </mat-form-field>
  `,
})
export class MemberStatePicker {
  /** Holds the chosen State's alpha-3 code. */
  readonly control = input.required<FormControl<string | null>>();
  readonly required = input(false);
  /** Translation keys of the label and of the message when no State is chosen. */
  readonly labelKey = input('memberStatePicker.label');
  readonly errorKey = input('validation.memberState');
  /** Filters bars have no room for the typing hint. */
  readonly showHint = input(true);

  protected readonly catalog = inject(MemberStatesCatalog);
  private readonly language = inject(LanguageService).language;

  protected readonly search = new FormControl<string | MemberState>('', {
    nonNullable: true,
  });
  private readonly searchValue = toSignal(this.search.valueChanges, {
    initialValue: '' as string | MemberState,
  });

  protected readonly options = computed(() => {
    const value = this.searchValue();
    const text = typeof value === 'string' ? value : '';
    return filterMemberStates(this.catalog.states(), { search: text }, this.language()).slice(
      0,
      MAX_OPTIONS,
    );
  });
  protected readonly noMatch = computed(
    () =>
      typeof this.searchValue() === 'string' &&
      this.catalog.states().length > 0 &&
      this.options().length === 0,
  );

  /** The text field shows the outer control's errors, once it has been visited. */
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: () => {
      const control = this.control();
      return control.invalid && (control.touched || control.dirty);
    },
  };

  protected readonly display = (value: string | MemberState | null): string =>
    typeof value === 'string' || value === null
      ? (value ?? '')
      : `${this.nameOf(value)} (${value.alpha3})`;

  protected nameOf(state: MemberState): string {
    return memberStateName(state, this.language());
  }

  constructor() {
    this.catalog.ensureLoaded();

    // Typing clears the choice; picking from the list makes it.
    this.search.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((value) => {
      const control = this.control();
      const alpha3 = typeof value === 'string' ? null : value.alpha3;
      if (control.value !== alpha3) {
        control.setValue(alpha3);
        control.markAsDirty();
      }
    });

    // The outer form may mark the control touched (on submit): show its error then.
    const changes = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const subscription = this.control().events.subscribe(() => changes.markForCheck());
      onCleanup(() => subscription.unsubscribe());
    });

    // Show the State already chosen (editing a focal point) once the list is in.
    effect(() => {
      const states = this.catalog.byAlpha3();
      const control = this.control();
      untracked(() => {
        const current = control.value ? states.get(control.value) : undefined;
        if (current && typeof this.search.value === 'string') {
          this.search.setValue(current, { emitEvent: false });
        }
      });
    });
  }
}
