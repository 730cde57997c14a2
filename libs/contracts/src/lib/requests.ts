import { z } from 'zod';
import { Cursor, DisplayName, PAGE_LIMIT_MAX, PageQuery, Uuid } from './common';
import { EventStatus, TargetAudience, ThematicArea } from './events';
import { DocumentFileName } from './documents';
import { CalendarDate } from './invitations';
import { Alpha3, Alpha3Code, RegionalGroup } from './member-states';
import {
  REQUEST_ACTIONS,
  REQUEST_ATTACHMENTS_MAX,
  REQUEST_DESCRIPTION_MAX,
  REQUEST_EVENT_STEPS,
  REQUEST_INSTITUTIONS_MAX,
  REQUEST_MESSAGE_MAX,
  REQUEST_MODALITIES,
  REQUEST_OFFICIALS_MAX,
  REQUEST_PRIORITIES,
  REQUEST_REASON_MAX,
  REQUEST_RECOMMENDATIONS_MAX,
  REQUEST_STATUSES,
  REQUEST_TITLE_MAX,
} from './request-vocabulary';
import { THEMATIC_AREAS, TARGET_AUDIENCES } from './vocabulary';
import { int32, multiLineText, singleLineText, Timestamp } from './text';

/*
 * A Member State's request for technical assistance (docs/requests.md): drafted by its focal
 * point, reviewed by officers, answered by events.
 */

export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;
export const RequestAction = z.enum(REQUEST_ACTIONS);
export type RequestAction = z.infer<typeof RequestAction>;
export const RequestModality = z.enum(REQUEST_MODALITIES);
export type RequestModality = z.infer<typeof RequestModality>;
export const RequestPriority = z.enum(REQUEST_PRIORITIES);
export type RequestPriority = z.infer<typeof RequestPriority>;
export const RequestHistoryAction = z.enum([...REQUEST_ACTIONS, ...REQUEST_EVENT_STEPS, 'created']);
export type RequestHistoryAction = z.infer<typeof RequestHistoryAction>;

const Version = int32(z.number().int().min(1).max(2_147_483_647));
const noRepeats = <T>(items: readonly T[]) => new Set(items).size === items.length;
const InstitutionName = singleLineText(200).trim().min(1);

/**
 * What a draft holds. Every field may stay empty while the focal point writes (the form saves
 * as they type); submitting asks for the essentials (`requestMissing` in libs/domain).
 */
const draftFields = {
  title: singleLineText(REQUEST_TITLE_MAX).trim().default(''),
  thematicAreas: z
    .array(ThematicArea)
    .max(THEMATIC_AREAS.length)
    .refine(noRepeats, 'must not repeat a value')
    .default([]),
  targetAudiences: z
    .array(TargetAudience)
    .max(TARGET_AUDIENCES.length)
    .refine(noRepeats, 'must not repeat a value')
    .default([]),
  priority: RequestPriority.nullable().default(null),
  modality: RequestModality.nullable().default(null),
  periodFrom: CalendarDate.nullable().default(null),
  periodTo: CalendarDate.nullable().default(null),
  officials: int32(z.number().int().min(1).max(REQUEST_OFFICIALS_MAX)).nullable().default(null),
  institutions: z
    .array(InstitutionName)
    .max(REQUEST_INSTITUTIONS_MAX)
    .refine(
      (names) => noRepeats(names.map((name) => name.toLowerCase())),
      'must not repeat an institution',
    )
    .default([]),
  description: multiLineText(REQUEST_DESCRIPTION_MAX).default(''),
  recommendationIds: z
    .array(Uuid)
    .max(REQUEST_RECOMMENDATIONS_MAX)
    .refine(noRepeats, 'must not repeat a value')
    .default([]),
};

const periodInOrder = (
  value: { periodFrom: string | null; periodTo: string | null },
  ctx: z.RefinementCtx,
) => {
  if (value.periodFrom && value.periodTo && value.periodTo < value.periodFrom) {
    ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'must not be before the start' });
  }
};

/** A new draft; the State is the focal point's own. */
export const RequestDraftCreate = z.strictObject(draftFields).superRefine(periodInOrder);
export type RequestDraftCreate = z.infer<typeof RequestDraftCreate>;
export type RequestDraftCreateInput = z.input<typeof RequestDraftCreate>;

