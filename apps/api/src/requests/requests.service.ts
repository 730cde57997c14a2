import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  EventCreate,
  type EventDetail,
  EventStatus,
  RegionalGroup,
  REQUEST_ATTACHMENTS_MAX,
  REQUEST_STALE_FIELDS,
  REQUEST_WAITING_STATUSES,
  type RequestAction,
  RequestAction as RequestActionSchema,
  type RequestAssignment,
  type RequestAttachmentUploadQuery,
  type RequestDetail,
  type RequestDraftCreate,
  type RequestDraftUpdate,
  RequestHistoryAction,
  type RequestHomePanel,
  type RequestMessageCreate,
  RequestModality,
  type RequestPage,
  RequestPriority,
  type RequestQuery,
  RequestStatus,
  type RequestSummary,
  type RequestTransition,
  TargetAudience,
  ThematicArea,
} from '@convene/contracts';
import {
  can,
  REQUEST_ACTION_SIDE,
  requestActions,
  requestEditable,
  requestMissing,
  type RequestSide,
  requestTransition,
  requestGapCoverage,
  requestVenue,
  scoreAssessment,
  timeInStatus,
  zonedInstant,
} from '@convene/domain';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { visibleAssessment } from '../assessments/assessment-visibility';
import { QuestionnairesService } from '../assessments/questionnaires.service';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { checkFile, safeFileName } from '../documents/document-file';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { EventsService } from '../events/events.service';
import { visibleRecommendation } from '../recommendations/recommendation-visibility';
import {
  OBJECT_STORE,
  ObjectMissing,
  type ObjectStore,
  requestAttachmentKey,
} from '../storage/storage';
import { advanceRequestsOfEvents } from './request-progress';
import {
  requestViewerParams,
  requestVisibilityOf,
  visibleRequest,
  visibleRequestMessage,
} from './request-visibility';
import { RequestsException } from './requests.exception';
import { notifyOfficers, notifyReviewer, notifyState } from './requests.mail';

/** A request as SUMMARY selects it. */
const SummaryRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  member_state_code: z.string(),
  regional_group: RegionalGroup.nullable(),
  status: RequestStatus,
  priority: RequestPriority.nullable(),
  modality: RequestModality.nullable(),
  thematic_areas: z.array(ThematicArea),
  responsible_officer_id: z.guid().nullable(),
  responsible_officer_name: z.string().nullable(),
  status_since: z.date(),
  submitted_at: z.date().nullable(),
  updated_at: z.date(),
  updated_key: z.string(),
  version: z.number().int(),
});
type SummaryRow = z.infer<typeof SummaryRow>;

const DetailRow = SummaryRow.extend({
  target_audiences: z.array(TargetAudience),
  period_from: z.string().nullable(),
  period_to: z.string().nullable(),
  officials: z.number().int().nullable(),
  institutions: z.array(z.string()),
  description: z.string(),
  expert_reviewer_id: z.guid().nullable(),
  expert_reviewer_name: z.string().nullable(),
  created_by: z.guid().nullable(),
  created_by_name: z.string().nullable(),
  created_at: z.date(),
  field_versions: z.record(z.string(), z.number()),
  tenant_id: z.guid(),
});
type DetailRow = z.infer<typeof DetailRow>;

const SUMMARY = `r.id, r.title, r.member_state_code::text as member_state_code,
  ms.regional_group, r.status, r.priority, r.modality, r.thematic_areas,
  r.responsible_officer_id, ro.name as responsible_officer_name, r.status_since, r.submitted_at,
  r.updated_at, r.updated_at::text as updated_key, r.version`;

const DETAIL = `${SUMMARY}, r.target_audiences, r.period_from::text as period_from,
  r.period_to::text as period_to, r.officials, r.institutions, r.description,
  r.expert_reviewer_id, er.name as expert_reviewer_name, r.created_by, cb.name as created_by_name,
  r.created_at, r.field_versions, r.tenant_id`;

const FROM = `assistance_requests r
  join member_states ms on ms.alpha3 = r.member_state_code
  left join users ro on ro.id = r.responsible_officer_id`;

const DETAIL_FROM = `${FROM}
  left join users er on er.id = r.expert_reviewer_id
  left join users cb on cb.id = r.created_by`;

/** The caller as $1–$3: the one rule of requests. */
const VISIBLE = visibleRequest('r', requestViewerParams(1));

/** The inbox's filters on $4–$8 (RequestQuery). */
const FILTERS = `and ($4::text is null or r.status = $4)
  and ($5::char(3) is null or r.member_state_code = $5)
  and ($6::text is null or ms.regional_group = $6)
  and ($7::text is null or $7 = any (r.thematic_areas))
  and ($8::int is null or r.status_since <= now() - make_interval(days => $8))`;

const CURSOR = ['timestamp', 'uuid'] as const;

