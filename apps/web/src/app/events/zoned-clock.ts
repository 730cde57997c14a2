/**
 * Reading an event's instants on a clock: the wall clock a zone shows, the zone's short name,
 * and an instant or a period written in the venue's zone. The home page's panels need only
 * these; zoned-time.ts (which re-exports them) adds the editing side, whose code would otherwise
 * ride on every signed-in first load (docs/performance.md).
 */

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

export const pad = (value: number, length = 2) => String(value).padStart(length, '0');

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
