import { effect, inject, Injectable, type Provider } from '@angular/core';
import {
  DateAdapter,
  MAT_DATE_FORMATS,
  MAT_NATIVE_DATE_FORMATS,
  NativeDateAdapter,
} from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { TranslatedDatepickerIntl } from '../i18n/datepicker-intl';
import { LanguageService } from '../i18n/language.service';

type DatePart = 'day' | 'month' | 'year';

/** Arabic-Indic digits as ASCII; bidi marks gone; Chinese "2027年3月28日" as "2027-3-28". */
function normalise(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[\u200e\u200f\u061c]/g, '')
    .replace(/\s*[年月]\s*/g, '-')
    .replace(/日/g, '')
    .trim();
}

/** The order a locale writes a numeric date in: ['month', 'day', 'year'] in English. */
export function numericDateOrder(locale: string): DatePart[] {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date(2017, 10, 22))
    .map((part) => part.type)
    .filter((type): type is DatePart => type === 'day' || type === 'month' || type === 'year');
}

/**
 * A typed numeric date read in the reader's order ("28/03/2027" in French,
 * "3/28/2027" in English, "2027-03-28" anywhere); null when it is not one.
 */
export function parseNumericDate(text: string, locale: string): Date | null | 'invalid' {
  const match = /^(\d{1,4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,4})$/.exec(normalise(text));
  if (!match) return null;
  const numbers = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const order: DatePart[] =
    (match[1] ?? '').length === 4 ? ['year', 'month', 'day'] : numericDateOrder(locale);
  const part = (name: DatePart) => numbers[order.indexOf(name)] ?? Number.NaN;
  let year = part('year');
  if (year < 100) year += 2000;
  const month = part('month');
  const day = part('day');
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? date
    : 'invalid';
}

/**
 * The native adapter, speaking the interface language and reading typed
 * dates in that language's order (the native one only knows Date.parse).
 */
@Injectable()
export class LocaleDateAdapter extends NativeDateAdapter {
  constructor() {
    super();
    const language = inject(LanguageService).language;
    effect(() => this.setLocale(language()));
  }

  override parse(value: unknown, parseFormat?: unknown): Date | null {
    if (typeof value === 'string' && value.trim()) {
      const parsed = parseNumericDate(value, String(this.locale));
      if (parsed === 'invalid') return this.invalid();
      if (parsed) return parsed;
    }
    return super.parse(value, parseFormat);
  }

  override parseTime(value: unknown, parseFormat?: unknown): Date | null {
    return super.parseTime(typeof value === 'string' ? normalise(value) : value, parseFormat);
  }
}

/** Date and time pickers in the interface language: their dates and their own labels. */
export function provideLocaleDateAdapter(): Provider[] {
  return [
    { provide: MatDatepickerIntl, useClass: TranslatedDatepickerIntl },
    { provide: DateAdapter, useClass: LocaleDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: MAT_NATIVE_DATE_FORMATS },
  ];
}