const MessageRow = z.strictObject({
  id: z.guid(),
  body: z.string(),
  internal: z.boolean(),
  author_id: z.guid().nullable(),
  author_name: z.string().nullable(),
  at: z.date(),
});
const HistoryRow = z.strictObject({
  id: z.guid(),
  action: RequestHistoryAction,
  from_status: RequestStatus.nullable(),
  to_status: RequestStatus,
  reason: z.string().nullable(),
  actor_id: z.guid().nullable(),
  actor_name: z.string().nullable(),
  at: z.date(),
});
const LinkedEventRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  status: EventStatus,
  starts_at: z.date(),
  time_zone: z.string(),
  thematic_areas: z.array(ThematicArea),
});
const AssessmentRow = z.strictObject({
  id: z.guid(),
  questionnaire_number: z.number().int(),
  answers: z.record(z.string(), z.strictObject({ rating: z.number().int().nullable() }).loose()),
  validated_at: z.date(),
});
const RecommendationRefRow = z.strictObject({
  id: z.guid(),
  position: z.number().int(),
  event_title: z.string(),
  text: z.string(),
});
const AttachmentRow = z.strictObject({
  id: z.guid(),
  file_name: z.string(),
  media_type: z.string(),
  byte_size: z.number().int(),
  uploaded_by: z.guid().nullable(),
  uploaded_by_name: z.string().nullable(),
  side: z.enum(['state', 'officer']),
  at: z.date(),
});
const IdRow = z.strictObject({ id: z.guid() });

const PDF_AND_DOCX = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

/** Where a new event's kind comes from: the modality the State prefers. */
const EVENT_TYPE_OF = {
  national_workshop: 'national_workshop',
  regional_workshop: 'regional_workshop',
  training: 'training_course',
  legislative_advisory: 'expert_group_meeting',
  tool_dissemination: 'launch_event',
} as const;

/**
 * Member States' requests for technical assistance: drafted and submitted by their focal points,
 * reviewed, assessed and decided by officers, answered by linked events that move them on. Every
 * read goes through the one rule, visibleRequest; internal notes through visibleRequestMessage.
 */
