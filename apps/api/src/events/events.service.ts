import {
  EventAction,
  type EventCreate,
  type EventDetail,
  EventFormat,
  type EventQuery,
  EventStatus,
  type EventSummary,
  type EventTransition,
  EventType,
  type EventUpdate,
  Language,
  type Page,
  TargetAudience,
  ThematicArea,
  Timestamp,
} from '@convene/contracts';
import { allowedActions, can, transition } from '@convene/domain';
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { publishedMeetingReport } from '../documents/document-visibility';
import { EventsException } from './events.exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { requestContext, type TenantScope } from '../db/request-context';
import { sql } from '../db/sql';
import { sqlThenCommit } from '../db/transaction';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OutboxService } from '../mail/outbox.service';
import { advanceRequestsOfEvents } from '../requests/request-progress';
import { Membership } from '../tenants/membership.entity';
import { type CalendarEvent, eventsCalendar } from './event-calendar';
import { eventListStatement } from './event-list.query';
import {
  membershipViewer,
  PLANNER_ROLES,
  type Visibility,
  viewerParams,
  visibilityOf,
  visibleEvent,
} from './event-visibility';

/** An event as COLUMNS selects it; the lists, feeds and mail pick the columns they select. */
export const EventRow = z.strictObject({
  id: z.guid(),
  type: EventType,
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  thematic_areas: z.array(ThematicArea),
  target_audiences: z.array(TargetAudience),
  format: EventFormat,
  venue_name: z.string().nullable(),
  venue_city: z.string().nullable(),
  venue_country: z.string().nullable(),
  meeting_link: z.string().nullable(),
  starts_at: z.date(),
  starts_key: z.string(),
  ends_at: z.date(),
  time_zone: z.string(),
  working_languages: z.array(Language),
  interpretation: z.boolean(),
  capacity: z.number().int().nullable(),
  host_states: z.array(z.string()),
  organisers: z.array(z.string()),
  partner_organisations: z.array(z.string()),
  responsible_officer_id: z.guid().nullable(),
  responsible_officer_name: z.string().nullable(),
  is_public: z.boolean(),
  status: EventStatus,
  cancel_reason: z.string().nullable(),
  version: z.number().int(),
  created_at: z.date(),
  updated_at: z.date(),
});
export type EventRow = z.infer<typeof EventRow>;

/** A focal point an announcement goes to, in the language they asked for. */
const AnnouncementRecipientRow = z.strictObject({
  id: z.guid(),
  email: z.string(),
  name: z.string(),
  language: Language,
});

const HistoryRow = z.strictObject({
  action: EventAction,
  from_status: EventStatus,
  to_status: EventStatus,
  reason: z.string().nullable(),
  starts_at: z.date().nullable(),
  ends_at: z.date().nullable(),
  at: z.date(),
  actor_id: z.guid().nullable(),
  actor_name: z.string().nullable(),
});

const COLUMNS = `e.id, e.type, e.title, e.summary, e.description, e.thematic_areas,
  e.target_audiences, e.format, e.venue_name, e.venue_city, e.venue_country, e.meeting_link,
  e.starts_at, e.starts_at::text as starts_key, e.ends_at, e.time_zone, e.working_languages,
  e.interpretation, e.capacity, e.host_states::text[] as host_states, e.organisers,
  e.partner_organisations, e.responsible_officer_id, o.name as responsible_officer_name,
  e.is_public, e.status, e.cancel_reason, e.version, e.created_at, e.updated_at`;

/** The columns of a list row (event-list.query.ts), which toSummary reads. */
export const EventSummaryRow = EventRow.pick({
  id: true,
  type: true,
  title: true,
  summary: true,
  thematic_areas: true,
  format: true,
  venue_name: true,
  venue_city: true,
  venue_country: true,
  meeting_link: true,
  starts_at: true,
  starts_key: true,
  ends_at: true,
  time_zone: true,
  host_states: true,
  is_public: true,
  status: true,
  responsible_officer_id: true,
  responsible_officer_name: true,
});
export type EventSummaryRow = z.infer<typeof EventSummaryRow>;

/** A row of the list (event-list.query.ts): its times come as ISO text (isoText). */
export const EventListRow = EventSummaryRow.extend({ starts_at: Timestamp, ends_at: Timestamp });
export type EventListRow = z.infer<typeof EventListRow>;

/** What an insert or update returning the event's id gives back. */
export const IdRow = z.strictObject({ id: z.guid() });

const FROM = `events e left join users o on o.id = e.responsible_officer_id`;

/** The one rule (event-visibility.ts), with the caller as $1–$3. */
const VISIBLE = visibleEvent('e', viewerParams(1));

