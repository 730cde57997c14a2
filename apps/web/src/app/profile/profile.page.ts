import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  type Language,
  OPTIONAL_MAIL_KINDS,
  type OptionalMailKind,
  type ProblemDetails,
  SECURITY_MAIL_KINDS,
  UN_LANGUAGES,
} from '@convene/contracts';
import { mayReceive } from '@convene/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { finalize } from 'rxjs';
import { AuthApiActions, ShellActions } from '../auth/auth.actions';
import { AuthApi } from '../auth/auth.api';
import { selectMemberships, selectUser } from '../auth/auth.selectors';
import { problemCode, toProblem } from '../http/problem';
import { autonymOf } from '../i18n/language';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { PasswordField } from '../shared/password-field.component';
import {
  keepConfirmationInSync,
  newPasswordValidators,
  PASSWORD_MIN_LENGTH,
  sameAs,
} from '../shared/password.validators';
import { CalendarFeed } from './calendar-feed.component';
import { CloseAccount } from './close-account.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** Which optional mails a person receives: on unless muted. */
function receiving(muted: readonly OptionalMailKind[]): Record<OptionalMailKind, boolean> {
  return Object.fromEntries(
    OPTIONAL_MAIL_KINDS.map((kind) => [kind, !muted.includes(kind)]),
  ) as Record<OptionalMailKind, boolean>;
}

/**
 * The person's own account: name, language, notifications, calendar feed, password, and closing
 * it.
 */
@Component({
  selector: 'cv-profile-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSlideToggleModule,
    TranslocoPipe,
    FieldErrorPipe,
    LiveError,
    PasswordField,
    CalendarFeed,
    CloseAccount,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile.page.html',
  styleUrl: './profile.page.scss',
})
export class ProfilePage {
  private readonly store = inject(Store);
  private readonly api = inject(AuthApi);
  private readonly notifier = inject(Notifier);

  protected readonly user = this.store.selectSignal(selectUser);
  protected readonly languages = UN_LANGUAGES.map((code) => ({
    code,
    name: autonymOf(code),
  }));

  protected readonly nameForm = new FormGroup({
    name: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
  });
  protected readonly savingName = signal(false);
  protected readonly nameProblem = signal<ProblemDetails | null>(null);

  private readonly memberships = this.store.selectSignal(selectMemberships);
  /** A switch only for mail this person could receive with the roles they hold. */
  protected readonly optionalKinds = computed(() => {
    const roles = this.memberships().map((membership) => membership.role);
    return OPTIONAL_MAIL_KINDS.filter((kind) => mayReceive(kind, roles));
  });
  protected readonly securityKinds = SECURITY_MAIL_KINDS;
  /** One switch per optional kind; on means "send it to me". */
  protected readonly notificationsForm = new FormGroup(
    Object.fromEntries(
      OPTIONAL_MAIL_KINDS.map((kind) => [kind, new FormControl(true, { nonNullable: true })]),
    ) as Record<OptionalMailKind, FormControl<boolean>>,
  );
  protected readonly savingNotifications = signal(false);
  protected readonly notificationsProblem = signal<ProblemDetails | null>(null);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly passwordForm = (() => {
    const newPassword = new FormControl('', {
      nonNullable: true,
      validators: newPasswordValidators,
    });
    return new FormGroup({
      currentPassword: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required],
      }),
      newPassword,
      confirmation: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, sameAs(newPassword)],
      }),
    });
  })();
  protected readonly changingPassword = signal(false);
  protected readonly passwordProblem = signal<ProblemDetails | null>(null);

  constructor() {
    keepConfirmationInSync(
      this.passwordForm.controls.newPassword,
      this.passwordForm.controls.confirmation,
      inject(DestroyRef),
    );
    // Fill the name from the session, unless the person is editing it.
    effect(() => {
      const name = this.user()?.name ?? '';
      untracked(() => {
        if (!this.nameForm.dirty) this.nameForm.setValue({ name });
      });
    });
    // The same for the notifications.
    effect(() => {
      const muted = this.user()?.mutedMailKinds ?? [];
      untracked(() => {
        if (!this.notificationsForm.dirty) this.notificationsForm.setValue(receiving(muted));
      });
    });
  }

  protected chooseLanguage(language: Language): void {
    this.store.dispatch(ShellActions.languageChanged({ language }));
  }

  protected saveName(): void {
    if (this.savingName()) return;
    if (this.nameForm.invalid) {
      this.nameForm.markAllAsTouched();
      return;
    }
    this.savingName.set(true);
    this.nameProblem.set(null);
    this.api
      .updateProfile({ name: this.nameForm.controls.name.value.trim() })
      .pipe(finalize(() => this.savingName.set(false)))
      .subscribe({
        next: (user) => {
          this.store.dispatch(AuthApiActions.profileUpdated({ user }));
          this.nameForm.reset({ name: user.name });
          this.notifier.success('profile.nameSaved');
        },
        error: (error: unknown) => this.nameProblem.set(toProblem(error)),
      });
  }

  protected saveNotifications(): void {
    if (this.savingNotifications()) return;
    const receive = this.notificationsForm.getRawValue();
    const mutedMailKinds = OPTIONAL_MAIL_KINDS.filter((kind) => !receive[kind]);
    this.savingNotifications.set(true);
    this.notificationsProblem.set(null);
    this.api
      .updateProfile({ mutedMailKinds })
      .pipe(finalize(() => this.savingNotifications.set(false)))
      .subscribe({
        next: (user) => {
          this.store.dispatch(AuthApiActions.profileUpdated({ user }));
          this.notificationsForm.reset(receiving(user.mutedMailKinds ?? mutedMailKinds));
          this.notifier.success('profile.notifications.saved');
        },
        error: (error: unknown) => this.notificationsProblem.set(toProblem(error)),
      });
  }

  protected changePassword(): void {
    if (this.changingPassword()) return;
    if (this.passwordForm.invalid) {
      this.passwordForm.markAllAsTouched();
      return;
    }
    const { currentPassword, newPassword } = this.passwordForm.getRawValue();
    this.changingPassword.set(true);
    this.passwordProblem.set(null);
    this.api
      .changePassword({ currentPassword, newPassword })
      .pipe(finalize(() => this.changingPassword.set(false)))
      .subscribe({
        next: () => {
          this.passwordForm.reset();
          this.notifier.success('profile.password.changed');
        },
        error: (error: unknown) => {
          const problem = toProblem(error);
          if (problemCode(problem) === 'wrong-password') {
            const current = this.passwordForm.controls.currentPassword;
            current.setErrors({ wrongPassword: true });
            current.markAsTouched();
          } else {
            this.passwordProblem.set(problem);
          }
        },
      });
  }
}
