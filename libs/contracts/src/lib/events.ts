import { z } from 'zod';
import { Cursor, DisplayName, Language, PAGE_LIMIT_MAX, PageQuery, pageOf, Uuid } from './common';
import { Alpha3, Alpha3Code, RegionalGroup } from './member-states';
import { Instant, int32, multiLineText, singleLineText, Timestamp } from './text';
import {
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  TARGET_AUDIENCES,
  THEMATIC_AREAS,
} from './vocabulary';

export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

export const ThematicArea = z.enum(THEMATIC_AREAS);
export type ThematicArea = z.infer<typeof ThematicArea>;

export const TargetAudience = z.enum(TARGET_AUDIENCES);
export type TargetAudience = z.infer<typeof TargetAudience>;

export const EventFormat = z.enum(EVENT_FORMATS);
export type EventFormat = z.infer<typeof EventFormat>;

export const EventStatus = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof EventStatus>;

/** What a planner can do to an event; libs/domain decides when each is allowed. */
export const EVENT_ACTIONS = [
  'plan',
  'open_nominations',
  'close_nominations',
  'confirm',
  'mark_held',
  'report',
  'close',
  'cancel',
  'postpone',
] as const;
export const EventAction = z.enum(EVENT_ACTIONS);
export type EventAction = z.infer<typeof EventAction>;

/** The zone's canonical IANA name ("europe/vienna" → "Europe/Vienna"), or null if unknown. */
const canonicalZone = (zone: string): string | null => {
  if (zone.length > 64 || (!zone.includes('/') && zone !== 'UTC')) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

/** An IANA time zone, e.g. Europe/Vienna, stored under its canonical name. */
export const TimeZone = singleLineText(64)
  .refine((zone) => canonicalZone(zone) !== null, 'must be an IANA time zone, e.g. Europe/Vienna')
  .transform((zone) => canonicalZone(zone) ?? zone);

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'must not repeat a value');

const Name = singleLineText(200).trim().min(1);

export const Venue = z.strictObject({
  name: Name,
  city: singleLineText(100).trim().min(1),
  countryAlpha3: Alpha3,
});
export type Venue = z.infer<typeof Venue>;

const eventFields = {
  type: EventType,
  title: singleLineText(200).trim().min(1),
  summary: multiLineText(1000).trim().default(''),
  description: multiLineText(20_000).default(''),
  thematicAreas: unique(ThematicArea, THEMATIC_AREAS.length).min(1, 'choose at least one'),
  targetAudiences: unique(TargetAudience, TARGET_AUDIENCES.length).default([]),
  format: EventFormat,
  venue: Venue.nullable().default(null),
  // The URL parser silently drops tabs and line breaks; the stored text must not hold them.
  meetingLink: z
    .url({ protocol: /^https$/, hostname: z.regexes.domain })
    .max(500)
    .regex(/^[^\p{Cc}\s]*$/u, 'must not contain spaces or control characters')
    .nullable()
    .default(null),
  startsAt: Instant,
  endsAt: Instant,
  timeZone: TimeZone,
  workingLanguages: unique(Language, 6).min(1, 'choose at least one'),
  interpretation: z.boolean().default(false),
  capacity: int32(z.number().int().min(1).max(10_000)).nullable().default(null),
  hostStates: unique(Alpha3, 50).default([]),
  organisers: z.array(Name).max(20).default([]),
  partnerOrganisations: z.array(Name).max(20).default([]),
  responsibleOfficerId: Uuid,
  isPublic: z.boolean().default(false),
};

type EventShape = {
  format: EventFormat;
  venue: Venue | null;
  meetingLink: string | null;
  startsAt: string;
  endsAt: string;
};

