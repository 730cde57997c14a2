import type { ProblemDetails } from '@convene/contracts';
import { AuthApiActions, AuthPageActions, ShellActions } from './auth.actions';
import { aSession } from './auth.fixtures';
import { authFeature, type AuthState, initialAuthState } from './auth.reducer';

const reduce = (
  state: AuthState | undefined,
  ...actions: Parameters<typeof authFeature.reducer>[1][]
) =>
  actions.reduce<AuthState>(
    (current, action) => authFeature.reducer(current, action),
    state ?? initialAuthState,
  );

const badCredentials: ProblemDetails = {
  type: '/problems/invalid-credentials',
  title: 'Email or password is incorrect',
  status: 401,
};
const credentials = { email: 'amina@demo.example', password: 'secret' };

describe('the auth reducer', () => {
  it('is loading while the app asks the server who is signed in', () => {
    expect(reduce(undefined, ShellActions.appStarted()).status).toBe('loading');
  });

  it('treats a visitor with no session as anonymous', () => {
    const state = reduce(undefined, ShellActions.appStarted(), AuthApiActions.sessionMissing());
    expect(state.status).toBe('anonymous');
    expect(state.session).toBeNull();
  });

  it('keeps why a sign-in failed, and forgets it on the next attempt', () => {
    const failed = reduce(
      undefined,
      AuthPageActions.signInSubmitted({ credentials, returnUrl: null }),
      AuthApiActions.signInFailed({ problem: badCredentials }),
    );
    expect(failed.status).toBe('anonymous');
    expect(failed.error).toEqual(badCredentials);

    const retried = reduce(
      failed,
      AuthPageActions.signInSubmitted({ credentials, returnUrl: null }),
    );
    expect(retried.status).toBe('signing-in');
    expect(retried.error).toBeNull();
  });

  it('holds the session after signing in', () => {
    const session = aSession();
    const state = reduce(
      undefined,
      AuthPageActions.signInSubmitted({ credentials, returnUrl: '/profile' }),
      AuthApiActions.signInSucceeded({ session, returnUrl: '/profile' }),
    );
    expect(state.status).toBe('authenticated');
    expect(state.session).toBe(session);
  });

  it('forgets the session and the current tenant on sign-out', () => {
    const state = reduce(
      undefined,
      AuthApiActions.sessionLoaded({ session: aSession() }),
      ShellActions.tenantEntered({ slug: 'demo' }),
      ShellActions.signOutClicked(),
      AuthApiActions.signOutSucceeded(),
    );
    expect(state).toEqual({ ...initialAuthState, status: 'anonymous' });
  });

  it('stays signed in when signing out fails', () => {
    const state = reduce(
      undefined,
      AuthApiActions.sessionLoaded({ session: aSession() }),
      ShellActions.signOutClicked(),
      AuthApiActions.signOutFailed({ problem: { ...badCredentials, status: 0 } }),
    );
    expect(state.status).toBe('authenticated');
    expect(state.session).not.toBeNull();
  });

  it('signs out locally when the session expired on the server', () => {
    const state = reduce(
      undefined,
      AuthApiActions.sessionLoaded({ session: aSession() }),
      AuthApiActions.sessionExpired(),
    );
    expect(state.status).toBe('anonymous');
    expect(state.session).toBeNull();
  });

  it('records a language choice on the signed-in person at once', () => {
    const state = reduce(
      undefined,
      AuthApiActions.sessionLoaded({ session: aSession() }),
      ShellActions.languageChanged({ language: 'ar' }),
    );
    expect(state.session?.user.preferredLanguage).toBe('ar');
  });

  it('ignores a language choice made while signed out', () => {
    const state = reduce(
      undefined,
      AuthApiActions.sessionMissing(),
      ShellActions.languageChanged({ language: 'fr' }),
    );
    expect(state.session).toBeNull();
  });
});
