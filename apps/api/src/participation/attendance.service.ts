import type {
  AttendanceRecord,
  AttendanceStatus,
  CheckInEntry,
  CheckInPage,
  CheckInQuery,
  CodeCheckIn,
} from '@convene/contracts';
import { ATTENDANCE_STATUSES, CONFIRMATION_STATUSES } from '@convene/contracts';
import { eventDays, localDay } from '@convene/domain';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { AttendanceException } from './attendance.exception';
import { visibleNomination } from './participant-visibility';

const EventRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  starts_at: z.date(),
  ends_at: z.date(),
  time_zone: z.string(),
});
type EventRow = z.infer<typeof EventRow>;

const EntryRow = z.strictObject({
  id: z.guid(),
  name: z.string(),
  name_key: z.string(),
  member_state_code: z.string(),
  institution: z.string(),
  confirmation: z.enum(CONFIRMATION_STATUSES),
  status: z.enum(ATTENDANCE_STATUSES).nullable(),
  recorded_at: z.date().nullable(),
  days_attended: z.number(),
  certified: z.boolean(),
});
type EntryRow = z.infer<typeof EntryRow>;

/**
 * The nominations on an event's check-in list: approved, and not declined by the participant
 * (a pending confirmation is still expected at the door). `n` is the nomination, `e` its event.
 */
export const ON_THE_LIST = `n.status = 'approved' and n.confirmation <> 'declined'`;

/** A check-in row's columns, for the nomination `n` and the day parameter `day`. */
const entryColumns = (day: string) => `
  n.id, p.full_name as name, lower(p.full_name) as name_key,
  trim(n.member_state_code) as member_state_code, n.institution, n.confirmation,
  a.status, a.recorded_at,
  (select count(*)::int from attendance d
    where d.tenant_id = n.tenant_id and d.nomination_id = n.id
      and d.status in ('attended', 'partly')) as days_attended,
  exists (select from certificates c
           where c.tenant_id = n.tenant_id and c.nomination_id = n.id
             and c.revoked_at is null) as certified
  from nominations n
  join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
  join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
  left join attendance a on a.tenant_id = n.tenant_id and a.nomination_id = n.id
                        and a.day = ${day}::date`;

/** Characters LIKE reads as wildcards, escaped so a search for "50%" finds "50%". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * Attendance per event day (docs/participation.md, "Attendance"): the check-in list of a day,
 * a tick per person, and check-in by the participant's code at the door. Officers and admins
 * only (participation.manage); every read embeds the rules of who sees events and nominees.
 */
@Injectable()
export class AttendanceService {
  constructor(private readonly audit: AuditService) {}