/** A venue where people meet, a link where they connect, and an end after the start. */
const eventRules = (event: EventShape, ctx: z.RefinementCtx) => {
  if (Date.parse(event.endsAt) <= Date.parse(event.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
  }
  if (event.format !== 'virtual' && !event.venue) {
    ctx.addIssue({ code: 'custom', path: ['venue'], message: 'an event in person needs a venue' });
  }
  if (event.format === 'virtual' && event.venue) {
    ctx.addIssue({ code: 'custom', path: ['venue'], message: 'a virtual event has no venue' });
  }
  if (event.format !== 'in_person' && !event.meetingLink) {
    ctx.addIssue({
      code: 'custom',
      path: ['meetingLink'],
      message: 'a virtual or hybrid event needs a meeting link',
    });
  }
};

/** An event's version for optimistic concurrency: 1 when made, one more at each change. */
const Version = int32(z.number().int().min(1).max(2_147_483_647));

export const EventCreate = z.strictObject(eventFields).superRefine(eventRules);
export type EventCreate = z.infer<typeof EventCreate>;

/** The whole event again, with the version it was read at (a stale one gets 409). */
export const EventUpdate = z
  .strictObject({ ...eventFields, version: Version })
  .superRefine(eventRules);
export type EventUpdate = z.infer<typeof EventUpdate>;

export const EventTransition = z
  .strictObject({
    action: EventAction,
    reason: multiLineText(1000).trim().min(1).optional(),
    /** For a postponement: the new dates. */
    startsAt: Instant.optional(),
    endsAt: Instant.optional(),
    /** The version the planner saw; when given, a stale one gets 409. */
    version: Version.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.startsAt && value.endsAt && Date.parse(value.endsAt) <= Date.parse(value.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
    }
  });
export type EventTransition = z.infer<typeof EventTransition>;

export const EventQuery = PageQuery.extend({
  status: EventStatus.optional(),
  type: EventType.optional(),
  thematicArea: ThematicArea.optional(),
  region: RegionalGroup.optional(),
  country: Alpha3.optional(),
  /** Events that end on or after this instant. */
  from: Instant.optional(),
  /** Events that start before this instant. */
  to: Instant.optional(),
  q: singleLineText(100).trim().min(1).optional(),
  sort: z.enum(['starts_at', '-starts_at']).default('starts_at'),
});
export type EventQuery = z.infer<typeof EventQuery>;

const PersonRef = z.strictObject({ id: Uuid, name: DisplayName });
const Title = singleLineText(200);

const eventSummaryFields = {
  id: Uuid,
  type: EventType,
  title: Title,
  summary: multiLineText(1000),
  thematicAreas: z.array(ThematicArea).max(THEMATIC_AREAS.length),
  format: EventFormat,
  venue: z
    .strictObject({
      name: Title,
      city: singleLineText(100),
      countryAlpha3: Alpha3Code.nullable(),
    })
    .nullable(),
  meetingLink: z.url().max(500).nullable(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  timeZone: singleLineText(64),
  hostStates: z.array(Alpha3Code).max(50),
  status: EventStatus,
  isPublic: z.boolean(),
  responsibleOfficer: PersonRef.nullable(),
};

export const EventSummary = z.strictObject(eventSummaryFields);
export type EventSummary = z.infer<typeof EventSummary>;
export const EventSummaryPage = pageOf(EventSummary);

/** Bounds what one answer may list; no event goes through this many changes of status. */
export const MAX_EVENT_HISTORY = 1000;

export const EventHistoryEntry = z.strictObject({
  action: EventAction,
  fromStatus: EventStatus,
  toStatus: EventStatus,
  reason: multiLineText(1000).nullable(),
  /** For a postponement: the new dates. */
  startsAt: Timestamp.nullable(),
  endsAt: Timestamp.nullable(),
  at: Timestamp,
  actor: PersonRef.nullable(),
});
export type EventHistoryEntry = z.infer<typeof EventHistoryEntry>;

export const EventDetail = z.strictObject({
  ...eventSummaryFields,
  description: multiLineText(20_000),
  targetAudiences: z.array(TargetAudience).max(TARGET_AUDIENCES.length),
  workingLanguages: z.array(Language).max(6),
  interpretation: z.boolean(),
  capacity: int32(z.number().int().min(1).max(10_000)).nullable(),
  organisers: z.array(Title).max(20),
  partnerOrganisations: z.array(Title).max(20),
  responsibleOfficerId: Uuid.nullable(),
  cancelReason: multiLineText(1000).nullable(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** What the caller may do next (empty for those who cannot plan events). */
  allowedActions: z.array(EventAction).max(EVENT_ACTIONS.length),
  history: z.array(EventHistoryEntry).max(MAX_EVENT_HISTORY),
});
export type EventDetail = z.infer<typeof EventDetail>;

export const AgendaSessionInput = z
  .strictObject({
    title: singleLineText(200).trim().min(1),
    description: multiLineText(5000).default(''),
    startsAt: Instant,
    endsAt: Instant,
    room: singleLineText(100).trim().min(1).nullable().default(null),
    /** Speakers without an account, by name. */
    guestSpeakers: z.array(Name).max(20).default([]),
  })
  .superRefine((value, ctx) => {
    if (Date.parse(value.endsAt) <= Date.parse(value.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after the start' });
    }
  });
export type AgendaSessionInput = z.infer<typeof AgendaSessionInput>;

/** The sessions' new order: every session of the event, once. */
export const AgendaOrder = z.strictObject({ sessionIds: unique(Uuid, 500).min(1) });
export type AgendaOrder = z.infer<typeof AgendaOrder>;

/** The most sessions one event's agenda holds (AgendaOrder's bound). */
export const MAX_AGENDA_SESSIONS = 500;

export const AgendaSession = z.strictObject({
  id: Uuid,
  position: int32(z.number().int().min(0).max(MAX_AGENDA_SESSIONS)),
  title: Title,
  description: multiLineText(5000),
  startsAt: Timestamp,
  endsAt: Timestamp,
  room: singleLineText(100).nullable(),
  speakers: z.array(PersonRef).max(20),
  guestSpeakers: z.array(Title).max(20),
});
export type AgendaSession = z.infer<typeof AgendaSession>;

/**
 * Something a planner should look at, not an error: two sessions in one
 * room at once, or a speaker in two places at once (in this event or another
 * of the tenant's).
 */
export const AgendaWarning = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('room_overlap'),
    room: singleLineText(100),
    // Two ids; a list of two rather than a tuple, which OpenAPI 3.0 cannot describe.
    sessionIds: z.array(Uuid).length(2),
  }),
  z.strictObject({
    kind: z.literal('speaker_double_booked'),
    speaker: PersonRef,
    sessionId: Uuid,
    /**
     * The other session, maybe in another event; only "another commitment" when that event is
     * one the caller may not see.
     */
    other: z.union([
      z.strictObject({
        hidden: z.literal(false),
        sessionId: Uuid,
        eventId: Uuid,
        eventTitle: Title,
      }),
      z.strictObject({ hidden: z.literal(true) }),
    ]),
  }),
]);
export type AgendaWarning = z.infer<typeof AgendaWarning>;

