import {
  EventStatus,
  type EventRecommendations,
  type PublicRecommendation,
  type PublicRecommendationPage,
  type Recommendation,
  type RecommendationCreate,
  type RecommendationDetail,
  type RecommendationExportQuery,
  type RecommendationFollowUp,
  type RecommendationFollowUpCreate,
  type RecommendationOrder,
  type RecommendationPage,
  type RecommendationQuery,
  RecommendationStatus,
  type RecommendationUpdate,
  RECOMMENDATION_EXPORT_MAX,
  TENANT_SLUG_PATTERN,
  ThematicArea,
} from '@convene/contracts';
import {
  can,
  followUpAllowed,
  recommendationsReorderable,
  recommendationsWritable,
} from '@convene/domain';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { applyScope } from '../db/transaction';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { csvField } from '../participation/exports.service';
import { Tenant } from '../tenants/tenant.entity';
import { RecommendationsException } from './recommendations.exception';
import { eventRapporteur, NOBODY, visibleRecommendation } from './recommendation-visibility';

/** A recommendation as COLUMNS selects it, with its event. */
const RecommendationRow = z.strictObject({
  id: z.guid(),
  event_id: z.guid(),
  event_title: z.string(),
  event_starts_at: z.date(),
  starts_key: z.string(),
  event_time_zone: z.string(),
  event_status: EventStatus,
  position: z.number().int(),
  text: z.string(),
  thematic_area: ThematicArea,
  addressed_states: z.array(z.string()),
  addressed_to_organisation: z.boolean(),
  addressed_partners: z.array(z.string()),
  status: RecommendationStatus,
  version: z.number().int(),
  created_by: z.guid().nullable(),
  created_by_name: z.string().nullable(),
  created_at: z.date(),
  updated_at: z.date(),
});
type RecommendationRow = z.infer<typeof RecommendationRow>;

/** The same, with whether the caller is the event's rapporteur (for what they may do). */
const AccessRow = RecommendationRow.extend({ rapporteur: z.boolean() });
type AccessRow = z.infer<typeof AccessRow>;

const FollowUpRow = z.strictObject({
  id: z.guid(),
  recommendation_id: z.guid(),
  from_status: RecommendationStatus.nullable(),
  to_status: RecommendationStatus.nullable(),
  note: z.string().nullable(),
  member_state_code: z.string().nullable(),
  actor_id: z.guid().nullable(),
  actor_name: z.string().nullable(),
  at: z.date(),
});

/** An event as writing its recommendations needs it. */
const EventAccessRow = z.strictObject({
  id: z.guid(),
  status: EventStatus,
  rapporteur: z.boolean(),
});
type EventAccessRow = z.infer<typeof EventAccessRow>;

const IdRow = z.strictObject({ id: z.guid() });

const COLUMNS = `r.id, r.event_id, e.title as event_title, e.starts_at as event_starts_at,
  e.starts_at::text as starts_key, e.time_zone as event_time_zone, e.status as event_status,
  r.position, r.text, r.thematic_area, r.addressed_states::text[] as addressed_states,
  r.addressed_to_organisation, r.addressed_partners, r.status, r.version, r.created_by,
  u.name as created_by_name, r.created_at, r.updated_at`;

const FROM = `recommendations r
  join events e on e.tenant_id = r.tenant_id and e.id = r.event_id
  left join users u on u.id = r.created_by`;

/** The caller as $1–$3 (Visibility): the one rule of recommendations. */
const VISIBLE = visibleRecommendation('r', viewerParams(1));

/**
 * The list's filters, on $4–$10 (RecommendationQuery). The region's States are gathered once
 * per statement, as the events list does.
 */
const FILTERS = `and ($4::text is null or r.thematic_area = $4)
  and ($5::char(3) is null or $5 = any (r.addressed_states))
  and ($6::text is null or r.addressed_states && (select coalesce(array_agg(ms.alpha3), '{}')::char(3)[]
        from member_states ms where ms.regional_group = $6))
  and ($7::text is null or r.status = $7)
  and ($8::uuid is null or r.event_id = $8)
  and ($9::int is null or e.starts_year = $9)
  and ($10::text is null or r.search @@ websearch_to_tsquery('simple', $10))`;

