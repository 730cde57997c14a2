import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { applyScope } from '../db/transaction';

/** The outbox in three numbers, for monitoring: counts and an age, never whose mail it is. */
const MailHealth = z.strictObject({
  /** Messages waiting to be sent, including those waiting for their next attempt. */
  queued: z.number().int(),
  /** Messages that became undeliverable in the last 24 hours. */
  failed24h: z.number().int(),
  /** How long the oldest waiting message has waited, in seconds; 0 when none waits. */
  oldestQueuedSeconds: z.number().int(),
});
export type MailHealth = z.infer<typeof MailHealth>;

/**
 * Across every tenant, so it runs as the mailer role (switched for the rest of the
 * transaction: the caller switches back). One statement, answered from the two partial
 * indexes on queued and failed mail, so it stays cheap however large the outbox grows.
 */
export async function mailHealth(manager: EntityManager): Promise<MailHealth> {
  await applyScope(manager, { as: 'mailer' });
  const [row] = await sql(
    manager,
    `select q.queued, q.oldest as "oldestQueuedSeconds",
            (select count(*)::int from mail_outbox
              where status = 'failed' and failed_at > now() - interval '24 hours') as "failed24h"
       from (select count(*)::int as queued,
                    coalesce(floor(extract(epoch from now() - min(created_at))), 0)::int as oldest
               from mail_outbox where status = 'queued') q`,
    [],
    MailHealth,
  );
  return row ?? { queued: 0, failed24h: 0, oldestQueuedSeconds: 0 };
}