@Injectable()
export class RequestsService {
  constructor(
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly questionnaires: QuestionnairesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  /** The inbox and the board: filtered, newest change first, a page at a time. */
  async list(query: RequestQuery): Promise<RequestPage> {
    const cursor = decodeCursor(query.after, CURSOR);
    const rows = await sql(
      requestContext.current().manager,
      `select ${SUMMARY} from ${FROM}
        where ${VISIBLE} ${FILTERS}
          and ($9::timestamptz is null or (r.updated_at, r.id) < ($9::timestamptz, $10::uuid))
        order by r.updated_at desc, r.id desc
        limit $11`,
      [
        ...this.visibility(),
        query.status ?? null,
        query.state ?? null,
        query.region ?? null,
        query.thematicArea ?? null,
        query.minAgeDays ?? null,
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        query.limit + 1,
      ],
      SummaryRow,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toSummary),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.updated_key, last.id]) : null,
    };
  }

  /**
   * The home panel: for officers, the requests waiting for review, the longest waiting first;
   * for everyone else, the requests they see (a focal point: their State's), newest first.
   */
  async home(): Promise<RequestHomePanel> {
    const [, , manages] = this.visibility();
    const rows = await sql(
      requestContext.current().manager,
      `select ${SUMMARY}, count(*) over ()::int as total from ${FROM}
        where ${VISIBLE}
          and (not $3::boolean or r.status = any ($4::text[]))
        order by case when $3::boolean then r.status_since end asc,
                 r.updated_at desc, r.id desc
        limit 10`,
      [...this.visibility(), REQUEST_WAITING_STATUSES],
      SummaryRow.extend({ total: z.number().int() }),
    );
    return { items: rows.map(toSummary), total: rows[0]?.total ?? 0, waiting: manages };
  }

  async get(id: string): Promise<RequestDetail> {
    const row = await this.find(id);
    return this.detail(row);
  }

  /** A new draft for the focal point's own State. */
  async create(input: RequestDraftCreate): Promise<RequestDetail> {
    const { manager, tenant, user } = requestContext.current();
    const state = this.ownState();
    if (!tenant || !state) throw forbidden();
    const [created] = await sql(
      manager,
      `insert into assistance_requests (tenant_id, member_state_code, created_by, ${DRAFT_COLUMNS})
       values ($1, $2, $3, ${DRAFT_COLUMNS_PARAMS(4)})
       returning id`,
      [tenant.id, state, user?.id ?? null, ...draftValues(input)],
      IdRow,
    );
    if (!created) throw new Error('insert returned no row');
    await this.saveRecommendations(created.id, input.recommendationIds);
    await this.history(created.id, 'created', null, 'draft', null);
    const detail = await this.get(created.id);
    await this.record('request.created', created.id, undefined, auditView(detail));
    return detail;
  }

  /**
   * Saves the whole draft given the version it was read at. A stale save answers 409 with the
   * version now and the fields others changed since (never a silent overwrite); the row lock
   * makes two saves at once take turns, so exactly one of them wins.
   */
  async update(id: string, input: RequestDraftUpdate): Promise<RequestDetail> {
    const { manager } = requestContext.current();
    const before = await this.find(id, true);
    if (!this.isStateOf(before)) throw forbidden();
    if (input.version !== before.version) {
      throw this.stale(before, input.version);
    }
    if (!requestEditable(before.status)) {
      throw new RequestsException(
        409,
        'request-transition',
        'This request cannot be changed now',
        'A request is edited while it is a draft or the officers asked for information.',
      );
    }
    const current = contentOf(before, await this.recommendationIds(id));
    const next = contentOf(input, input.recommendationIds);
    const changed = REQUEST_STALE_FIELDS.filter(
      (field) => JSON.stringify(current[field]) !== JSON.stringify(next[field]),
    );
    const fieldVersions = { ...before.field_versions };
    for (const field of changed) fieldVersions[field] = before.version + 1;
    await sql(
      manager,
      `update assistance_requests
          set (${DRAFT_COLUMNS}) = (${DRAFT_COLUMNS_PARAMS(3)}),
              field_versions = $${3 + DRAFT_COLUMN_LIST.length}::jsonb,
              version = version + 1, updated_at = now()
        where id = $1 and version = $2`,
      [id, input.version, ...draftValues(input), JSON.stringify(fieldVersions)],
    );
    await this.saveRecommendations(id, input.recommendationIds);
    const after = await this.get(id);
    if (changed.length > 0) {
      await this.record('request.updated', id, auditView(before), auditView(after));
    }
    return after;
  }

  /** A step of the lifecycle, by the side the action belongs to. */
  async transition(
    id: string,
    input: RequestTransition,
    route: RequestSide,
  ): Promise<RequestDetail> {
    const { manager, tenant } = requestContext.current();
    const row = await this.find(id, true);
    const side = REQUEST_ACTION_SIDE[input.action];
    if (side !== route) {
      throw new RequestsException(400, 'validation', 'The request is not valid', undefined, [
        {
          path: 'action',
          message:
            route === 'state'
              ? 'is an officer’s step: use /transitions'
              : 'is the requesting State’s step: use /state-transitions',
        },
      ]);
    }
    if (!this.sides(row).includes(side)) throw forbidden();
    if (input.version !== row.version) throw this.stale(row, input.version);
    const decision = requestTransition(row.status, input.action, input);
    if (!decision.ok) {
      throw new RequestsException(
        409,
        'request-transition',
        'This change is not possible for the request now',
        TRANSITION_REFUSALS[decision.reason],
      );
    }
    if (input.action === 'submit' || input.action === 'resubmit') {
      const missing = requestMissing(contentOf(row, []));
      if (missing.length > 0) {
        throw new RequestsException(
          400,
          'validation',
          'The request is not complete',
          undefined,
          missing.map((path) => ({ path, message: 'is required to submit' })),
        );
      }
    }
    await sql(
      manager,
      `update assistance_requests
          set status = $2, status_since = now(), version = version + 1, updated_at = now(),
              submitted_at = case when $2 = 'submitted' then coalesce(submitted_at, now())
                                  else submitted_at end
        where id = $1`,
      [id, decision.to],
    );
    await this.history(id, input.action, row.status, decision.to, input.reason ?? null);
    await this.record(
      `request.${input.action}`,
      id,
      { status: row.status },
      { status: decision.to, ...(input.reason ? { reason: input.reason } : {}) },
    );
    const step = { tenantId: tenant?.id ?? '', requestId: id, key: `v${row.version + 1}` };
    if (side === 'state') {
      await notifyOfficers(
        manager,
        { ...step, reason: null, step: STATE_STEP[input.action] ?? 'submitted' },
        this.config.appUrl,
      );
    } else {
      await notifyState(
        manager,
        {
          ...step,
          reason: input.reason ?? null,
          step: input.action === 'request_information' ? 'information_requested' : 'status',
        },
        this.config.appUrl,
      );
    }
    // An approved request with events already linked follows them at once.
    if (decision.to === 'approved') {
      await advanceRequestsOfEvents(manager, this.audit, { requestIds: [id] }, this.config.appUrl);
    }
    return this.get(id);
  }

  /** A message in the shared thread, or an officer's internal note. */
  async addMessage(id: string, input: RequestMessageCreate): Promise<RequestDetail> {
    const { manager, tenant, user } = requestContext.current();
    const row = await this.find(id, true);
    const manages = this.manages();
    if (input.internal && !manages) throw forbidden();
    if (!this.canComment(row)) throw forbidden();
    const [message] = await sql(
      manager,
      `insert into request_messages (tenant_id, request_id, body, internal, author_id)
       values ($1, $2, $3, $4, $5) returning id`,
      [row.tenant_id, id, input.body, input.internal, user?.id ?? null],
      IdRow,
    );
    if (!message) throw new Error('insert returned no row');
    await this.record(input.internal ? 'request.noted' : 'request.commented', id, undefined, {
      messageId: message.id,
      internal: input.internal,
    });
    if (!input.internal && row.status !== 'draft') {
      const step = {
        tenantId: tenant?.id ?? '',
        requestId: id,
        key: `message:${message.id}`,
        reason: input.body,
        step: 'message' as const,
      };
      if (manages) await notifyState(manager, step, this.config.appUrl);
      else await notifyOfficers(manager, step, this.config.appUrl);
    }
    return this.get(id);
  }

  /** The responsible officer and the expert reviewer (officers and administrators). */
  async assign(id: string, input: RequestAssignment): Promise<RequestDetail> {
    const { manager, tenant } = requestContext.current();
    const row = await this.find(id, true);
    if (!this.manages()) throw forbidden();
    if (input.version !== row.version) throw this.stale(row, input.version);
    const [check] = await sql(
      manager,
      `select ($1::uuid is null or exists (select from memberships m
                where m.tenant_id = $3 and m.user_id = $1 and m.status = 'active'
                  and m.role = any ($4::text[]))) as officer_ok,
              ($2::uuid is null or exists (select from memberships m
                where m.tenant_id = $3 and m.user_id = $2 and m.status = 'active'
                  and m.role = 'expert')) as reviewer_ok`,
      [input.responsibleOfficerId, input.expertReviewerId, tenant?.id, MANAGER_ROLES],
      z.strictObject({ officer_ok: z.boolean(), reviewer_ok: z.boolean() }),
    );
    const errors = [
      ...(check?.officer_ok
        ? []
        : [{ path: 'responsibleOfficerId', message: 'must be an active officer' }]),
      ...(check?.reviewer_ok
        ? []
        : [{ path: 'expertReviewerId', message: 'must be an active expert' }]),
    ];
    if (errors.length > 0) {
      throw new RequestsException(400, 'validation', 'The request is not valid', undefined, errors);
    }
    await sql(
      manager,
      `update assistance_requests
          set responsible_officer_id = $2, expert_reviewer_id = $3,
              version = version + 1, updated_at = now()
        where id = $1`,
      [id, input.responsibleOfficerId, input.expertReviewerId],
    );
    await this.record(
      'request.assigned',
      id,
      {
        responsibleOfficerId: row.responsible_officer_id,
        expertReviewerId: row.expert_reviewer_id,
      },
      {
        responsibleOfficerId: input.responsibleOfficerId,
        expertReviewerId: input.expertReviewerId,
      },
    );
    // The expert newly asked to review hears of it; an unchanged assignment sends nothing.
    if (input.expertReviewerId && input.expertReviewerId !== row.expert_reviewer_id) {
      await notifyReviewer(
        manager,
        { tenantId: row.tenant_id, requestId: id, key: `v${row.version + 1}` },
        this.config.appUrl,
      );
    }
    return this.get(id);
  }

  /** Links an existing event of the tenant that answers the request. */
  async linkEvent(id: string, eventId: string): Promise<RequestDetail> {
    const { manager } = requestContext.current();
    const row = await this.find(id, true);
    if (!this.manages()) throw forbidden();
    this.checkLinkable(row);
    const [event] = await sql(
      manager,
      `select e.id from events e where e.id = $4 and ${visibleEvent('e', viewerParams(1))}`,
      [
        ...visibilityOf(requestContext.current().user?.id ?? null, requestContext.current().tenant),
        eventId,
      ],
      IdRow,
    );
    if (!event) throw notFound('Event');
    await this.link(row, eventId);
    return this.get(id);
  }

  async unlinkEvent(id: string, eventId: string): Promise<RequestDetail> {
    const row = await this.find(id, true);
    if (!this.manages()) throw forbidden();
    if (!isUuid(eventId)) throw notFound('Event');
    const removed = await sql(
      requestContext.current().manager,
      `delete from request_events where request_id = $1 and event_id = $2 returning event_id as id`,
      [id, eventId],
      IdRow,
    );
    if (removed.length === 0) throw notFound('Event');
    await this.record('request.event_unlinked', id, { eventId }, undefined);
    await advanceRequestsOfEvents(
      requestContext.current().manager,
      this.audit,
      { requestIds: [row.id] },
      this.config.appUrl,
    );
    return this.get(id);
  }

  /**
   * A new draft event answering the request, prefilled from it (its areas, audiences, State as
   * host, preferred period, a kind from the modality), created through the events service as
   * any event is, and linked.
   */
  async createEvent(id: string): Promise<EventDetail> {
    const { tenant, user } = requestContext.current();
    const row = await this.find(id, true);
    if (!this.manages() || !tenant) throw forbidden();
    this.checkLinkable(row);
    const from = row.period_from ?? dayAfter(new Date(), 90);
    const to = row.period_to && row.period_to >= from ? row.period_to : from;
    const last = daysBetween(from, to) > 2 ? dayAfterText(from, 2) : to;
    const officer =
      row.responsible_officer_id ?? (can(tenant.role, 'requests.manage') ? user?.id : null);
    // The State's capital and its zone when known (libs/domain request-venue), else UTC; the
    // days run 09:00–17:00 on the venue's clock.
    const venue = requestVenue(row.member_state_code);
    const input = EventCreate.parse({
      type: EVENT_TYPE_OF[row.modality ?? 'national_workshop'],
      title: (row.title || 'Technical assistance').slice(0, 200),
      summary: row.description.slice(0, 1000),
      thematicAreas:
        row.thematic_areas.length > 0 ? row.thematic_areas : ['legal_policy_frameworks'],
      targetAudiences: row.target_audiences,
      format: 'in_person',
      venue: {
        name: 'To be confirmed',
        city: venue.city ?? 'To be confirmed',
        countryAlpha3: row.member_state_code,
      },
      startsAt: zonedInstant(from, '09:00', venue.timeZone),
      endsAt: zonedInstant(last, '17:00', venue.timeZone),
      timeZone: venue.timeZone,
      workingLanguages: ['en'],
      capacity: row.officials,
      hostStates: [row.member_state_code],
      responsibleOfficerId: officer,
    });
    const event = await this.events.create(tenant, input);
    await this.link(row, event.id);
    return event;
  }

  /**
   * A PDF or DOCX attached by one side: the State's focal points while they may edit the
   * request, officers once it is submitted (they never see a draft). Each side removes only
   * its own files.
   */
  async attach(
    id: string,
    query: RequestAttachmentUploadQuery,
    body: unknown,
    side: RequestSide,
  ): Promise<RequestDetail> {
    const { manager, tenant, user } = requestContext.current();
    const row = await this.find(id, true);
    if (!this.mayAttach(row, side) || !tenant) throw forbidden();
    const [count] = await sql(
      manager,
      `select count(*)::int as n from request_attachments where request_id = $1`,
      [id],
      z.strictObject({ n: z.number().int() }),
    );
    if ((count?.n ?? 0) >= REQUEST_ATTACHMENTS_MAX) {
      throw new RequestsException(
        409,
        'request-transition',
        'This request has as many files as it may hold',
        `At most ${REQUEST_ATTACHMENTS_MAX} files.`,
      );
    }
    if (!Buffer.isBuffer(body)) {
      throw new RequestsException(
        415,
        'unsupported-media-type',
        'Send the file itself as the body (application/octet-stream)',
      );
    }
    const [limit] = await sql<{ document_max_bytes: number }>(
      manager,
      `select document_max_bytes from tenants where id = $1`,
      [tenant.id],
    );
    const maxBytes = Math.min(limit?.document_max_bytes ?? 0, this.config.uploadMaxBytes);
    const checked = await checkFile(body, maxBytes);
    if (!PDF_AND_DOCX.has(checked.contentType)) {
      throw new RequestsException(
        415,
        'unsupported-media-type',
        'A request takes PDF and Word (DOCX) files only',
      );
    }
    const attachmentId = randomUUID();
    const key = requestAttachmentKey(tenant.id, id, attachmentId);
    const fileName = safeFileName(query.fileName, checked.extension);
    await sql(
      manager,
      `insert into request_attachments (tenant_id, id, request_id, storage_key, file_name,
                                        media_type, byte_size, sha256, uploaded_by, side)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        tenant.id,
        attachmentId,
        id,
        key,
        fileName,
        checked.contentType,
        body.length,
        checked.sha256.toString('hex'),
        user?.id ?? null,
        side === 'officer' ? 'officer' : 'state',
      ],
    );
    await this.record('request.attached', id, undefined, {
      attachmentId,
      side,
      fileName: query.fileName,
      sha256: createHash('sha256').update(body).digest('hex'),
    });
    // A file the officers share is news to the State; the State's own files reach the officers
    // with its submission.
    if (side === 'officer') {
      await notifyState(
        manager,
        {
          tenantId: tenant.id,
          requestId: id,
          key: `file:${attachmentId}`,
          reason: fileName,
          step: 'file',
        },
        this.config.appUrl,
      );
    }
    // The rows first, the bytes last: a store that fails rolls the rows back (503).
    try {
      await this.store.put(key, body, checked.contentType);
    } catch (error) {
      throw storageFailed(error);
    }
    return this.get(id);
  }

  /** Removes a file its own side attached (the other side's files are not theirs: 404). */
  async detach(id: string, attachmentId: string, side: RequestSide): Promise<RequestDetail> {
    const row = await this.find(id, true);
    if (!this.mayAttach(row, side)) throw forbidden();
    if (!isUuid(attachmentId)) throw notFound('File');
    const removed = await sql(
      requestContext.current().manager,
      `delete from request_attachments where request_id = $1 and id = $2 and side = $3
       returning id`,
      [id, attachmentId, side],
      IdRow,
    );
    if (removed.length === 0) throw notFound('File');
    await this.record('request.detached', id, { attachmentId, side }, undefined);
    return this.get(id);
  }

  /** An attached file, for whoever may see the request. */
  async download(
    id: string,
    attachmentId: string,
  ): Promise<{ stream: Readable; fileName: string; mediaType: string; size: number }> {
    await this.find(id);
    if (!isUuid(attachmentId)) throw notFound('File');
    const [file] = await sql(
      requestContext.current().manager,
      `select storage_key, file_name, media_type, byte_size::int as byte_size from request_attachments
        where request_id = $1 and id = $2`,
      [id, attachmentId],
      z.strictObject({
        storage_key: z.string(),
        file_name: z.string(),
        media_type: z.string(),
        byte_size: z.number().int(),
      }),
    );
    if (!file) throw notFound('File');
    await this.record('request.downloaded', id, undefined, { attachmentId });
    try {
      return {
        stream: await this.store.get(file.storage_key),
        fileName: file.file_name,
        mediaType: file.media_type,
        size: file.byte_size,
      };
    } catch (error) {
      if (error instanceof ObjectMissing) throw notFound('File');
      throw storageFailed(error);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private visibility() {
    const { user, tenant } = requestContext.current();
    return requestVisibilityOf(user?.id ?? null, tenant);
  }

  private manages(): boolean {
    const { tenant } = requestContext.current();
    return !!tenant && can(tenant.role, 'requests.manage');
  }

  /** The focal point's State, when the caller may draft for it. */
  private ownState(): string | null {
    const { tenant } = requestContext.current();
    if (!tenant || !can(tenant.role, 'requests.draft')) return null;
    return tenant.role === 'focal_point' ? tenant.memberStateCode : null;
  }

  private isStateOf(row: { member_state_code: string }): boolean {
    const state = this.ownState();
    return !!state && row.member_state_code.trim() === state;
  }

  /** The sides the caller acts for on this request. */
  private sides(row: DetailRow): RequestSide[] {
    return [
      ...(this.isStateOf(row) ? (['state'] as const) : []),
      ...(this.manages() ? (['officer'] as const) : []),
    ];
  }

  private canComment(row: DetailRow): boolean {
    const { user } = requestContext.current();
    return (
      this.manages() ||
      this.isStateOf(row) ||
      (!!user && row.expert_reviewer_id === user.id && row.status !== 'draft')
    );
  }

  /**
   * The State's focal points attach their supporting files while they may edit the request;
   * officers attach theirs (minutes, a concept note, an assessment report) once it is submitted.
   */
  private mayAttach(row: DetailRow, side: RequestSide): boolean {
    return side === 'state'
      ? this.isStateOf(row) && requestEditable(row.status)
      : this.manages() && row.status !== 'draft';
  }

  private checkLinkable(row: DetailRow): void {
    if (!['in_assessment', 'approved', 'planned', 'in_delivery'].includes(row.status)) {
      throw new RequestsException(
        409,
        'request-transition',
        'Events answer a request once it is assessed or approved',
        'Move the request to needs assessment or approve it first.',
      );
    }
  }

  private async link(row: DetailRow, eventId: string): Promise<void> {
    const { manager, user } = requestContext.current();
    await sql(
      manager,
      `insert into request_events (tenant_id, request_id, event_id, linked_by)
       values ($1, $2, $3, $4) on conflict do nothing`,
      [row.tenant_id, row.id, eventId, user?.id ?? null],
    );
    await sql(
      manager,
      `update assistance_requests set version = version + 1, updated_at = now() where id = $1`,
      [row.id],
    );
    await this.record('request.event_linked', row.id, undefined, { eventId });
    await advanceRequestsOfEvents(
      manager,
      this.audit,
      { requestIds: [row.id] },
      this.config.appUrl,
    );
  }

  /** One request the caller may see (404 otherwise). */
  private async find(id: string, forUpdate = false): Promise<DetailRow> {
    if (!isUuid(id)) throw notFound('Request');
    const [row] = await sql(
      requestContext.current().manager,
      `select ${DETAIL} from ${DETAIL_FROM}
        where r.id = $4 and ${VISIBLE}
        ${forUpdate ? 'for update of r' : ''}`,
      [...this.visibility(), id],
      DetailRow,
    );
    if (!row) throw notFound('Request');
    return row;
  }

  private async recommendationIds(id: string): Promise<string[]> {
    const rows = await sql(
      requestContext.current().manager,
      `select recommendation_id as id from request_recommendations where request_id = $1
        order by recommendation_id`,
      [id],
      IdRow,
    );
    return rows.map((row) => row.id);
  }

  /** The recommendations a request follows up: only those the caller may see (400 otherwise). */
  private async saveRecommendations(requestId: string, ids: string[]): Promise<void> {
    const { manager, user, tenant } = requestContext.current();
    const visible = await sql(
      manager,
      `select rec.id from recommendations rec
        where rec.id = any ($4::uuid[]) and ${visibleRecommendation('rec', viewerParams(1))}`,
      [...visibilityOf(user?.id ?? null, tenant), ids],
      IdRow,
    );
    if (visible.length !== ids.length) {
      throw new RequestsException(400, 'validation', 'The request is not valid', undefined, [
        { path: 'recommendationIds', message: 'must name recommendations you can see' },
      ]);
    }
    await sql(
      manager,
      `delete from request_recommendations where request_id = $1
          and not (recommendation_id = any ($2::uuid[]))`,
      [requestId, ids],
    );
    await sql(
      manager,
      `insert into request_recommendations (tenant_id, request_id, recommendation_id)
       select r.tenant_id, r.id, unnest($2::uuid[]) from assistance_requests r where r.id = $1
       on conflict do nothing`,
      [requestId, ids],
    );
  }

  private async history(
    requestId: string,
    action: string,
    from: string | null,
    to: string,
    reason: string | null,
  ): Promise<void> {
    const { manager, user } = requestContext.current();
    await sql(
      manager,
      `insert into request_history (tenant_id, request_id, action, from_status, to_status,
                                    reason, actor_id)
       select tenant_id, id, $2, $3, $4, $5, $6 from assistance_requests where id = $1`,
      [requestId, action, from, to, reason, user?.id ?? null],
    );
  }

  private stale(row: DetailRow, read: number): RequestsException {
    const changed = REQUEST_STALE_FIELDS.filter((field) => (row.field_versions[field] ?? 0) > read);
    return new RequestsException(
      409,
      'stale-version',
      'Someone changed this request meanwhile',
      changed.length > 0
        ? `Changed since you opened it: ${changed.join(', ')}.`
        : 'Reload it to see the changes, then apply yours again.',
      undefined,
      { currentVersion: row.version, changed },
    );
  }

  /**
   * The request with its thread, history, events, recommendations, files and the gaps its events
   * address: seven statements (eight for an assessment on a tenant's questionnaire version).
   */
  private async detail(row: DetailRow): Promise<RequestDetail> {
    const { manager, user, tenant } = requestContext.current();
    const [userId, memberState, manages] = this.visibility();
    const messages = await sql(
      manager,
      `select m.id, m.body, m.internal, m.author_id, u.name as author_name, m.at
         from request_messages m left join users u on u.id = m.author_id
        where m.request_id = $1 and ${visibleRequestMessage('m', requestViewerParams(2))}
        order by m.at, m.id`,
      [row.id, userId, memberState, manages],
      MessageRow,
    );
    const history = await sql(
      manager,
      `select h.id, h.action, h.from_status, h.to_status, h.reason, h.actor_id,
              u.name as actor_name, h.at
         from request_history h left join users u on u.id = h.actor_id
        where h.request_id = $1 order by h.at, h.id`,
      [row.id],
      HistoryRow,
    );
    const events = await sql(
      manager,
      `select e.id, e.title, e.status, e.starts_at, e.time_zone, e.thematic_areas
         from request_events re join events e on e.tenant_id = re.tenant_id and e.id = re.event_id
        where re.request_id = $4 and ${visibleEvent('e', viewerParams(1))}
        order by e.starts_at, e.id`,
      [...visibilityOf(user?.id ?? null, tenant), row.id],
      LinkedEventRow,
    );
    const recommendations = await sql(
      manager,
      `select rec.id, rec.position, e.title as event_title, rec.text
         from request_recommendations rr
         join recommendations rec on rec.tenant_id = rr.tenant_id and rec.id = rr.recommendation_id
         join events e on e.tenant_id = rec.tenant_id and e.id = rec.event_id
        where rr.request_id = $4 and ${visibleRecommendation('rec', viewerParams(1))}
        order by e.starts_at desc, rec.position`,
      [...visibilityOf(user?.id ?? null, tenant), row.id],
      RecommendationRefRow,
    );
    const attachments = await sql(
      manager,
      `select a.id, a.file_name, a.media_type, a.byte_size::int as byte_size, a.uploaded_by,
              u.name as uploaded_by_name, a.side, a.at
         from request_attachments a left join users u on u.id = a.uploaded_by
        where a.request_id = $1 order by a.at, a.id`,
      [row.id],
      AttachmentRow,
    );
    const needs = await this.needs(row.id, events);
    const sides = this.sides(row);
    const actions: RequestAction[] = RequestActionSchema.options.filter((action) =>
      sides.some((side) => requestActions(row.status, side).includes(action)),
    );
    const slug = tenant?.slug ?? '';
    return {
      ...toSummary(row),
      targetAudiences: row.target_audiences,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      officials: row.officials,
      institutions: row.institutions,
      description: row.description,
      recommendations: recommendations.map((rec) => ({
        id: rec.id,
        number: rec.position,
        eventTitle: rec.event_title,
        text: rec.text,
      })),
      needs: needs
        ? {
            assessmentId: needs.assessmentId,
            validatedAt: needs.validatedAt,
            weakest: needs.weakest,
            unaddressed: needs.unaddressed,
          }
        : null,
      expertReviewer: person(row.expert_reviewer_id, row.expert_reviewer_name),
      createdBy: person(row.created_by, row.created_by_name),
      createdAt: row.created_at.toISOString(),
      messages: messages.map((message) => ({
        id: message.id,
        body: message.body,
        internal: message.internal,
        author: person(message.author_id, message.author_name),
        at: message.at.toISOString(),
      })),
      history: history.map((entry) => ({
        id: entry.id,
        action: entry.action,
        fromStatus: entry.from_status,
        toStatus: entry.to_status,
        reason: entry.reason,
        actor: person(entry.actor_id, entry.actor_name),
        at: entry.at.toISOString(),
      })),
      timeInStatus: timeInStatus(
        history.map((entry) => ({ toStatus: entry.to_status, at: entry.at })),
        new Date(),
      ),
      events: events.map((event) => ({
        id: event.id,
        title: event.title,
        status: event.status,
        startsAt: event.starts_at.toISOString(),
        timeZone: event.time_zone,
        addresses: needs?.events.find((covered) => covered.id === event.id)?.addresses ?? [],
      })),
      attachments: attachments.map((file) => ({
        id: file.id,
        fileName: file.file_name,
        mediaType: file.media_type,
        byteSize: file.byte_size,
        uploadedBy: person(file.uploaded_by, file.uploaded_by_name),
        side: file.side,
        at: file.at.toISOString(),
        downloadUrl: `/api/t/${encodeURIComponent(slug)}/requests/${row.id}/attachments/${file.id}`,
      })),
      actions,
      canEdit: this.isStateOf(row) && requestEditable(row.status),
      canComment: this.canComment(row),
      canManage: this.manages(),
      missing: requestEditable(row.status) ? requestMissing(contentOf(row, [])) : [],
    };
  }

  /**
   * The gaps the linked events address: the latest validated needs assessment that names the
   * request, read through the assessments' own rule (`visibleAssessment`: officers, and the
   * State's focal points; an expert reviewer reads none), scored on its questionnaire, against
   * the events' thematic areas (`requestGapCoverage`). One statement, a second for a tenant's
   * own questionnaire version.
   */
  private async needs(
    requestId: string,
    events: readonly { id: string; thematic_areas: ThematicArea[] }[],
  ) {
    const { manager, user, tenant } = requestContext.current();
    const [, memberState, manages] = visibilityOf(user?.id ?? null, tenant);
    const [assessment] = await sql(
      manager,
      `select a.id, a.questionnaire_number, a.answers, a.validated_at
         from needs_assessments a
        where a.request_id = $3 and a.status = 'validated'
          and ${visibleAssessment('a', { userId: 'null::uuid', memberState: '$1::char(3)', manages: '$2::boolean' })}
        order by a.validated_at desc, a.id desc
        limit 1`,
      [memberState, manages, requestId],
      AssessmentRow,
    );
    if (!assessment) return null;
    const questions =
      (await this.questionnaires.questionsOf([assessment.questionnaire_number])).get(
        assessment.questionnaire_number,
      ) ?? [];
    const scores = scoreAssessment(
      questions,
      Object.fromEntries(
        Object.entries(assessment.answers).map(([key, answer]) => [key, answer.rating]),
      ),
    );
    return {
      assessmentId: assessment.id,
      validatedAt: assessment.validated_at.toISOString(),
      ...requestGapCoverage(
        scores.weakest,
        scores.areas,
        events.map((event) => ({ id: event.id, thematicAreas: event.thematic_areas })),
      ),
    };
  }

  private record(action: string, id: string, before?: unknown, after?: unknown) {
    return this.audit.record({ action, entity: 'assistance_request', entityId: id, before, after });
  }
}

const MANAGER_ROLES = ['tenant_admin', 'programme_officer'];

const DRAFT_COLUMN_LIST = [
  'title',
  'thematic_areas',
  'target_audiences',
  'priority',
  'modality',
  'period_from',
  'period_to',
  'officials',
  'institutions',
  'description',
] as const;
const DRAFT_COLUMNS = DRAFT_COLUMN_LIST.join(', ');
const DRAFT_COLUMNS_PARAMS = (first: number) =>
  DRAFT_COLUMN_LIST.map((_, i) => `$${first + i}`).join(', ');

function draftValues(input: RequestDraftCreate): unknown[] {
  return [
    input.title,
    input.thematicAreas,
    input.targetAudiences,
    input.priority,
    input.modality,
    input.periodFrom,
    input.periodTo,
    input.officials,
    input.institutions,
    input.description,
  ];
}

/** A draft's content by its contract's field names, to compare two of them. */
function contentOf(
  source: DetailRow | (RequestDraftCreate & { recommendationIds: string[] }),
  recommendationIds: string[],
): Record<(typeof REQUEST_STALE_FIELDS)[number], unknown> & {
  title: string;
  thematicAreas: string[];
  priority: string | null;
  modality: string | null;
  description: string;
} {
  if ('member_state_code' in source) {
    return {
      title: source.title,
      thematicAreas: source.thematic_areas,
      targetAudiences: source.target_audiences,
      priority: source.priority,
      modality: source.modality,
      periodFrom: source.period_from,
      periodTo: source.period_to,
      officials: source.officials,
      institutions: source.institutions,
      description: source.description,
      recommendationIds: [...recommendationIds].sort(),
    };
  }
  return {
    title: source.title,
    thematicAreas: source.thematicAreas,
    targetAudiences: source.targetAudiences,
    priority: source.priority,
    modality: source.modality,
    periodFrom: source.periodFrom,
    periodTo: source.periodTo,
    officials: source.officials,
    institutions: source.institutions,
    description: source.description,
    recommendationIds: [...recommendationIds].sort(),
  };
}

const STATE_STEP: Partial<Record<RequestAction, 'submitted' | 'resubmitted' | 'withdrawn'>> = {
  submit: 'submitted',
  resubmit: 'resubmitted',
  withdraw: 'withdrawn',
};

const TRANSITION_REFUSALS = {
  not_allowed: 'The request is not in a status that allows this step.',
  reason_required: 'Give a reason: the State reads it.',
  target_required: 'Say which status the request moves to (not back to a draft).',
  same_status: 'The request is in that status already.',
} as const;

function toSummary(row: SummaryRow): RequestSummary {
  return {
    id: row.id,
    title: row.title,
    memberState: row.member_state_code.trim(),
    regionalGroup: row.regional_group,
    status: row.status,
    priority: row.priority,
    modality: row.modality,
    thematicAreas: row.thematic_areas,
    responsibleOfficer: person(row.responsible_officer_id, row.responsible_officer_name),
    statusSince: row.status_since.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** What the audit log keeps of a request: its content and status, no thread. */
function auditView(request: RequestDetail | DetailRow) {
  return 'memberState' in request
    ? {
        memberState: request.memberState,
        status: request.status,
        title: request.title,
        thematicAreas: request.thematicAreas,
        modality: request.modality,
        priority: request.priority,
      }
    : {
        memberState: request.member_state_code.trim(),
        status: request.status,
        title: request.title,
        thematicAreas: request.thematic_areas,
        modality: request.modality,
        priority: request.priority,
      };
}

const storageFailed = (error: unknown) =>
  new RequestsException(
    503,
    'internal',
    'The file store did not answer: nothing was saved',
    error instanceof Error ? error.message.slice(0, 200) : undefined,
  );

/** `YYYY-MM-DD` of the day `days` after `at` (UTC). */
function dayAfter(at: Date, days: number): string {
  return new Date(at.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
const dayAfterText = (day: string, days: number) => dayAfter(new Date(`${day}T00:00:00Z`), days);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
