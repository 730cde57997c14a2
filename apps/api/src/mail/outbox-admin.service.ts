import type {
  MailRetryFilter,
  MailRetryResult,
  OutboxCounts,
  OutboxMessage,
  OutboxQuery,
  Page,
} from '@convene/contracts';
import { MAIL_STATUSES, MailKind, MailStatus } from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { MailException } from './mail.exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { describeFilter, retryFailedMail } from './outbox-retry';

/** A message as COLUMNS selects it. */
const OutboxRow = z.strictObject({
  id: z.guid(),
  kind: MailKind,
  recipient: z.string(),
  status: MailStatus,
  attempts: z.number().int(),
  last_error: z.string().nullable(),
  created_at: z.date(),
  created_key: z.string(),
  sent_at: z.date().nullable(),
  next_attempt_at: z.date(),
  locked_until: z.date().nullable(),
});
type OutboxRow = z.infer<typeof OutboxRow>;

// Never the payload: it may hold a live sign-in link.
const COLUMNS = `id, kind, recipient, status, attempts, last_error, created_at,
  created_at::text as created_key, sent_at, next_attempt_at, locked_until`;

/**
 * What a tenant administrator sees of the tenant's outbox, and the two
 * things they can do about a message: send it again, or not at all.
 * Row-level security keeps each tenant to its own rows.
 */
@Injectable()
export class OutboxAdminService {
  constructor(private readonly audit: AuditService) {}

  /** Newest first, keyset-paginated on (created_at, id). */
  async list(query: OutboxQuery): Promise<Page<OutboxMessage>> {
    const { manager, tenant } = requestContext.current();
    const cursor = decodeCursor(query.after, ['timestamp', 'uuid'] as const);
    const rows = await sql(
      manager,
      `select ${COLUMNS} from mail_outbox
        where tenant_id = $1 and ($2::text is null or status = $2)
          and ($3::timestamptz is null or (created_at, id) < ($3::timestamptz, $4::uuid))
        order by created_at desc, id desc
        limit $5`,
      [tenant?.id, query.status ?? null, cursor?.[0] ?? null, cursor?.[1] ?? null, query.limit + 1],
      OutboxRow,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toMessage),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  async counts(): Promise<OutboxCounts> {
    const { manager, tenant } = requestContext.current();
    const rows = await sql(
      manager,
      `select status, count(*)::int as count from mail_outbox where tenant_id = $1 group by status`,
      [tenant?.id],
      z.strictObject({ status: MailStatus, count: z.number().int() }),
    );
    const counts = Object.fromEntries(MAIL_STATUSES.map((status) => [status, 0])) as OutboxCounts;
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  /**
   * A failed or cancelled message goes back in the queue, due now, with a fresh day of
   * retries (counted from retried_at).
   */
  retry(id: string): Promise<OutboxMessage> {
    return this.change(
      id,
      'mail.retry',
      `update mail_outbox
          set status = 'queued', attempts = 0, next_attempt_at = now(), locked_until = null,
              retried_at = now(), failed_at = null
        where tenant_id = $1 and id = $2 and status in ('failed', 'cancelled')
        returning ${COLUMNS}`,
      (row) =>
        row.status === 'queued'
          ? 'The message is already waiting to be sent'
          : 'The message was sent; it cannot be sent again',
    );
  }

  /**
   * Every failed message that matches the filter goes back in the queue, in one statement
   * (after an outage, say). One audit row names the filter and the count; none when nothing
   * matched.
   */
  async retryAll(filter: MailRetryFilter): Promise<MailRetryResult> {
    const { manager, tenant } = requestContext.current();
    if (!tenant) throw new Error('Retrying mail needs a tenant');
    const retried = await retryFailedMail(manager, tenant.id, filter);
    if (retried > 0) {
      await this.audit.record({
        action: 'mail.retry_all',
        entity: 'mail',
        entityId: '*',
        after: { ...describeFilter(filter), retried },
      });
    }
    return { retried };
  }

  /**
   * A queued or failed message will not be sent. One a worker holds right
   * now may already be on the wire: that one cannot be cancelled.
   */
  cancel(id: string): Promise<OutboxMessage> {
    return this.change(
      id,
      'mail.cancel',
      `update mail_outbox set status = 'cancelled', locked_until = null
        where tenant_id = $1 and id = $2
          and (status = 'failed'
               or (status = 'queued' and (locked_until is null or locked_until < now())))
        returning ${COLUMNS}`,
      (row) =>
        row.status === 'queued'
          ? 'The message is being sent right now'
          : row.status === 'sent'
            ? 'The message was already sent'
            : 'The message is already cancelled',
    );
  }

  private async change(
    id: string,
    action: 'mail.retry' | 'mail.cancel',
    update: string,
    whyNot: (row: OutboxRow) => string,
  ): Promise<OutboxMessage> {
    if (!isUuid(id)) throw notFound('Message');
    const { manager, tenant } = requestContext.current();
    // Locks the row, so the answer below describes the state the update saw.
    const [before] = await sql(
      manager,
      `select ${COLUMNS} from mail_outbox where tenant_id = $1 and id = $2 for update`,
      [tenant?.id, id],
      OutboxRow,
    );
    if (!before) throw notFound('Message');
    const [after] = await sql(manager, update, [tenant?.id, id], OutboxRow);
    if (!after) {
      const title =
        action === 'mail.retry'
          ? 'The message cannot be sent again'
          : 'The message cannot be cancelled';
      throw new MailException(409, 'mail-state', title, whyNot(before));
    }
    await this.audit.record({
      action,
      entity: 'mail',
      entityId: id,
      before: { status: before.status, attempts: before.attempts },
      after: { status: after.status, attempts: after.attempts },
    });
    return toMessage(after);
  }
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
    nextAttemptAt: row.status === 'queued' ? new Date(row.next_attempt_at).toISOString() : null,
  };
}
