import {
  type BulkDeliveryCreate,
  type BulkDeliveryResult,
  type Coverage,
  type CoverageQuery,
  type Delivery,
  DeliveryChannel,
  type DeliveryCreate,
  type DeliveryPage,
  type DeliveryPreview,
  type DeliveryQuery,
  type DeliveryUpdate,
  DELIVERY_EVENT_STATUSES,
  type Edition,
  type EditionCreate,
  EditionFormat,
  EditionLanguage,
  type EditionList,
  type EditionUpdate,
  EventStatus,
  GeographicRegion,
  RegionalGroup,
} from '@convene/contracts';
import { bulkHandOut, can, coverage } from '@convene/domain';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import {
  documentViewerParams,
  documentVisibilityOf,
  visibleDocument,
} from '../documents/document-visibility';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { requireLinkableRequest } from '../requests/request-visibility';
import { DeliveryException } from './delivery.exception';
import { visibleDelivery } from './delivery-visibility';

const EditionRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  language: EditionLanguage,
  format: EditionFormat,
  edition_year: z.number().int(),
  version_label: z.string(),
  isbn: z.string().nullable(),
  sales_number: z.string().nullable(),
  document_id: z.guid().nullable(),
  document_title: z.string().nullable(),
  is_example: z.boolean(),
  deliveries: z.number().int(),
  copies: z.number().int(),
  version: z.number().int(),
  updated_at: z.date(),
});
type EditionRow = z.infer<typeof EditionRow>;

/** Editions with their file (when the caller may see it) and what was delivered of them: $1–$5. */
const EDITIONS = `select ed.id, ed.title, ed.language, ed.format, ed.edition_year, ed.version_label,
    ed.isbn, ed.sales_number, doc.id as document_id, doc.title as document_title, ed.is_example,
    coalesce(counted.deliveries, 0)::int as deliveries, coalesce(counted.copies, 0)::int as copies,
    ed.version, ed.updated_at
  from tool_editions ed
  left join documents doc on doc.tenant_id = ed.tenant_id and doc.id = ed.document_id
    and ${visibleDocument('doc', documentViewerParams(1))}
  left join lateral (
    select count(*) as deliveries, sum(d.quantity) as copies from tool_deliveries d
     where d.tenant_id = ed.tenant_id and d.edition_id = ed.id) counted on true`;

const DeliveryRow = z.strictObject({
  id: z.guid(),
  edition_id: z.guid(),
  edition_title: z.string(),
  edition_language: EditionLanguage,
  edition_format: EditionFormat,
  edition_is_example: z.boolean(),
  quantity: z.number().int(),
  channel: DeliveryChannel,
  member_state: z.string(),
  institution: z.string(),
  delivered_on: z.string(),
  event_id: z.guid().nullable(),
  event_title: z.string().nullable(),
  event_status: EventStatus.nullable(),
  request_id: z.guid().nullable(),
  bulk: z.boolean(),
  created_by: z.guid().nullable(),
  created_by_name: z.string().nullable(),
  created_at: z.date(),
  version: z.number().int(),
});
type DeliveryRow = z.infer<typeof DeliveryRow>;

/** The caller as $1–$3 (Visibility): the one rule of deliveries, and the events' for the event. */
const VIEWER = viewerParams(1);
const VISIBLE = visibleDelivery('d', VIEWER);
/** The same rule on $1–$2 (the State and whether the caller manages), for a bare delivery row. */
const STORED_VISIBLE = visibleDelivery('d', {
  userId: 'null::uuid',
  memberState: '$1::char(3)',
  manages: '$2::boolean',
});

const DELIVERY_COLUMNS = `d.id, ed.id as edition_id, ed.title as edition_title,
  ed.language as edition_language, ed.format as edition_format, ed.is_example as edition_is_example,
  d.quantity, d.channel, d.member_state_code::text as member_state, d.institution,
  d.delivered_on::text as delivered_on,
  case when shown_event.visible then e.id end as event_id,
  case when shown_event.visible then e.title end as event_title,
  case when shown_event.visible then e.status end as event_status,
  d.request_id, d.batch_id is not null as bulk, u.id as created_by, u.name as created_by_name,
  d.created_at, d.version`;