@Injectable()
export class EventsService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One event as an iCalendar file, for "add to calendar". */
  async calendar(tenant: TenantScope, id: string): Promise<string> {
    const row = await this.find(id);
    return eventsCalendar(row.title, [toCalendarEvent(row, this.config.appUrl, tenant.slug)]);
  }

  /** Keyset-paginated on (starts_at, id), ascending or descending. */
  async list(query: EventQuery): Promise<Page<EventSummary>> {
    const { manager } = requestContext.current();
    const cursor = decodeCursor(query.after, ['timestamp', 'uuid'] as const);
    const statement = eventListStatement(this.visibility(), query, cursor);
    // The request's only statement: it commits in the same round trip (docs/performance.md).
    // Prepared once per connection: only Bind and Execute travel after the first request.
    const rows = await sqlThenCommit(
      manager,
      statement.text,
      statement.values,
      EventListRow,
      statement.name,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummary),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.starts_key, last.id]) : null,
    };
  }

  async get(id: string): Promise<EventDetail> {
    const row = await this.find(id);
    const history = await sql(
      requestContext.current().manager,
      `select h.action, h.from_status, h.to_status, h.reason, h.starts_at, h.ends_at, h.at,
              h.actor_id, u.name as actor_name
         from event_history h left join users u on u.id = h.actor_id
        where h.event_id = $1 order by h.at, h.id`,
      [id],
      HistoryRow,
    );
    return {
      ...toSummary(row),
      description: row.description,
      targetAudiences: row.target_audiences,
      workingLanguages: row.working_languages,
      interpretation: row.interpretation,
      capacity: row.capacity,
      organisers: row.organisers,
      partnerOrganisations: row.partner_organisations,
      responsibleOfficerId: row.responsible_officer_id,
      cancelReason: row.cancel_reason,
      version: row.version,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
      allowedActions: this.mayManage() ? allowedActions(row.status) : [],
      history: history.map((entry) => ({
        action: entry.action,
        fromStatus: entry.from_status,
        toStatus: entry.to_status,
        reason: entry.reason,
        startsAt: entry.starts_at ? iso(entry.starts_at) : null,
        endsAt: entry.ends_at ? iso(entry.ends_at) : null,
        at: iso(entry.at),
        actor: entry.actor_id ? { id: entry.actor_id, name: entry.actor_name ?? '' } : null,
      })),
    };
  }

  async create(tenant: TenantScope, input: EventCreate): Promise<EventDetail> {
    const { manager, user } = requestContext.current();
    await this.checkOfficer(input.responsibleOfficerId);
    const [created] = await sql(
      manager,
      `insert into events (tenant_id, ${WRITABLE.join(', ')}, created_by)
       values ($1, ${WRITABLE.map((_, i) => `$${i + 2}`).join(', ')}, $${WRITABLE.length + 2})
       returning id`,
      [tenant.id, ...writableValues(input), user?.id ?? null],
      IdRow,
    );
    if (!created) throw new Error('insert returned no row');
    const detail = await this.get(created.id);
    await this.audit.record({
      action: 'event.created',
      entity: 'event',
      entityId: created.id,
      after: auditView(detail),
    });
    return detail;
  }

  async update(id: string, input: EventUpdate): Promise<EventDetail> {
    const { manager } = requestContext.current();
    const before = await this.get(id);
    await this.checkOfficer(input.responsibleOfficerId);
    const [updated] = await sql(
      manager,
      `update events set ${WRITABLE.map((column, i) => `${column} = $${i + 3}`).join(', ')},
              version = version + 1, updated_at = now()
        where id = $1 and version = $2
        returning id`,
      [id, input.version, ...writableValues(input)],
      IdRow,
    );
    if (!updated) throw staleVersion();
    const after = await this.get(id);
    await this.audit.record({
      action: 'event.updated',
      entity: 'event',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  }

  /** A new draft with the same content, for the next edition of a workshop. */
  async duplicate(id: string): Promise<EventDetail> {
    const { manager, user } = requestContext.current();
    await this.find(id);
    // Planners only (events.manage), and find() has applied the rule to this id.
    const [copy] = await sql(
      manager,
      `insert into events (tenant_id, ${WRITABLE.join(', ')}, created_by)
       select tenant_id, ${WRITABLE.map((c) => (c === 'title' ? `left(title, 190) || ' (copy)'` : c)).join(', ')}, $2
         from events where id = $1
       returning id`,
      [id, user?.id ?? null],
      IdRow,
    );
    if (!copy) throw notFound('Event');
    const detail = await this.get(copy.id);
    await this.audit.record({
      action: 'event.duplicated',
      entity: 'event',
      entityId: copy.id,
      after: { ...auditView(detail), duplicatedFrom: id },
    });
    return detail;
  }

  /** Moves the event through its lifecycle, as the domain's one transition function allows. */
  async transition(id: string, input: EventTransition): Promise<EventDetail> {
    const { manager, user } = requestContext.current();
    const row = await this.find(id, true);
    if (input.version !== undefined && input.version !== row.version) throw staleVersion();
    const decision = transition(row.status, input.action, {
      reason: input.reason,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
    });
    if (!decision.ok) {
      throw new EventsException(
        409,
        'event-transition',
        'This change is not possible for the event now',
        decision.reason,
      );
    }
    // An event is reported only once its meeting report is published (docs/documents.md).
    if (input.action === 'report') {
      const [report] = await sql<{ published: boolean }>(
        manager,
        `select ${publishedMeetingReport('e')} as published from events e where e.id = $1`,
        [id],
      );
      if (!report?.published) {
        throw new EventsException(
          409,
          'event-transition',
          'This change is not possible for the event now',
          'Publish the meeting report first: an event is reported once its report is out.',
        );
      }
    }
    const postponed = input.action === 'postpone';
    await sql(
      manager,
      `update events set status = $2, version = version + 1, updated_at = now(),
              cancel_reason = case when $2 = 'cancelled' then $3 else cancel_reason end,
              starts_at = coalesce($4, starts_at), ends_at = coalesce($5, ends_at)
        where id = $1`,
      [
        id,
        decision.to,
        input.reason ?? null,
        postponed ? input.startsAt : null,
        postponed ? input.endsAt : null,
      ],
    );
    // announced_at is stamped by the events_stamp_announced trigger on the first move from
    // draft to a live status (migration …0011), so every writer of a status agrees.
    // The history row copies the tenant of an event find() has already checked (planners only).
    await sql(
      manager,
      `insert into event_history (tenant_id, event_id, action, from_status, to_status, reason,
                                  previous_starts_at, previous_ends_at, starts_at, ends_at, actor_id)
       select tenant_id, id, $2, $3, $4, $5, $6, $7, $8, $9, $10 from events where id = $1`,
      [
        id,
        input.action,
        row.status,
        decision.to,
        input.reason ?? null,
        postponed ? row.starts_at : null,
        postponed ? row.ends_at : null,
        postponed ? input.startsAt : null,
        postponed ? input.endsAt : null,
        user?.id ?? null,
      ],
    );
    await this.audit.record({
      action: `event.${input.action}`,
      entity: 'event',
      entityId: id,
      before: { status: row.status, startsAt: iso(row.starts_at), endsAt: iso(row.ends_at) },
      after: {
        status: decision.to,
        ...(postponed ? { startsAt: input.startsAt, endsAt: input.endsAt } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    // Planning announces the event: its host States' focal points hear of it, in this same
    // transaction, so a transition that fails or rolls back sends nothing.
    if (input.action === 'plan') await this.announce(row);
    // The requests this event answers move on with it (docs/requests.md), in this transaction.
    await advanceRequestsOfEvents(manager, this.audit, { eventIds: [id] }, this.config.appUrl);
    return this.get(id);
  }

  /**
   * Mails each active focal point of the event's host States in this tenant who may now see
   * it under the one rule (event-visibility.ts), in their own language. The idempotency key
   * names the event and the person: an event is planned once.
   */
  private async announce(event: EventRow): Promise<void> {
    const { manager, tenant } = requestContext.current();
    if (!tenant || event.host_states.length === 0) return;
    const recipients = await sql(
      manager,
      `select u.id, u.email, u.name, u.preferred_language as language
         from events e
         join memberships m on m.tenant_id = e.tenant_id and m.status = 'active'
                           and m.role = 'focal_point' and m.member_state_code = any (e.host_states)
         join users u on u.id = m.user_id
        where e.id = $1
          and ${visibleEvent('e', membershipViewer('u.id', 'm', '$2::text[]'))}
        order by u.id`,
      [event.id, PLANNER_ROLES],
      AnnouncementRecipientRow,
    );
    if (recipients.length === 0) return;
    const link = toCalendarEvent(event, this.config.appUrl, tenant.slug).url;
    const place = [event.venue_name, event.venue_city].filter(Boolean).join(', ');
    for (const person of recipients) {
      await this.outbox.enqueue({
        tenantId: tenant.id,
        recipient: person.email,
        language: person.language,
        idempotencyKey: `event_announced:${event.id}:${person.id}`,
        message: {
          kind: 'event_announced',
          name: person.name,
          tenantName: tenant.name,
          eventTitle: event.title,
          startsAt: iso(event.starts_at),
          endsAt: iso(event.ends_at),
          timeZone: event.time_zone,
          place: place || null,
          link,
        },
      });
    }
  }

  /** One event the caller may see, or 404 (never 403: the event does not exist for them). */
  async find(id: string, forUpdate = false): Promise<EventRow> {
    if (!isUuid(id)) throw notFound('Event');
    const rows = await sql(
      requestContext.current().manager,
      `select ${COLUMNS} from ${FROM} where e.id = $4 and ${VISIBLE}
       ${forUpdate ? 'for update of e' : ''}`,
      [...this.visibility(), id],
      EventRow,
    );
    const row = rows[0];
    if (!row) throw notFound('Event');
    return row;
  }

  /** The caller, with their role in this tenant, as the rule's parameters. */
  visibility(): Visibility {
    const { user, tenant } = requestContext.current();
    return visibilityOf(user?.id ?? null, tenant);
  }

  private mayManage(): boolean {
    const { tenant } = requestContext.current();
    return !!tenant && can(tenant.role, 'events.manage');
  }

  /** The responsible officer must be an active officer or admin of this tenant. */
  private async checkOfficer(userId: string): Promise<void> {
    const isOfficer = await requestContext.current().manager.exists(Membership, {
      where: { userId, status: 'active', role: In(['programme_officer', 'tenant_admin']) },
    });
    if (!isOfficer) {
      throw new EventsException(400, 'validation', 'The request is not valid', undefined, [
        {
          path: 'responsibleOfficerId',
          message: 'must be an active programme officer or administrator of this organisation',
        },
      ]);
    }
  }
}

/** The columns a create or update writes, in the order writableValues gives them. */
const WRITABLE = [
  'type',
  'title',
  'summary',
  'description',
  'thematic_areas',
  'target_audiences',
  'format',
  'venue_name',
  'venue_city',
  'venue_country',
  'meeting_link',
  'starts_at',
  'ends_at',
  'time_zone',
  'working_languages',
  'interpretation',
  'capacity',
  'host_states',
  'organisers',
  'partner_organisations',
  'responsible_officer_id',
  'is_public',
] as const;

function writableValues(input: EventCreate): unknown[] {
  return [
    input.type,
    input.title,
    input.summary,
    input.description ?? '',
    input.thematicAreas,
    input.targetAudiences,
    input.format,
    input.venue?.name ?? null,
    input.venue?.city ?? null,
    input.venue?.countryAlpha3 ?? null,
    input.meetingLink ?? null,
    input.startsAt,
    input.endsAt,
    input.timeZone,
    input.workingLanguages,
    input.interpretation,
    input.capacity ?? null,
    input.hostStates,
    input.organisers,
    input.partnerOrganisations,
    input.responsibleOfficerId,
    input.isPublic,
  ];
}

const iso = (value: Date | string) => new Date(value).toISOString();

const staleVersion = () =>
  new EventsException(
    409,
    'stale-version',
    'Someone changed this event meanwhile',
    'Reload the event to see the changes, then apply yours again.',
  );

/** A list row (times as ISO text already) or an event read with its times as Dates. */
export function toSummary(row: EventSummaryRow | EventListRow): EventSummary {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    summary: row.summary,
    thematicAreas: row.thematic_areas,
    format: row.format,
    venue:
      row.venue_name !== null || row.venue_city !== null || row.venue_country !== null
        ? {
            name: row.venue_name ?? '',
            city: row.venue_city ?? '',
            countryAlpha3: row.venue_country?.trim() ?? null,
          }
        : null,
    meetingLink: row.meeting_link,
    startsAt: typeof row.starts_at === 'string' ? row.starts_at : iso(row.starts_at),
    endsAt: typeof row.ends_at === 'string' ? row.ends_at : iso(row.ends_at),
    timeZone: row.time_zone,
    hostStates: row.host_states.map((code) => code.trim()),
    status: row.status,
    isPublic: row.is_public,
    responsibleOfficer: row.responsible_officer_id
      ? { id: row.responsible_officer_id, name: row.responsible_officer_name ?? '' }
      : null,
  };
}

export function toCalendarEvent(
  row: Pick<
    EventRow,
    | 'id'
    | 'title'
    | 'summary'
    | 'status'
    | 'starts_at'
    | 'ends_at'
    | 'time_zone'
    | 'venue_name'
    | 'venue_city'
    | 'venue_country'
    | 'meeting_link'
    | 'version'
    | 'updated_at'
  >,
  appUrl: string,
  tenantSlug: string,
  page = `/t/${encodeURIComponent(tenantSlug)}/events/${row.id}`,
): CalendarEvent {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    venue:
      row.venue_name || row.venue_city || row.venue_country
        ? { name: row.venue_name, city: row.venue_city, country: row.venue_country?.trim() ?? null }
        : null,
    meetingLink: row.meeting_link,
    version: row.version,
    updatedAt: row.updated_at,
    url: appUrl + page,
  };
}

function auditView(detail: EventDetail) {
  const { history: _history, allowedActions: _actions, ...rest } = detail;
  return rest;
}
