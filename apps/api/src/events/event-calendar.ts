import type { EventStatus } from '@convene/contracts';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

dayjs.extend(utc);
dayjs.extend(timezone);

/** What a calendar entry shows of an event; nothing personal. */
export interface CalendarEvent {
  id: string;
  title: string;
  summary: string;
  status: EventStatus;
  startsAt: Date | string;
  endsAt: Date | string;
  timeZone: string;
  venue: { name: string | null; city: string | null; country: string | null } | null;
  meetingLink: string | null;
  /** Bumped on every change, so calendar apps replace the entry (SEQUENCE). */
  version: number;
  updatedAt: Date | string;
  /** Where the entry links back to. */
  url: string;
}

/** Stable across edits: the same event is the same calendar entry forever. */
export const eventUid = (eventId: string) => `${eventId}@events.convene`;

const STATUS: Record<EventStatus, ICalEventStatus> = {
  draft: ICalEventStatus.TENTATIVE,
  planned: ICalEventStatus.TENTATIVE,
  open_for_nominations: ICalEventStatus.TENTATIVE,
  nominations_closed: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  reported: ICalEventStatus.CONFIRMED,
  closed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * Text as RFC 5545 TEXT can carry it: control characters other than tab and
 * line breaks dropped (CONTROL, C1 included, is outside TSAFE-CHAR; the contracts refuse
 * them, but a tenant name or an older row may predate that), and every line
 * break (CRLF, CR or LF) made one \n, as ical-generator does for SUMMARY.
 */
const plain = (text: string): string =>
  text.replace(/(?![\t\n\r])\p{Cc}/gu, '').replace(/\r\n?/g, '\n');

/**
 * RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon, comma, and line
 * breaks as the two characters \n, so no text can end its line and start a
 * property of its own.
 */
export const escapeText = (text: string): string =>
  plain(text)
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');

/**
 * An iCalendar (RFC 5545) of events, each in its venue's time zone with the
 * VTIMEZONE it needs, so a calendar shows 09:00 in Vienna as 09:00 in
 * Vienna, and the right instant everywhere else, on either side of a
 * daylight-saving change.
 */
export function eventsCalendar(name: string, events: readonly CalendarEvent[]): string {
  const calendar = ical({
    // ical-generator writes NAME and X-WR-CALNAME as given (it escapes only
    // the event's text), so the name is escaped here; the rest it escapes.
    name: escapeText(name),
    prodId: { company: 'Convene', product: 'Events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const event of events) {
    const place = event.venue
      ? [event.venue.name, event.venue.city, event.venue.country]
          .filter(Boolean)
          .map((part) => plain(part ?? ''))
          .join(', ')
      : null;
    calendar.createEvent({
      id: eventUid(event.id),
      sequence: event.version - 1,
      stamp: new Date(event.updatedAt),
      lastModified: new Date(event.updatedAt),
      start: dayjs(event.startsAt),
      end: dayjs(event.endsAt),
      timezone: event.timeZone,
      summary: plain(event.title),
      description: [event.summary, event.meetingLink, event.url]
        .filter(Boolean)
        .map((part) => plain(part ?? ''))
        .join('\n\n'),
      location: place ?? (event.meetingLink && plain(event.meetingLink)),
      url: event.url,
      status: STATUS[event.status],
    });
  }
  // RFC 5545 ends every content line with CRLF; ical-generator leaves the last one bare.
  return `${calendar.toString()}\r\n`;
}
