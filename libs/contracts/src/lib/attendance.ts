import { z } from 'zod';
import { Cursor, DisplayName, Language, PAGE_LIMIT_MAX, pageOf, Uuid } from './common';
import { Alpha3Code } from './member-states';
import {
  int32,
  isRealDate,
  MAX_YEAR,
  MIN_YEAR,
  patternText,
  singleLineText,
  Timestamp,
} from './text';
import { ATTENDANCE_STATUSES, CONFIRMATION_STATUSES } from './vocabulary';

/*
 * Attendance per event day, check-in, and certificates of participation (docs/participation.md,
 * "Attendance" and "Certificates").
 */

export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;

/** A calendar day as the venue's clock shows it: `2027-05-10`, a date that exists. */
export const EventDay = patternText(10, /^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)').refine(
  (text) => {
    const [year, month, day] = text.split('-').map(Number) as [number, number, number];
    return year >= MIN_YEAR && year <= MAX_YEAR && isRealDate(year, month, day);
  },
  'not a real date',
);
export type EventDay = z.infer<typeof EventDay>;

/**
 * The code printed as the participant's QR code and typed at the door: 10 characters of
 * Crockford base32 (no I, L, O, U). Typed codes are read case-insensitively, with the letters
 * people confuse (O for 0, I and L for 1) and spaces or dashes forgiven: `normalizeCheckInCode`.
 */
export const CHECK_IN_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{10}$/;
export const CheckInCodeInput = singleLineText(40)
  .transform(normalizeCheckInCode)
  .pipe(patternText(10, CHECK_IN_CODE_PATTERN, 'not a check-in code'));

/** A typed or scanned code as the database stores it: upper case, confusable letters mapped, no separators. */
export function normalizeCheckInCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The check-in list of one day: `q` searches the name (and institution), keyset by name. */
export const CheckInQuery = z.strictObject({
  day: EventDay.optional(),
  q: singleLineText(100).trim().optional(),
  after: Cursor.optional(),
  limit: int32(z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX)).default(50),
});
export type CheckInQuery = z.infer<typeof CheckInQuery>;

/** One approved participant (not declined) on one day: who they are and how they attended. */
export const CheckInEntry = z.strictObject({
  nominationId: Uuid,
  name: DisplayName,
  memberStateCode: Alpha3Code,
  institution: singleLineText(300),
  confirmation: z.enum(CONFIRMATION_STATUSES),
  day: EventDay,
  /** Null: nothing recorded for the day yet. */
  status: AttendanceStatus.nullable(),
  recordedAt: Timestamp.nullable(),
  /** The days of the event on which the person attended or partly attended. */
  daysAttended: int32(z.number().int().min(0).max(1000)),
  /** Whether a certificate was issued (and not revoked). */
  certified: z.boolean(),
});
export type CheckInEntry = z.infer<typeof CheckInEntry>;

export const CheckInPage = pageOf(CheckInEntry).extend({
  event: z.strictObject({
    id: Uuid,
    title: singleLineText(300),
    timeZone: singleLineText(100),
    /** Every day of the event, first to last, as the venue's clock shows them. */
    days: z.array(EventDay).max(1000),
  }),
  day: EventDay,
  /** Everyone on the list of the day (whatever the search), and how many are marked present. */
  totals: z.strictObject({
    expected: int32(z.number().int().min(0)),
    attended: int32(z.number().int().min(0)),
    partly: int32(z.number().int().min(0)),
    absent: int32(z.number().int().min(0)),
  }),
});
export type CheckInPage = z.infer<typeof CheckInPage>;

/** Record one person's attendance on one day (upsert). */
export const AttendanceRecord = z.strictObject({
  day: EventDay,
  status: AttendanceStatus,
});
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;

/** Check in by the participant's code (typed or scanned): attended on that day. */
export const CodeCheckIn = z.strictObject({
  day: EventDay,
  code: CheckInCodeInput,
});
export type CodeCheckIn = z.infer<typeof CodeCheckIn>;

/** A certificate as the officer sees it. */
export const CertificateSummary = z.strictObject({
  nominationId: Uuid,
  verificationCode: singleLineText(40),
  verificationUrl: singleLineText(2000),
  language: Language,
  issuedAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
export type CertificateSummary = z.infer<typeof CertificateSummary>;

/**
 * One participant as an officer opens them for their certificate: whether they are on the
 * event's list (approved, not declined), the days they attended (fully or partly), and their
 * certificate, valid or revoked, if one was ever issued.
 */
export const CertificateStanding = z.strictObject({
  nominationId: Uuid,
  onList: z.boolean(),
  daysAttended: int32(z.number().int().min(0).max(1000)),
  certificate: CertificateSummary.nullable(),
});
export type CertificateStanding = z.infer<typeof CertificateStanding>;

/** Revoking a certificate: why, one line, kept in the audit log with who revoked it. */
export const CertificateRevocation = z.strictObject({
  reason: singleLineText(500).trim().min(3),
});
export type CertificateRevocation = z.infer<typeof CertificateRevocation>;

/** Issuing for a whole event: how many were new, how many had one already. */
export const CertificatesIssued = z.strictObject({
  issued: int32(z.number().int().min(0)),
  alreadyIssued: int32(z.number().int().min(0)),
});
export type CertificatesIssued = z.infer<typeof CertificatesIssued>;

/**
 * A verification code: 16 characters of Crockford base32 (80 random bits), printed in groups of
 * four (`7KQ2-9ZXD-M4TB-R0WE`); read case-insensitively, with or without the dashes.
 */
export const VERIFICATION_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
export const VerificationCode = patternText(
  19,
  /^[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}(-?[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{4}){3}$/,
  'not a verification code',
);

/** A verification code as printed (upper case, dashes every four), or null if it is none. */
export function normalizeVerificationCode(text: string): string | null {
  const bare = text.toUpperCase().replace(/-/g, '');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(bare)) return null;
  return bare.match(/.{4}/g)?.join('-') ?? null;
}

/** What the public verification page says about a code: enough to confirm a certificate, no more. */
export const CertificateVerification = z.strictObject({
  verificationCode: singleLineText(19),
  organisation: DisplayName,
  holder: DisplayName,
  event: z.strictObject({
    title: singleLineText(300),
    startsAt: Timestamp,
    endsAt: Timestamp,
    timeZone: singleLineText(100),
    place: singleLineText(500).nullable(),
  }),
  issuedAt: Timestamp,
  status: z.enum(['valid', 'revoked']),
  revokedAt: Timestamp.nullable(),
});
export type CertificateVerification = z.infer<typeof CertificateVerification>;