/** The whole draft again with the version it was read at: a stale save answers 409. */
export const RequestDraftUpdate = z
  .strictObject({ ...draftFields, version: Version })
  .superRefine(periodInOrder);
export type RequestDraftUpdate = z.infer<typeof RequestDraftUpdate>;
export type RequestDraftUpdateInput = z.input<typeof RequestDraftUpdate>;

/** A step of the lifecycle; `reason` for decline, information requested and a manual move. */
export const RequestTransition = z.strictObject({
  action: RequestAction,
  version: Version,
  reason: multiLineText(REQUEST_REASON_MAX).trim().min(1).optional(),
  /** For `move`: where the officer puts the request. */
  to: RequestStatus.optional(),
});
export type RequestTransition = z.infer<typeof RequestTransition>;

/** A message in the thread both sides see, or (officers only) an internal note. */
export const RequestMessageCreate = z.strictObject({
  body: multiLineText(REQUEST_MESSAGE_MAX).trim().min(1),
  internal: z.boolean().default(false),
});
export type RequestMessageCreate = z.infer<typeof RequestMessageCreate>;
export type RequestMessageCreateInput = z.input<typeof RequestMessageCreate>;

/** Who is responsible in the organisation, and which expert reviews it. */
export const RequestAssignment = z.strictObject({
  responsibleOfficerId: Uuid.nullable(),
  expertReviewerId: Uuid.nullable(),
  version: Version,
});
export type RequestAssignment = z.infer<typeof RequestAssignment>;

/** Link an existing event that answers the request. */
export const RequestEventLink = z.strictObject({ eventId: Uuid });
export type RequestEventLink = z.infer<typeof RequestEventLink>;

/** The query string of an attachment's upload; the body is the file (PDF or DOCX). */
export const RequestAttachmentUploadQuery = z.strictObject({ fileName: DocumentFileName });
export type RequestAttachmentUploadQuery = z.infer<typeof RequestAttachmentUploadQuery>;

/** The inbox: filters, newest change first, keyset paging. */
export const RequestQuery = PageQuery.extend({
  status: RequestStatus.optional(),
  state: Alpha3.optional(),
  region: RegionalGroup.optional(),
  thematicArea: ThematicArea.optional(),
  /** Only requests in their current status for at least this many days. */
  minAgeDays: int32(z.coerce.number().int().min(0).max(3650)).optional(),
});
export type RequestQuery = z.infer<typeof RequestQuery>;

const PersonRef = z.strictObject({ id: Uuid, name: DisplayName });
export type RequestPerson = z.infer<typeof PersonRef>;

