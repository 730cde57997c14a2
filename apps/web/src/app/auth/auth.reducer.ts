import type { ProblemDetails, SessionView } from '@convene/contracts';
import { createFeature, createReducer, on } from '@ngrx/store';
import { AuthApiActions, AuthPageActions, ShellActions } from './auth.actions';

/**
 * unknown: not asked yet; loading: asking the server who we are;
 * anonymous / authenticated: answered; signing-in / signing-out: in flight.
 */
export type AuthStatus =
  | 'unknown'
  | 'loading'
  | 'anonymous'
  | 'signing-in'
  | 'authenticated'
  | 'signing-out';

export interface AuthState {
  session: SessionView | null;
  status: AuthStatus;
  /** The tenant the person is working in (from the URL /t/:tenant). */
  currentTenantSlug: string | null;
  /** Why the last sign-in failed, for the sign-in page. */
  error: ProblemDetails | null;
}

export const initialAuthState: AuthState = {
  session: null,
  status: 'unknown',
  currentTenantSlug: null,
  error: null,
};

const signedOut = (state: AuthState): AuthState => ({
  ...state,
  session: null,
  status: 'anonymous',
  currentTenantSlug: null,
});

export const authFeature = createFeature({
  name: 'auth',
  reducer: createReducer(
    initialAuthState,
    on(ShellActions.appStarted, (state) => ({ ...state, status: 'loading' })),
    on(
      AuthApiActions.sessionLoaded,
      AuthApiActions.signInSucceeded,
      AuthPageActions.invitationAccepted,
      (state, { session }) => ({
        ...state,
        session,
        status: 'authenticated',
        error: null,
      }),
    ),
    on(AuthApiActions.sessionMissing, signedOut),
    on(AuthPageActions.signInSubmitted, (state) => ({
      ...state,
      status: 'signing-in',
      error: null,
    })),
    on(AuthApiActions.signInFailed, (state, { problem }) => ({
      ...signedOut(state),
      error: problem,
    })),
    on(ShellActions.signOutClicked, (state) => ({
      ...state,
      status: 'signing-out',
    })),
    on(AuthApiActions.signOutSucceeded, (state) => ({
      ...signedOut(state),
      error: null,
    })),
    on(AuthApiActions.signOutFailed, (state) => ({
      ...state,
      status: 'authenticated',
    })),
    on(AuthApiActions.sessionExpired, (state) => (state.session ? signedOut(state) : state)),
    on(ShellActions.tenantEntered, (state, { slug }) => ({
      ...state,
      currentTenantSlug: slug,
    })),
    on(ShellActions.languageChanged, (state, { language }) =>
      state.session
        ? {
            ...state,
            session: {
              ...state.session,
              user: { ...state.session.user, preferredLanguage: language },
            },
          }
        : state,
    ),
    on(AuthApiActions.profileUpdated, (state, { user }) =>
      state.session ? { ...state, session: { ...state.session, user } } : state,
    ),
    on(AuthApiActions.lastTenantRemembered, (state, { slug }) =>
      state.session ? { ...state, session: { ...state.session, lastTenantSlug: slug } } : state,
    ),
  ),
});
