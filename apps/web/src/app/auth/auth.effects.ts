import { HttpErrorResponse } from '@angular/common/http';
import { ErrorHandler, inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import {
  catchError,
  EMPTY,
  exhaustMap,
  filter,
  map,
  of,
  switchMap,
  tap,
  withLatestFrom,
} from 'rxjs';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { Notifier } from '../shared/notifier.service';
import { AuthApiActions, AuthPageActions, ShellActions } from './auth.actions';
import { AuthApi } from './auth.api';
import { selectHomeUrl, selectSession, selectUser } from './auth.selectors';
import { safeReturnUrl } from './return-url';

export const loadSession = createEffect(
  (actions = inject(Actions), api = inject(AuthApi)) =>
    actions.pipe(
      ofType(ShellActions.appStarted),
      switchMap(() =>
        api.session().pipe(
          map((session) => AuthApiActions.sessionLoaded({ session })),
          // 401 is the normal answer for a visitor; an unreachable server
          // also leaves them at the sign-in form, which reports it on submit.
          catchError(() => of(AuthApiActions.sessionMissing())),
        ),
      ),
    ),
  { functional: true },
);

export const signIn = createEffect(
  (actions = inject(Actions), api = inject(AuthApi)) =>
    actions.pipe(
      ofType(AuthPageActions.signInSubmitted),
      exhaustMap(({ credentials, returnUrl }) =>
        api.login(credentials).pipe(
          map((session) => AuthApiActions.signInSucceeded({ session, returnUrl })),
          catchError((error: unknown) =>
            of(AuthApiActions.signInFailed({ problem: toProblem(error) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

/** The person's own preference wins over whatever the signed-out pages used. */
export const applyPreferredLanguage = createEffect(
  (actions = inject(Actions), language = inject(LanguageService), errors = inject(ErrorHandler)) =>
    actions.pipe(
      ofType(
        AuthApiActions.sessionLoaded,
        AuthApiActions.signInSucceeded,
        AuthPageActions.invitationAccepted,
      ),
      // Applied when its dates and numbers data has loaded; a failure is logged, the page stays.
      tap(({ session }) => {
        void language
          .use(session.user.preferredLanguage)
          .catch((error: unknown) => errors.handleError(error));
      }),
    ),
  { functional: true, dispatch: false },
);

export const enterAfterSignIn = createEffect(
  (actions = inject(Actions), store = inject(Store), router = inject(Router)) =>
    actions.pipe(
      ofType(AuthApiActions.signInSucceeded),
      withLatestFrom(store.select(selectHomeUrl)),
      // The router reports a failed navigation itself (NavigationError); nothing waits on it here.
      tap(([{ returnUrl }, homeUrl]) => {
        void router.navigateByUrl(safeReturnUrl(returnUrl) ?? homeUrl);
      }),
    ),
  { functional: true, dispatch: false },
);

export const enterInvitedTenant = createEffect(
  (actions = inject(Actions), router = inject(Router)) =>
    actions.pipe(
      ofType(AuthPageActions.invitationAccepted),
      // As above: the navigation's outcome is the router's to report.
      tap(({ tenantSlug }) => void router.navigate(['/t', tenantSlug])),
    ),
  { functional: true, dispatch: false },
);

export const signOut = createEffect(
  (actions = inject(Actions), api = inject(AuthApi)) =>
    actions.pipe(
      ofType(ShellActions.signOutClicked),
      exhaustMap(() =>
        api.logout().pipe(
          map(() => AuthApiActions.signOutSucceeded()),
          catchError((error: unknown) =>
            // Already signed out on the server: nothing is left to end.
            of(
              error instanceof HttpErrorResponse && error.status === 401
                ? AuthApiActions.signOutSucceeded()
                : AuthApiActions.signOutFailed({ problem: toProblem(error) }),
            ),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const leaveAfterSignOut = createEffect(
  (actions = inject(Actions), router = inject(Router)) =>
    actions.pipe(
      ofType(AuthApiActions.signOutSucceeded),
      // As above: the navigation's outcome is the router's to report.
      tap(() => void router.navigateByUrl('/sign-in')),
    ),
  { functional: true, dispatch: false },
);

export const returnToSignInWhenExpired = createEffect(
  (actions = inject(Actions), router = inject(Router)) =>
    actions.pipe(
      ofType(AuthApiActions.sessionExpired),
      filter(() => !router.url.startsWith('/sign-in')),
      // As above: the navigation's outcome is the router's to report.
      tap(
        () =>
          void router.navigate(['/sign-in'], {
            queryParams: { returnUrl: router.url, expired: 1 },
          }),
      ),
    ),
  { functional: true, dispatch: false },
);

/**
 * Opening a tenant other than the one remembered tells the server, so the next sign-in lands
 * there: one call per change of tenant, not per page.
 */
export const rememberLastTenant = createEffect(
  (actions = inject(Actions), store = inject(Store), api = inject(AuthApi)) =>
    actions.pipe(
      ofType(ShellActions.tenantEntered),
      withLatestFrom(store.select(selectSession)),
      filter(([{ slug }, session]) => session !== null && session.lastTenantSlug !== slug),
      switchMap(([{ slug }]) =>
        api.rememberLastTenant(slug).pipe(
          map(() => AuthApiActions.lastTenantRemembered({ slug })),
          // Nothing for the person to do about it: the next tenant they open tries again.
          catchError(() => EMPTY),
        ),
      ),
    ),
  { functional: true },
);

export const switchTenant = createEffect(
  (actions = inject(Actions), router = inject(Router)) =>
    actions.pipe(
      ofType(ShellActions.tenantSwitched),
      // As above: the navigation's outcome is the router's to report.
      tap(({ slug }) => void router.navigate(['/t', slug])),
    ),
  { functional: true, dispatch: false },
);

/** Applies a chosen language at once and, when signed in, keeps it on the account. */
export const changeLanguage = createEffect(
  (
    actions = inject(Actions),
    store = inject(Store),
    api = inject(AuthApi),
    language = inject(LanguageService),
    errors = inject(ErrorHandler),
  ) =>
    actions.pipe(
      ofType(ShellActions.languageChanged),
      // Applied when its dates and numbers data has loaded; a failure is reported, the page stays.
      tap(({ language: chosen }) => {
        void language.use(chosen).catch((error: unknown) => errors.handleError(error));
      }),
      withLatestFrom(store.select(selectUser)),
      filter(([, user]) => user !== null),
      switchMap(([{ language: chosen }]) =>
        api.updateProfile({ preferredLanguage: chosen }).pipe(
          map((user) => AuthApiActions.profileUpdated({ user })),
          catchError((error: unknown) =>
            of(AuthApiActions.profileUpdateFailed({ problem: toProblem(error) })),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const reportFailures = createEffect(
  (actions = inject(Actions), notifier = inject(Notifier)) =>
    actions.pipe(
      ofType(AuthApiActions.signOutFailed, AuthApiActions.profileUpdateFailed),
      tap(({ problem }) => notifier.failure(problem)),
    ),
  { functional: true, dispatch: false },
);
