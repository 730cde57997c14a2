import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ParticipantDecisionView } from '@convene/contracts';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { LanguageService } from '../i18n/language.service';
import { provideIcons } from '../shared/icons/icons.testing';
import { DecisionPage } from './decision.page';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

const TOKEN = `${'A'.repeat(51)}.${'b'.repeat(43)}`;
const PATH = `/api/participant/decision/${TOKEN}`;

const asked: ParticipantDecisionView = {
  event: {
    title: 'Regional workshop on digital evidence',
    summary: 'Cross-border requests',
    format: 'in_person',
    status: 'planned',
    startsAt: '2027-03-29T07:00:00.000Z',
    endsAt: '2027-03-31T15:00:00.000Z',
    timeZone: 'Africa/Nairobi',
    venue: { name: 'UN Gigiri', city: 'Nairobi', countryAlpha3: 'KEN' },
    workingLanguages: ['en', 'fr'],
    organiser: 'Terrorism Prevention Branch',
  },
  participant: { name: 'Amina Odhiambo', memberStateAlpha3: 'KEN', preferredLanguage: 'fr' },
  expiresAt: '2027-03-29T07:00:00.000Z',
  dietaryNeeds: '',
  accessibilityNeeds: '',
};

describe('the decision page', () => {
  let fixture: ComponentFixture<DecisionPage>;
  let http: HttpTestingController;
  let use: jest.Mock;

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';
  const query = <T extends Element>(selector: string) =>
    (fixture.nativeElement as HTMLElement).querySelector<T>(selector);
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  };

  beforeEach(async () => {
    use = jest.fn(() => Promise.resolve('fr'));
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
        { provide: LanguageService, useValue: { language: signal('en'), use } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DecisionPage);
    fixture.componentRef.setInput('token', TOKEN);
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  const load = async (answer: ParticipantDecisionView = asked) => {
    TestBed.tick();
    http.expectOne(PATH).flush(answer);
    await settle();
    // Member States' names, asked for by the venue's place: none needed here.
    for (const request of http.match(() => true)) request.flush([]);
    await settle();
  };

  it("asks the question, opening in the participant's language", async () => {
    await load();
    expect(text()).toContain('Amina Odhiambo, will you take part?');
    expect(text()).toContain('Regional workshop on digital evidence');
    expect(use).toHaveBeenCalledWith('fr');
  });

  it('sends nothing until an answer is chosen, then sends it once with the needs', async () => {
    await load();
    query<HTMLButtonElement>('button[type=submit]')?.click();
    await settle();
    expect(text()).toContain('Choose whether you will attend.');
    http.expectNone(PATH, 'no answer without a choice');

    query<HTMLInputElement>('mat-radio-button[value=confirm] input')?.click();
    await settle();
    const dietary = query<HTMLTextAreaElement>('textarea[formcontrolname=dietaryNeeds]');
    expect(dietary).not.toBeNull();
    if (dietary) {
      dietary.value = '  Vegetarian  ';
      dietary.dispatchEvent(new Event('input'));
    }
    query<HTMLButtonElement>('button[type=submit]')?.click();
    await settle();
    const sent = http.expectOne({ method: 'POST', url: PATH });
    expect(sent.request.body).toEqual({
      answer: 'confirm',
      dietaryNeeds: 'Vegetarian',
      accessibilityNeeds: '',
    });
    sent.flush({ confirmation: 'confirmed' });
    await settle();
    expect(text()).toContain('Thank you: your participation is confirmed.');
    expect(query('form')).toBeNull();
  });

  it('shows a page of its own for a link already used', async () => {
    TestBed.tick();
    http
      .expectOne(PATH)
      .flush(
        { type: '/problems/participant-link-used', title: 'Used', status: 410 },
        { status: 410, statusText: 'Gone' },
      );
    await settle();
    expect(query('h1')?.textContent).toContain('Your answer has already been given');
    expect(query('form')).toBeNull();
  });

  it('treats a tampered link as one that does not work', async () => {
    TestBed.tick();
    http
      .expectOne(PATH)
      .flush(
        { type: '/problems/participant-link-invalid', title: 'Invalid', status: 404 },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(query('h1')?.textContent).toContain('This link does not work');
  });
});
