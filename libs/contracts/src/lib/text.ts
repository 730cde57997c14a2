import { z } from 'zod';

/*
 * Every string a request carries goes through one of these, so no field can
 * bring a NUL (PostgreSQL refuses it in text: a 500 before this existed), a
 * line break where a header or an iCalendar line is built, or a terminal
 * escape into the logs; and every string is bounded.
 */

/**
 * No control character (Unicode Cc: C0, DEL and C1): nothing a person types into a one-line field.
 * The group is for readers of the OpenAPI document that compile patterns without the `u` flag
 * (Spectral): to them `\P{Cc}*` is the literal "P{Cc" and an empty default would not match,
 * while `(?:\P{Cc})*` still lets the empty string through. With the flag both mean the same.
 */
const ONE_LINE = /^(?:\P{Cc})*$/u;
/** The same, but line breaks and tabs are what multi-line text is made of. */
const MULTI_LINE = /^(?:[\t\n\r]|\P{Cc})*$/u;

/**
 * One line of text of at most `max` characters, with no control character at
 * all (no tab, no line break). Chain `.trim()`, `.min()` as needed: the
 * control check runs first, so a trailing line break is refused, not trimmed.
 */
export const singleLineText = (max: number) =>
  z.string().max(max).regex(ONE_LINE, 'must be one line, without control characters');

/**
 * Text of at most `max` characters that must match `pattern` whole. The pattern itself must
 * refuse every control character (a slug, a token, a code), so it stands in for the one-line
 * check, and the OpenAPI document gets one pattern rather than two.
 */
export const patternText = (max: number, pattern: RegExp, message: string) =>
  z.string().max(max).regex(pattern, message);

/** Text of at most `max` characters that may hold line breaks (\n, \r) and tabs, no other control. */
export const multiLineText = (max: number) =>
  z
    .string()
    .max(max)
    .regex(MULTI_LINE, 'must not contain control characters other than line breaks and tabs');

/**
 * Years a date in Convene may fall in. PostgreSQL has no year 0 and JavaScript
 * stops at +275760; nothing the organisations plan lies outside these.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** True when year-month-day exists in the proleptic Gregorian calendar (no 30 February). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * The instant a date-time text names (ISO 8601 with `T`, or PostgreSQL's
 * `timestamptz` text with a space and a `+HH` offset; no offset means UTC),
 * or null unless its date is real, its time is a real time of day and both
 * its written and its UTC year lie within MIN_YEAR–MAX_YEAR. Computed field
 * by field rather than by Date.parse, whose leniency differs between engines.
 */
export function saneInstant(text: string): Date | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '0', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < MIN_YEAR || year > MAX_YEAR || !isRealDate(year, month, day)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetRest = Number(digits.slice(2) || '0');
    if (offsetHours > 15 || offsetRest > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const local = new Date(0);
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const instant = new Date(local.getTime() - offsetMinutes * 60_000);
  const utcYear = instant.getUTCFullYear();
  return utcYear < MIN_YEAR || utcYear > MAX_YEAR ? null : instant;
}

/**
 * The longest instant saneInstant accepts: 2026-03-10T09:00:00.123456789+01:00 (nanoseconds and
 * an offset). Bounding it refuses nothing real and tells the OpenAPI document the bound.
 */
export const INSTANT_MAX_LENGTH = 35;

/**
 * An instant with its offset, e.g. 2026-03-10T09:00:00+01:00 or …Z: zod's
 * format, then the round trip, so 30 February and year 0000 are refused here
 * rather than by PostgreSQL.
 */
export const Instant = z.iso
  .datetime({ offset: true })
  .max(INSTANT_MAX_LENGTH)
  .refine(
    (value) => saneInstant(value) !== null,
    `must be a real date and time between the years ${MIN_YEAR} and ${MAX_YEAR}`,
  );

/** An instant as the API writes it (Date#toISOString, UTC): for response schemas. */
export const Timestamp = z.iso.datetime({ offset: true }).max(INSTANT_MAX_LENGTH);

/**
 * An integer that fits in 32 bits, marked `format: int32` in the OpenAPI document so a client
 * generator picks a bounded type. Applied last, around the bounded number, since zod keeps
 * metadata on the schema instance it is given.
 */
export const int32 = <T extends z.ZodType>(schema: T): T => schema.meta({ format: 'int32' });
