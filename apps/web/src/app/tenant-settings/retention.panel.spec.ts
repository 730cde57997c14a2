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
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { LanguageService } from '../i18n/language.service';
import { provideIcons } from '../shared/icons/icons';
import { Notifier } from '../shared/notifier.service';
import { RetentionPanel } from './retention.panel';

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Record<string, unknown>;

const base = '/api/t/demo/privacy/retention';
const today = new Date().toISOString().slice(0, 10);

const defaults: RetentionPolicy = {
  ...RETENTION_DEFAULTS,
  version: 0,
  updatedAt: null,
  updatedBy: null,
};
const preview = (on: string, people: number): RetentionPreview => ({
  on,
  participants: { people, events: 9, endedBefore: '2024-03-01' },
  experts: { profiles: 1, leftBefore: '2025-03-01' },
  mail: { messages: 12, before: '2026-12-01' },
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

async function setUp() {
  const success = jest.fn();
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
      { provide: LanguageService, useValue: { language: signal('en') } },
      { provide: Notifier, useValue: { success } },
    ],
  });
  const fixture = TestBed.createComponent(RetentionPanel);
  fixture.componentRef.setInput('tenant', 'demo');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne(base).flush(defaults);
  http.expectOne(`${base}/preview?on=${today}`).flush(preview(today, 214));
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
