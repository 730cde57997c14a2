import { z } from 'zod';
import { EventDay } from './attendance';
import { DisplayName, Email, EmailAddress, PageQuery, pageOf, Uuid } from './common';
import { EventStatus, TargetAudience, ThematicArea } from './events';
import { Alpha3, Alpha3Code, RegionalGroup } from './member-states';
import { Sex } from './nominations';
import { int32, multiLineText, singleLineText, Timestamp } from './text';
import {
  ASSIGNMENT_ACTIONS,
  ASSIGNMENT_STATUSES,
  EXPERT_LANGUAGES,
  EXPERT_ROLES,
  LANGUAGE_LEVELS,
  REGIONAL_GROUPS,
  SEXES,
  TARGET_AUDIENCES,
  THEMATIC_AREAS,
} from './vocabulary';

/*
 * Experts (docs/experts.md): the roster of profiles, assignments to events and sessions,
 * declarations of interest and the panel's balance.
 */

export const ExpertRole = z.enum(EXPERT_ROLES);
export type ExpertRole = z.infer<typeof ExpertRole>;
export const AssignmentStatus = z.enum(ASSIGNMENT_STATUSES);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;
export const AssignmentAction = z.enum(ASSIGNMENT_ACTIONS);
export type AssignmentAction = z.infer<typeof AssignmentAction>;
export const ExpertLanguageCode = z.enum(EXPERT_LANGUAGES);
export type ExpertLanguageCode = z.infer<typeof ExpertLanguageCode>;
export const LanguageLevel = z.enum(LANGUAGE_LEVELS);
export type LanguageLevel = z.infer<typeof LanguageLevel>;

const Version = int32(z.number().int().min(1).max(2_147_483_647));
const count = () => int32(z.number().int().min(0).max(2_147_483_647));
const PersonRef = z.strictObject({ id: Uuid, name: DisplayName });

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'must not repeat a value');

export const ExpertLanguage = z.strictObject({
  language: ExpertLanguageCode,
  level: LanguageLevel,
});
export type ExpertLanguage = z.infer<typeof ExpertLanguage>;

/** Days the expert can travel or speak, both included. */
export const AvailabilityWindow = z
  .strictObject({ from: EventDay, to: EventDay })
  .refine((window) => window.from <= window.to, {
    path: ['to'],
    message: 'must not be before the first day',
  });
export type AvailabilityWindow = z.infer<typeof AvailabilityWindow>;

/** The most availability windows a profile holds. */
export const MAX_AVAILABILITY_WINDOWS = 50;

export const ExpertProfileInput = z.strictObject({
  organisation: singleLineText(200).trim().default(''),
  bio: multiLineText(2000).trim().default(''),
  /** A Member State, the expert's nationality. */
  nationality: Alpha3.nullable().default(null),
  /** For balanced panels; null: not said. */
  sex: Sex.nullable().default(null),
  thematicAreas: unique(ThematicArea, THEMATIC_AREAS.length).default([]),
  targetAudiences: unique(TargetAudience, TARGET_AUDIENCES.length).default([]),
  languages: z
    .array(ExpertLanguage)
    .max(EXPERT_LANGUAGES.length)
    .refine(
      (items) => new Set(items.map((item) => item.language)).size === items.length,
      'must not list a language twice',
    )
    .default([]),
  availability: z.array(AvailabilityWindow).max(MAX_AVAILABILITY_WINDOWS).default([]),
  /** The version read; a profile changed since answers 409. Absent for a first save. */
  version: Version.optional(),
});
export type ExpertProfileInput = z.infer<typeof ExpertProfileInput>;

/** A profile as its expert and the tenant's officers read it: never the officers' notes. */
export const ExpertProfile = z.strictObject({
  userId: Uuid,
  name: DisplayName,
  email: EmailAddress,
  organisation: singleLineText(200),
  bio: multiLineText(2000),
  nationality: Alpha3Code.nullable(),
  sex: Sex.nullable(),
  thematicAreas: z.array(ThematicArea).max(THEMATIC_AREAS.length),
  targetAudiences: z.array(TargetAudience).max(TARGET_AUDIENCES.length),
  languages: z.array(ExpertLanguage).max(EXPERT_LANGUAGES.length),
  availability: z.array(AvailabilityWindow).max(MAX_AVAILABILITY_WINDOWS),
  /** 0 while the expert has no profile yet (the first save makes it 1). */
  version: count(),
  updatedAt: Timestamp.nullable(),
});
export type ExpertProfile = z.infer<typeof ExpertProfile>;