/** Bounds the warnings of one agenda: each pair of its sessions at most once per kind. */
export const MAX_AGENDA_WARNINGS = 10_000;

export const Agenda = z.strictObject({
  sessions: z.array(AgendaSession).max(MAX_AGENDA_SESSIONS),
  warnings: z.array(AgendaWarning).max(MAX_AGENDA_WARNINGS),
});
export type Agenda = z.infer<typeof Agenda>;

/** What anyone may see of an event its tenant marked public: nothing about people. */
export const PublicEvent = z.strictObject({
  id: Uuid,
  type: EventType,
  title: Title,
  summary: multiLineText(1000),
  thematicAreas: z.array(ThematicArea).max(THEMATIC_AREAS.length),
  format: EventFormat,
  venue: z
    .strictObject({ city: singleLineText(100), countryAlpha3: Alpha3Code.nullable() })
    .nullable(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  timeZone: singleLineText(64),
  workingLanguages: z.array(Language).max(6),
  status: EventStatus,
});
export type PublicEvent = z.infer<typeof PublicEvent>;

export const PublicEventsPage = z.strictObject({
  items: z.array(PublicEvent).max(PAGE_LIMIT_MAX),
  nextCursor: Cursor.nullable(),
  tenant: z.strictObject({ name: singleLineText(200) }),
});
export type PublicEventsPage = z.infer<typeof PublicEventsPage>;

/** The person's private calendar feed: the URL is shown once, when made. */
export const CalendarFeedStatus = z.strictObject({
  active: z.boolean(),
  createdAt: Timestamp.nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

export const CalendarFeedCreated = z.strictObject({
  /** The feed's address, secret token included: shown once. */
  url: z.url().max(2048),
});
export type CalendarFeedCreated = z.infer<typeof CalendarFeedCreated>;
