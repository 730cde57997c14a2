import { z } from 'zod';
import { Cursor, DisplayName, PAGE_LIMIT_MAX, PageQuery, Uuid } from './common';
import { EventStatus, ThematicArea } from './events';
import { Alpha3, Alpha3Code, RegionalGroup } from './member-states';
import {
  FOLLOW_UP_NOTE_MAX,
  RECOMMENDATION_PARTNERS_MAX,
  RECOMMENDATION_STATES_MAX,
  RECOMMENDATION_STATUSES,
  RECOMMENDATION_TEXT_MAX,
} from './recommendation-vocabulary';
import { int32, MAX_YEAR, MIN_YEAR, multiLineText, singleLineText, Timestamp } from './text';

/*
 * A meeting's recommendations as items (docs/recommendations.md): what the meeting said, to
 * whom, on which thematic area, and how it is followed up. Later requests cite them by id and
 * show them by their number within the event ("R3").
 */

export const RecommendationStatus = z.enum(RECOMMENDATION_STATUSES);
export type RecommendationStatus = z.infer<typeof RecommendationStatus>;

const noRepeats = <T>(items: readonly T[]) => new Set(items).size === items.length;

const PartnerName = singleLineText(200).trim().min(1);

const recommendationFields = {
  /** Multi-line: the meeting's words, paragraphs kept. */
  text: multiLineText(RECOMMENDATION_TEXT_MAX).trim().min(1),
  thematicArea: ThematicArea,
  addressedStates: z
    .array(Alpha3)
    .max(RECOMMENDATION_STATES_MAX)
    .refine(noRepeats, 'must not repeat a State')
    .default([]),
  addressedToOrganisation: z.boolean().default(false),
  addressedPartners: z
    .array(PartnerName)
    .max(RECOMMENDATION_PARTNERS_MAX)
    .refine(
      (names) => noRepeats(names.map((name) => name.toLowerCase())),
      'must not repeat a partner',
    )
    .default([]),
};

/** A recommendation is addressed to someone: States, the organisation or partners. */
const addressedToSomeone = (
  value: {
    addressedStates: readonly string[];
    addressedToOrganisation: boolean;
    addressedPartners: readonly string[];
  },
  ctx: z.RefinementCtx,
) => {
  if (
    value.addressedStates.length === 0 &&
    !value.addressedToOrganisation &&
    value.addressedPartners.length === 0
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['addressedStates'],
      message: 'must be addressed to at least one State, the organisation or a partner',
    });
  }
};

export const RecommendationCreate = z
  .strictObject(recommendationFields)
  .superRefine(addressedToSomeone);
export type RecommendationCreate = z.infer<typeof RecommendationCreate>;
export type RecommendationCreateInput = z.input<typeof RecommendationCreate>;

/** An edit names the version it was read at: a stale one answers 409. */
export const RecommendationUpdate = z
  .strictObject({
    ...recommendationFields,
    version: int32(
      z
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1),
    ),
  })
  .superRefine(addressedToSomeone);
export type RecommendationUpdate = z.infer<typeof RecommendationUpdate>;

/** The event's recommendations in a new order: every one of them, once. */
export const RecommendationOrder = z.strictObject({
  recommendationIds: z.array(Uuid).min(1).max(500).refine(noRepeats, 'must not repeat a value'),
});
export type RecommendationOrder = z.infer<typeof RecommendationOrder>;

/**
 * A step of follow-up: always a note; an officer may also move the status (then the version it
 * was read at is required, and a stale one answers 409). A focal point of an addressed State
 * adds a note only, for their State.
 */
export const RecommendationFollowUpCreate = z
  .strictObject({
    note: multiLineText(FOLLOW_UP_NOTE_MAX).trim().min(1),
    status: RecommendationStatus.optional(),
    version: int32(
      z
        .number()
        .int()
        .min(1)
        .max(2 ** 31 - 1),
    ).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.status !== undefined && value.version === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['version'],
        message: 'is required to change the status',
      });
    }
  });
export type RecommendationFollowUpCreate = z.infer<typeof RecommendationFollowUpCreate>;

