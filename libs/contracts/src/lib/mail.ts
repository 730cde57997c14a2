import { z } from 'zod';
import { EmailAddress, PageQuery, pageOf, Uuid } from './common';
import { Instant, int32, Timestamp } from './text';
import { MAIL_KINDS, MAIL_STATUSES, OPTIONAL_MAIL_KINDS } from './vocabulary';

export const MailKind = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof MailKind>;
export const OptionalMailKind = z.enum(OPTIONAL_MAIL_KINDS);
export type OptionalMailKind = z.infer<typeof OptionalMailKind>;

export const MailStatus = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof MailStatus>;

/**
 * One outbox row as a tenant administrator sees it: who, what and how it
 * went — never the content, which may carry a sign-in link.
 */
export const OutboxMessage = z.strictObject({
  id: Uuid,
  kind: MailKind,
  recipient: EmailAddress,
  status: MailStatus,
  attempts: int32(z.number().int().min(0).max(2_147_483_647)),
  /** The last SMTP or connection error, when there was one (the worker keeps 1000 characters). */
  lastError: z.string().max(1000).nullable(),
  createdAt: Timestamp,
  sentAt: Timestamp.nullable(),
  /** When a queued message is next tried. */
  nextAttemptAt: Timestamp.nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxMessagePage = pageOf(OutboxMessage);

export const OutboxQuery = PageQuery.extend({
  status: MailStatus.optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;

const count = () => int32(z.number().int().min(0).max(2_147_483_647));
/** How many of the tenant's messages are in each status. */
export const OutboxCounts = z.strictObject({
  queued: count(),
  sent: count(),
  failed: count(),
  cancelled: count(),
} satisfies Record<MailStatus, z.ZodType>);
export type OutboxCounts = z.infer<typeof OutboxCounts>;

/**
 * Which of the tenant's failed messages to send back to the queue at once
 * (`POST /api/t/:tenant/mail/retry`): all of them, or those of one kind, or
 * those created in [createdFrom, createdTo). Only failed mail: a cancelled
 * message was stopped on purpose and is retried one at a time.
 */
export const MailRetryFilter = z
  .strictObject({
    status: z.literal('failed'),
    kind: MailKind.optional(),
    createdFrom: Instant.optional(),
    createdTo: Instant.optional(),
  })
  .refine(
    (filter) =>
      !filter.createdFrom ||
      !filter.createdTo ||
      Date.parse(filter.createdFrom) <= Date.parse(filter.createdTo),
    { path: ['createdTo'], message: 'The range ends before it starts' },
  );
export type MailRetryFilter = z.infer<typeof MailRetryFilter>;

export const MailRetryResult = z.strictObject({
  /** How many messages went back in the queue. */
  retried: count(),
});
export type MailRetryResult = z.infer<typeof MailRetryResult>;
