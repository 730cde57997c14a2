import { Pipe, type PipeTransform } from '@angular/core';

/**
 * Dates and counts in the interface language, by the browser's Intl, for templates: what
 * Angular's DatePipe and DecimalPipe did, without their code and locale data, which (used by any
 * page) ride on every first load. Digits stay Latin in every language, as Angular's data wrote
 * them, and times are on the reader's own clock (an event's times have zoned-time.ts).
 */
const DATE_FORMATS = {
  mediumDate: { dateStyle: 'medium' },
  medium: { dateStyle: 'medium', timeStyle: 'medium' },
  shortTime: { timeStyle: 'short' },
  longDate: { dateStyle: 'long' },
  short: { dateStyle: 'short', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

export type DateFormat = keyof typeof DATE_FORMATS;

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormatter(
  format: DateFormat,
  locale: string,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${format}|${locale}|${timeZone ?? ''}`;
  let found = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      ...DATE_FORMATS[format],
      numberingSystem: 'latn',
      timeZone,
    });
    formatters.set(key, found);
  }
  return found;
}

/**
 * An instant (a Date, an ISO string or milliseconds) as the language writes it; null for none.
 * On the reader's clock, or in `timeZone`: a calendar day ("2027-02-15") is midnight UTC, so it
 * is written in 'UTC' to stay that day everywhere.
 */
export function formatLocalDate(
  value: Date | string | number | null | undefined,
  format: DateFormat,
  locale: string,
  timeZone?: string,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return dateFormatter(format, locale, timeZone).format(date);
}

/** A whole number as the language groups its digits ("12,345", "12 345"); null for none. */
export function formatLocalCount(value: number | null | undefined, locale: string): string | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const key = `count|${locale}`;
  let found = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!found) {
    // Grouped from four digits in every language ("1.234" in Spanish too), as Angular's data did.
    found = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 0,
      numberingSystem: 'latn',
      useGrouping: 'always',
    });
    formatters.set(key, found);
  }
  return found.format(value);
}

/** `{{ when | localDate: 'medium' : language() }}`; a calendar day `… : language() : 'UTC'`. */
@Pipe({ name: 'localDate' })
export class LocalDatePipe implements PipeTransform {
  transform(
    value: Date | string | number | null | undefined,
    format: DateFormat,
    locale: string,
    timeZone?: string,
  ): string | null {
    return formatLocalDate(value, format, locale, timeZone);
  }
}

/** `{{ count | localCount: language() }}` */
@Pipe({ name: 'localCount' })
export class LocalCountPipe implements PipeTransform {
  transform(value: number | null | undefined, locale: string): string | null {
    return formatLocalCount(value, locale);
  }
}
