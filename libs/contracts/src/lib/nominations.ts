import { z } from 'zod';
import {
  Cursor,
  DisplayName,
  Email,
  EmailAddress,
  Language,
  PageQuery,
  PersonName,
  Uuid,
} from './common';
import { CONSENT_TEXT_VERSION } from './consent-text';
import { TargetAudience } from './events';
import { Alpha3, Alpha3Code } from './member-states';
import { int32, multiLineText, singleLineText, Timestamp } from './text';
import { CONFIRMATION_STATUSES, INSTITUTION_TYPES, NOMINATION_STATUSES, SEXES } from './vocabulary';

/*
 * Nominations (docs/participation.md, "Nominations"): a focal point nominates people for their
 * State's invitation to an event, attesting each person's consent; officers approve, waitlist or
 * decline, singly or many at once; an approval never exceeds the State's seats nor the event's
 * capacity.
 */

export const Sex = z.enum(SEXES);
export type Sex = z.infer<typeof Sex>;

export const InstitutionType = z.enum(INSTITUTION_TYPES);
export type InstitutionType = z.infer<typeof InstitutionType>;

export const NominationStatus = z.enum(NOMINATION_STATUSES);
export type NominationStatus = z.infer<typeof NominationStatus>;

export const ConfirmationStatus = z.enum(CONFIRMATION_STATUSES);
export type ConfirmationStatus = z.infer<typeof ConfirmationStatus>;

/** What an officer decides about a nomination. */
export const NOMINATION_DECISIONS = ['approve', 'waitlist', 'decline'] as const;
export const NominationDecisionKind = z.enum(NOMINATION_DECISIONS);
export type NominationDecisionKind = z.infer<typeof NominationDecisionKind>;

/** The attestation as the nomination form sends it: which text, in which language, was shown. */
export const ConsentAttestationInput = z.strictObject({
  /** The focal point ticked the box: anything else is refused. */
  attested: z.literal(true),
  textVersion: z.literal(CONSENT_TEXT_VERSION),
  /** The language of the text shown (the focal point's interface language). */
  language: Language,
});
export type ConsentAttestationInput = z.infer<typeof ConsentAttestationInput>;

const uniqueLanguages = z
  .array(Language)
  .max(6)
  .refine((items) => new Set(items).size === items.length, 'must not repeat a value');

const Line = (max: number) => singleLineText(max).trim();

const nominationFields = {
  fullName: PersonName,
  /** Recognises the person across events within the tenant (lowercased). */
  email: Email,
  sex: Sex,
  functionTitle: Line(200).default(''),
  institution: Line(200).min(1),
  institutionType: InstitutionType,
  audience: TargetAudience,
  /** The languages the person works in. */
  languages: uniqueLanguages.default([]),
  /** For their mail and certificate. */
  preferredLanguage: Language,
  consent: ConsentAttestationInput,
};

/** `POST /api/t/:tenant/events/:eventId/nominations`: for the caller's State's invitation. */
export const NominationCreate = z.strictObject(nominationFields);
export type NominationCreate = z.infer<typeof NominationCreate>;

const Version = int32(z.number().int().min(1).max(2_147_483_647));

/** `PUT /api/t/:tenant/nominations/:nominationId`: every field again, consent attested again. */
export const NominationUpdate = z.strictObject({ ...nominationFields, version: Version });
export type NominationUpdate = z.infer<typeof NominationUpdate>;

/** `POST /api/t/:tenant/nominations/:nominationId/withdraw`. */
export const NominationWithdraw = z.strictObject({ version: Version });
export type NominationWithdraw = z.infer<typeof NominationWithdraw>;

const Reason = multiLineText(1000).trim().min(1);

/** One decision: a decline needs a reason; `version`, when given, refuses a stale one (409). */
export const NominationDecision = z
  .strictObject({
    decision: NominationDecisionKind,
    reason: Reason.optional(),
    version: Version.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'decline' && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a decline needs a reason' });
    }
  });
export type NominationDecision = z.infer<typeof NominationDecision>;

/** The most nominations one bulk decision names. */
export const MAX_BULK_DECISIONS = 100;

/** `POST /api/t/:tenant/nominations/decisions`: one decision for many nominations. */
export const NominationBulkDecision = z
  .strictObject({
    nominationIds: z
      .array(Uuid)
      .min(1)
      .max(MAX_BULK_DECISIONS)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a value'),
    decision: NominationDecisionKind,
    reason: Reason.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'decline' && !value.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a decline needs a reason' });
    }
  });