export const ExpertRosterQuery = PageQuery.extend({
  /** Words in the name, the organisation or the bio. */
  q: singleLineText(200).trim().optional(),
  area: ThematicArea.optional(),
  language: ExpertLanguageCode.optional(),
  /** The UN regional group the expert's State counts in. */
  regionalGroup: RegionalGroup.optional(),
  /** Available on every day from `availableFrom` to `availableTo` (one day when only from). */
  availableFrom: EventDay.optional(),
  availableTo: EventDay.optional(),
}).superRefine((query, ctx) => {
  if (query.availableTo && !query.availableFrom)
    ctx.addIssue({ code: 'custom', path: ['availableFrom'], message: 'required with availableTo' });
  if (query.availableFrom && query.availableTo && query.availableTo < query.availableFrom)
    ctx.addIssue({ code: 'custom', path: ['availableTo'], message: 'ends before it starts' });
});
export type ExpertRosterQuery = z.infer<typeof ExpertRosterQuery>;

export const ExpertRosterEntry = z.strictObject({
  userId: Uuid,
  name: DisplayName,
  organisation: singleLineText(200),
  nationality: Alpha3Code.nullable(),
  thematicAreas: z.array(ThematicArea).max(THEMATIC_AREAS.length),
  languages: z.array(ExpertLanguage).max(EXPERT_LANGUAGES.length),
  /** Events where the expert accepted an assignment. */
  eventsServed: count(),
});
export type ExpertRosterEntry = z.infer<typeof ExpertRosterEntry>;
export const ExpertRosterPage = pageOf(ExpertRosterEntry);
export type ExpertRosterPage = z.infer<typeof ExpertRosterPage>;

/** An event an expert served: accepted an assignment to it or one of its sessions. */
export const ExpertEventServed = z.strictObject({
  eventId: Uuid,
  title: singleLineText(200),
  startsAt: Timestamp,
  status: EventStatus,
  roles: z.array(ExpertRole).max(EXPERT_ROLES.length),
});
export type ExpertEventServed = z.infer<typeof ExpertEventServed>;

/** The most served events an expert's page lists, latest first. */
export const MAX_EVENTS_SERVED = 100;

export const ExpertNotes = z.strictObject({
  notes: multiLineText(5000),
  updatedAt: Timestamp.nullable(),
  updatedBy: PersonRef.nullable(),
});
export type ExpertNotes = z.infer<typeof ExpertNotes>;

export const ExpertNotesInput = z.strictObject({ notes: multiLineText(5000).trim() });
export type ExpertNotesInput = z.infer<typeof ExpertNotesInput>;

/** An expert as officers open them from the roster. */
export const ExpertDetail = z.strictObject({
  profile: ExpertProfile,
  notes: ExpertNotes,
  events: z.array(ExpertEventServed).max(MAX_EVENTS_SERVED),
});
export type ExpertDetail = z.infer<typeof ExpertDetail>;

/** Invites a person into the roster: an account with the expert role. */
export const ExpertInvite = z.strictObject({ email: Email });
export type ExpertInvite = z.infer<typeof ExpertInvite>;

// ------------------------------------------------------------------ assignments

export const AssignmentCreate = z.strictObject({
  userId: Uuid,
  /** Null: the event as a whole. */
  sessionId: Uuid.nullable().default(null),
  role: ExpertRole,
});
export type AssignmentCreate = z.infer<typeof AssignmentCreate>;

export const AssignmentVersion = z.strictObject({ version: Version });
export type AssignmentVersion = z.infer<typeof AssignmentVersion>;

export const AssignmentDecline = z.strictObject({
  version: Version,
  reason: multiLineText(1000).trim().min(1),
});
export type AssignmentDecline = z.infer<typeof AssignmentDecline>;

