import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { tap } from 'rxjs';
import { AuthApiActions } from '../auth/auth.actions';

/**
 * Calls whose 401 means "wrong credentials" or "nobody signed in yet", not
 * "expired"; and the public calendars, which anyone reads without a session.
 */
const OWN_ANSWER = /^\/api\/(auth|public|calendar)\//;

/** A 401 from any other API call means the session ended: send the person to sign in. */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const store = inject(Store);
  return next(request).pipe(
    tap({
      error: (error: unknown) => {
        if (
          error instanceof HttpErrorResponse &&
          error.status === 401 &&
          request.url.startsWith('/api/') &&
          !OWN_ANSWER.test(request.url)
        ) {
          store.dispatch(AuthApiActions.sessionExpired());
        }
      },
    }),
  );
};
