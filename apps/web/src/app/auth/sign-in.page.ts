import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Icon } from '../shared/icons/icon.component';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { type FieldError, fieldError } from '../shared/field-error.pipe';
import { LiveError } from '../shared/live-error.component';
import { AuthPageActions } from './auth.actions';
import { selectError, selectStatus } from './auth.selectors';
import { AuthLayout } from './auth-layout.component';

/**
 * What Validators.email accepts (Angular's own pattern: WHATWG's, with RFC 5321's lengths), so
 * the page says the same as the other forms without loading @angular/forms.
 */
const EMAIL =
  /^(?=.{1,254}$)(?=.{1,64}@)[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** Why an email is refused, as the other forms' messages say it; null when it is fine. */
export function emailError(value: string): FieldError | null {
  if (!value) return fieldError({ required: true });
  return EMAIL.test(value) ? null : fieldError({ email: true });
}

export function passwordError(value: string): FieldError | null {
  return value ? null : fieldError({ required: true });
}

/**
 * The first page most people see, so it is built from plain HTML controls drawn as Material's
 * (shared/_native-controls.scss) and signals rather than Material's form field and button and
 * @angular/forms, which would more than double what it loads. Errors show once a field has been
 * left or the form sent, as Material's do, and are tied to their input by aria-describedby.
 */
@Component({
  selector: 'cv-sign-in-page',
  imports: [RouterLink, Icon, TranslocoPipe, AuthLayout, LiveError],
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

  protected readonly email = signal('');
  protected readonly password = signal('');
  protected readonly emailTouched = signal(false);
  protected readonly passwordTouched = signal(false);
  protected readonly passwordVisible = signal(false);

  protected readonly emailError = computed(() =>
    this.emailTouched() ? emailError(this.email().trim()) : null,
  );
  protected readonly passwordError = computed(() =>
    this.passwordTouched() ? passwordError(this.password()) : null,
  );

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event, form: HTMLFormElement): void {
    event.preventDefault();
    if (this.submitting()) return;
    // Read the inputs themselves: a browser's autofill may not have sent an input event.
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    this.email.set(email);
    this.password.set(password);
    this.emailTouched.set(true);
    this.passwordTouched.set(true);
    if (emailError(email) || passwordError(password)) return;
    this.store.dispatch(
      AuthPageActions.signInSubmitted({
        credentials: { email, password },
        returnUrl: this.returnUrl(),
      }),
    );
  }
}