/** A request as the inbox, the board and the home panels show it. */
export const RequestSummary = z.strictObject({
  id: Uuid,
  title: singleLineText(REQUEST_TITLE_MAX),
  memberState: Alpha3Code,
  regionalGroup: RegionalGroup.nullable(),
  status: RequestStatus,
  priority: RequestPriority.nullable(),
  modality: RequestModality.nullable(),
  thematicAreas: z.array(ThematicArea).max(THEMATIC_AREAS.length),
  responsibleOfficer: PersonRef.nullable(),
  /** When it entered its current status: the inbox's age. */
  statusSince: Timestamp,
  submittedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  version: Version,
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const RequestPage = z.strictObject({
  items: z.array(RequestSummary).max(PAGE_LIMIT_MAX),
  nextCursor: Cursor.nullable(),
});
export type RequestPage = z.infer<typeof RequestPage>;

export const RequestMessage = z.strictObject({
  id: Uuid,
  body: multiLineText(REQUEST_MESSAGE_MAX),
  internal: z.boolean(),
  author: PersonRef.nullable(),
  at: Timestamp,
});
export type RequestMessage = z.infer<typeof RequestMessage>;

export const RequestHistoryEntry = z.strictObject({
  id: Uuid,
  action: RequestHistoryAction,
  fromStatus: RequestStatus.nullable(),
  toStatus: RequestStatus,
  reason: multiLineText(REQUEST_REASON_MAX).nullable(),
  actor: PersonRef.nullable(),
  at: Timestamp,
});
export type RequestHistoryEntry = z.infer<typeof RequestHistoryEntry>;

/** The time the request spent in one status, all its stays added up (the current one to now). */
export const RequestTimeInStatus = z.strictObject({
  status: RequestStatus,
  seconds: int32(z.number().int().min(0)),
});
export type RequestTimeInStatus = z.infer<typeof RequestTimeInStatus>;

export const RequestLinkedEvent = z.strictObject({
  id: Uuid,
  title: singleLineText(200),
  status: EventStatus,
  startsAt: Timestamp,
  timeZone: singleLineText(64),
  /** The weakest areas of the request's needs assessment this event covers (empty without one). */
  addresses: z.array(ThematicArea).max(THEMATIC_AREAS.length),
});
export type RequestLinkedEvent = z.infer<typeof RequestLinkedEvent>;

/**
 * The gaps of the request's validated needs assessment (the latest that names the request and
 * that the caller may read): its weakest areas with their gap (0–100), and those no linked event
 * addresses yet.
 */
export const RequestNeeds = z.strictObject({
  assessmentId: Uuid,
  validatedAt: Timestamp,
  weakest: z
    .array(z.strictObject({ area: ThematicArea, gap: int32(z.number().int().min(0).max(100)) }))
    .max(THEMATIC_AREAS.length),
  unaddressed: z.array(ThematicArea).max(THEMATIC_AREAS.length),
});
export type RequestNeeds = z.infer<typeof RequestNeeds>;

export const RequestRecommendationRef = z.strictObject({
  id: Uuid,
  number: int32(z.number().int().min(1)),
  eventTitle: singleLineText(200),
  text: multiLineText(4000),
});
export type RequestRecommendationRef = z.infer<typeof RequestRecommendationRef>;

export const RequestAttachment = z.strictObject({
  id: Uuid,
  fileName: singleLineText(255),
  mediaType: singleLineText(100),
  byteSize: int32(z.number().int().min(0)),
  uploadedBy: PersonRef.nullable(),
  /** Who attached it: the requesting State's focal points, or the officers (after submission). */
  side: z.enum(['state', 'officer']),
  at: Timestamp,
  /** A short-lived signed link (/api/files/…). */
  downloadUrl: singleLineText(1000),
});
export type RequestAttachment = z.infer<typeof RequestAttachment>;

/** One request, its thread, history, linked events and what the caller may do. */
export const RequestDetail = z.strictObject({
  ...RequestSummary.shape,
  targetAudiences: z.array(TargetAudience).max(TARGET_AUDIENCES.length),
  periodFrom: CalendarDate.nullable(),
  periodTo: CalendarDate.nullable(),
  officials: int32(z.number().int().min(1)).nullable(),
  institutions: z.array(singleLineText(200)).max(REQUEST_INSTITUTIONS_MAX),
  description: multiLineText(REQUEST_DESCRIPTION_MAX),
  recommendations: z.array(RequestRecommendationRef).max(REQUEST_RECOMMENDATIONS_MAX),
  /** The gaps its linked events address: null without a validated assessment the caller reads. */
  needs: RequestNeeds.nullable(),
  expertReviewer: PersonRef.nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: Timestamp,
  /** The thread; internal notes only for officers and administrators. */
  messages: z.array(RequestMessage).max(10_000),
  history: z.array(RequestHistoryEntry).max(10_000),
  timeInStatus: z.array(RequestTimeInStatus).max(REQUEST_STATUSES.length),
  events: z.array(RequestLinkedEvent).max(500),
  attachments: z.array(RequestAttachment).max(REQUEST_ATTACHMENTS_MAX),
  /** Lifecycle actions the caller may take now. */
  actions: z.array(RequestAction).max(REQUEST_ACTIONS.length),
  /** Save the draft (the State's focal points, while a draft or asked for information). */
  canEdit: z.boolean(),
  /** Write in the shared thread. */
  canComment: z.boolean(),
  /** Read and write internal notes, assign, link events (officers and administrators). */
  canManage: z.boolean(),
  /** What submitting still needs (field names), empty when it is complete. */
  missing: z.array(singleLineText(50)).max(20),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

/** The home panels: requests waiting for officers, or the focal point's State's requests. */
export const RequestHomePanel = z.strictObject({
  items: z.array(RequestSummary).max(20),
  total: int32(z.number().int().min(0)),
  /** True: the requests waiting for the officers' review (officers' panel). */
  waiting: z.boolean(),
});
export type RequestHomePanel = z.infer<typeof RequestHomePanel>;

/** The problem a stale save answers (409): the version now and the fields changed since. */
export const REQUEST_STALE_FIELDS = Object.keys(draftFields) as (keyof typeof draftFields)[];
