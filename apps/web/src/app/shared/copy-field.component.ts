import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from './icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoPipe } from '@jsverse/transloco';
import { Notifier } from './notifier.service';

/**
 * A link to hand over (a calendar feed, say): shown whole in a read-only
 * field, copied with one button, and selected on focus for copying by hand.
 */
@Component({
  selector: 'cv-copy-field',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatTooltipModule,
    TranslocoPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    // Links read left to right in every language.
    .cv-copy-field__value {
      direction: ltr;
      text-overflow: ellipsis;
    }
  `,
  template: `
    <mat-form-field class="cv-full-width">
      <mat-label>{{ labelKey() | transloco }}</mat-label>
      <input
        matInput
        class="cv-copy-field__value"
        [value]="value()"
        readonly
        spellcheck="false"
        (focus)="selectAll($event)"
      />
      <button
        mat-icon-button
        matSuffix
        type="button"
        (click)="copy()"
        [attr.aria-label]="'common.copyNamed' | transloco: { name: labelKey() | transloco }"
        [matTooltip]="'common.copy' | transloco"
      >
        <mat-icon svgIcon="content_copy" />
      </button>
      @if (hintKey(); as hint) {
        <mat-hint>{{ hint | transloco }}</mat-hint>
      }
    </mat-form-field>
  `,
})
export class CopyField {
  readonly value = input.required<string>();
  /** Translation keys of the field's label and of a hint beneath it. */
  readonly labelKey = input.required<string>();
  readonly hintKey = input<string | null>(null);

  private readonly clipboard = inject(Clipboard);
  private readonly notifier = inject(Notifier);

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  protected copy(): void {
    if (this.clipboard.copy(this.value())) this.notifier.success('common.copied');
    else this.notifier.warn('common.copyFailed');
  }
}