export type NominationBulkDecision = z.infer<typeof NominationBulkDecision>;

/**
 * `GET /api/t/:tenant/events/:eventId/nominations` and, across events (a State's or a person's
 * history), `GET /api/t/:tenant/nominations`. Ordered by nomination time, then id.
 */
export const NominationQuery = PageQuery.extend({
  state: Alpha3.optional(),
  status: NominationStatus.optional(),
  confirmation: ConfirmationStatus.optional(),
  /** A person's history: their nominations in the tenant. */
  participantId: Uuid.optional(),
  /** Part of the person's name or email. */
  q: singleLineText(100).trim().min(1).optional(),
});
export type NominationQuery = z.infer<typeof NominationQuery>;

const PersonRef = z.strictObject({ id: Uuid, name: DisplayName });
const Text200 = singleLineText(200);

/** What an expert speaking at the event sees, where the event allows it: name, institution, State. */
export const NominationNames = z.strictObject({
  view: z.literal('names'),
  id: Uuid,
  eventId: Uuid,
  memberStateCode: Alpha3Code,
  fullName: DisplayName,
  institution: Text200,
});
export type NominationNames = z.infer<typeof NominationNames>;

/** What planners, and the focal points of the nominee's State, see. */
export const NominationFull = z.strictObject({
  view: z.literal('full'),
  id: Uuid,
  eventId: Uuid,
  eventTitle: Text200,
  invitationId: Uuid,
  memberStateCode: Alpha3Code,
  participant: z.strictObject({ id: Uuid, fullName: DisplayName, email: EmailAddress }),
  fullName: DisplayName,
  sex: Sex,
  functionTitle: Text200,
  institution: Text200,
  institutionType: InstitutionType,
  audience: TargetAudience,
  languages: z.array(Language).max(6),
  preferredLanguage: Language,
  status: NominationStatus,
  /** The participant's own answer once approved; null before. */
  confirmation: ConfirmationStatus.nullable(),
  decisionReason: multiLineText(1000).nullable(),
  decidedBy: PersonRef.nullable(),
  decidedAt: Timestamp.nullable(),
  waitlistedAt: Timestamp.nullable(),
  confirmedAt: Timestamp.nullable(),
  dietaryNeeds: multiLineText(1000),
  accessibilityNeeds: multiLineText(1000),
  nominatedBy: PersonRef.nullable(),
  nominatedAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type NominationFull = z.infer<typeof NominationFull>;

export const Nomination = z.discriminatedUnion('view', [NominationFull, NominationNames]);
export type Nomination = z.infer<typeof Nomination>;

export const NominationPage = z.strictObject({
  items: z.array(Nomination).max(100),
  nextCursor: Cursor.nullable(),
});
export type NominationPage = z.infer<typeof NominationPage>;

/** One attestation of consent, as kept: who, when, and the text they saw. */
export const ConsentAttestation = z.strictObject({
  attestedBy: PersonRef.nullable(),
  attestedAt: Timestamp,
  textVersion: singleLineText(50),
  text: multiLineText(5000),
  withdrawnAt: Timestamp.nullable(),
});
export type ConsentAttestation = z.infer<typeof ConsentAttestation>;

/**
 * One nomination, with every attestation of consent, newest first (none for the names view). An
 * object around the union, so the response is one shape a client generator can name.
 */
export const NominationDetail = z.strictObject({
  nomination: Nomination,
  consents: z.array(ConsentAttestation).max(1000),
});
export type NominationDetail = z.infer<typeof NominationDetail>;

/** The outcome of a bulk decision for one nomination: done, or why not (a problem's code). */
export const NominationDecisionOutcome = z.discriminatedUnion('ok', [
  z.strictObject({ nominationId: Uuid, ok: z.literal(true), nomination: NominationFull }),
  z.strictObject({
    nominationId: Uuid,
    ok: z.literal(false),
    status: int32(z.number().int().min(400).max(499)),
    type: singleLineText(100),
    title: singleLineText(500),
    detail: multiLineText(2000).optional(),
  }),
]);
export type NominationDecisionOutcome = z.infer<typeof NominationDecisionOutcome>;

export const NominationBulkResult = z.strictObject({
  results: z.array(NominationDecisionOutcome).max(MAX_BULK_DECISIONS),
  /** Also approved: the waitlisted nominees that took seats freed by these decisions. */
  promoted: z.array(Uuid).max(10_000),
});
export type NominationBulkResult = z.infer<typeof NominationBulkResult>;
