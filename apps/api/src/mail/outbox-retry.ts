import type { MailRetryFilter } from '@convene/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';

/**
 * Sends every failed message of one tenant that matches the filter back to the queue, due
 * now, with a fresh day of retries (retried_at), in one statement. Runs in the caller's
 * transaction, scoped to that tenant (the mail page's request, or the operator's command).
 * Returns how many went back.
 */
export async function retryFailedMail(
  manager: EntityManager,
  tenantId: string,
  filter: MailRetryFilter,
): Promise<number> {
  const [result] = await sql(
    manager,
    `with retried as (
       update mail_outbox
          set status = 'queued', attempts = 0, next_attempt_at = now(), locked_until = null,
              retried_at = now(), failed_at = null
        where tenant_id = $1 and status = 'failed'
          and ($2::text is null or kind = $2)
          and ($3::timestamptz is null or created_at >= $3)
          and ($4::timestamptz is null or created_at < $4)
       returning 1)
     select count(*)::int as retried from retried`,
    [tenantId, filter.kind ?? null, filter.createdFrom ?? null, filter.createdTo ?? null],
    z.strictObject({ retried: z.number().int() }),
  );
  return result?.retried ?? 0;
}

/** The filter as the audit log keeps it: only the fields that were given. */
export function describeFilter(filter: MailRetryFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
