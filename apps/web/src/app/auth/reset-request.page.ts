import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { finalize } from 'rxjs';
import { toProblem } from '../http/problem';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { LiveError } from '../shared/live-error.component';
import { AuthApi } from './auth.api';
import { AuthLayout } from './auth-layout.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Asks for a reset link. The answer never tells whether an account exists. */
@Component({
  selector: 'cv-reset-request-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
    AuthLayout,
    FieldErrorPipe,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-request.page.html',
})
export class ResetRequestPage {
  private readonly api = inject(AuthApi);

  protected readonly submitting = signal(false);
  protected readonly sentTo = signal<string | null>(null);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = new FormGroup({
    email: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.email],
    }),
  });

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const email = this.form.controls.email.value.trim();
    this.submitting.set(true);
    this.problem.set(null);
    this.api
      .requestPasswordReset(email)
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: () => this.sentTo.set(email),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }
}
