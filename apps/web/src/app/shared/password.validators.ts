import type { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type AbstractControl, type ValidatorFn, Validators } from '@angular/forms';
import { NEW_PASSWORD_MAX_LENGTH, NEW_PASSWORD_MIN_LENGTH } from '@convene/contracts';

/** The contract's policy for new passwords, checked before the server does. */
export const PASSWORD_MIN_LENGTH = NEW_PASSWORD_MIN_LENGTH;
export const PASSWORD_MAX_LENGTH = NEW_PASSWORD_MAX_LENGTH;

export const newPasswordValidators: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(PASSWORD_MIN_LENGTH),
  Validators.maxLength(PASSWORD_MAX_LENGTH),
];

/** "Confirm password" must repeat the new password exactly. */
export function sameAs(source: AbstractControl<string>): ValidatorFn {
  return (confirmation) =>
    confirmation.value && confirmation.value !== source.value ? { mismatch: true } : null;
}

/** Re-checks the confirmation whenever the password it repeats changes. */
export function keepConfirmationInSync(
  source: AbstractControl<string>,
  confirmation: AbstractControl<string>,
  destroyRef: DestroyRef,
): void {
  source.valueChanges
    .pipe(takeUntilDestroyed(destroyRef))
    .subscribe(() => confirmation.updateValueAndValidity({ emitEvent: false }));
}
