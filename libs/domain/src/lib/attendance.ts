import type { AttendanceStatus } from '@convene/contracts';

/** The longest event whose days the check-in list offers (a year and a day). */
export const MAX_EVENT_DAYS = 366;

/** The calendar day (YYYY-MM-DD) an instant falls on, as the clock in `timeZone` shows it. */
export function localDay(instant: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * The days of an event as the venue's clock shows them, first to last: attendance is kept per
 * day, and only on these. An event that ends exactly at midnight does not run into the next
 * day. At most MAX_EVENT_DAYS.
 */
export function eventDays(startsAt: Date, endsAt: Date, timeZone: string): string[] {
  const first = localDay(startsAt, timeZone);
  const last = localDay(new Date(Math.max(startsAt.getTime(), endsAt.getTime() - 1)), timeZone);
  const days: string[] = [];
  const cursor = new Date(`${first}T00:00:00Z`);
  while (days.length < MAX_EVENT_DAYS) {
    const day = cursor.toISOString().slice(0, 10);
    days.push(day);
    if (day >= last) break;
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

/** Whether a day of the event may hold attendance: one of its days, as the venue sees them. */
export function isEventDay(day: string, startsAt: Date, endsAt: Date, timeZone: string): boolean {
  return eventDays(startsAt, endsAt, timeZone).includes(day);
}

/**
 * Whether a participant earned a certificate of participation: present, fully or partly, on at
 * least one day of the event. Absences and days not recorded do not count.
 */
export function earnsCertificate(days: readonly (AttendanceStatus | null)[]): boolean {
  return days.some((status) => status === 'attended' || status === 'partly');
}
