import { formatDate, formatNumber, registerLocaleData } from '@angular/common';
import localeAr from '@angular/common/locales/ar';
import localeEs from '@angular/common/locales/es';
import localeFr from '@angular/common/locales/fr';
import localeRu from '@angular/common/locales/ru';
import localeZh from '@angular/common/locales/zh';
import { INTERFACE_LANGUAGES } from '@convene/contracts';
import {
  type DateFormat,
  formatLocalCount,
  formatLocalDate,
  LocalCountPipe,
  LocalDatePipe,
} from './local-format';

registerLocaleData(localeAr, 'ar');
registerLocaleData(localeZh, 'zh');
registerLocaleData(localeFr, 'fr');
registerLocaleData(localeRu, 'ru');
registerLocaleData(localeEs, 'es');

/** Spaces as such: Intl and Angular's data differ only in which space sits before "PM". */
const spaces = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;

const INSTANTS = ['2026-12-01T19:43:24Z', '2027-04-12T07:05:00Z', '2026-01-09T23:59:59Z'];
const FORMATS: DateFormat[] = ['mediumDate', 'medium', 'shortTime', 'longDate', 'short'];

describe('dates and counts in the interface language', () => {
  describe.each([...INTERFACE_LANGUAGES])('in %s', (language) => {
    it.each(FORMATS)('write %s dates as Angular’s DatePipe did', (format) => {
      for (const instant of INSTANTS) {
        expect(spaces(formatLocalDate(instant, format, language))).toBe(
          spaces(formatDate(instant, format, language)),
        );
      }
    });

    it('write a calendar day in UTC as Angular’s DatePipe did, the same day on every clock', () => {
      for (const day of ['2027-02-15', '2026-12-31', '2027-01-01']) {
        expect(spaces(formatLocalDate(day, 'mediumDate', language, 'UTC'))).toBe(
          spaces(formatDate(`${day}T00:00:00Z`, 'mediumDate', language, 'UTC')),
        );
      }
    });

    it('write whole numbers as Angular’s DecimalPipe did, with Latin digits', () => {
      for (const count of [0, 7, 195, 1234, 1234567]) {
        expect(spaces(formatLocalCount(count, language))).toBe(
          spaces(formatNumber(count, language, '1.0-0')),
        );
      }
    });
  });

  it('take a Date, an ISO string or milliseconds, and give null for nothing', () => {
    const instant = '2026-12-01T19:43:24Z';
    const expected = formatLocalDate(instant, 'medium', 'en');
    expect(formatLocalDate(new Date(instant), 'medium', 'en')).toBe(expected);
    expect(formatLocalDate(Date.parse(instant), 'medium', 'en')).toBe(expected);
    expect(formatLocalDate(null, 'medium', 'en')).toBeNull();
    expect(formatLocalDate('', 'medium', 'en')).toBeNull();
    expect(formatLocalDate('not a date', 'medium', 'en')).toBeNull();
    expect(formatLocalCount(undefined, 'en')).toBeNull();
  });

  it('are pipes for templates', () => {
    expect(new LocalDatePipe().transform('2026-12-01T12:00:00Z', 'mediumDate', 'fr')).toBe(
      formatLocalDate('2026-12-01T12:00:00Z', 'mediumDate', 'fr'),
    );
    expect(spaces(new LocalCountPipe().transform(12345, 'fr'))).toBe('12 345');
    expect(new LocalCountPipe().transform(12345, 'ar')).toBe('12,345');
  });
});
