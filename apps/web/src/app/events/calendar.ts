import type { EventSummary } from '@convene/contracts';
import { addDays, zonedDate } from './zoned-time';

export type CalendarMode = 'month' | 'week';

const HOUR = 3_600_000;

/** Day of the week of a date, Monday = 0 … Sunday = 6. */
function weekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return (new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).getUTCDay() + 6) % 7;
}

/** The Monday on or before a date. */
export function startOfWeek(date: string): string {
  return addDays(date, -weekday(date));
}

/** The first day of a date's month. */
export function startOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

function endOfMonth(date: string): string {
  const [year, month] = date.split('-').map(Number);
  const last = new Date(Date.UTC(year ?? 0, month ?? 1, 0)).getUTCDate();
  return `${date.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

/** The weeks a month view shows, Monday first, each a row of seven dates. */
export function calendarWeeks(mode: CalendarMode, anchor: string): string[][] {
  const first = startOfWeek(mode === 'month' ? startOfMonth(anchor) : anchor);
  const last = mode === 'month' ? addDays(startOfWeek(endOfMonth(anchor)), 6) : addDays(first, 6);
  const weeks: string[][] = [];
  for (let day = first; day <= last; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, index) => addDays(day, index)));
  }
  return weeks;
}

/** The anchor a step back or forward shows: a month, or a week. */
export function moveAnchor(mode: CalendarMode, anchor: string, step: number): string {
  if (mode === 'week') return addDays(anchor, 7 * step);
  const [year, month] = anchor.split('-').map(Number);
  const moved = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1 + step, 1));
  return `${moved.getUTCFullYear()}-${String(moved.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/**
 * The instants to ask the server for so that every event falling on the
 * shown days in its venue's clock comes back: zones run from UTC−12 to
 * UTC+14, so widen the days by that much.
 */
export function calendarQueryRange(weeks: string[][]): { from: string; to: string } {
  const first = weeks[0]?.[0] ?? '1970-01-01';
  const last = weeks[weeks.length - 1]?.[6] ?? first;
  return {
    from: new Date(Date.parse(`${first}T00:00:00Z`) - 14 * HOUR).toISOString(),
    to: new Date(Date.parse(`${addDays(last, 1)}T00:00:00Z`) + 12 * HOUR).toISOString(),
  };
}

/** The venue-local days an event covers (one that ends at midnight does not spill over). */
export function eventDays(event: Pick<EventSummary, 'startsAt' | 'endsAt' | 'timeZone'>): {
  first: string;
  last: string;
} {
  const first = zonedDate(event.startsAt, event.timeZone);
  const end = new Date(
    Math.max(Date.parse(event.startsAt), Date.parse(event.endsAt) - 1),
  ).toISOString();
  return { first, last: zonedDate(end, event.timeZone) };
}

/** The events of each shown day, by start, in their venues' clocks. */
export function eventsByDay<T extends Pick<EventSummary, 'startsAt' | 'endsAt' | 'timeZone'>>(
  events: readonly T[],
  weeks: string[][],
): Map<string, T[]> {
  const days = new Map<string, T[]>(weeks.flat().map((day) => [day, []]));
  const sorted = [...events].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const event of sorted) {
    const { first, last } = eventDays(event);
    for (let day = first; day <= last; day = addDays(day, 1)) days.get(day)?.push(event);
  }
  return days;
}
