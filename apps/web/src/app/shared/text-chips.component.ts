import { COMMA, ENTER } from '@angular/cdk/keycodes';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import { type MatChipInputEvent, MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from './icons/icon.component';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A list of short texts (organisations, guest speakers) typed one at a
 * time: Enter or a comma adds one, each chip can be removed.
 */
@Component({
  selector: 'cv-text-chips',
  imports: [MatChipsModule, MatFormFieldModule, Icon, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="cv-full-width">
      <mat-label>{{ labelKey() | transloco }}</mat-label>
      <mat-chip-grid #grid [attr.aria-label]="labelKey() | transloco">
        @for (text of values(); track $index) {
          <mat-chip-row (removed)="remove($index)">
            <bdi>{{ text }}</bdi>
            <button
              matChipRemove
              type="button"
              [attr.aria-label]="'common.remove' | transloco: { name: text }"
            >
              <mat-icon svgIcon="cancel" />
            </button>
          </mat-chip-row>
        }
      </mat-chip-grid>
      <!-- Beside the grid, not in it: a grid holds rows only (angular/components#28067). -->
      <input
        [matChipInputFor]="grid"
        [matChipInputSeparatorKeyCodes]="separators"
        [matChipInputAddOnBlur]="true"
        [attr.maxlength]="maxLength()"
        (matChipInputTokenEnd)="add($event)"
      />
      <mat-hint>{{ hintKey() ?? 'common.chipsHint' | transloco }}</mat-hint>
    </mat-form-field>
  `,
})
export class TextChips implements OnInit {
  readonly control = input.required<FormControl<string[]>>();
  readonly labelKey = input.required<string>();
  readonly hintKey = input<string | null>(null);
  readonly maxLength = input(200);
  readonly maxItems = input(20);

  private readonly destroyRef = inject(DestroyRef);
  protected readonly separators = [ENTER, COMMA];
  protected readonly values = signal<string[]>([]);

  ngOnInit(): void {
    const control = this.control();
    this.values.set(control.value);
    control.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((values) => this.values.set(values));
  }

  protected add(event: MatChipInputEvent): void {
    const text = event.value.trim();
    const control = this.control();
    if (text && !control.value.includes(text) && control.value.length < this.maxItems()) {
      control.setValue([...control.value, text]);
      control.markAsDirty();
    }
    event.chipInput.clear();
  }

  protected remove(index: number): void {
    const control = this.control();
    control.setValue(control.value.filter((_, at) => at !== index));
    control.markAsDirty();
  }
}
