import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/**
 * Fixed-window counters in PostgreSQL, one atomic upsert per attempt, so
 * the limit holds across API replicas (an in-memory store would give each
 * replica its own allowance).
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
      const rows = await sql<{
        hits: number;
        time_to_expire: number;
        is_blocked: boolean;
        time_to_block_expire: number;
      }>(
        manager,
        `insert into rate_limits as r (key, hits, window_ends_at)
         values ($1, 1, now() + make_interval(secs => $2))
         on conflict (key) do update set
           hits = case when r.window_ends_at <= now() then 1 else r.hits + 1 end,
           window_ends_at = case when r.window_ends_at <= now() then now() + make_interval(secs => $2) else r.window_ends_at end,
           blocked_until = case
             when r.blocked_until > now() then r.blocked_until
             when (case when r.window_ends_at <= now() then 1 else r.hits + 1 end) > $3
               then now() + make_interval(secs => $4)
             else null end
         returning hits,
           greatest(ceil(extract(epoch from window_ends_at - now())), 0)::int as time_to_expire,
           coalesce(blocked_until > now(), false) as is_blocked,
           greatest(coalesce(ceil(extract(epoch from blocked_until - now())), 0), 0)::int as time_to_block_expire`,
        [`${throttler}:${key}`, ttlMs / 1000, limit, blockDurationMs / 1000],
      );
      // Forget long-expired counters now and then, rather than on a timer.
      if (Math.random() < 0.01) {
        await sql(
          manager,
          `delete from rate_limits where window_ends_at < now() - interval '1 hour'
                               and (blocked_until is null or blocked_until < now())`,
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
