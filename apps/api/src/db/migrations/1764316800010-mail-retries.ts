import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail retried like a mail server retries (docs/mail.md): a transient failure is tried again
 * until the message has waited a day, counted from when it was queued or last sent back by a
 * retry (`retried_at`); `failed_at` says when it became final, so the digest and the health
 * check can count the failures of the last day. Both columns are nullable, so adding them
 * rewrites no row; mail already failed takes its last attempt's time. The two partial indexes keep the cross-tenant health query to index scans
 * over what waits or failed lately, not the whole outbox.
 */
export class MailRetries1764316800010 implements MigrationInterface {
  name = 'MailRetries1764316800010';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table mail_outbox add column retried_at timestamptz, add column failed_at timestamptz;
      update mail_outbox set failed_at = next_attempt_at where status = 'failed';
      create index mail_outbox_failed_idx on mail_outbox (failed_at) where status = 'failed';
      create index mail_outbox_queued_idx on mail_outbox (created_at) where status = 'queued';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop index mail_outbox_queued_idx;
      drop index mail_outbox_failed_idx;
      alter table mail_outbox drop column failed_at, drop column retried_at;
    `);
  }
}
