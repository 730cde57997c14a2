import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import type { OutboxCounts, OutboxMessage } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideMockStore } from '@ngrx/store/testing';
import { of } from 'rxjs';
import { aMembership, aSession } from '../auth/auth.fixtures';
import { initialAuthState } from '../auth/auth.reducer';
import { LanguageService } from '../i18n/language.service';
import { Notifier } from '../shared/notifier.service';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { MailApi } from './mail.api';
import { MailPage } from './mail.page';
import { MailStore } from './mail.store';
import { provideIcons } from '../shared/icons/icons.testing';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

const bounced: OutboxMessage = {
  id: 'mail-1',
  kind: 'password_reset',
  recipient: 'someone@example.org',
  status: 'failed',
  attempts: 97,
  lastError: 'connect ECONNREFUSED 127.0.0.1:25',
  createdAt: '2026-11-28T08:00:00.000Z',
  sentAt: null,
  nextAttemptAt: null,
};

const counts = (failed: number): OutboxCounts => ({ queued: 0, sent: 4, failed, cancelled: 0 });

function setUp(failed: number, query: Record<string, string> = {}) {
  const api = {
    list: jest.fn(() => of({ items: failed > 0 ? [bounced] : [], nextCursor: null })),
    counts: jest.fn(() => of(counts(failed))),
    retry: jest.fn(),
    cancel: jest.fn(),
    retryAll: jest.fn(() => of({ retried: failed })),
  };
  const notifier = { success: jest.fn(), failure: jest.fn() };
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { en: english },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      // The icons the app registers at start, so the page's <mat-icon>s draw.
      provideIcons(),
      provideIcuMessages(),
      MailStore,
      // The dialog reports its answer once it has closed: no animation to wait for.
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: MailApi, useValue: api },
      { provide: Notifier, useValue: notifier },
      { provide: LanguageService, useValue: { language: signal('en') } },
      {
        provide: ActivatedRoute,
        useValue: { snapshot: { queryParamMap: convertToParamMap(query) } },
      },
      provideMockStore({
        initialState: {
          auth: {
            ...initialAuthState,
            status: 'authenticated',
            session: aSession([aMembership('demo', 'tenant_admin')]),
            currentTenantSlug: 'demo',
          },
        },
      }),
    ],
  });
  const fixture = TestBed.createComponent(MailPage);
  fixture.detectChanges();
  const loader: HarnessLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
  return { api, notifier, fixture, loader };
}

/** The dialog closes, its answer travels through a promise or two, then the store acts. */
async function settle(fixture: { whenStable(): Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the Mail page', () => {
  it('says above the list how many messages failed, and retries them all once confirmed', async () => {
    const { api, notifier, fixture, loader } = setUp(1234);
    await fixture.whenStable();
    const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text()).toContain('Not delivered: 1,234 messages');
    // Each message still shows its last error.
    expect(text()).toContain('connect ECONNREFUSED 127.0.0.1:25');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show failed mail' }))).click();
    expect(api.list).toHaveBeenLastCalledWith('demo', 'failed', null);

    await (await loader.getHarness(MatButtonHarness.with({ text: /Retry all failed/ }))).click();
    const dialog = await loader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Retry all failed mail?');
    expect(await dialog.getContentText()).toContain(
      'The 1,234 failed messages go back in the queue',
    );
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Retry all' }))).click();
    await settle(fixture);

    expect(api.retryAll).toHaveBeenCalledWith('demo', { status: 'failed' });
    expect(notifier.success).toHaveBeenCalledWith('mail.retriedAll', { count: 1234 });
    // The list and the counts are asked again, to show where things now stand.
    expect(api.counts).toHaveBeenCalledTimes(2);
  });

  it('does nothing when the administrator backs out of the dialog', async () => {
    const { api, fixture, loader } = setUp(2);
    await fixture.whenStable();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Retry all failed/ }))).click();
    const dialog = await loader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await settle(fixture);
    expect(api.retryAll).not.toHaveBeenCalled();
  });

  it('shows no banner when nothing failed', async () => {
    const { fixture, loader } = setUp(0);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).not.toContain('Not delivered');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Retry all/ }))).toEqual([]);
  });

  it('opens on the failed list from the digest’s link, with no need to offer it', async () => {
    const linked = setUp(1, { status: 'failed' });
    await linked.fixture.whenStable();
    expect(linked.api.list).toHaveBeenCalledWith('demo', 'failed', null);
    expect(
      await linked.loader.getAllHarnesses(MatButtonHarness.with({ text: 'Show failed mail' })),
    ).toEqual([]);
  });
});
