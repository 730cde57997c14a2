import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { problemCode, toProblem } from '../http/problem';
import { LiveError } from '../shared/live-error.component';
import { PasswordField } from '../shared/password-field.component';
import {
  keepConfirmationInSync,
  newPasswordValidators,
  PASSWORD_MIN_LENGTH,
  sameAs,
} from '../shared/password.validators';
import { AuthApi } from './auth.api';
import { AuthLayout } from './auth-layout.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Sets a new password from the link in a reset email. */
@Component({
  selector: 'cv-reset-complete-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    Icon,
    MatProgressSpinnerModule,
    TranslocoPipe,
    AuthLayout,
    LiveError,
    PasswordField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-complete.page.html',
})
export class ResetCompletePage {
  /** Route parameter: the single-use token from the email. */
  readonly token = input.required<string>();

  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly linkInvalid = signal(false);

  protected readonly form = (() => {
    const password = new FormControl('', {
      nonNullable: true,
      validators: newPasswordValidators,
    });
    const confirmation = new FormControl('', {
      nonNullable: true,
      validators: [sameAs(password)],
    });
    return new FormGroup({ password, confirmation });
  })();

  constructor() {
    keepConfirmationInSync(
      this.form.controls.password,
      this.form.controls.confirmation,
      inject(DestroyRef),
    );
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.problem.set(null);
    this.api
      .completePasswordReset(this.token(), this.form.controls.password.value)
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        // The router reports a failed navigation itself (NavigationError); nothing waits on it.
        next: () => void this.router.navigate(['/sign-in'], { queryParams: { reset: 1 } }),
        error: (error: unknown) => {
          const problem = toProblem(error);
          if (problem.status === 404 || problemCode(problem) === 'reset-token-invalid') {
            this.linkInvalid.set(true);
          } else {
            this.problem.set(problem);
          }
        },
      });
  }
}
