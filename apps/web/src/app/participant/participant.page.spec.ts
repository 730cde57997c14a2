import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ParticipantPageView } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { LanguageService } from '../i18n/language.service';
import { provideIcons } from '../shared/icons/icons.testing';
import { ParticipantPage } from './participant.page';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

const TOKEN = `${'A'.repeat(51)}.${'b'.repeat(43)}`;
const PATH = `/api/participant/${TOKEN}`;

const page = (endsAt: string): ParticipantPageView => ({
  event: {
    title: 'Regional workshop on digital evidence',
    summary: '',
    format: 'in_person',
    status: 'planned',
    startsAt: '2020-03-29T07:00:00.000Z',
    endsAt,
    timeZone: 'Africa/Nairobi',
    venue: null,
    workingLanguages: ['en'],
    organiser: 'Terrorism Prevention Branch',
  },
  participant: { name: 'Amina Odhiambo', memberStateAlpha3: 'KEN', preferredLanguage: 'en' },
  agenda: [],
  status: 'approved',
  confirmation: 'confirmed',
  dietaryNeeds: '',
  accessibilityNeeds: '',
  checkInCode: null,
  meetingLink: null,
  certificate: null,
  expiresAt: '2099-01-01T00:00:00.000Z',
  consents: [
    {
      version: '2026-12',
      text: 'I confirm that the person I nominate has agreed.',
      attestedAt: '2026-11-02T09:00:00.000Z',
      withdrawnAt: null,
    },
  ],
});

describe('the participant page’s consent', () => {
  let fixture: ComponentFixture<ParticipantPage>;
  let http: HttpTestingController;

  const text = () =>
    ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
  const button = (label: string) =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find((b) =>
      b.textContent?.includes(label),
    );
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const load = async (view: ParticipantPageView) => {
    TestBed.tick();
    http.expectOne(PATH).flush(view);
    await settle();
    for (const request of http.match(() => true)) request.flush({ items: [] });
    await settle();
  };

  beforeEach(() => {
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
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: LanguageService,
          useValue: { language: signal('en'), use: () => Promise.resolve('en') },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ParticipantPage);
    fixture.componentRef.setInput('token', TOKEN);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows the consent given, and withdraws it only once confirmed', async () => {
    await load(page('2099-03-31T15:00:00.000Z'));
    // The version is one left-to-right word that no line breaks (isolate, non-breaking hyphen).
    expect(text()).toContain('Given on Nov 2, 2026 (text version \u20662026\u201112\u2069).');
    button('Withdraw my consent')?.click();
    await settle();
    // Asked first: what it does before the event, and a way back.
    http.expectNone(`${PATH}/consent-withdrawal`);
    expect(text()).toContain('your nomination is withdrawn');
    button('Keep my consent')?.click();
    await settle();
    expect(button('Yes, withdraw my consent')).toBeUndefined();

    button('Withdraw my consent')?.click();
    await settle();
    button('Yes, withdraw my consent')?.click();
    const request = http.expectOne(`${PATH}/consent-withdrawal`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ confirm: true });
    request.flush({ outcome: 'nomination_withdrawn' });
    await settle();
    expect(text()).toContain('Your consent and your nomination are withdrawn.');
  });

  it('says what goes once the event is over', async () => {
    await load(page('2020-03-31T15:00:00.000Z'));
    button('Withdraw my consent')?.click();
    await settle();
    expect(text()).toContain('will be anonymised now');
  });
});