/** Newest meetings first, then the event's own order; the cursor names the last row's place. */
const AFTER = (first: number) => `and ($${first}::timestamptz is null
  or e.starts_at < $${first}::timestamptz
  or (e.starts_at = $${first}::timestamptz and (e.id < $${first + 1}::uuid
      or (e.id = $${first + 1}::uuid and r.position > $${first + 2}::int))))`;
const ORDER = `order by e.starts_at desc, e.id desc, r.position`;

const CURSOR = ['timestamp', 'uuid', 'number'] as const;

/**
 * A meeting's recommendations: written by officers and the event's rapporteur while the event
 * is held or reported, followed up by officers (status, with a note) and by focal points of the
 * States they are addressed to (notes for their State). Every read goes through the one rule,
 * visibleRecommendation.
 */
@Injectable()
export class RecommendationsService {
  constructor(private readonly audit: AuditService) {}

  /** Across events, filtered, a page at a time. */
  async list(query: RecommendationQuery): Promise<RecommendationPage> {
    const cursor = decodeCursor(query.after, CURSOR);
    const rows = await sql(
      requestContext.current().manager,
      `select ${COLUMNS} from ${FROM}
        where ${VISIBLE} ${FILTERS} ${AFTER(11)}
        ${ORDER}
        limit $14`,
      [
        ...this.visibility(),
        ...filterValues(query),
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        cursor?.[2] ?? null,
        query.limit + 1,
      ],
      RecommendationRow,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toRecommendation),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.starts_key, last.event_id, last.position])
          : null,
    };
  }

  /**
   * What the list shows for these filters, as CSV (RFC 4180, UTF-8 with a byte order mark so
   * spreadsheets read the accents), up to RECOMMENDATION_EXPORT_MAX rows. Codes, not labels:
   * the file is read in any language.
   */
  async exportCsv(query: RecommendationExportQuery): Promise<string> {
    const rows = await sql(
      requestContext.current().manager,
      `select ${COLUMNS} from ${FROM}
        where ${VISIBLE} ${FILTERS}
        ${ORDER}
        limit $11`,
      [...this.visibility(), ...filterValues(query), RECOMMENDATION_EXPORT_MAX],
      RecommendationRow,
    );
    const header = [
      'number',
      'event',
      'event_date',
      'thematic_area',
      'addressed_states',
      'addressed_to_organisation',
      'addressed_partners',
      'status',
      'text',
      'updated_at',
    ];
    const lines = rows.map((row) =>
      [
        `R${row.position}`,
        row.event_title,
        localDate(row.event_starts_at, row.event_time_zone),
        row.thematic_area,
        row.addressed_states.map((code) => code.trim()).join(' '),
        row.addressed_to_organisation ? 'yes' : 'no',
        row.addressed_partners.join('; '),
        row.status,
        row.text,
        row.updated_at.toISOString(),
      ]
        .map(csvField)
        .join(','),
    );
    return '\uFEFF' + [header.join(','), ...lines].map((line) => `${line}\r\n`).join('');
  }

  /** One recommendation the caller may see, with its history, or 404. */
  async get(id: string): Promise<RecommendationDetail> {
    const row = await this.find(id);
    const [detail] = await this.withHistory([row]);
    if (!detail) throw notFound('Recommendation');
    return detail;
  }

  /** The event's tab: every recommendation of an event the caller may see, in order. */
  async forEvent(eventId: string): Promise<EventRecommendations> {
    const event = await this.event(eventId);
    const rows = await sql(
      requestContext.current().manager,
      `select ${COLUMNS}, ${eventRapporteur('e', '$1')} as rapporteur from ${FROM}
        where r.event_id = $4 and ${VISIBLE}
        order by r.position`,
      [...this.visibility(), eventId],
      AccessRow,
    );
    const mayWrite = this.mayWrite(event);
    return {
      items: await this.withHistory(rows),
      canWrite: mayWrite && recommendationsWritable(event.status),
      canReorder: mayWrite && recommendationsReorderable(event.status),
    };
  }

  async create(eventId: string, input: RecommendationCreate): Promise<RecommendationDetail> {
    const { manager, user } = requestContext.current();
    const event = await this.event(eventId, true);
    this.checkWritable(event);
    // The tenant comes from the event the rule has just found (RLS holds it to this tenant).
    const [created] = await sql(
      manager,
      `insert into recommendations (tenant_id, event_id, position, text, thematic_area,
                                    addressed_states, addressed_to_organisation,
                                    addressed_partners, created_by)
       select tenant_id, id,
              coalesce((select max(position) from recommendations where event_id = $1), 0) + 1,
              $2, $3, $4, $5, $6, $7
         from events where id = $1
       returning id`,
      [eventId, ...contentValues(input), user?.id ?? null],
      IdRow,
    );
    if (!created) throw notFound('Event');
    await this.history(created.id, { from: null, to: 'open', note: null, memberState: null });
    const detail = await this.get(created.id);
    await this.record('recommendation.created', created.id, undefined, auditView(detail));
    return detail;
  }

  async update(id: string, input: RecommendationUpdate): Promise<RecommendationDetail> {
    const before = await this.find(id, true);
    this.checkWritable({
      id: before.event_id,
      status: before.event_status,
      rapporteur: before.rapporteur,
    });
    const [updated] = await sql(
      requestContext.current().manager,
      `update recommendations
          set text = $3, thematic_area = $4, addressed_states = $5,
              addressed_to_organisation = $6, addressed_partners = $7,
              version = version + 1, updated_at = now()
        where id = $1 and version = $2
        returning id`,
      [id, input.version, ...contentValues(input)],
      IdRow,
    );
    if (!updated) throw staleVersion();
    const after = await this.get(id);
    await this.record(
      'recommendation.updated',
      id,
      auditView(toRecommendation(before)),
      auditView(after),
    );
    return after;
  }

  /** Every recommendation of the event, once, in the order given: their numbers follow. */
  async reorder(eventId: string, order: RecommendationOrder): Promise<EventRecommendations> {
    const { manager } = requestContext.current();
    const event = await this.event(eventId, true);
    this.checkWritable(event);
    if (!recommendationsReorderable(event.status)) {
      throw new RecommendationsException(
        409,
        'recommendations-locked',
        'The recommendations keep their numbers now',
        'Once the event is reported its recommendations are cited by number; new ones are added at the end.',
      );
    }
    const current = await sql(
      manager,
      `select id from recommendations where event_id = $1 for update`,
      [eventId],
      IdRow,
    );
    const known = new Set(current.map((row) => row.id));
    const ids = order.recommendationIds;
    if (ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw new RecommendationsException(400, 'validation', 'The request is not valid', undefined, [
        { path: 'recommendationIds', message: 'must list every recommendation of the event once' },
      ]);
    }
    // The numbers' unique key is deferred to the commit, so they may swap in one statement.
    await sql(
      manager,
      `update recommendations r set position = array_position($2::uuid[], r.id)
        where r.event_id = $1`,
      [eventId, ids],
    );
    await this.audit.record({
      action: 'recommendation.reordered',
      entity: 'event',
      entityId: eventId,
      after: { recommendationIds: ids },
    });
    return this.forEvent(eventId);
  }

  /**
   * A step of follow-up. Officers may move the status (with the version they read, and a note)
   * or add a note; a focal point of a State the recommendation is addressed to adds a note for
   * their State, and never moves the status.
   */
  async followUp(id: string, input: RecommendationFollowUpCreate): Promise<RecommendationDetail> {
    const { manager, tenant } = requestContext.current();
    const row = await this.find(id, true);
    const manages = !!tenant && can(tenant.role, 'events.manage');
    const state = this.addressedState(row);
    if (!manages && !state) throw forbidden();
    if (input.status !== undefined) {
      if (!manages) {
        throw new RecommendationsException(
          403,
          'forbidden',
          'Only programme officers set the follow-up status',
          'Add a note for your State instead.',
        );
      }
      if (input.version !== row.version) throw staleVersion();
      const decision = followUpAllowed(row.status, input.status);
      if (!decision.ok) {
        throw new RecommendationsException(409, 'conflict', 'Nothing to change', decision.reason);
      }
      await sql(
        manager,
        `update recommendations set status = $2, version = version + 1, updated_at = now()
          where id = $1`,
        [id, input.status],
      );
    }
    await this.history(id, {
      from: input.status !== undefined ? row.status : null,
      to: input.status ?? null,
      note: input.note,
      memberState: manages ? null : state,
    });
    await this.record(
      input.status !== undefined ? 'recommendation.status_changed' : 'recommendation.noted',
      id,
      { status: row.status },
      { status: input.status ?? row.status, note: input.note },
    );
    return this.get(id);
  }

  /** The public page: recommendations of a tenant's public, reported or closed events. */
  async publicList(slug: string, limit: number, after?: string): Promise<PublicRecommendationPage> {
    const { manager } = requestContext.current();
    if (!TENANT_SLUG_PATTERN.test(slug) || slug === 'platform') throw notFound('Organisation');
    const tenant = await manager.findOne(Tenant, {
      select: { id: true, name: true },
      where: { slug },
    });
    if (!tenant) throw notFound('Organisation');
    await applyScope(manager, { tenantId: tenant.id });
    const cursor = decodeCursor(after, CURSOR);
    const rows = await sql(
      manager,
      `select ${COLUMNS} from ${FROM}
        where ${visibleRecommendation('r', NOBODY)} ${AFTER(1)}
        ${ORDER}
        limit $4`,
      [cursor?.[0] ?? null, cursor?.[1] ?? null, cursor?.[2] ?? null, limit + 1],
      RecommendationRow,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      tenant: { name: tenant.name },
      items: page.map(toPublicRecommendation),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([last.starts_key, last.event_id, last.position])
          : null,
    };
  }

  /** The caller, with their role in this tenant, as the rule's parameters. */
  private visibility() {
    const { user, tenant } = requestContext.current();
    return visibilityOf(user?.id ?? null, tenant);
  }

  /** One recommendation the caller may see (404 otherwise), and whether they are its rapporteur. */
  private async find(id: string, forUpdate = false): Promise<AccessRow> {
    if (!isUuid(id)) throw notFound('Recommendation');
    const [row] = await sql(
      requestContext.current().manager,
      `select ${COLUMNS}, ${eventRapporteur('e', '$1')} as rapporteur from ${FROM}
        where r.id = $4 and ${VISIBLE}
        ${forUpdate ? 'for update of r' : ''}`,
      [...this.visibility(), id],
      AccessRow,
    );
    if (!row) throw notFound('Recommendation');
    return row;
  }

  /** An event the caller may see under the events' own rule (404 otherwise). */
  private async event(id: string, forUpdate = false): Promise<EventAccessRow> {
    if (!isUuid(id)) throw notFound('Event');
    const [row] = await sql(
      requestContext.current().manager,
      `select e.id, e.status, ${eventRapporteur('e', '$1')} as rapporteur
         from events e
        where e.id = $4 and ${visibleEvent('e', viewerParams(1))}
        ${forUpdate ? 'for update of e' : ''}`,
      [...this.visibility(), id],
      EventAccessRow,
    );
    if (!row) throw notFound('Event');
    return row;
  }

  /** Officers and admins write any event's recommendations; an expert only as its rapporteur. */
  private mayWrite(event: { rapporteur: boolean }): boolean {
    const { tenant } = requestContext.current();
    if (!tenant || !can(tenant.role, 'recommendations.write')) return false;
    return can(tenant.role, 'events.manage') || event.rapporteur;
  }

  private checkWritable(event: EventAccessRow): void {
    if (!this.mayWrite(event)) throw forbidden();
    if (!recommendationsWritable(event.status)) {
      throw new RecommendationsException(
        409,
        'recommendations-locked',
        'Recommendations are written once the event is held',
        'An event’s recommendations are added and edited while it is held or reported.',
      );
    }
  }

  /** The focal point's State, when the recommendation is addressed to it. */
  private addressedState(row: RecommendationRow): string | null {
    const { tenant } = requestContext.current();
    if (!tenant || !can(tenant.role, 'recommendations.follow_up')) return null;
    const state = tenant.memberStateCode;
    if (tenant.role !== 'focal_point' || !state) return null;
    return row.addressed_states.some((code) => code.trim() === state) ? state : null;
  }

  /** Rows with their follow-up history (one statement for all) and what the caller may do. */
  private async withHistory(rows: AccessRow[]): Promise<RecommendationDetail[]> {
    if (rows.length === 0) return [];
    const { manager, tenant } = requestContext.current();
    const history = await sql(
      manager,
      `select f.id, f.recommendation_id, f.from_status, f.to_status, f.note,
              f.member_state_code::text as member_state_code, f.actor_id, u.name as actor_name, f.at
         from recommendation_follow_ups f left join users u on u.id = f.actor_id
        where f.recommendation_id = any ($1::uuid[])
        order by f.at, f.id`,
      [rows.map((row) => row.id)],
      FollowUpRow,
    );
    const byRecommendation = new Map<string, RecommendationFollowUp[]>();
    for (const entry of history) {
      const list = byRecommendation.get(entry.recommendation_id) ?? [];
      list.push({
        id: entry.id,
        fromStatus: entry.from_status,
        toStatus: entry.to_status,
        note: entry.note,
        memberState: entry.member_state_code?.trim() ?? null,
        actor: entry.actor_id ? { id: entry.actor_id, name: entry.actor_name ?? '' } : null,
        at: entry.at.toISOString(),
      });
      byRecommendation.set(entry.recommendation_id, list);
    }
    const manages = !!tenant && can(tenant.role, 'events.manage');
    return rows.map((row) => ({
      ...toRecommendation(row),
      followUps: byRecommendation.get(row.id) ?? [],
      canEdit:
        this.mayWrite({ rapporteur: row.rapporteur }) && recommendationsWritable(row.event_status),
      canSetStatus: manages,
      canAddNote: manages || this.addressedState(row) !== null,
    }));
  }

  private async history(
    recommendationId: string,
    step: {
      from: string | null;
      to: string | null;
      note: string | null;
      memberState: string | null;
    },
  ): Promise<void> {
    const { manager, user } = requestContext.current();
    await sql(
      manager,
      `insert into recommendation_follow_ups (tenant_id, recommendation_id, from_status, to_status,
                                              note, member_state_code, actor_id)
       select tenant_id, id, $2, $3, $4, $5, $6 from recommendations where id = $1`,
      [recommendationId, step.from, step.to, step.note, step.memberState, user?.id ?? null],
    );
  }

  private record(action: string, id: string, before?: unknown, after?: unknown) {
    return this.audit.record({ action, entity: 'recommendation', entityId: id, before, after });
  }
}

