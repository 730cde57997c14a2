import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { InvitationAcceptance, InvitationPreview, ProblemDetails } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { finalize, type Subscription } from 'rxjs';
import { problemCode, toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { LocalDatePipe } from '../shared/local-format';
import { LiveError } from '../shared/live-error.component';
import { PasswordField } from '../shared/password-field.component';
import {
  keepConfirmationInSync,
  newPasswordValidators,
  PASSWORD_MIN_LENGTH,
  sameAs,
} from '../shared/password.validators';
import { AuthPageActions } from './auth.actions';
import { AuthApi } from './auth.api';
import { AuthLayout } from './auth-layout.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Accepts an invitation to a tenant: creates the account, or signs in to an existing one. */
type PreviewState =
  | { status: 'loading' }
  | { status: 'loaded'; value: InvitationPreview }
  | { status: 'failed'; error: unknown };

@Component({
  selector: 'cv-invitation-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    LocalDatePipe,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
    AuthLayout,
    FieldErrorPipe,
    LiveError,
    PasswordField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invitation.page.html',
  styles: `
    .invitation-summary {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 8px 16px;
      margin: 0 0 24px;
      padding: 16px;
      border-radius: 16px;
      background: var(--mat-sys-surface-container);

      dt {
        color: var(--mat-sys-on-surface-variant);
        font: var(--mat-sys-label-large);
      }

      dd {
        margin: 0;
        font: var(--mat-sys-body-large);
        overflow-wrap: anywhere;
      }
    }
  `,
})
export class InvitationPage {
  /** Route parameter: the single-use token from the invitation email. */
  readonly token = input.required<string>();

  private readonly api = inject(AuthApi);
  private readonly store = inject(Store);
  protected readonly language = inject(LanguageService).language;

  private readonly previewState = signal<PreviewState>({ status: 'loading' });
  private previewLoad: Subscription | null = null;
  /**
   * The invitation, loaded for the token (and again on a retry). Loaded by hand rather than with
   * httpResource, whose code (some 4 kB as sent) would ride on every first load.
   */
  protected readonly preview = {
    isLoading: computed(() => this.previewState().status === 'loading'),
    hasValue: computed(() => this.previewState().status === 'loaded'),
    value: computed(() => {
      const state = this.previewState();
      if (state.status !== 'loaded') throw new Error('The invitation has not loaded');
      return state.value;
    }),
    error: computed(() => {
      const state = this.previewState();
      return state.status === 'failed' ? state.error : null;
    }),
    reload: () => this.loadPreview(this.token()),
  };
  protected readonly previewProblem = computed(() => {
    const error = this.preview.error();
    return error ? toProblem(error) : null;
  });
  protected readonly invalid = computed(() => {
    const problem = this.previewProblem();
    return !!problem && (problem.status === 404 || problemCode(problem) === 'invitation-invalid');
  });

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = (() => {
    const password = new FormControl('', { nonNullable: true });
    return new FormGroup({
      name: new FormControl('', { nonNullable: true }),
      password,
      confirmation: new FormControl('', {
        nonNullable: true,
        validators: [sameAs(password)],
      }),
    });
  })();

  constructor() {
    effect(() => {
      const token = this.token();
      untracked(() => this.loadPreview(token));
    });
    inject(DestroyRef).onDestroy(() => this.previewLoad?.unsubscribe());
    keepConfirmationInSync(
      this.form.controls.password,
      this.form.controls.confirmation,
      inject(DestroyRef),
    );
    // A new account chooses a name and a password; an existing one only
    // proves it is theirs with the password they already have.
    effect(() => {
      // value() throws while the resource is in error: ask first.
      if (!this.preview.hasValue()) return;
      const preview = this.preview.value();
      const { name, password, confirmation } = this.form.controls;
      if (preview.accountExists) {
        name.disable();
        confirmation.disable();
        password.setValidators([Validators.required]);
      } else {
        name.enable();
        confirmation.enable();
        name.setValidators([Validators.required, Validators.maxLength(200)]);
        password.setValidators(newPasswordValidators);
      }
      password.updateValueAndValidity();
      name.updateValueAndValidity();
    });
  }

  private loadPreview(token: string): void {
    this.previewLoad?.unsubscribe();
    this.previewState.set({ status: 'loading' });
    this.previewLoad = this.api.previewInvitation(token).subscribe({
      next: (value) => this.previewState.set({ status: 'loaded', value }),
      error: (error: unknown) => this.previewState.set({ status: 'failed', error }),
    });
  }

  protected submit(preview: InvitationPreview): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, password } = this.form.getRawValue();
    const acceptance: InvitationAcceptance = preview.accountExists
      ? { token: this.token(), password }
      : {
          token: this.token(),
          name: name.trim(),
          password,
          preferredLanguage: this.language(),
        };
    this.submitting.set(true);
    this.problem.set(null);
    this.api
      .acceptInvitation(acceptance)
      .pipe(finalize(() => this.submitting.set(false)))
      .subscribe({
        next: (session) =>
          this.store.dispatch(
            AuthPageActions.invitationAccepted({
              session,
              tenantSlug: preview.tenant.slug,
            }),
          ),
        error: (error: unknown) => {
          const problem = toProblem(error);
          if (problem.status === 401) {
            this.form.controls.password.setErrors({ wrongPassword: true });
          }
          this.problem.set(problem);
        },
      });
  }
}