  async list(eventId: string, query: CheckInQuery): Promise<CheckInPage> {
    const event = await this.event(eventId);
    const days = eventDays(event.starts_at, event.ends_at, event.time_zone);
    const day = query.day ?? this.defaultDay(days, event.time_zone);
    this.checkDay(days, day);
    const cursor = decodeCursor(query.after, ['text', 'uuid'] as const);
    const search = query.q ? likePattern(query.q) : null;
    const { manager } = requestContext.current();
    const rows = await sql(
      manager,
      `select ${entryColumns('$5')}
        where n.event_id = $4 and ${ON_THE_LIST} and ${visibleNomination('n', 'e', viewerParams(1))}
          and ($6::text is null or p.full_name ilike $6 or n.institution ilike $6)
          and ($7::text is null or (lower(p.full_name), n.id) > ($7::text, $8::uuid))
        order by lower(p.full_name), n.id
        limit $9`,
      [
        ...this.viewer(),
        eventId,
        day,
        search,
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        query.limit + 1,
      ],
      EntryRow,
    );
    const [totals] = await sql(
      manager,
      `select count(*)::int as expected,
              count(*) filter (where a.status = 'attended')::int as attended,
              count(*) filter (where a.status = 'partly')::int as partly,
              count(*) filter (where a.status = 'absent')::int as absent
         from nominations n
         join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
         left join attendance a on a.tenant_id = n.tenant_id and a.nomination_id = n.id
                               and a.day = $5::date
        where n.event_id = $4 and ${ON_THE_LIST} and ${visibleNomination('n', 'e', viewerParams(1))}`,
      [...this.viewer(), eventId, day],
      z.strictObject({
        expected: z.number(),
        attended: z.number(),
        partly: z.number(),
        absent: z.number(),
      }),
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      event: { id: event.id, title: event.title, timeZone: event.time_zone, days },
      day,
      totals: totals ?? { expected: 0, attended: 0, partly: 0, absent: 0 },
      items: page.map((row) => toEntry(row, day)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.name_key, last.id]) : null,
    };
  }

  /** Records one person's attendance on one day, replacing what was recorded. */
  async record(
    eventId: string,
    nominationId: string,
    input: AttendanceRecord,
  ): Promise<CheckInEntry> {
    const event = await this.event(eventId);
    this.checkDay(eventDays(event.starts_at, event.ends_at, event.time_zone), input.day);
    if (!isUuid(nominationId)) throw notFound('Participant');
    const entry = await this.entry(eventId, nominationId, input.day);
    if (!entry) throw notFound('Participant');
    return this.save(eventId, entry, input.day, input.status);
  }

  /**
   * Checks a participant in by the code of their QR code, typed or scanned: attended on the day.
   * A code that is no one's on this event's list (unknown, another event's, a declined or
   * withdrawn nominee's) is not found.
   */
  async checkIn(eventId: string, input: CodeCheckIn): Promise<CheckInEntry> {
    const event = await this.event(eventId);
    this.checkDay(eventDays(event.starts_at, event.ends_at, event.time_zone), input.day);
    const [found] = await sql(
      requestContext.current().manager,
      `select n.id from nominations n where n.check_in_code = $1 and n.event_id = $2`,
      [input.code, eventId],
      z.strictObject({ id: z.guid() }),
    );
    const entry = found ? await this.entry(eventId, found.id, input.day) : null;
    if (!entry) throw notFound('Check-in code');
    return this.save(eventId, entry, input.day, 'attended');
  }

  private async save(
    eventId: string,
    entry: EntryRow,
    day: string,
    status: AttendanceStatus,
  ): Promise<CheckInEntry> {
    const { manager, user } = requestContext.current();
    if (entry.status !== status) {
      await sql(
        manager,
        `insert into attendance (tenant_id, nomination_id, day, status, recorded_by)
         select n.tenant_id, n.id, $2::date, $3, $4 from nominations n where n.id = $1
         on conflict (tenant_id, nomination_id, day)
         do update set status = excluded.status, recorded_by = excluded.recorded_by,
                       recorded_at = now()`,
        [entry.id, day, status, user?.id ?? null],
      );
      await this.audit.record({
        action: 'attendance.recorded',
        entity: 'nomination',
        entityId: entry.id,
        before: { eventId, day, status: entry.status },
        after: { eventId, day, status },
      });
    }
    const saved = await this.entry(eventId, entry.id, day);
    if (!saved) throw notFound('Participant');
    return toEntry(saved, day);
  }

  /** One nomination of the event's list, as the check-in list shows it on `day`. */
  private async entry(eventId: string, nominationId: string, day: string) {
    const [row] = await sql(
      requestContext.current().manager,
      `select ${entryColumns('$6')}
        where n.event_id = $4 and n.id = $5 and ${ON_THE_LIST}
          and ${visibleNomination('n', 'e', viewerParams(1))}`,
      [...this.viewer(), eventId, nominationId, day],
      EntryRow,
    );
    return row ?? null;
  }

  /** The event, if the caller may see it. */
  private async event(eventId: string): Promise<EventRow> {
    if (!isUuid(eventId)) throw notFound('Event');
    const [event] = await sql(
      requestContext.current().manager,
      `select e.id, e.title, e.starts_at, e.ends_at, e.time_zone from events e
        where e.id = $4 and ${visibleEvent('e', viewerParams(1))}`,
      [...this.viewer(), eventId],
      EventRow,
    );
    if (!event) throw notFound('Event');
    return event;
  }

  private viewer() {
    const { user, tenant } = requestContext.current();
    return visibilityOf(user?.id ?? null, tenant);
  }

  /** Attendance is kept on the event's days only, as the venue's calendar has them. */
  private checkDay(days: string[], day: string): void {
    if (!days.includes(day)) {
      throw new AttendanceException(
        422,
        'unprocessable',
        'Not a day of the event',
        `Attendance is kept for the days of the event, ${days[0]} to ${days[days.length - 1]}, in its time zone.`,
        [{ path: 'day', message: 'not a day of the event' }],
      );
    }
  }

  /** Today at the venue while the event runs; otherwise its first day (before) or last (after). */
  private defaultDay(days: string[], timeZone: string): string {
    const today = localDay(new Date(), timeZone);
    const first = days[0] ?? today;
    const last = days[days.length - 1] ?? today;
    if (days.includes(today)) return today;
    return today < first ? first : last;
  }
}

function toEntry(row: EntryRow, day: string): CheckInEntry {
  return {
    nominationId: row.id,
    name: row.name,
    memberStateCode: row.member_state_code,
    institution: row.institution,
    confirmation: row.confirmation,
    day,
    status: row.status,
    recordedAt: row.recorded_at ? new Date(row.recorded_at).toISOString() : null,
    daysAttended: row.days_attended,
    certified: row.certified,
  };
}
