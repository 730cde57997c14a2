import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { createActionGroup, createFeature, createReducer, on, props } from '@ngrx/store';
import { map } from 'rxjs';

export const SessionActions = createActionGroup({
  source: 'Session',
  events: {
    'Sign In Submitted': props<{ email: string }>(),
    'Signed In': props<{ email: string }>(),
  },
});

interface SessionState {
  email: string | null;
  submitting: boolean;
}

const initialState: SessionState = { email: null, submitting: false };

export const sessionFeature = createFeature({
  name: 'session',
  reducer: createReducer(
    initialState,
    on(SessionActions.signInSubmitted, (state) => ({ ...state, submitting: true })),
    on(SessionActions.signedIn, (_, { email }) => ({ email, submitting: false })),
  ),
});

/** Stands in for the app's sign-in call: the bare app has no server behind it. */
export const signIn = createEffect(
  (actions = inject(Actions)) =>
    actions.pipe(
      ofType(SessionActions.signInSubmitted),
      map(({ email }) => SessionActions.signedIn({ email })),
    ),
  { functional: true },
);
