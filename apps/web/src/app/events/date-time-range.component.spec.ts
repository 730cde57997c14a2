import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type Translation, TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideIcuMessages } from '../i18n/icu-transpiler';
import { LanguageService } from '../i18n/language.service';
import { provideLocaleDateAdapter } from '../shared/locale-date-adapter';
import { DateTimeRange } from './date-time-range.component';
import { dateTimeRangeGroup } from './event-form';

const load = (language: string): Translation =>
  JSON.parse(readFileSync(join(__dirname, '../../../public/i18n', `${language}.json`), 'utf8'));

@Component({
  imports: [DateTimeRange],
  template: `<cv-date-time-range [group]="group" />`,
})
class Host {
  readonly group = dateTimeRangeGroup(() => 'Europe/Vienna');
}

describe('the date and time fields', () => {
  it('label their pickers’ buttons in the interface language', async () => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: load('en'), ar: load('ar') },
          translocoConfig: { availableLangs: ['en', 'ar'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      // As the events routes provide them.
      providers: [provideIcuMessages(), provideLocaleDateAdapter()],
    });
    await TestBed.inject(LanguageService).use('ar');
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await fixture.whenStable();
    const labels = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll('button[aria-label]'),
    ].map((button) => button.getAttribute('aria-label'));
    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('ar');
    expect(labels).toEqual([
      'فتح التقويم',
      'فتح قائمة الأوقات',
      'فتح التقويم',
      'فتح قائمة الأوقات',
    ]);
  });
});
