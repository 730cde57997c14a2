import { z } from 'zod';
import { DisplayName, Language, pageOf, Uuid } from './common';
import { CalendarDate, CalendarDay } from './invitations';
import {
  ERASURE_ITEMS,
  ERASURE_REFUSALS,
  PERSON_KINDS,
  PRIVACY_REQUEST_KINDS,
  RETENTION_BOUNDS,
} from './privacy-vocabulary';
import { Role } from './roles';
import { int32, multiLineText, singleLineText, Timestamp } from './text';
import { MEMBERSHIP_STATUSES } from './vocabulary';

/* Privacy by design (docs/privacy.md): a tenant's retention periods, what a run will do on a
   day, and the runs done. */

const bounded = (key: keyof typeof RETENTION_BOUNDS) =>
  int32(z.number().int().min(RETENTION_BOUNDS[key].min).max(RETENTION_BOUNDS[key].max));

export const RetentionPolicy = z.strictObject({
  /** Participants of events that ended this many months ago (and none since) are anonymised. */
  participantsMonths: bounded('participantsMonths'),
  /** Expert profiles of people who left the roster this many months ago are anonymised. */
  expertsMonths: bounded('expertsMonths'),
  /** Mail sent (or given up) this many days ago loses its body and its address. */
  mailDays: bounded('mailDays'),
  /** Participants' links that expired, were used or revoked this many days ago are deleted. */
  linksDays: bounded('linksDays'),
  /** 0 while the defaults apply (nothing saved yet). */
  version: int32(z.number().int().min(0)),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.strictObject({ id: Uuid, name: DisplayName }).nullable(),
  /**
   * The platform's period, not the tenant's, shown to its admins read-only: ended sessions and
   * used or expired password-reset tokens are deleted this many days after they ended
   * (`SESSION_RETENTION_DAYS`).
   */
  sessionsDays: int32(z.number().int().min(1).max(3650)),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicy>;

export const RetentionPolicyUpdate = z.strictObject({
  participantsMonths: bounded('participantsMonths'),
  expertsMonths: bounded('expertsMonths'),
  mailDays: bounded('mailDays'),
  linksDays: bounded('linksDays'),
  /** The version read (0 for the defaults): a stale change gets 409. */
  version: int32(z.number().int().min(0).max(2_147_483_647)),
});
export type RetentionPolicyUpdate = z.infer<typeof RetentionPolicyUpdate>;

export const RetentionPreviewQuery = z.strictObject({
  /** The day of the run to preview: today by default, at most three years ahead. */
  on: CalendarDate.optional(),
});
export type RetentionPreviewQuery = z.infer<typeof RetentionPreviewQuery>;

const Count = int32(z.number().int().min(0));

/** What the retention run on a day will do, with the periods saved now. */
export const RetentionPreview = z.strictObject({
  on: CalendarDay,
  /** People whose last event ended before `participantsBefore`, and the events they attended. */
  participants: z.strictObject({ people: Count, events: Count, endedBefore: CalendarDay }),
  experts: z.strictObject({ profiles: Count, leftBefore: CalendarDay }),
  mail: z.strictObject({ messages: Count, before: CalendarDay }),
  links: z.strictObject({ links: Count, before: CalendarDay }),
});
export type RetentionPreview = z.infer<typeof RetentionPreview>;

/** What one run did, as figures: never who. */
export const RetentionResult = z.strictObject({
  participants: Count,
  experts: Count,
  mail: Count,
  links: Count,
});
export type RetentionResult = z.infer<typeof RetentionResult>;

export const RetentionRun = z.strictObject({
  id: Uuid,
  runOn: CalendarDay,
  status: z.enum(['queued', 'done', 'failed']),
  attempts: Count,
  result: RetentionResult.nullable(),
  doneAt: Timestamp.nullable(),
});
export type RetentionRun = z.infer<typeof RetentionRun>;

export const RetentionRuns = z.strictObject({ items: z.array(RetentionRun).max(30) });
export type RetentionRuns = z.infer<typeof RetentionRuns>;

/* A person's data, on request (docs/privacy.md): tenant admins find a person, see and export
   everything the tenant holds about them, and erase it. */

/** A participant (a row of `participants`) or a member (a user with a membership in the tenant). */

export const PersonKind = z.enum(PERSON_KINDS);
export type PersonKind = z.infer<typeof PersonKind>;

/** The person a request is about: a participant's id, or a member's user id. */
export const PersonPath = z.strictObject({ kind: PersonKind, id: Uuid });
export type PersonPath = z.infer<typeof PersonPath>;

export const PeopleQuery = z.strictObject({
  /** Part of a name or an email. */
  q: singleLineText(100).trim().min(2),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

/** Text as the database holds it (a bio may hold line breaks): bounded, never parsed. */
const Held = (max: number) => multiLineText(max);

export const PersonHit = z.strictObject({
  kind: PersonKind,
  id: Uuid,
  name: Held(200),
  email: Held(254),
  /** A participant: the events they were nominated to; a member: 0. */
  events: Count,
  /** A member's role and membership status in the tenant; null for a participant. */
  role: Role.nullable(),
  status: z.enum(MEMBERSHIP_STATUSES).nullable(),
  anonymised: z.boolean(),
});
export type PersonHit = z.infer<typeof PersonHit>;

export const PEOPLE_SEARCH_LIMIT = 20;
export const PeopleSearchResult = z.strictObject({
  items: z.array(PersonHit).max(PEOPLE_SEARCH_LIMIT),
});
export type PeopleSearchResult = z.infer<typeof PeopleSearchResult>;

/** At most this many rows of one group are shown (and exported): a person's record is not a log. */
export const PERSON_GROUP_LIMIT = 500;
const group = <T extends z.ZodType>(item: T) => z.array(item).max(PERSON_GROUP_LIMIT);
const Words = z.array(Held(200)).max(50);

export const PersonAccount = z.strictObject({
  kind: PersonKind,
  id: Uuid,
  name: Held(200),
  email: Held(254),
  /** A member's account language; null for a participant (see their nominations). */
  language: Language.nullable(),
  createdAt: Timestamp,
  anonymised: z.boolean(),
  membership: z
    .strictObject({
      id: Uuid,
      role: Role,
      memberStateAlpha3: Held(3).nullable(),
      status: z.enum(MEMBERSHIP_STATUSES),
      since: Timestamp,
    })
    .nullable(),
});

export const PersonNomination = z.strictObject({
  id: Uuid,
  eventId: Uuid,
  eventTitle: Held(300),
  startsAt: Timestamp,
  endsAt: Timestamp,
  status: Held(40),
  confirmation: Held(40).nullable(),
  memberStateAlpha3: Held(3),
  sex: Held(40),
  institutionType: Held(60),
  audience: Held(60),
  preferredLanguage: Held(10),
  functionTitle: Held(300).nullable(),
  institution: Held(300),
  languages: Words,
  dietaryNeeds: Held(1000).nullable(),
  accessibilityNeeds: Held(1000).nullable(),
  decisionReason: Held(2000).nullable(),
  nominatedAt: Timestamp,
});

export const PersonAttendance = z.strictObject({
  nominationId: Uuid,
  eventTitle: Held(300),
  day: CalendarDay,
  status: Held(40),
});

export const PersonConsent = z.strictObject({
  nominationId: Uuid,
  eventTitle: Held(300),
  textVersion: Held(40),
  attestedAt: Timestamp,
  withdrawnAt: Timestamp.nullable(),
});

export const PersonCertificate = z.strictObject({
  nominationId: Uuid,
  eventTitle: Held(300),
  language: Held(10),
  issuedAt: Timestamp,
  revokedAt: Timestamp.nullable(),
  revokeReason: Held(2000).nullable(),
});

export const PersonExpert = z.strictObject({
  profile: z
    .strictObject({
      organisation: Held(300),
      bio: Held(5000),
      nationality: Held(3).nullable(),
      sex: Held(40).nullable(),
      thematicAreas: Words,
      targetAudiences: Words,
      languages: Words,
      availability: Words,
      anonymised: z.boolean(),
    })
    .nullable(),
  notes: Held(10_000).nullable(),
  cv: z
    .strictObject({
      fileName: Held(300),
      contentType: Held(100),
      sizeBytes: Count,
      uploadedAt: Timestamp,
    })
    .nullable(),
  declarations: group(
    z.strictObject({
      eventTitle: Held(300),
      hasInterests: z.boolean(),
      details: Held(5000).nullable(),
      filedAt: Timestamp,
    }),
  ),
  assignments: group(
    z.strictObject({
      eventTitle: Held(300),
      role: Held(40),
      status: Held(40),
      declineReason: Held(2000).nullable(),
      askedAt: Timestamp,
      answeredAt: Timestamp.nullable(),
    }),
  ),
});

export const PersonDocument = z.strictObject({
  documentId: Uuid,
  title: Held(300),
  language: Held(10),
  uploadedAt: Timestamp,
});

/** A message as the mail log shows it: never its payload (it may hold a live sign-in link). */
export const PersonMail = z.strictObject({
  id: Uuid,
  kind: Held(60),
  status: Held(20),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
});

/** An audit row: references and facts, as the log keeps them (no personal value). */
export const PersonAuditEntry = z.strictObject({
  id: Uuid,
  action: Held(100),
  entity: Held(100),
  entityId: Held(100),
  at: Timestamp,
});

/** Everything the tenant holds about one person, grouped. */
export const PersonSummary = z.strictObject({
  account: PersonAccount,
  nominations: group(PersonNomination),
  attendance: group(PersonAttendance),
  consents: group(PersonConsent),
  certificates: group(PersonCertificate),
  /** A member's expert profile, notes, CV, declarations and assignments; null otherwise. */
  expert: PersonExpert.nullable(),
  documents: group(PersonDocument),
  mail: group(PersonMail),
  audit: z.strictObject({ byThem: group(PersonAuditEntry), aboutThem: group(PersonAuditEntry) }),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

const Reason = singleLineText(500).trim().min(1);

export const PersonExportRequest = z.strictObject({
  /** Why (who asked): kept with the request, never in the audit log. */
  reason: Reason,
  format: z.enum(['json', 'pdf']),
});
export type PersonExportRequest = z.infer<typeof PersonExportRequest>;

export const PersonErasureRequest = z.strictObject({
  reason: Reason,
  /** Erasure cannot be undone: the caller says so. */
  confirm: z.literal(true),
});
export type PersonErasureRequest = z.infer<typeof PersonErasureRequest>;

export const ErasureItem = z.strictObject({
  what: z.enum(ERASURE_ITEMS),
  /** How many records of that kind. */
  count: Count,
  /** The fields that go (or, for the membership, what happens). */
  fields: z.array(Held(60)).max(20),
});
export type ErasureItem = z.infer<typeof ErasureItem>;

export const ErasurePreview = z.strictObject({
  kind: PersonKind,
  id: Uuid,
  refusal: z.enum(ERASURE_REFUSALS).nullable(),
  goes: z.array(ErasureItem).max(ERASURE_ITEMS.length),
  /** What stays, in words. */
  stays: z.array(Held(300)).max(20),
  /** What happens to a member's global account (nothing: it is not the tenant's). */
  account: Held(500).nullable(),
});
export type ErasurePreview = z.infer<typeof ErasurePreview>;

export const ErasureDone = z.strictObject({
  /** The `privacy_requests` row that records it. */
  requestId: Uuid,
  kind: PersonKind,
  id: Uuid,
  done: z.array(ErasureItem).max(ERASURE_ITEMS.length),
});
export type ErasureDone = z.infer<typeof ErasureDone>;

/* The record of requests (docs/privacy.md): every export and erasure, newest first. */

/**
 * Whom a request was about, as the record shows them: a reference that names no one (the kind's
 * letter and the start of the id, e.g. `P-3f2a9c1b`), and the name only while the tenant still
 * holds it.
 */
export const PrivacyRequestSubject = z.strictObject({
  kind: PersonKind,
  id: Uuid,
  reference: z
    .string()
    .max(10)
    .regex(/^[PM]-[0-9a-f]{8}$/),
  /** Null once the person was erased or anonymised, or is no longer the tenant's. */
  name: Held(200).nullable(),
});
export type PrivacyRequestSubject = z.infer<typeof PrivacyRequestSubject>;

export const PrivacyRequest = z.strictObject({
  id: Uuid,
  kind: z.enum(PRIVACY_REQUEST_KINDS),
  requestedAt: Timestamp,
  subject: PrivacyRequestSubject,
  /** The admin who asked for it ('' for a name no longer held). */
  requestedBy: z.strictObject({ id: Uuid, name: DisplayName }),
  /** The reason typed, which names neither the person's name nor their email (refused if so). */
  reason: Held(500),
});
export type PrivacyRequest = z.infer<typeof PrivacyRequest>;

export const PrivacyRequestPage = pageOf(PrivacyRequest);
export type PrivacyRequestPage = z.infer<typeof PrivacyRequestPage>;