const DELIVERY_FROM = `tool_deliveries d
  join tool_editions ed on ed.tenant_id = d.tenant_id and ed.id = d.edition_id
  left join events e on e.tenant_id = d.tenant_id and e.id = d.event_id
  left join lateral (select e.id is not null and ${visibleEvent('e', VIEWER)} as visible) shown_event on true
  left join users u on u.id = d.created_by`;

/** The register's filters, on $4–$11 (DeliveryQuery). */
const FILTERS = `and ($4::char(3) is null or d.member_state_code = $4)
  and ($5::uuid is null or d.edition_id = $5)
  and ($6::uuid is null or d.event_id = $6)
  and ($7::text is null or d.channel = $7)
  and ($8::text is null or ed.language = $8)
  and ($9::text is null or ed.format = $9)
  and ($10::date is null or d.delivered_on >= $10)
  and ($11::date is null or d.delivered_on <= $11)`;

const CURSOR = ['text', 'uuid'] as const;

/** A delivery as stored, for a correction or a deletion (ids, not what the caller may see). */
const StoredDelivery = z.strictObject({
  edition_id: z.guid(),
  quantity: z.number().int(),
  channel: DeliveryChannel,
  member_state: z.string(),
  institution: z.string(),
  delivered_on: z.string(),
  event_id: z.guid().nullable(),
  request_id: z.guid().nullable(),
  batch_id: z.guid().nullable(),
  version: z.number().int(),
});
type StoredDelivery = z.infer<typeof StoredDelivery>;

const StateRow = z.strictObject({
  alpha3: z.string(),
  regional_group: RegionalGroup.nullable(),
  region: GeographicRegion,
});

const CoverageRow = z.strictObject({
  member_state: z.string(),
  language: EditionLanguage,
  format: EditionFormat,
  event_id: z.guid().nullable(),
  event_title: z.string().nullable(),
  deliveries: z.number().int(),
  copies: z.number().int(),
  last_delivered_on: z.string(),
});

const EventRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  status: EventStatus,
  ends_on: z.string(),
});
type EventRow = z.infer<typeof EventRow>;

const AttendingRow = z.strictObject({ member_state: z.string(), attending: z.number().int() });

/**
 * The technical assistance tool's editions and the register of their deliveries to States, and
 * the coverage they add up to. Every read of deliveries goes through the one rule,
 * visibleDelivery; officers and admins write (the routes' permissions), focal points read their
 * State's.
 */
@Injectable()
export class DeliveryService {
  constructor(private readonly audit: AuditService) {}

  /** Every edition, newest first, with its file and what was delivered of it. */
  async editions(): Promise<EditionList> {
    const rows = await sql(
      requestContext.current().manager,
      `${EDITIONS} order by ed.edition_year desc, ed.language, ed.format, ed.title, ed.id limit 1000`,
      this.documentViewer(),
      EditionRow,
    );
    return { items: rows.map(toEdition) };
  }

