import { z } from 'zod';
import { DisplayName, Uuid } from './common';
import { CalendarDate, CalendarDay } from './invitations';
import { RETENTION_BOUNDS } from './privacy-vocabulary';
import { int32, Timestamp } from './text';

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
