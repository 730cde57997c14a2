/**
 * Events are stored as instants with the venue's IANA time zone; officers
 * think in the venue's wall clock. These helpers convert between the two
 * with the browser's time-zone database, correctly across daylight saving.
 */

import { offsetAt, pad } from './zoned-clock';

export {
  type ZonedLocal,
  offsetAt,
  instantToZonedLocal,
  zonedDate,
  zoneAbbreviation,
  viewerTimeZone,
  clocksDiffer,
  formatRange,
  formatInstant,
} from './zoned-clock';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

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
