import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { PollingLoop } from '../common/polling-loop';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import type { ObjectStore } from '../storage/storage';
import { sweepStorageDeletions } from '../storage/storage-deletions';
import { extractDocumentText, textSearchConfig } from './document-text';

const ClaimedJob = z.strictObject({
  tenant_id: z.guid(),
  version_id: z.guid(),
  attempts: z.number().int(),
});
type ClaimedJob = z.infer<typeof ClaimedJob>;

const VersionToRead = z.strictObject({
  storage_key: z.string(),
  content_type: z.string(),
  language: z.string(),
});

export interface TextExtractionOptions {
  batchSize?: number;
  leaseMs?: number;
  pollMs?: number;
  /** After this many failed attempts a job is marked failed and left alone. */
  maxAttempts?: number;
  /** Objects left to delete younger than this are the request's own (storage-deletions.ts). */
  sweepGraceMs?: number;
  log?: (message: string) => void;
}

/**
 * Extracts documents' text in the background (docs/documents.md), the mail outbox's pattern:
 * jobs are claimed with FOR UPDATE SKIP LOCKED under a lease, by the worker role, which sees the
 * job table of every tenant and nothing else; each job's work then runs as the application role
 * inside the job's own tenant, under row-level security. Any number of workers may run: a job
 * is claimed by one, and doing one twice (a lease that ran out) writes the same words again.
 */
export class TextExtractionWorker {
  private readonly loop: PollingLoop;
  private readonly options: Required<Omit<TextExtractionOptions, 'log'>> &
    Pick<TextExtractionOptions, 'log'>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ObjectStore,
    options: TextExtractionOptions = {},
  ) {
    this.options = {
      batchSize: 5,
      leaseMs: 120_000,
      pollMs: 1_000,
      maxAttempts: 3,
      sweepGraceMs: 30_000,
      ...options,
    };
    this.loop = new PollingLoop(() => this.drainOnce(), {
      pollMs: this.options.pollMs,
      name: 'text extraction',
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
   * Extracts what is due now, and deletes the stored objects a commit left to delete (a store
   * that failed right after a document's deletion); returns how many jobs it handled.
   */
  async drainOnce(): Promise<number> {
    const jobs = await this.claim();
    for (const job of jobs) await this.extract(job);
    const swept = await sweepStorageDeletions(this.dataSource, this.store, {
      graceMs: this.options.sweepGraceMs,
    });
    return jobs.length + swept;
  }

  private claim(): Promise<ClaimedJob[]> {
    return inTransaction(this.dataSource, { as: 'worker' }, (manager) =>
      sql(
        manager,
        `with due as (
           select tenant_id, version_id from document_text_jobs
            where status = 'queued' and (locked_until is null or locked_until < now())
            order by created_at
            limit $1
            for update skip locked)
         update document_text_jobs j
            set locked_until = now() + make_interval(secs => $2), attempts = j.attempts + 1
           from due
          where j.tenant_id = due.tenant_id and j.version_id = due.version_id
         returning j.tenant_id, j.version_id, j.attempts`,
        [this.options.batchSize, this.options.leaseMs / 1000],
        ClaimedJob,
      ),
    );
  }

  private async extract(job: ClaimedJob): Promise<void> {
    try {
      const [version] = await this.inTenant(job.tenant_id, (manager) =>
        sql(
          manager,
          `select storage_key, content_type, language from document_versions where id = $1`,
          [job.version_id],
          VersionToRead,
        ),
      );
      if (!version) {
        await this.finish(job, 'done', null);
        return;
      }
      const text = await extractDocumentText(
        await this.store.read(version.storage_key),
        version.content_type,
      );
      await this.inTenant(job.tenant_id, async (manager) => {
        // Every version sharing these bytes (restores) gets the words too.
        await sql(
          manager,
          `update document_versions
              set extracted_text = $2, text_search = to_tsvector($3::regconfig, $2),
                  extracted_at = now()
            where storage_key = $1`,
          [version.storage_key, text, textSearchConfig(version.language)],
        );
        await this.markDone(manager, job);
      });
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      this.options.log?.(`text extraction of ${job.version_id}: ${message}`);
      await this.finish(
        job,
        job.attempts >= this.options.maxAttempts ? 'failed' : 'queued',
        message,
      );
    }
  }

  private inTenant<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, { tenantId }, work);
  }

  private async markDone(manager: EntityManager, job: ClaimedJob): Promise<void> {
    await sql(
      manager,
      `update document_text_jobs set status = 'done', done_at = now(), locked_until = null,
              last_error = null
        where version_id = $1`,
      [job.version_id],
    );
  }

  private finish(job: ClaimedJob, status: 'done' | 'queued' | 'failed', error: string | null) {
    return this.inTenant(job.tenant_id, (manager) =>
      sql(
        manager,
        `update document_text_jobs
            set status = $2, last_error = $3, locked_until = null,
                done_at = case when $2 = 'done' then now() end
          where version_id = $1 and status <> 'done'`,
        [job.version_id, status, error],
      ),
    );
  }
}
