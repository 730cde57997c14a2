import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SessionView } from '@convene/contracts';
import { provideEffects } from '@ngrx/effects';
import { provideStore, Store } from '@ngrx/store';
import { AuthApiActions } from '../auth/auth.actions';
import { rememberLastTenant } from '../auth/auth.effects';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { authFeature } from '../auth/auth.reducer';
import { selectCurrentTenantSlug, selectHomeUrl } from '../auth/auth.selectors';
import { tenantGuard } from './tenant.guards';

@Component({ template: `<h1>Tenant home</h1>` })
class TenantHome {}

@Component({ template: `<h1>Not found</h1>` })
class NotFound {}

/** The real store, guard and effect; only the server is played by the test. */
async function setUp(session: SessionView) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideStore({ [authFeature.name]: authFeature.reducer }),
      provideEffects({ rememberLastTenant }),
      provideRouter([
        { path: 't/:tenant', canActivate: [tenantGuard], component: TenantHome },
        { path: 'not-found', component: NotFound },
      ]),
    ],
  });
  const store = TestBed.inject(Store);
  store.dispatch(AuthApiActions.sessionLoaded({ session }));
  const harness = await RouterTestingHarness.create();
  return { store, harness, server: TestBed.inject(HttpTestingController) };
}

const officerInDemoExpertInNorthwind = () =>
  aSession([aMembership('demo', 'programme_officer'), aMembership('northwind', 'expert')], 'demo');

describe('entering a tenant', () => {
  it('makes it the current tenant and remembers it on the server when it changes', async () => {
    const { store, harness, server } = await setUp(officerInDemoExpertInNorthwind());
    await harness.navigateByUrl('/t/northwind');
    expect(store.selectSignal(selectCurrentTenantSlug)()).toBe('northwind');

    const call = server.expectOne('/api/me/last-tenant');
    expect(call.request.method).toBe('PUT');
    expect(call.request.body).toEqual({ tenant: 'northwind' });
    call.flush(null, { status: 204, statusText: 'No Content' });
    // The next sign-in, and "/" meanwhile, lead there.
    expect(store.selectSignal(selectHomeUrl)()).toBe('/t/northwind');
    server.verify();
  });

  it('asks nothing of the server when the tenant is the one already remembered', async () => {
    const { harness, server } = await setUp(officerInDemoExpertInNorthwind());
    await harness.navigateByUrl('/t/demo');
    server.expectNone('/api/me/last-tenant');
    server.verify();
  });

  it('keeps the landing as it was when the server refuses', async () => {
    const { store, harness, server } = await setUp(officerInDemoExpertInNorthwind());
    await harness.navigateByUrl('/t/northwind');
    server
      .expectOne('/api/me/last-tenant')
      .flush({ status: 404 }, { status: 404, statusText: 'Not Found' });
    expect(store.selectSignal(selectHomeUrl)()).toBe('/t/demo');
  });

  it('shows not-found for a tenant the person does not belong to, and remembers nothing', async () => {
    const { store, harness, server } = await setUp(officerInDemoExpertInNorthwind());
    await harness.navigateByUrl('/t/elsewhere');
    expect(harness.routeNativeElement?.textContent).toContain('Not found');
    expect(store.selectSignal(selectCurrentTenantSlug)()).toBeNull();
    server.expectNone('/api/me/last-tenant');
    server.verify();
  });
});
