import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from './icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldErrorPipe } from './field-error.pipe';

/** A password input with a show/hide toggle and translated errors. */
@Component({
  selector: 'cv-password-field',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    Icon,
    TranslocoPipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field appearance="outline" class="cv-full-width">
      <mat-label>{{ labelKey() | transloco }}</mat-label>
      <input
        matInput
        [type]="visible() ? 'text' : 'password'"
        [formControl]="control()"
        [attr.autocomplete]="autocomplete()"
        required
      />
      <button
        mat-icon-button
        matSuffix
        type="button"
        (click)="visible.set(!visible())"
        [attr.aria-label]="(visible() ? 'common.hidePassword' : 'common.showPassword') | transloco"
        [attr.aria-pressed]="visible()"
      >
        <mat-icon [svgIcon]="visible() ? 'visibility_off' : 'visibility'" />
      </button>
      @if (hintKey(); as hint) {
        <mat-hint>{{ hint | transloco: hintParams() }}</mat-hint>
      }
      @if (control().errors | fieldError; as error) {
        <mat-error>{{ error.key | transloco: error.params }}</mat-error>
      }
    </mat-form-field>
  `,
})
export class PasswordField {
  readonly control = input.required<FormControl<string>>();
  readonly labelKey = input.required<string>();
  readonly autocomplete = input<'current-password' | 'new-password'>('current-password');
  readonly hintKey = input<string | null>(null);
  readonly hintParams = input<Record<string, unknown>>({});
  protected readonly visible = signal(false);
}
