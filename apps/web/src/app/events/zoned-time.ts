/**
 * Events are stored as instants with the venue's IANA time zone; officers
 * think in the venue's wall clock. These helpers convert between the two
 * with the browser's time-zone database, correctly across daylight saving.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** A wall-clock date and time somewhere: '2027-03-28' and '09:00'. */
export interface ZonedLocal {
  date: string;
  time: string;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock an instant shows in a zone, written as if it were UTC milliseconds. */
function wallClock(ms: number, zone: string): number {
  const parts = partsFormatter(zone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  return Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour') % 24,
    part('minute'),
    part('second'),
  );
}

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function offsetAt(ms: number, zone: string): number {
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return wallClock(whole, zone) - whole;
}

/** Whether the browser knows a zone by this name. */
export function isTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * The instant at which a zone's clock shows a date and time, as an ISO
 * string in UTC. A time skipped by a spring-forward change is read with the
 * offset before it (02:30 becomes 03:30), and a time that happens twice in
 * an autumn change is the first of the two, as calendars do.
 */
export function zonedLocalToInstant(date: string, time: string, zone: string): string {
  const day = DATE.exec(date);
  const clock = TIME.exec(time);
  if (!day || !clock) throw new RangeError(`not a local date and time: ${date} ${time}`);
  const local = Date.UTC(
    Number(day[1]),
    Number(day[2]) - 1,
    Number(day[3]),
    Number(clock[1]),
    Number(clock[2]),
  );
  const before = offsetAt(local - DAY, zone);
  const after = offsetAt(local + DAY, zone);
  const matches = [...new Set([local - before, local - after])]
    .filter((candidate) => candidate + offsetAt(candidate, zone) === local)
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? local - before).toISOString();
}

/** The date and time a zone's clock shows at an instant: the reverse, for editing. */
export function instantToZonedLocal(instant: string, zone: string): ZonedLocal {
  const wall = new Date(wallClock(Date.parse(instant), zone));
  return {
    date: `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
  };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function zonedDate(instant: string, zone: string): string {
  return instantToZonedLocal(instant, zone).date;
}

function zoneNamePart(instant: string, zone: string, locale: string): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(new Date(instant))
      .find((part) => part.type === 'timeZoneName')?.value ?? zone
  );
}

const NUMERIC_ZONE = /^(GMT|UTC)[+\-−]/;

/**
 * A zone's short name at an instant in the reader's language. English readers
 * get "CEST" or "EDT" where English has one (American or British); other
 * languages mostly have no letters for zones, and write the offset their own
 * way ("UTC+2", "غرينتش+2"), never an English abbreviation.
 */
export function zoneAbbreviation(instant: string, zone: string, locale: string): string {
  if (locale.split('-')[0] === 'en')
    for (const english of ['en-US', 'en-GB']) {
      const name = zoneNamePart(instant, zone, english);
      if (!NUMERIC_ZONE.test(name)) return name;
    }
  return zoneNamePart(instant, zone, locale);
}

/** The time zone of the person reading, as the browser reports it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Whether two zones show different clocks at either end of a period. */
export function clocksDiffer(zone: string, other: string, ...instants: string[]): boolean {
  if (zone === other) return false;
  return instants.some((instant) => {
    const ms = Date.parse(instant);
    return offsetAt(ms, zone) !== offsetAt(ms, other);
  });
}

/** "+02:00" style offset of a zone at an instant, for the time-zone list. */
export function offsetLabel(ms: number, zone: string): string {
  const offset = offsetAt(ms, zone) / MINUTE;
  const sign = offset < 0 ? '−' : '+';
  const minutes = Math.abs(offset);
  return `UTC${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The IANA zones the browser knows, with UTC, sorted. */
export function knownTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...zones, 'UTC'])].sort();
}

/** A period of a day in its own zone, e.g. "Mar 28, 2027, 9:00 AM – 5:00 PM". */
export function formatRange(
  startsAt: string,
  endsAt: string,
  zone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** One moment in a zone, e.g. "Mar 28, 2027, 9:00 AM". */
export function formatInstant(
  instant: string,
  zone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(new Date(instant));
}

/** A calendar day moved by some days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const day = DATE.exec(date);
  if (!day) throw new RangeError(`not a date: ${date}`);
  const moved = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + days));
  return `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}`;
}

/** A JavaScript Date's own calendar day, as date pickers hand it over. */
export function dateOnly(value: Date): string {
  return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** A JavaScript Date's own clock time, as time pickers hand it over. */
export function timeOnly(value: Date): string {
  return `${pad(value.getHours())}:${pad(value.getMinutes())}`;
}

/** A Date that a picker shows as this calendar day and time. */
export function pickerDate(date: string, time = '00:00'): Date {
  const day = DATE.exec(date);
  const clock = TIME.exec(time);
  if (!day || !clock) throw new RangeError(`not a local date and time: ${date} ${time}`);
  return new Date(
    Number(day[1]),
    Number(day[2]) - 1,
    Number(day[3]),
    Number(clock[1]),
    Number(clock[2]),
  );
}
