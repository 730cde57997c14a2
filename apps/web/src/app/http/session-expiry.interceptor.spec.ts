import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { AuthApiActions } from '../auth/auth.actions';
import { sessionExpiryInterceptor } from './session-expiry.interceptor';

function setUp() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
      provideHttpClientTesting(),
      provideMockStore(),
    ],
  });
  const store = TestBed.inject(MockStore);
  const dispatch = jest.spyOn(store, 'dispatch');
  return {
    http: TestBed.inject(HttpClient),
    backend: TestBed.inject(HttpTestingController),
    dispatch,
  };
}

/** Asks for a URL and answers it with an error status; the caller swallows the error. */
function answer(env: ReturnType<typeof setUp>, url: string, status: number): void {
  env.http.get(url).subscribe({ error: () => undefined });
  env.backend.expectOne(url).flush({ status }, { status, statusText: 'x' });
}

describe('the session-expiry interceptor', () => {
  it('sends a person whose session ended back to sign in', () => {
    const env = setUp();
    answer(env, '/api/t/demo/events', 401);
    expect(env.dispatch).toHaveBeenCalledWith(AuthApiActions.sessionExpired());
  });

  it('leaves an anonymous visitor of a public calendar where they are', () => {
    const env = setUp();
    answer(env, '/api/public/demo/events', 401);
    answer(env, '/api/public/nobody/events', 404);
    answer(env, '/api/calendar/some-token/events.ics', 401);
    expect(env.dispatch).not.toHaveBeenCalled();
  });

  it('takes a refused sign-in for what it is', () => {
    const env = setUp();
    answer(env, '/api/auth/session', 401);
    expect(env.dispatch).not.toHaveBeenCalled();
  });
});
