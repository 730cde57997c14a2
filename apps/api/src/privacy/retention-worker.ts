import type { RetentionResult } from '@convene/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { PollingLoop } from '../common/polling-loop';
import { sql } from '../db/sql';
import { PLATFORM_TENANT_ID } from '../db/app-role';
import { inTransaction } from '../db/transaction';
import type { ObjectStore } from '../storage/storage';
import { deleteRecordedObjects, recordStorageDeletions } from '../storage/storage-deletions';
import {
  cutoffsOf,
  PLATFORM_RETENTION_DEFAULT_DAYS,
  type PlatformResult,
  periodsOf,
  runPlatformRetention,
  runRetention,
} from './retention';

const TenantId = z.strictObject({ id: z.guid() });
const ClaimedJob = z.strictObject({
  tenant_id: z.guid(),
  id: z.guid(),
  kind: z.enum(['retention', 'platform']),
  run_on: z.string(),
  attempts: z.number().int(),
});
type ClaimedJob = z.infer<typeof ClaimedJob>;

export interface RetentionWorkerOptions {
  /** How often it looks for work when there is none. */
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** How many days ended sessions and used or expired reset tokens are kept (the platform's run). */
  sessionsDays?: number;
  /** The day it runs for, YYYY-MM-DD; today (UTC) by default. For the tests. */
  today?: () => string;
  log?: (message: string) => void;
}

/**
 * The retention runs (docs/privacy.md), the text jobs' pattern: once a day each tenant gets a
 * `privacy_jobs` row for the day (its `(tenant, kind, day)` key makes scheduling it twice, or
 * from two workers at once, one row); workers claim due rows with FOR UPDATE SKIP LOCKED under
 * a lease as the worker role, and do each in the job's tenant as the application role, in one
 * transaction with marking it done. The work is idempotent (retention.ts): a job done twice,
 * after a lease ran out, changes nothing the second time.
 *
 * Beside them, one `platform` job a day in the platform's own tenant: sessions and reset tokens
 * belong to accounts, which span tenants, so it deletes those that ended `sessionsDays` ago as
 * the worker role (the only rows outside the job table it may touch), with marking it done.
 */
export class RetentionWorker {
  private readonly loop: PollingLoop;
  private readonly options: Required<Omit<RetentionWorkerOptions, 'log'>> &
    Pick<RetentionWorkerOptions, 'log'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ObjectStore,
    options: RetentionWorkerOptions = {},
  ) {
    this.options = {
      pollMs: 60_000,
      leaseMs: 300_000,
      maxAttempts: 3,
      sessionsDays: PLATFORM_RETENTION_DEFAULT_DAYS,
      today: () => new Date().toISOString().slice(0, 10),
      ...options,
    };
    this.loop = new PollingLoop(() => this.drainOnce(), {
      pollMs: this.options.pollMs,
      name: 'retention',
      log: this.options.log,
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Schedules today's runs of every tenant (one that exists already is left as it is, so a
   * tenant created during the day gets its run on the next pass) and does what is due; returns
   * how many runs it did.
   */
  async drainOnce(): Promise<number> {
    await this.schedule(this.options.today());
    let done = 0;
    for (let jobs = await this.claim(); jobs.length > 0; jobs = await this.claim()) {
      for (const job of jobs) await this.execute(job);
      done += jobs.length;
    }
    return done;
  }

  /**
   * One job per tenant for the day, and the platform's; a day already scheduled (by anyone)
   * stays as it is.
   */
  async schedule(day: string): Promise<void> {
    const tenants = await inTransaction(this.dataSource, {}, (manager) =>
      sql(manager, `select id from tenants order by id`, [], TenantId),
    );
    for (const { id } of tenants) {
      await inTransaction(this.dataSource, { tenantId: id }, (manager) =>
        sql(
          manager,
          `insert into privacy_jobs (tenant_id, kind, run_on) values ($1, 'retention', $2)
           on conflict (tenant_id, kind, run_on) do nothing`,
          [id, day],
        ),
      );
    }
    await inTransaction(this.dataSource, { tenantId: PLATFORM_TENANT_ID }, (manager) =>
      sql(
        manager,
        `insert into privacy_jobs (tenant_id, kind, run_on) values ($1, 'platform', $2)
         on conflict (tenant_id, kind, run_on) do nothing`,
        [PLATFORM_TENANT_ID, day],
      ),
    );
  }

  private claim(): Promise<ClaimedJob[]> {
    return inTransaction(this.dataSource, { as: 'worker' }, (manager) =>
      sql(
        manager,
        `with due as (
           select tenant_id, id from privacy_jobs
            where status = 'queued' and attempts < $2
              and (locked_until is null or locked_until < now())
            order by created_at
            limit 5
            for update skip locked)
         update privacy_jobs j
            set locked_until = now() + make_interval(secs => $1), attempts = j.attempts + 1
           from due
          where j.tenant_id = due.tenant_id and j.id = due.id
         returning j.tenant_id, j.id, j.kind, j.run_on::text as run_on, j.attempts`,
        [this.options.leaseMs / 1000, this.options.maxAttempts],
        ClaimedJob,
      ),
    );
  }

  private async execute(job: ClaimedJob): Promise<void> {
    try {
      if (job.kind === 'platform') {
        await this.executePlatform(job);
        return;
      }
      const keys = await inTransaction(this.dataSource, { tenantId: job.tenant_id }, async (m) => {
        // Done meanwhile by a worker whose lease ran out: nothing to do twice.
        const [still] = await sql(
          m,
          `select 1 from privacy_jobs where id = $1 and status = 'queued' for update`,
          [job.id],
        );
        if (!still) return [];
        const cutoffs = await cutoffsOf(m, job.run_on, await periodsOf(m));
        const outcome = await runRetention(m, cutoffs);
        const recorded = await recordStorageDeletions(m, job.tenant_id, outcome.storageKeys);
        await this.finish(m, job, 'done', null, outcome.result);
        return recorded;
      });
      await deleteRecordedObjects(this.dataSource, this.store, job.tenant_id, keys);
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      this.options.log?.(`retention of tenant ${job.tenant_id}: ${message}`);
      await inTransaction(this.dataSource, { tenantId: job.tenant_id }, (m) =>
        this.finish(
          m,
          job,
          job.attempts >= this.options.maxAttempts ? 'failed' : 'queued',
          message,
          null,
        ),
      );
    }
  }

  /**
   * The platform's run: as the worker role (no tenant), which may delete sessions and tokens and
   * read only when they ended, in one transaction with marking the job done.
   */
  private executePlatform(job: ClaimedJob): Promise<void> {
    return inTransaction(this.dataSource, { as: 'worker' }, async (m) => {
      const [still] = await sql(
        m,
        `select 1 from privacy_jobs
          where tenant_id = $1 and id = $2 and status = 'queued' for update`,
        [job.tenant_id, job.id],
      );
      if (!still) return;
      const result = await runPlatformRetention(m, job.run_on, this.options.sessionsDays);
      await this.finish(m, job, 'done', null, result);
    });
  }

  private async finish(
    manager: EntityManager,
    job: ClaimedJob,
    status: 'done' | 'queued' | 'failed',
    error: string | null,
    result: RetentionResult | PlatformResult | null,
  ): Promise<void> {
    await sql(
      manager,
      `update privacy_jobs
          set status = $3, last_error = $4, result = $5::jsonb, locked_until = null,
              done_at = case when $3 = 'done' then now() end
        where tenant_id = $1 and id = $2 and status <> 'done'`,
      [job.tenant_id, job.id, status, error, result ? JSON.stringify(result) : null],
    );
  }
}
