import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { filter, map, take } from 'rxjs';
import { selectAuthGate } from './auth.selectors';

/** The auth state once the server has answered "who is this?". */
function settledGate() {
  return inject(Store)
    .select(selectAuthGate)
    .pipe(
      filter((gate) => gate.settled),
      take(1),
    );
}

/** Signed-in pages: a visitor is sent to sign in, and brought back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return settledGate().pipe(
    map((gate) =>
      gate.authenticated
        ? true
        : router.createUrlTree(['/sign-in'], {
            queryParams: { returnUrl: state.url },
          }),
    ),
  );
};

/** The sign-in page: someone already signed in goes straight home. */
export const guestGuard: CanActivateFn = () => {
  const router = inject(Router);
  return settledGate().pipe(
    map((gate) => (gate.authenticated ? router.parseUrl(gate.homeUrl) : true)),
  );
};

/** "/" leads to the home tenant: the one opened last, else the strongest role's. */
export const homeRedirectGuard: CanActivateFn = () => {
  const router = inject(Router);
  return settledGate().pipe(map((gate) => router.parseUrl(gate.homeUrl)));
};
