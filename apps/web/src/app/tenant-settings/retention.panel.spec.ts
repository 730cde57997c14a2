import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  RETENTION_DEFAULTS,
  type RetentionPolicy,
  type RetentionPreview,
  type RetentionRuns,
} from '@convene/contracts';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { LanguageService } from '../i18n/language.service';
import { provideIcons } from '../shared/icons/icons.testing';
import { Notifier } from '../shared/notifier.service';
import { RetentionPanel } from './retention.panel';

const translations = (language: 'en' | 'ar') =>
  JSON.parse(
    readFileSync(join(__dirname, `../../../public/i18n/${language}.json`), 'utf8'),
  ) as Record<string, unknown>;

const base = '/api/t/demo/privacy/retention';
const today = new Date().toISOString().slice(0, 10);

const defaults: RetentionPolicy = {
  ...RETENTION_DEFAULTS,
  version: 0,
  updatedAt: null,
  updatedBy: null,
  sessionsDays: 30,
};
const preview = (on: string, people: number): RetentionPreview => ({
  on,
  participants: { people, events: 9, endedBefore: '2024-03-01' },
  experts: { profiles: 1, leftBefore: '2025-03-01' },
  mail: { messages: 12, before: '2026-12-01' },
  links: { links: 0, before: '2027-01-30' },
});
const nothingDue = (on: string): RetentionPreview => ({
  on,
  participants: { people: 0, events: 0, endedBefore: '2024-03-01' },
  experts: { profiles: 0, leftBefore: '2025-03-01' },
  mail: { messages: 0, before: '2026-12-01' },
  links: { links: 0, before: '2027-01-30' },
});
const runs: RetentionRuns = {
  items: [
    {
      id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      runOn: '2026-11-30',
      status: 'done',
      attempts: 1,
      result: { participants: 3, experts: 0, mail: 5, links: 2 },
      doneAt: '2026-11-30T00:01:00Z',
    },
  ],
};

async function setUp(
  options: {
    language?: 'en' | 'ar';
    policy?: RetentionPolicy;
    due?: RetentionPreview;
  } = {},
) {
  const language = options.language ?? 'en';
  const success = jest.fn();
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { [language]: translations(language) },
        translocoConfig: { availableLangs: [language], defaultLang: language },
      }),
    ],
    providers: [
      provideIcons(),
      provideIcuMessages(),
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: LanguageService, useValue: { language: signal(language) } },
      { provide: Notifier, useValue: { success } },
    ],
  });
  // The ICU transpiler declines counts in the language Transloco switched to.
  TestBed.inject(TranslocoService).setActiveLang(language);
  const fixture = TestBed.createComponent(RetentionPanel);
  fixture.componentRef.setInput('tenant', 'demo');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne(base).flush(options.policy ?? defaults);
  http.expectOne(`${base}/preview?on=${today}`).flush(options.due ?? preview(today, 214));
  http.expectOne(`${base}/runs`).flush(runs);
  await fixture.whenStable();
  fixture.detectChanges();
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, http, success };
}

describe('the retention panel', () => {
  it('says what the run of the day will do, and what the last runs did', async () => {
    const { element } = await setUp();
    const due = element.querySelector('[data-testid="retention-preview"]')?.textContent ?? '';
    expect(due.replace(/\s+/g, ' ')).toContain('214 participants of 9 events will be anonymised');
    expect(due).toContain('1 expert profile of people who left the roster');
    expect(due).toContain('12 sent messages lose');
    expect(element.textContent).toContain('These are the default periods');
    const last = element.querySelector('[data-testid="retention-runs"]')?.textContent ?? '';
    expect(last.replace(/\s+/g, ' ')).toContain('anonymised 3 participants and 0 expert profiles');
  });

  it('states the platform’s period for sessions and reset links, read-only', async () => {
    const { element } = await setUp({ policy: { ...defaults, sessionsDays: 45 } });
    const platform = element.querySelector('[data-testid="retention-platform"]');
    expect(platform?.textContent?.replace(/\s+/g, ' ')).toContain(
      'password-reset links are deleted 45 days after they end',
    );
    // Nothing to edit: not a field of the form, never sent back.
    expect(platform?.querySelector('input')).toBeNull();
  });

  it('reads naturally in Arabic when nothing is due', async () => {
    const { element } = await setUp({ language: 'ar', due: nothingDue(today) });
    const due = (
      element.querySelector('[data-testid="retention-preview"]')?.textContent ?? ''
    ).replace(/\s+/g, ' ');
    expect(due).toContain('لن يُجهَّل أي مشارك');
    expect(due).toContain('لن يُجهَّل أي ملف خبير');
    expect(due).toContain('لن تفقد أي رسالة مرسلة');
    expect(due).toContain('لن يُحذف أي رابط منتهٍ');
    // The old wording put a negation where a count goes: "will be anonymised nobody of no event".
    expect(due).not.toMatch(/سيُجهَّل لا|من لا فعالية|سيُحذف لا/u);
    const platform = element.querySelector('[data-testid="retention-platform"]')?.textContent;
    expect(platform).toContain('30 يوم');
  });

  it('asks again for another day', async () => {
    const { fixture, element, http } = await setUp();
    const day = element.querySelector('[data-testid="retention-day"]') as HTMLInputElement;
    day.value = '2027-03-01';
    day.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    http.expectOne(`${base}/preview?on=2027-03-01`).flush(preview('2027-03-01', 1));
    await fixture.whenStable();
    fixture.detectChanges();
    expect(element.textContent?.replace(/\s+/g, ' ')).toContain(
      '1 participant of 9 events will be anonymised',
    );
    http.verify();
  });

  it('saves the periods with the version read, and sends nothing out of bounds', async () => {
    const { fixture, element, http, success } = await setUp();
    const field = (name: string) =>
      element.querySelector(`[data-testid="retention-${name}"]`) as HTMLInputElement;
    const form = element.querySelector('form') as HTMLFormElement;
    field('mailDays').value = '3';
    field('mailDays').dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    fixture.detectChanges();
    http.expectNone(base);
    expect(element.textContent).toContain('A whole number from 7 to 3650');

    field('mailDays').value = '30';
    field('mailDays').dispatchEvent(new Event('input'));
    field('participantsMonths').value = '48';
    field('participantsMonths').dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    const put = http.expectOne((request) => request.method === 'PUT' && request.url === base);
    expect(put.request.body).toEqual({
      participantsMonths: 48,
      expertsMonths: 24,
      mailDays: 30,
      linksDays: 30,
      version: 0,
    });
    put.flush({ ...defaults, participantsMonths: 48, mailDays: 30, version: 1 });
    await fixture.whenStable();
    expect(success).toHaveBeenCalledWith('privacy.retention.saved');
  });
});
