import type { Agenda, AgendaOrder, AgendaSessionInput, AgendaWarning } from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { EventsException } from './events.exception';
import { isUuid } from '../common/uuid';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { type EventRow, EventsService, IdRow } from './events.service';
import { viewerParams, visibleEvent } from './event-visibility';

const SessionRow = z.strictObject({
  id: z.guid(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  starts_at: z.date(),
  ends_at: z.date(),
  room: z.string().nullable(),
  /** json_agg: ids are plain strings in JSON. */
  speakers: z.array(z.strictObject({ id: z.guid(), name: z.string() })),
  guest_speakers: z.array(z.string()),
});
type SessionRow = z.infer<typeof SessionRow>;

const RoomClashRow = z.strictObject({ room: z.string(), a: z.guid(), b: z.guid() });

const SpeakerClashRow = z.strictObject({
  speaker_id: z.guid(),
  speaker_name: z.string(),
  session_id: z.guid(),
  other_session_id: z.guid(),
  other_event_id: z.guid(),
  other_event_title: z.string(),
  other_visible: z.boolean(),
});

const invalid = (path: string, message: string) =>
  new EventsException(400, 'validation', 'The request is not valid', undefined, [
    { path, message },
  ]);

/**
 * An event's agenda: sessions within the event's dates, in the planner's
 * order, with warnings (a room used twice at once, a speaker in two places
 * at once, in this event or another) that inform and do not block.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  async get(eventId: string): Promise<Agenda> {
    await this.events.find(eventId);
    return this.load(eventId);
  }

  async add(eventId: string, input: AgendaSessionInput): Promise<Agenda> {
    const event = await this.events.find(eventId, true);
    this.check(event, input);
    // Planners only (events.manage), on an event find() has just checked.
    const [created] = await sql(
      requestContext.current().manager,
      `insert into agenda_sessions (tenant_id, event_id, position, title, description, starts_at,
                                    ends_at, room, guest_speakers)
       select tenant_id, id,
              coalesce((select max(position) from agenda_sessions where event_id = $1), 0) + 1,
              $2, $3, $4, $5, $6, $7
         from events where id = $1
       returning id`,
      [eventId, ...sessionValues(input)],
      IdRow,
    );
    if (!created) throw notFound('Event');
    await this.record('agenda.session_added', eventId, { sessionId: created.id, ...input });
    return this.load(eventId);
  }

  async update(eventId: string, sessionId: string, input: AgendaSessionInput): Promise<Agenda> {
    const event = await this.events.find(eventId, true);
    this.check(event, input);
    const [before] = await this.sessions(eventId, sessionId);
    if (!before) throw notFound('Session');
    await sql(
      requestContext.current().manager,
      `update agenda_sessions
          set title = $3, description = $4, starts_at = $5, ends_at = $6, room = $7,
              guest_speakers = $8
        where event_id = $1 and id = $2`,
      [eventId, sessionId, ...sessionValues(input)],
    );
    await this.record('agenda.session_updated', eventId, { sessionId, ...input }, before);
    return this.load(eventId);
  }

  async remove(eventId: string, sessionId: string): Promise<Agenda> {
    await this.events.find(eventId, true);
    const [before] = await this.sessions(eventId, sessionId);
    if (!before) throw notFound('Session');
    const { manager } = requestContext.current();
    await sql(manager, `delete from agenda_sessions where event_id = $1 and id = $2`, [
      eventId,
      sessionId,
    ]);
    await this.renumber(eventId, null);
    await this.record('agenda.session_removed', eventId, undefined, before);
    return this.load(eventId);
  }

  async reorder(eventId: string, order: AgendaOrder): Promise<Agenda> {
    await this.events.find(eventId, true);
    const current = await this.sessions(eventId);
    const known = new Set(current.map((session) => session.id));
    if (order.sessionIds.length !== known.size || order.sessionIds.some((id) => !known.has(id))) {
      throw invalid('sessionIds', 'must list every session of the event exactly once');
    }
    await this.renumber(eventId, order.sessionIds);
    await this.record('agenda.reordered', eventId, { sessionIds: order.sessionIds });
    return this.load(eventId);
  }

  private async load(eventId: string): Promise<Agenda> {
    const sessions = await this.sessions(eventId);
    return {
      sessions: sessions.map((row) => ({
        id: row.id,
        position: row.position,
        title: row.title,
        description: row.description,
        startsAt: new Date(row.starts_at).toISOString(),
        endsAt: new Date(row.ends_at).toISOString(),
        room: row.room,
        speakers: row.speakers,
        guestSpeakers: row.guest_speakers,
      })),
      warnings: await this.warnings(eventId),
    };
  }

  private async sessions(eventId: string, sessionId?: string): Promise<SessionRow[]> {
    if (sessionId !== undefined && !isUuid(sessionId)) return [];
    return sql(
      requestContext.current().manager,
      `select s.id, s.position, s.title, s.description, s.starts_at, s.ends_at, s.room,
              s.guest_speakers,
              coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name)
                                        order by speaker.first_answer, u.id)
                          from (select a.user_id, min(a.answered_at) as first_answer
                                  from expert_assignments a
                                 where a.tenant_id = s.tenant_id and a.session_id = s.id
                                   and a.status = 'accepted'
                                 group by a.user_id) speaker
                          join users u on u.id = speaker.user_id), '[]') as speakers
         from agenda_sessions s
        where s.event_id = $1 and ($2::uuid is null or s.id = $2)
        order by s.position, s.id`,
      [eventId, sessionId ?? null],
      SessionRow,
    );
  }

  /** Both kinds of clash in one query each, whatever the agenda's size. */
  private async warnings(eventId: string): Promise<AgendaWarning[]> {
    const { manager } = requestContext.current();
    const rooms = await sql(
      manager,
      `select a.room, a.id as a, b.id as b
         from agenda_sessions a
         join agenda_sessions b
           on b.event_id = a.event_id and (a.starts_at, a.id) < (b.starts_at, b.id)
          and lower(a.room) = lower(b.room)
          and a.starts_at < b.ends_at and b.starts_at < a.ends_at
        where a.event_id = $1
        order by a.starts_at, a.id, b.id`,
      [eventId],
      RoomClashRow,
    );
    // The other side of a clash may be an event the caller may not see (a draft, another
    // State's meeting): the one rule decides, per row, whether it may be named.
    const speakers = await sql(
      manager,
      // Two materialized steps, each planned on its own: as one six-way join the statement took
      // ten times longer to plan than to run, on every call (custom plans, data-source.factory.ts).
      `with speaker as materialized (
         select distinct s.tenant_id, s.id as session_id, s.event_id, s.starts_at, s.ends_at,
                a.user_id
           from agenda_sessions s
           join expert_assignments a
             on a.tenant_id = s.tenant_id and a.session_id = s.id and a.status = 'accepted'
          where s.event_id = $4),
       clash as materialized (
         select sp.session_id, sp.starts_at, sp.user_id, o.id as other_session_id,
                o.event_id as other_event_id, o.starts_at as other_starts_at
           from speaker sp
           join expert_assignments other
             on other.tenant_id = sp.tenant_id and other.user_id = sp.user_id
            and other.status = 'accepted' and other.session_id <> sp.session_id
           join agenda_sessions o
             on o.tenant_id = other.tenant_id and o.id = other.session_id
            and (o.event_id <> sp.event_id or (sp.starts_at, sp.session_id) < (o.starts_at, o.id))
            and sp.starts_at < o.ends_at and o.starts_at < sp.ends_at)
       select u.id as speaker_id, u.name as speaker_name, c.session_id,
              c.other_session_id, c.other_event_id, e.title as other_event_title,
              ${visibleEvent('e', viewerParams(1))} as other_visible
         from clash c
         join events e on e.id = c.other_event_id and e.status <> 'cancelled'
         join users u on u.id = c.user_id
        order by c.starts_at, c.session_id, u.id, c.other_starts_at, c.other_session_id`,
      [...this.events.visibility(), eventId],
      SpeakerClashRow,
    );
    // One "another commitment" per speaker and session, however many hidden events lie behind
    // it: their number would tell something too.
    const hidden = new Set<string>();
    const clashes = speakers.filter((row) => {
      if (row.other_visible) return true;
      const key = `${row.session_id} ${row.speaker_id}`;
      if (hidden.has(key)) return false;
      hidden.add(key);
      return true;
    });
    return [
      ...rooms.map(
        (row): AgendaWarning => ({
          kind: 'room_overlap',
          room: row.room,
          sessionIds: [row.a, row.b],
        }),
      ),
      ...clashes.map(
        (row): AgendaWarning => ({
          kind: 'speaker_double_booked',
          speaker: { id: row.speaker_id, name: row.speaker_name },
          sessionId: row.session_id,
          other: row.other_visible
            ? {
                hidden: false,
                sessionId: row.other_session_id,
                eventId: row.other_event_id,
                eventTitle: row.other_event_title,
              }
            : { hidden: true },
        }),
      ),
    ];
  }

  /**
   * A session lies within its event. Its speakers are not set here: they are the experts who
   * accepted an assignment to it (apps/api/src/experts), so the agenda names only those.
   */
  private check(event: EventRow, input: AgendaSessionInput): void {
    if (
      Date.parse(input.startsAt) < new Date(event.starts_at).getTime() ||
      Date.parse(input.endsAt) > new Date(event.ends_at).getTime()
    ) {
      throw invalid('startsAt', 'the session must take place within the event’s dates');
    }
  }

  /** Positions 1..n, in the given order or the current one. */
  private async renumber(eventId: string, order: readonly string[] | null): Promise<void> {
    await sql(
      requestContext.current().manager,
      `update agenda_sessions s set position = ranked.position
         from (select id, row_number() over (
                 order by coalesce(array_position($2::uuid[], id), position), position, id
               ) as position
                 from agenda_sessions where event_id = $1) ranked
        where s.event_id = $1 and s.id = ranked.id`,
      [eventId, order ?? []],
    );
  }

  private record(action: string, eventId: string, after?: unknown, before?: unknown) {
    return this.audit.record({ action, entity: 'event', entityId: eventId, before, after });
  }
}

function sessionValues(input: AgendaSessionInput): unknown[] {
  return [
    input.title,
    input.description,
    input.startsAt,
    input.endsAt,
    input.room,
    input.guestSpeakers,
  ];
}
