import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ErasurePreview, PersonSummary, PrivacyRequest } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { LanguageService } from '../i18n/language.service';
import { provideIcons } from '../shared/icons/icons.testing';
import { Notifier } from '../shared/notifier.service';
import { PeoplePage } from './people.page';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

const ID = '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60';
const base = '/api/t/demo/privacy/people';
const summary: PersonSummary = {
  account: {
    kind: 'participant',
    id: ID,
    name: 'Amina Odhiambo',
    email: 'amina@ke-gov.example',
    language: null,
    createdAt: '2025-01-10T09:00:00.000Z',
    anonymised: false,
    membership: null,
  },
  nominations: [],
  attendance: [],
  consents: [],
  certificates: [],
  expert: null,
  documents: [],
  mail: [],
  audit: { byThem: [], aboutThem: [] },
};
const preview: ErasurePreview = {
  kind: 'participant',
  id: ID,
  refusal: null,
  goes: [{ what: 'nominations', count: 3, fields: ['function'] }],
  stays: ['sex'],
  account: null,
};

const records = '/api/t/demo/privacy/requests';
const recorded = (id: string, name: string | null): PrivacyRequest => ({
  id,
  kind: name === null ? 'erasure' : 'export',
  requestedAt: '2026-11-30T10:00:00.000Z',
  subject: { kind: 'participant', id: ID, reference: `P-${ID.slice(0, 8)}`, name },
  requestedBy: { id: ID, name: 'Ada Admin' },
  reason: `Reason ${id.slice(0, 4)}`,
});

describe('a person’s data, on request', () => {
  let fixture: ComponentFixture<PeoplePage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const text = () => (element().textContent ?? '').replace(/\s+/g, ' ');
  const settle = async () => {
    TestBed.tick();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const type = (selector: string, value: string) => {
    const input = element().querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const button = (label: string) =>
    [...element().querySelectorAll('button')].find((b) => b.textContent?.includes(label));

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: english },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
        }),
      ],
      providers: [
        provideIcons(),
        provideIcuMessages(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: LanguageService, useValue: { language: signal('en') } },
        { provide: Notifier, useValue: { success: jest.fn() } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PeoplePage);
    fixture.componentRef.setInput('tenant', 'demo');
    await settle();
    http.expectOne(records).flush({
      items: [recorded('aaaa0000-0000-4000-8000-000000000001', null)],
      nextCursor: 'page-2',
    });
    await settle();
    type('[data-testid=people-q]', 'amina');
    element()
      .querySelector('form')
      ?.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    http.expectOne(`${base}?q=amina`).flush({
      items: [
        {
          kind: 'participant',
          id: ID,
          name: 'Amina Odhiambo',
          email: 'amina@ke-gov.example',
          events: 2,
          role: null,
          status: null,
          anonymised: false,
        },
      ],
    });
    await settle();
  });

  afterEach(() => http.verify());

  it('finds people and shows what is held about one', async () => {
    expect(text()).toContain('participant of 2 events');
    button('Amina Odhiambo')?.click();
    await settle();
    http.expectOne(`${base}/participant/${ID}`).flush(summary);
    http.expectOne(`${base}/participant/${ID}/erasure`).flush(preview);
    await settle();
    expect(text()).toContain('amina@ke-gov.example');
    expect(text()).toContain('3 nominations’ details');
  });

  it('erases only with a reason and the box ticked', async () => {
    button('Amina Odhiambo')?.click();
    await settle();
    http.expectOne(`${base}/participant/${ID}`).flush(summary);
    http.expectOne(`${base}/participant/${ID}/erasure`).flush(preview);
    await settle();
    button('Erase now')?.click();
    await settle();
    http.expectNone(`${base}/participant/${ID}/erasure`);
    type('input[data-testid=erase-reason]', 'Asked in writing');
    (element().querySelector('[data-testid=erase-confirm] input') as HTMLInputElement).click();
    await settle();
    button('Erase now')?.click();
    const request = http.expectOne(
      (r) => r.method === 'POST' && r.url === `${base}/participant/${ID}/erasure`,
    );
    expect(request.request.body).toEqual({ reason: 'Asked in writing', confirm: true });
    request.flush({ requestId: ID, kind: 'participant', id: ID, done: preview.goes });
    await settle();
    // The page shows what is held now.
    http
      .expectOne(`${base}/participant/${ID}`)
      .flush({ ...summary, account: { ...summary.account, anonymised: true } });
    http.expectOne(`${base}?q=amina`).flush({ items: [] });
    // The record of requests, again from the newest: the erasure is on it.
    http.expectOne(records).flush({
      items: [recorded('bbbb0000-0000-4000-8000-000000000002', null)],
      nextCursor: null,
    });
    await settle();
    expect(text()).toContain('Erased.');
  });

  it('lists the record of requests, naming no one erased, a page at a time', async () => {
    const list = () =>
      (element().querySelector('[data-testid=privacy-requests]')?.textContent ?? '').replace(
        /\s+/g,
        ' ',
      );
    expect(list()).toContain('Erasure');
    expect(list()).toContain(`P-${ID.slice(0, 8)}`);
    expect(list()).toContain('no longer named');
    expect(list()).toContain('by Ada Admin');
    expect(list()).toContain('Reason aaaa');
    button('Show more')?.click();
    await settle();
    http.expectOne(`${records}?after=page-2`).flush({
      items: [recorded('cccc0000-0000-4000-8000-000000000003', 'Amina Odhiambo')],
      nextCursor: null,
    });
    await settle();
    expect(list()).toContain('Reason aaaa');
    expect(list()).toContain('Amina Odhiambo');
    expect(button('Show more')).toBeUndefined();
  });
});
