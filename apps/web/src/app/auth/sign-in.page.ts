import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { LiveError } from '../shared/live-error.component';
import { PasswordField } from '../shared/password-field.component';
import { AuthPageActions } from './auth.actions';
import { selectError, selectStatus } from './auth.selectors';
import { AuthLayout } from './auth-layout.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

@Component({
  selector: 'cv-sign-in-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
    AuthLayout,
    FieldErrorPipe,
    LiveError,
    PasswordField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in.page.html',
})
export class SignInPage {
  /** Query parameters: where to go afterwards, and why we are here. */
  readonly returnUrl = input<string | null>(null);
  readonly expired = input<string | null>(null);
  readonly reset = input<string | null>(null);

  private readonly store = inject(Store);
  private readonly status = this.store.selectSignal(selectStatus);
  protected readonly problem = this.store.selectSignal(selectError);
  protected readonly submitting = computed(() => this.status() === 'signing-in');

  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
    password: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required],
    }),
  });

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.store.dispatch(
      AuthPageActions.signInSubmitted({
        credentials: { email: email.trim(), password },
        returnUrl: this.returnUrl(),
      }),
    );
  }
}