/** The list across events: filters, text search and keyset paging (newest meetings first). */
export const RecommendationQuery = PageQuery.extend({
  thematicArea: ThematicArea.optional(),
  /** Addressed to this State. */
  state: Alpha3.optional(),
  /** Addressed to a State of this UN regional group. */
  region: RegionalGroup.optional(),
  status: RecommendationStatus.optional(),
  eventId: Uuid.optional(),
  /** The year the meeting started (at its venue). */
  year: int32(z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR)).optional(),
  q: singleLineText(100).trim().min(1).optional(),
});
export type RecommendationQuery = z.infer<typeof RecommendationQuery>;

/** The CSV export takes the list's filters, without paging: it holds what the list shows. */
export const RecommendationExportQuery = RecommendationQuery.omit({ after: true, limit: true });
export type RecommendationExportQuery = z.infer<typeof RecommendationExportQuery>;

const PersonRef = z.strictObject({ id: Uuid, name: DisplayName });

/** The meeting a recommendation came from, as lists show it. */
export const RecommendationEvent = z.strictObject({
  id: Uuid,
  title: singleLineText(200),
  startsAt: Timestamp,
  timeZone: singleLineText(64),
  status: EventStatus,
});
export type RecommendationEvent = z.infer<typeof RecommendationEvent>;

const recommendationViewFields = {
  id: Uuid,
  event: RecommendationEvent,
  /** Its number within the event: cited as "R" and the number. */
  number: int32(z.number().int().min(1).max(100_000)),
  text: multiLineText(RECOMMENDATION_TEXT_MAX),
  thematicArea: ThematicArea,
  addressedStates: z.array(Alpha3Code).max(RECOMMENDATION_STATES_MAX),
  addressedToOrganisation: z.boolean(),
  addressedPartners: z.array(singleLineText(200)).max(RECOMMENDATION_PARTNERS_MAX),
  status: RecommendationStatus,
};

/** One recommendation as a list shows it. */
export const Recommendation = z.strictObject({
  ...recommendationViewFields,
  version: int32(z.number().int().min(1)),
  createdBy: PersonRef.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Recommendation = z.infer<typeof Recommendation>;

export const RecommendationPage = z.strictObject({
  items: z.array(Recommendation).max(PAGE_LIMIT_MAX),
  nextCursor: Cursor.nullable(),
});
export type RecommendationPage = z.infer<typeof RecommendationPage>;

/** A step of the follow-up history: a status change with its note, or a note alone. */
export const RecommendationFollowUp = z.strictObject({
  id: Uuid,
  /** The status before a change; null for a note alone and for the first entry. */
  fromStatus: RecommendationStatus.nullable(),
  /** The status after a change; null for a note alone. */
  toStatus: RecommendationStatus.nullable(),
  note: multiLineText(FOLLOW_UP_NOTE_MAX).nullable(),
  /** For a focal point's note: the State they wrote for. */
  memberState: Alpha3Code.nullable(),
  actor: PersonRef.nullable(),
  at: Timestamp,
});
export type RecommendationFollowUp = z.infer<typeof RecommendationFollowUp>;

/** One recommendation with its follow-up history and what the caller may do with it. */
export const RecommendationDetail = z.strictObject({
  ...Recommendation.shape,
  followUps: z.array(RecommendationFollowUp).max(10_000),
  /** Edit its text and addressees (officers; the rapporteur), while the event allows it. */
  canEdit: z.boolean(),
  /** Move its follow-up status (officers). */
  canSetStatus: z.boolean(),
  /** Add a follow-up note (officers; a focal point of an addressed State). */
  canAddNote: z.boolean(),
});
export type RecommendationDetail = z.infer<typeof RecommendationDetail>;

/** The event page's tab: its recommendations in order, with their history. */
export const EventRecommendations = z.strictObject({
  items: z.array(RecommendationDetail).max(500),
  /** Add and edit (officers and the rapporteur, while held or reported). */
  canWrite: z.boolean(),
  /** Reorder (the same people, while held: once reported the numbers are cited). */
  canReorder: z.boolean(),
});
export type EventRecommendations = z.infer<typeof EventRecommendations>;

/** A recommendation on the tenant's public page: no people, no notes. */
export const PublicRecommendation = z.strictObject(recommendationViewFields);
export type PublicRecommendation = z.infer<typeof PublicRecommendation>;

export const PublicRecommendationPage = z.strictObject({
  items: z.array(PublicRecommendation).max(PAGE_LIMIT_MAX),
  nextCursor: Cursor.nullable(),
  tenant: z.strictObject({ name: singleLineText(200) }),
});
export type PublicRecommendationPage = z.infer<typeof PublicRecommendationPage>;
