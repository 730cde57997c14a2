import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/** However often a key is blocked again, no block lasts longer than this. */
export const LONGEST_BLOCK_SECONDS = 15 * 60;
/** A key not blocked for this long starts again from the shortest block. */
const FORGIVE_AFTER = `interval '1 hour'`;

/** A key's counter after one attempt, with its times left in whole seconds. */
const AttemptRow = z.strictObject({
  hits: z.number().int(),
  time_to_expire: z.number().int(),
  is_blocked: z.boolean(),
  time_to_block_expire: z.number().int(),
});

/**
 * Fixed-window counters in PostgreSQL, one atomic upsert per attempt, so the limit holds across
 * API replicas (an in-memory store would give each replica its own allowance). Each block of a
 * key lasts twice the one before (from the throttler's block duration up to fifteen minutes),
 * until an hour passes without one: a guesser slows down fast, while someone who locked a real
 * person's account out can keep them waiting fifteen minutes at most.
 */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

export class PostgresThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  increment(
    key: string,
    ttlMs: number,
    limit: number,
    blockDurationMs: number,
    throttler: string,
  ): Promise<ThrottlerStorageRecord> {
    return inTransaction(this.dataSource, {}, async (manager) => {
      const rows = await sql(
        manager,
        `with attempt as (
           insert into rate_limits as r (key, hits, window_ends_at)
           values ($1, 1, now() + make_interval(secs => $2))
           on conflict (key) do update set
             hits = case when r.window_ends_at <= now() then 1 else r.hits + 1 end,
             window_ends_at = case when r.window_ends_at <= now()
                                   then now() + make_interval(secs => $2) else r.window_ends_at end,
             strikes = case
               when r.blocked_until > now() then r.strikes
               when (case when r.window_ends_at <= now() then 1 else r.hits + 1 end) > $3
                 then case when r.blocked_until > now() - ${FORGIVE_AFTER} then r.strikes else 0 end + 1
               else r.strikes end,
             blocked_until = case
               when r.blocked_until > now() then r.blocked_until
               when (case when r.window_ends_at <= now() then 1 else r.hits + 1 end) > $3
                 then now() + make_interval(secs => least(
                   $4 * power(2, case when r.blocked_until > now() - ${FORGIVE_AFTER}
                                      then r.strikes else 0 end),
                   $5))
               else r.blocked_until end
           returning hits, window_ends_at, blocked_until
         )
         select hits,
           greatest(ceil(extract(epoch from window_ends_at - now())), 0)::int as time_to_expire,
           coalesce(blocked_until > now(), false) as is_blocked,
           greatest(coalesce(ceil(extract(epoch from blocked_until - now())), 0), 0)::int
             as time_to_block_expire
         from attempt`,
        [`${throttler}:${key}`, ttlMs / 1000, limit, blockDurationMs / 1000, LONGEST_BLOCK_SECONDS],
        AttemptRow,
      );
      // Forget long-expired counters now and then, rather than on a timer.
      if (Math.random() < 0.01) {
        await sql(
          manager,
          `delete from rate_limits where window_ends_at < now() - ${FORGIVE_AFTER}
              and (blocked_until is null or blocked_until < now() - ${FORGIVE_AFTER})`,
        );
      }
      const row = rows[0];
      if (!row) throw new Error('rate limit counter was not written');
      return {
        totalHits: row.hits,
        timeToExpire: row.time_to_expire,
        isBlocked: row.is_blocked,
        timeToBlockExpire: row.time_to_block_expire,
      };
    });
  }
}