  async createEdition(body: EditionCreate): Promise<Edition> {
    const { manager, tenant, user } = requestContext.current();
    await this.checkEdition(body, null);
    const [created] = await sql<{ id: string }>(
      manager,
      `insert into tool_editions (tenant_id, title, language, format, edition_year, version_label,
                                  isbn, sales_number, document_id, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [
        tenant?.id,
        body.title,
        body.language,
        body.format,
        body.editionYear,
        body.versionLabel,
        body.isbn,
        body.salesNumber,
        body.documentId,
        user?.id ?? null,
      ],
    );
    if (!created) throw new Error('edition not inserted');
    const edition = await this.edition(created.id);
    await this.audit.record({
      action: 'tool_edition.created',
      entity: 'tool_edition',
      entityId: edition.id,
      after: body,
    });
    return edition;
  }

  /** Replaces an edition's description, given the version it was read at (409 if stale). */
  async updateEdition(id: string, body: EditionUpdate): Promise<Edition> {
    const { manager } = requestContext.current();
    const before = await this.edition(id, true);
    if (before.version !== body.version) {
      throw new DeliveryException(
        409,
        'stale-version',
        'Someone changed this edition meanwhile',
        'Reload it to see the changes, then apply yours again.',
        changedFields(before, body),
      );
    }
    await this.checkEdition(body, id);
    await sql(
      manager,
      `update tool_editions set title = $2, language = $3, format = $4, edition_year = $5,
              version_label = $6, isbn = $7, sales_number = $8, document_id = $9,
              version = version + 1, updated_at = now()
        where id = $1`,
      [
        id,
        body.title,
        body.language,
        body.format,
        body.editionYear,
        body.versionLabel,
        body.isbn,
        body.salesNumber,
        body.documentId,
      ],
    );
    const after = await this.edition(id);
    await this.audit.record({
      action: 'tool_edition.updated',
      entity: 'tool_edition',
      entityId: id,
      before,
      after,
    });
    return after;
  }

  /** The register: deliveries the caller may see, filtered, newest first, a page at a time. */
  async deliveries(query: DeliveryQuery): Promise<DeliveryPage> {
    const { manager, tenant } = requestContext.current();
    const cursor = decodeCursor(query.after, CURSOR);
    const rows = await sql(
      manager,
      `select ${DELIVERY_COLUMNS} from ${DELIVERY_FROM}
        where ${VISIBLE} ${FILTERS}
          and ($12::date is null or d.delivered_on < $12::date
               or (d.delivered_on = $12::date and d.id < $13::uuid))
        order by d.delivered_on desc, d.id desc
        limit $14`,
      [
        ...this.visibility(),
        query.state ?? null,
        query.editionId ?? null,
        query.eventId ?? null,
        query.channel ?? null,
        query.language ?? null,
        query.format ?? null,
        query.from ?? null,
        query.to ?? null,
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        query.limit + 1,
      ],
      DeliveryRow,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDelivery),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.delivered_on, last.id]) : null,
      canRegister: tenant ? can(tenant.role, 'deliveries.manage') : false,
    };
  }

  /** One delivery registered by hand. */
  async register(body: DeliveryCreate): Promise<Delivery> {
    const { manager, tenant, user } = requestContext.current();
    await this.requireEditions([body.editionId]);
    if (body.eventId) await this.event(body.eventId);
    if (body.requestId) await requireLinkableRequest(manager, body.requestId, body.memberState);
    const [created] = await sql<{ id: string }>(
      manager,
      `insert into tool_deliveries (tenant_id, edition_id, quantity, channel, member_state_code,
                                    institution, delivered_on, event_id, request_id, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [
        tenant?.id,
        body.editionId,
        body.quantity,
        body.channel,
        body.memberState,
        body.institution,
        body.deliveredOn,
        body.eventId,
        body.requestId,
        user?.id ?? null,
      ],
    );
    if (!created) throw new Error('delivery not inserted');
    await this.audit.record({
      action: 'tool_delivery.registered',
      entity: 'tool_delivery',
      entityId: created.id,
      after: body,
    });
    const [delivery] = await this.deliveriesWhere('d.id = $4', [created.id]);
    if (!delivery) throw notFound('Delivery');
    return delivery;
  }

  /** One delivery the caller may see (404 otherwise). */
  async delivery(id: string): Promise<Delivery> {
    if (!isUuid(id)) throw notFound('Delivery');
    const [delivery] = await this.deliveriesWhere('d.id = $4', [id]);
    if (!delivery) throw notFound('Delivery');
    return delivery;
  }

  /**
   * Corrects a registered delivery, given the version it was read at (409 listing what changed
   * if stale). A delivery of a bulk hand-out keeps its edition, State and event: they are the
   * key the hand-out holds once per event, and its quantity came from that event's attendance.
   */
  async updateDelivery(id: string, body: DeliveryUpdate): Promise<Delivery> {
    const { manager } = requestContext.current();
    const before = await this.storedDelivery(id);
    if (before.version !== body.version) {
      throw new DeliveryException(
        409,
        'stale-version',
        'Someone changed this delivery meanwhile',
        'Reload it to see the changes, then apply yours again.',
        changedDeliveryFields(before, body),
      );
    }
    if (before.batch_id !== null) {
      const kept = (
        [
          ['editionId', before.edition_id, body.editionId],
          ['memberState', before.member_state, body.memberState],
          ['eventId', before.event_id, body.eventId],
        ] as const
      ).filter(([, stored, sent]) => stored !== sent);
      if (kept.length > 0) {
        throw new DeliveryException(
          422,
          'unprocessable',
          'A hand-out’s edition, State and event stay as registered',
          'Delete the delivery and register the right one instead.',
          kept.map(([path]) => ({ path, message: 'cannot change on a bulk hand-out' })),
        );
      }
    }
    if (body.editionId !== before.edition_id) await this.requireEditions([body.editionId]);
    if (body.eventId && body.eventId !== before.event_id) await this.event(body.eventId);
    if (
      body.requestId &&
      (body.requestId !== before.request_id || body.memberState !== before.member_state)
    ) {
      await requireLinkableRequest(manager, body.requestId, body.memberState);
    }
    await sql(
      manager,
      `update tool_deliveries set edition_id = $2, quantity = $3, channel = $4,
              member_state_code = $5, institution = $6, delivered_on = $7, event_id = $8,
              request_id = $9, version = version + 1, updated_at = now()
        where id = $1`,
      [
        id,
        body.editionId,
        body.quantity,
        body.channel,
        body.memberState,
        body.institution,
        body.deliveredOn,
        body.eventId,
        body.requestId,
      ],
    );
    const after = await this.storedDelivery(id);
    await this.audit.record({
      action: 'tool_delivery.updated',
      entity: 'tool_delivery',
      entityId: id,
      before: deliveryFacts(before),
      after: deliveryFacts(after),
    });
    return this.delivery(id);
  }

  /** Deletes a registered delivery, given the version it was read at (409 if changed since). */
  async deleteDelivery(id: string, version: number): Promise<void> {
    const { manager } = requestContext.current();
    const before = await this.storedDelivery(id);
    if (before.version !== version) {
      throw new DeliveryException(
        409,
        'stale-version',
        'Someone changed this delivery meanwhile',
        'Reload it, check it is still the one to delete, and delete it again.',
        [{ path: 'version', message: `is now ${before.version}` }],
      );
    }
    await sql(manager, `delete from tool_deliveries where id = $1`, [id]);
    await this.audit.record({
      action: 'tool_delivery.deleted',
      entity: 'tool_delivery',
      entityId: id,
      before: deliveryFacts(before),
    });
  }

  /** A delivery as stored, locked for this transaction, under the one rule (404 otherwise). */
  private async storedDelivery(id: string): Promise<StoredDelivery> {
    if (!isUuid(id)) throw notFound('Delivery');
    const [row] = await sql(
      requestContext.current().manager,
      `select d.edition_id, d.quantity, d.channel, d.member_state_code::text as member_state,
              d.institution, d.delivered_on::text as delivered_on, d.event_id, d.request_id,
              d.batch_id, d.version
         from tool_deliveries d
        where d.id = $3 and ${STORED_VISIBLE}
        for update of d`,
      // The rule reads the State and whether the caller manages, not who they are.
      [...this.visibility().slice(1), id],
      StoredDelivery,
    );
    if (!row) throw notFound('Delivery');
    return row;
  }

  /** Who attended the event, per State, and what was already handed out there. */
  async preview(eventId: string): Promise<DeliveryPreview> {
    const event = await this.event(eventId);
    const states = await this.attending(event.id);
    const registered = await sql(
      requestContext.current().manager,
      `select d.edition_id, array_agg(distinct d.member_state_code::text order by d.member_state_code::text) as states
           from tool_deliveries d
          where d.event_id = $1 and d.batch_id is not null
          group by d.edition_id order by d.edition_id`,
      [event.id],
      z.strictObject({ edition_id: z.guid(), states: z.array(z.string()) }),
    );
    return {
      event: { id: event.id, title: event.title, status: event.status, endsOn: event.ends_on },
      eligible: tookPlace(event.status),
      states: states.map((row) => ({ memberState: row.member_state, attending: row.attending })),
      registered: registered.map((row) => ({ editionId: row.edition_id, states: row.states })),
    };
  }

  /**
   * "Every attending participant received …": one delivery per edition and State, of the
   * copies per participant times the State's attending participants, in this transaction. The
   * client's key makes a repeated submission answer what the first registered; an edition
   * already handed out at this event is refused (409), and two submissions racing each other
   * are decided by the database's unique index on (event, edition, State).
   */
  async bulk(eventId: string, body: BulkDeliveryCreate): Promise<BulkDeliveryResult> {
    const { manager, tenant, user } = requestContext.current();
    const event = await this.event(eventId);
    const [batch] = await sql<{ id: string }>(
      manager,
      `insert into tool_delivery_batches (tenant_id, id, event_id, created_by)
       values ($1, $2, $3, $4) on conflict (tenant_id, id) do nothing returning id`,
      [tenant?.id, body.key, event.id, user?.id ?? null],
    );
    if (!batch) {
      const [earlier] = await sql(
        manager,
        `select event_id from tool_delivery_batches where id = $1`,
        [body.key],
        z.strictObject({ event_id: z.guid() }),
      );
      if (earlier?.event_id !== event.id) {
        throw new DeliveryException(
          409,
          'conflict',
          'This submission key was used for another event',
          'Open the hand-out again from the event to register it.',
        );
      }
      return { items: await this.deliveriesWhere('d.batch_id = $4', [body.key]), created: false };
    }
    if (!tookPlace(event.status)) {
      throw new DeliveryException(
        409,
        'conflict',
        'The meeting has not taken place',
        'A hand-out to its participants is registered once the event is held.',
      );
    }
    await this.requireEditions(body.editions.map((edition) => edition.editionId));
    const already = await sql(
      manager,
      `select distinct d.edition_id from tool_deliveries d
        where d.event_id = $1 and d.batch_id is not null and d.edition_id = any ($2::uuid[])`,
      [event.id, body.editions.map((edition) => edition.editionId)],
      z.strictObject({ edition_id: z.guid() }),
    );
    if (already.length > 0) {
      throw new DeliveryException(
        409,
        'conflict',
        'Already handed out at this event',
        'These editions were registered for this event’s participants before.',
        already.map((row) => ({ path: 'editions', message: row.edition_id })),
      );
    }
    const rows = bulkHandOut(
      (await this.attending(event.id)).map((row) => ({
        memberState: row.member_state,
        attending: row.attending,
      })),
      body.editions,
    );
    if (rows.length === 0) {
      throw new DeliveryException(
        422,
        'unprocessable',
        'Nobody attended this event',
        'Record attendance first: the hand-out counts the participants who attended.',
      );
    }
    await sql(
      manager,
      `insert into tool_deliveries (tenant_id, edition_id, quantity, channel, member_state_code,
                                    delivered_on, event_id, batch_id, created_by)
       select $1, r.edition_id, r.quantity, $2, r.member_state, $3, $4, $5, $6
         from unnest($7::uuid[], $8::int[], $9::char(3)[]) as r(edition_id, quantity, member_state)`,
      [
        tenant?.id,
        body.channel,
        body.deliveredOn,
        event.id,
        body.key,
        user?.id ?? null,
        rows.map((row) => row.editionId),
        rows.map((row) => row.quantity),
        rows.map((row) => row.memberState),
      ],
    );
    await this.audit.record({
      action: 'tool_delivery.bulk_registered',
      entity: 'event',
      entityId: event.id,
      after: { key: body.key, channel: body.channel, deliveredOn: body.deliveredOn, rows },
    });
    return { items: await this.deliveriesWhere('d.batch_id = $4', [body.key]), created: true };
  }

  /**
   * Coverage per State within the filters (a period, a UN regional group, a geographic
   * region): which languages and formats reached it, when last, through which events; the same
   * per region and group; the States never reached. Aggregated in SQL by State, language,
   * format and event, then put together by the domain's `coverage`. The dashboards and the State
   * page read this function.
   */
  async coverageByState(filters: CoverageQuery): Promise<Coverage> {
    const { manager } = requestContext.current();
    const states = await sql(
      manager,
      `select ms.alpha3::text as alpha3, ms.regional_group, ms.geographic_region as region
           from member_states ms
          where ($1::text is null or ms.regional_group = $1)
            and ($2::text is null or ms.geographic_region = $2)
          order by ms.alpha3`,
      [filters.regionalGroup ?? null, filters.region ?? null],
      StateRow,
    );
    const rows = await sql(
      manager,
      `select d.member_state_code::text as member_state, ed.language, ed.format,
                case when shown_event.visible then e.id end as event_id,
                case when shown_event.visible then e.title end as event_title,
                count(*)::int as deliveries, sum(d.quantity)::int as copies,
                max(d.delivered_on)::text as last_delivered_on
           from ${DELIVERY_FROM}
          where ${VISIBLE}
            and ($4::date is null or d.delivered_on >= $4)
            and ($5::date is null or d.delivered_on <= $5)
          group by 1, 2, 3, 4, 5`,
      [...this.visibility(), filters.from ?? null, filters.to ?? null],
      CoverageRow,
    );
    return coverage(
      rows.map((row) => ({
        memberState: row.member_state,
        deliveries: row.deliveries,
        language: row.language,
        format: row.format,
        quantity: row.copies,
        deliveredOn: row.last_delivered_on,
        event:
          row.event_id && row.event_title !== null
            ? { id: row.event_id, title: row.event_title }
            : null,
      })),
      states.map((state) => ({
        alpha3: state.alpha3,
        regionalGroup: state.regional_group,
        region: state.region,
      })),
    );
  }

  /** The caller, with their role in this tenant, as the rules' parameters. */
  private visibility() {
    const { user, tenant } = requestContext.current();
    return visibilityOf(user?.id ?? null, tenant);
  }

  private documentViewer() {
    const { user, tenant } = requestContext.current();
    if (!user || !tenant) throw notFound('Organisation');
    return documentVisibilityOf(user.id, tenant);
  }

  private async deliveriesWhere(condition: string, parameters: unknown[]): Promise<Delivery[]> {
    const rows = await sql(
      requestContext.current().manager,
      `select ${DELIVERY_COLUMNS} from ${DELIVERY_FROM}
        where ${VISIBLE} and ${condition}
        order by d.delivered_on desc, ed.title, d.member_state_code, d.id`,
      [...this.visibility(), ...parameters],
      DeliveryRow,
    );
    return rows.map(toDelivery);
  }

  /** One edition (404 otherwise). */
  private async edition(id: string, forUpdate = false): Promise<Edition> {
    if (!isUuid(id)) throw notFound('Edition');
    const [row] = await sql(
      requestContext.current().manager,
      `${EDITIONS} where ed.id = $6 ${forUpdate ? 'for update of ed' : ''}`,
      [...this.documentViewer(), id],
      EditionRow,
    );
    if (!row) throw notFound('Edition');
    return toEdition(row);
  }

  /** The editions named exist (404 otherwise). */
  private async requireEditions(ids: string[]): Promise<void> {
    const rows = await sql(
      requestContext.current().manager,
      `select id from tool_editions where id = any ($1::uuid[])`,
      [ids],
      z.strictObject({ id: z.guid() }),
    );
    if (rows.length !== new Set(ids).size) throw notFound('Edition');
  }

  /** An edition's ISBN is the tenant's once; its file is a library document the caller sees. */
  private async checkEdition(body: EditionCreate, id: string | null): Promise<void> {
    const { manager } = requestContext.current();
    if (body.isbn) {
      const [taken] = await sql(
        manager,
        `select id from tool_editions where isbn = $1 and ($2::uuid is null or id <> $2)`,
        [body.isbn, id],
        z.strictObject({ id: z.guid() }),
      );
      if (taken) {
        throw new DeliveryException(409, 'conflict', 'Another edition has this ISBN', undefined, [
          { path: 'isbn', message: 'is already the ISBN of another edition' },
        ]);
      }
    }
    if (body.documentId) {
      const [document] = await sql(
        manager,
        `select doc.id from documents doc
          where doc.id = $6 and doc.event_id is null and ${visibleDocument('doc', documentViewerParams(1))}`,
        [...this.documentViewer(), body.documentId],
        z.strictObject({ id: z.guid() }),
      );
      if (!document) {
        throw new DeliveryException(
          422,
          'unprocessable',
          'The file must be a document of the library',
          undefined,
          [{ path: 'documentId', message: 'is not a library document you may see' }],
        );
      }
    }
  }

  /** An event the caller may see (404 otherwise), with the day it ended at its venue. */
  private async event(id: string): Promise<EventRow> {
    if (!isUuid(id)) throw notFound('Event');
    const [row] = await sql(
      requestContext.current().manager,
      `select e.id, e.title, e.status, (e.ends_at at time zone e.time_zone)::date::text as ends_on
         from events e
        where e.id = $4 and ${visibleEvent('e', VIEWER)}`,
      [...this.visibility(), id],
      EventRow,
    );
    if (!row) throw notFound('Event');
    return row;
  }

  /** The event's participants who attended (fully or partly, at least one day), per State. */
  private attending(eventId: string) {
    return sql(
      requestContext.current().manager,
      `select n.member_state_code::text as member_state, count(*)::int as attending
         from nominations n
        where n.event_id = $1 and n.status = 'approved'
          and exists (select from attendance a
                       where a.tenant_id = n.tenant_id and a.nomination_id = n.id
                         and a.status in ('attended', 'partly'))
        group by n.member_state_code
        order by n.member_state_code`,
      [eventId],
      AttendingRow,
    );
  }
}

const tookPlace = (status: EventStatus) =>
  (DELIVERY_EVENT_STATUSES as readonly string[]).includes(status);

function toEdition(row: EditionRow): Edition {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    format: row.format,
    editionYear: row.edition_year,
    versionLabel: row.version_label,
    isbn: row.isbn,
    salesNumber: row.sales_number,
    document:
      row.document_id && row.document_title !== null
        ? { id: row.document_id, title: row.document_title }
        : null,
    isExample: row.is_example,
    deliveries: row.deliveries,
    copies: row.copies,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    edition: {
      id: row.edition_id,
      title: row.edition_title,
      language: row.edition_language,
      format: row.edition_format,
      isExample: row.edition_is_example,
    },
    quantity: row.quantity,
    channel: row.channel,
    memberState: row.member_state,
    institution: row.institution,
    deliveredOn: row.delivered_on,
    event:
      row.event_id && row.event_title !== null && row.event_status
        ? { id: row.event_id, title: row.event_title, status: row.event_status }
        : null,
    requestId: row.request_id,
    bulk: row.bulk,
    createdBy:
      row.created_by && row.created_by_name !== null
        ? { id: row.created_by, name: row.created_by_name }
        : null,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

/** What differs between the stored edition and the edit that was sent: the 409's details. */
function changedFields(current: Edition, sent: EditionUpdate) {
  const pairs: [string, unknown, unknown][] = [
    ['title', current.title, sent.title],
    ['language', current.language, sent.language],
    ['format', current.format, sent.format],
    ['editionYear', current.editionYear, sent.editionYear],
    ['versionLabel', current.versionLabel, sent.versionLabel],
    ['isbn', current.isbn, sent.isbn],
    ['salesNumber', current.salesNumber, sent.salesNumber],
    ['documentId', current.document?.id ?? null, sent.documentId],
  ];
  return pairs
    .filter(([, now, asSent]) => now !== asSent)
    .map(([path, now]) => ({ path, message: `is now ${now === null ? 'empty' : String(now)}` }));
}

/** A delivery's facts for the audit log: references, counts, dates; nothing personal. */
function deliveryFacts(row: StoredDelivery) {
  return {
    editionId: row.edition_id,
    quantity: row.quantity,
    channel: row.channel,
    memberState: row.member_state,
    institution: row.institution,
    deliveredOn: row.delivered_on,
    eventId: row.event_id,
    requestId: row.request_id,
    batchId: row.batch_id,
    version: row.version,
  };
}

/** What differs between the stored delivery and the correction that was sent: the 409's details. */
function changedDeliveryFields(current: StoredDelivery, sent: DeliveryUpdate) {
  const pairs: [string, unknown, unknown][] = [
    ['editionId', current.edition_id, sent.editionId],
    ['quantity', current.quantity, sent.quantity],
    ['channel', current.channel, sent.channel],
    ['memberState', current.member_state, sent.memberState],
    ['institution', current.institution, sent.institution],
    ['deliveredOn', current.delivered_on, sent.deliveredOn],
    ['eventId', current.event_id, sent.eventId],
    ['requestId', current.request_id, sent.requestId],
  ];
  return pairs
    .filter(([, now, asSent]) => now !== asSent)
    .map(([path, now]) => ({
      path,
      message: `is now ${now === null || now === '' ? 'empty' : String(now)}`,
    }));
}
