import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import type { ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { finalize } from 'rxjs';
import { AuthApiActions } from '../auth/auth.actions';
import { AuthApi } from '../auth/auth.api';
import { problemCode, toProblem } from '../http/problem';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { PasswordField } from '../shared/password-field.component';

/**
 * Closing one's own account (docs/privacy.md): what goes and what stays is said first; the
 * password and an explicit "I understand" are asked; then every session ends and the person is
 * back at the sign-in page.
 */
@Component({
  selector: 'cv-close-account',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    TranslocoPipe,
    LiveError,
    PasswordField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="cv-panel-title">{{ 'profile.close.title' | transloco }}</h2>
    <p>{{ 'profile.close.intro' | transloco }}</p>
    <ul class="close-effects">
      <li>{{ 'profile.close.goes' | transloco }}</li>
      <li>{{ 'profile.close.stays' | transloco }}</li>
      <li>{{ 'profile.close.admin' | transloco }}</li>
    </ul>
    <form class="cv-form" [formGroup]="form" (ngSubmit)="close()" novalidate>
      <cv-password-field
        [control]="form.controls.currentPassword"
        labelKey="profile.password.current"
        autocomplete="current-password"
      />
      <mat-checkbox formControlName="understood" data-testid="close-understood">
        {{ 'profile.close.understood' | transloco }}
      </mat-checkbox>
      @if (form.controls.understood.invalid && form.controls.understood.touched) {
        <p class="close-required" role="alert">
          {{ 'profile.close.understoodRequired' | transloco }}
        </p>
      }
      <cv-live-error [problem]="problem()" [messageKey]="problemKey()" />
      <div class="cv-form__actions">
        <button mat-flat-button type="submit" class="close-button" [disabled]="closing()">
          {{ 'profile.close.submit' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .close-effects {
      padding-inline-start: 20px;
      color: var(--mat-sys-on-surface-variant);
    }
    .close-required {
      color: var(--mat-sys-error);
      margin: 0;
    }
    .close-button {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class CloseAccount {
  private readonly api = inject(AuthApi);
  private readonly store = inject(Store);
  private readonly notifier = inject(Notifier);

  protected readonly form = new FormGroup({
    currentPassword: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    understood: new FormControl(false, {
      nonNullable: true,
      validators: [Validators.requiredTrue],
    }),
  });
  protected readonly closing = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  /** The refusal said to the person it is about, with what to do: not the generic rule. */
  protected readonly problemKey = computed(() => {
    const problem = this.problem();
    return problem && problemCode(problem) === 'last-admin' ? 'profile.close.lastAdmin' : null;
  });

  protected close(): void {
    if (this.closing()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.closing.set(true);
    this.problem.set(null);
    this.api
      .closeAccount(this.form.controls.currentPassword.value)
      .pipe(finalize(() => this.closing.set(false)))
      .subscribe({
        next: () => {
          this.notifier.success('profile.close.closed');
          // Signed out everywhere: the app forgets the person and returns to the sign-in page.
          this.store.dispatch(AuthApiActions.signOutSucceeded());
        },
        error: (error: unknown) => {
          const problem = toProblem(error);
          if (problemCode(problem) === 'wrong-password') {
            const current = this.form.controls.currentPassword;
            current.setErrors({ wrongPassword: true });
            current.markAsTouched();
          } else {
            this.problem.set(problem);
          }
        },
      });
  }
}