function filterValues(query: RecommendationExportQuery): unknown[] {
  return [
    query.thematicArea ?? null,
    query.state ?? null,
    query.region ?? null,
    query.status ?? null,
    query.eventId ?? null,
    query.year ?? null,
    query.q ?? null,
  ];
}

function contentValues(input: RecommendationCreate): unknown[] {
  return [
    input.text,
    input.thematicArea,
    input.addressedStates,
    input.addressedToOrganisation,
    input.addressedPartners,
  ];
}

function toPublicRecommendation(row: RecommendationRow): PublicRecommendation {
  return {
    id: row.id,
    event: {
      id: row.event_id,
      title: row.event_title,
      startsAt: row.event_starts_at.toISOString(),
      timeZone: row.event_time_zone,
      status: row.event_status,
    },
    number: row.position,
    text: row.text,
    thematicArea: row.thematic_area,
    addressedStates: row.addressed_states.map((code) => code.trim()),
    addressedToOrganisation: row.addressed_to_organisation,
    addressedPartners: row.addressed_partners,
    status: row.status,
  };
}

function toRecommendation(row: RecommendationRow): Recommendation {
  return {
    ...toPublicRecommendation(row),
    version: row.version,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the audit log keeps of a recommendation: its content and status, no history. */
function auditView(recommendation: Recommendation) {
  return {
    eventId: recommendation.event.id,
    number: recommendation.number,
    text: recommendation.text,
    thematicArea: recommendation.thematicArea,
    addressedStates: recommendation.addressedStates,
    addressedToOrganisation: recommendation.addressedToOrganisation,
    addressedPartners: recommendation.addressedPartners,
    status: recommendation.status,
  };
}

/** The event's start as a date where it takes place (YYYY-MM-DD). */
function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

const staleVersion = () =>
  new RecommendationsException(
    409,
    'stale-version',
    'Someone changed this recommendation meanwhile',
    'Reload it to see the changes, then apply yours again.',
  );