export const ExpertAssignment = z.strictObject({
  id: Uuid,
  eventId: Uuid,
  session: z.strictObject({ id: Uuid, title: singleLineText(200) }).nullable(),
  expert: PersonRef,
  role: ExpertRole,
  status: AssignmentStatus,
  declineReason: multiLineText(1000).nullable(),
  askedAt: Timestamp,
  answeredAt: Timestamp.nullable(),
  version: Version,
});
export type ExpertAssignment = z.infer<typeof ExpertAssignment>;

/** The most assignments one event holds that its page lists. */
export const MAX_EVENT_ASSIGNMENTS = 1000;

/** An accepted expert's declaration of interest for the event; null while not filed. */
export const DeclarationState = z.strictObject({
  expert: PersonRef,
  declaration: z
    .strictObject({
      filedAt: Timestamp,
      hasInterests: z.boolean(),
      details: multiLineText(5000).nullable(),
    })
    .nullable(),
});
export type DeclarationState = z.infer<typeof DeclarationState>;

const breakdown = <T extends readonly string[]>(keys: T) =>
  z.strictObject(
    Object.fromEntries(keys.map((key) => [key, count()])) as {
      [K in T[number]]: ReturnType<typeof count>;
    },
  );

/** The accepted experts, each once, by sex and by the regional group their State counts in. */
export const PanelBalance = z.strictObject({
  experts: count(),
  bySex: breakdown([...SEXES, 'unknown'] as const),
  byRegionalGroup: breakdown([...REGIONAL_GROUPS, 'none'] as const),
});
export type PanelBalance = z.infer<typeof PanelBalance>;

/** The event page's experts part, for officers. */
export const EventExperts = z.strictObject({
  assignments: z.array(ExpertAssignment).max(MAX_EVENT_ASSIGNMENTS),
  declarations: z.array(DeclarationState).max(MAX_EVENT_ASSIGNMENTS),
  balance: PanelBalance,
});
export type EventExperts = z.infer<typeof EventExperts>;

// ------------------------------------------------------------------ the expert's own

const EventRef = z.strictObject({
  id: Uuid,
  title: singleLineText(200),
  startsAt: Timestamp,
  endsAt: Timestamp,
  timeZone: singleLineText(64),
});

/** An assignment as its expert reads it, with the event it is for. */
export const MyAssignment = z.strictObject({
  id: Uuid,
  event: EventRef,
  session: z
    .strictObject({ id: Uuid, title: singleLineText(200), startsAt: Timestamp, endsAt: Timestamp })
    .nullable(),
  role: ExpertRole,
  status: AssignmentStatus,
  askedAt: Timestamp,
  version: Version,
});
export type MyAssignment = z.infer<typeof MyAssignment>;

/** The most rows each list of the expert's home panel holds. */
export const EXPERT_PANEL_LIMIT = 50;

/** The expert's home panel. */
export const ExpertPanel = z.strictObject({
  /** Assignments asked and not answered yet, soonest event first. */
  toAnswer: z.array(MyAssignment).max(EXPERT_PANEL_LIMIT),
  /** Upcoming sessions where the expert accepted a role, soonest first. */
  sessions: z.array(MyAssignment).max(EXPERT_PANEL_LIMIT),
  /** Upcoming events the expert accepted, with no declaration of interest filed. */
  declarationsDue: z.array(EventRef).max(EXPERT_PANEL_LIMIT),
});
export type ExpertPanel = z.infer<typeof ExpertPanel>;

export const DeclarationInput = z
  .strictObject({
    hasInterests: z.boolean(),
    /** Required when there are interests to declare; absent or empty otherwise. */
    details: multiLineText(5000).trim().nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.hasInterests && !value.details)
      ctx.addIssue({ code: 'custom', path: ['details'], message: 'say what the interests are' });
    if (!value.hasInterests && value.details)
      ctx.addIssue({ code: 'custom', path: ['details'], message: 'only with interests' });
  });
export type DeclarationInput = z.infer<typeof DeclarationInput>;

export const Declaration = z.strictObject({
  eventId: Uuid,
  hasInterests: z.boolean(),
  details: multiLineText(5000).nullable(),
  filedAt: Timestamp,
});
export type Declaration = z.infer<typeof Declaration>;
