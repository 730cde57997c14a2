import { z } from 'zod';
import { Language } from './common';
import { EventFormat, EventStatus } from './events';
import { Alpha3Code } from './member-states';
import { multiLineText, patternText, singleLineText, Timestamp } from './text';
import { CONFIRMATION_STATUSES, NOMINATION_STATUSES } from './vocabulary';

/*
 * What a participant (no account) sees and sends through their two signed links: the one-time
 * decision link (/p/decision/<token>) and the long-lived participant page (/p/<token>). See
 * docs/participation.md, "The participant's links".
 */

/**
 * A participant link's token as it travels in a path: base64url of 38 bytes, a dot, base64url
 * of a 32-byte HMAC (apps/api/src/participation/participant-link-token.ts). Anything else is
 * refused as not found before the database is asked.
 */
export const PARTICIPANT_LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{51}\.[A-Za-z0-9_-]{43}$/;
export const ParticipantLinkToken = patternText(
  95,
  PARTICIPANT_LINK_TOKEN_PATTERN,
  'not a participant link',
);

export const ParticipantConfirmation = z.enum(CONFIRMATION_STATUSES);
export type ParticipantConfirmation = z.infer<typeof ParticipantConfirmation>;
export const ParticipantNominationStatus = z.enum(NOMINATION_STATUSES);
export type ParticipantNominationStatus = z.infer<typeof ParticipantNominationStatus>;

/** Dietary or accessibility needs as the participant types them. */
export const ParticipantNeeds = multiLineText(1000).trim();

/** What a participant's links show of the event: where and when, nothing about other people. */
export const ParticipantEvent = z.strictObject({
  title: singleLineText(200),
  summary: multiLineText(1000),
  format: EventFormat,
  status: EventStatus,
  startsAt: Timestamp,
  endsAt: Timestamp,
  timeZone: singleLineText(64),
  venue: z
    .strictObject({
      name: singleLineText(200).nullable(),
      city: singleLineText(100).nullable(),
      countryAlpha3: Alpha3Code.nullable(),
    })
    .nullable(),
  workingLanguages: z.array(Language).max(6),
  /** The organisation that runs the event (the tenant's name). */
  organiser: singleLineText(200),
});
export type ParticipantEvent = z.infer<typeof ParticipantEvent>;

/** Who the link is for, as their State nominated them. */
export const ParticipantPerson = z.strictObject({
  name: singleLineText(200),
  memberStateAlpha3: Alpha3Code,
  /** The page's default language: the one chosen for the participant's mail and certificate. */
  preferredLanguage: Language,
});
export type ParticipantPerson = z.infer<typeof ParticipantPerson>;

/** GET /api/participant/decision/:linkToken: what the participant is asked. */
export const ParticipantDecisionView = z.strictObject({
  event: ParticipantEvent,
  participant: ParticipantPerson,
  /** Until when the link may be used (the event's start). */
  expiresAt: Timestamp,
  dietaryNeeds: multiLineText(1000),
  accessibilityNeeds: multiLineText(1000),
});
export type ParticipantDecisionView = z.infer<typeof ParticipantDecisionView>;

export const PARTICIPANT_ANSWERS = ['confirm', 'decline'] as const;
export const ParticipantAnswer = z.enum(PARTICIPANT_ANSWERS);
export type ParticipantAnswer = z.infer<typeof ParticipantAnswer>;

/** POST /api/participant/decision/:linkToken: the participant's answer, once. */
export const ParticipantDecision = z.strictObject({
  answer: ParticipantAnswer,
  dietaryNeeds: ParticipantNeeds.default(''),
  accessibilityNeeds: ParticipantNeeds.default(''),
});
export type ParticipantDecision = z.infer<typeof ParticipantDecision>;
export type ParticipantDecisionInput = z.input<typeof ParticipantDecision>;

export const ParticipantDecisionResult = z.strictObject({
  confirmation: ParticipantConfirmation,
});
export type ParticipantDecisionResult = z.infer<typeof ParticipantDecisionResult>;

/** A session of the agenda as the participant page lists it. */
export const ParticipantAgendaItem = z.strictObject({
  title: singleLineText(200),
  startsAt: Timestamp,
  endsAt: Timestamp,
});
export type ParticipantAgendaItem = z.infer<typeof ParticipantAgendaItem>;
export const MAX_PARTICIPANT_AGENDA = 500;

/** One attestation of the participant's consent: the exact text and version shown, when. */
export const ParticipantConsent = z.strictObject({
  version: singleLineText(20),
  text: multiLineText(2000),
  attestedAt: Timestamp,
  /** When the participant withdrew it from this page; null while it stands. */
  withdrawnAt: Timestamp.nullable(),
});
export type ParticipantConsent = z.infer<typeof ParticipantConsent>;

/** POST /api/participant/:linkToken/consent-withdrawal: asked once, confirmed. */
export const ConsentWithdrawal = z.strictObject({ confirm: z.literal(true) });
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawal>;

/**
 * What the withdrawal did: before the event ends the nomination is withdrawn (the record of it
 * stays until the retention period); after it, the person's data is anonymised and this page
 * stops working.
 */
export const ConsentWithdrawalResult = z.strictObject({
  outcome: z.enum(['nomination_withdrawn', 'anonymised']),
});
export type ConsentWithdrawalResult = z.infer<typeof ConsentWithdrawalResult>;

/** GET /api/participant/:linkToken: the participant page. */
export const ParticipantPageView = z.strictObject({
  event: ParticipantEvent,
  participant: ParticipantPerson,
  agenda: z.array(ParticipantAgendaItem).max(MAX_PARTICIPANT_AGENDA),
  /** The officer's decision on the nomination. */
  status: ParticipantNominationStatus,
  /** The participant's own answer; null until the nomination is approved. */
  confirmation: ParticipantConfirmation.nullable(),
  dietaryNeeds: multiLineText(1000),
  accessibilityNeeds: multiLineText(1000),
  /**
   * The code the check-in QR encodes, to be typed when the camera fails; null unless approved
   * and not declined.
   */
  checkInCode: patternText(10, /^[0-9A-HJKMNP-TV-Z]{10}$/, 'not a check-in code').nullable(),
  /** Whether the meeting link is shown: only to confirmed participants of an online event. */
  meetingLink: singleLineText(2048).nullable(),
  /** The certificate of participation, while one is issued and not revoked: its PDF downloads. */
  certificate: z
    .strictObject({ verificationCode: singleLineText(19), issuedAt: Timestamp })
    .nullable(),
  /** Until when this page's link works. */
  expiresAt: Timestamp,
  /** Every attestation of consent for this nomination, the oldest first. */
  consents: z.array(ParticipantConsent).max(50),
});
export type ParticipantPageView = z.infer<typeof ParticipantPageView>;

/** A participant's links as officers see them (never the tokens, which travel only by mail). */
export const ParticipantLinkState = z.strictObject({
  purpose: z.enum(['decision', 'page']),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  usedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ParticipantLinkState = z.infer<typeof ParticipantLinkState>;

export const ParticipantLinks = z.strictObject({
  links: z.array(ParticipantLinkState).max(1000),
});
export type ParticipantLinks = z.infer<typeof ParticipantLinks>;
