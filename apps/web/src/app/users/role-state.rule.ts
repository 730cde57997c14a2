import type { DestroyRef } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type FormControl, Validators } from '@angular/forms';
import type { Role } from '@convene/contracts';

/**
 * A focal point represents exactly one Member State; other roles none (as
 * the contract's MembershipUpdate and InvitationCreate insist). Keeps the
 * State field required for focal points and empty for everyone else.
 */
export function requireStateForFocalPoints(
  role: FormControl<Role>,
  memberState: FormControl<string | null>,
  destroyRef: DestroyRef,
): void {
  const apply = (value: Role) => {
    if (value === 'focal_point') {
      memberState.setValidators(Validators.required);
    } else {
      memberState.clearValidators();
      memberState.setValue(null, { emitEvent: false });
    }
    memberState.updateValueAndValidity({ emitEvent: false });
  };
  apply(role.value);
  role.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(apply);
}
