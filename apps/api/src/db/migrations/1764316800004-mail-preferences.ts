import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, MAILER_ROLE } from '../app-role';

/**
 * Each person chooses which optional notifications they receive; security
 * mail ignores the choice. See docs/mail.md.
 */
export class MailPreferences1764316800004 implements MigrationInterface {
  name = 'MailPreferences1764316800004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table users add column muted_mail_kinds text[] not null default '{}';
      -- The scheduler remembers, per tenant and kind, the last period it
      -- computed, so a digest or reminder run is done once however many
      -- workers tick.
      create table mail_schedule_runs (
        tenant_id uuid not null references tenants (id),
        kind text not null,
        period text not null,
        ran_at timestamptz not null default now(),
        primary key (tenant_id, kind, period)
      );
      alter table mail_schedule_runs enable row level security;
      alter table mail_schedule_runs force row level security;
      create policy tenant_isolation on mail_schedule_runs
        using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
        with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
      grant select, insert on mail_schedule_runs to ${APP_ROLE};
      -- The scheduler finds the tenants whose run is not done in one query.
      create policy mailer_read on mail_schedule_runs for select to ${MAILER_ROLE} using (true);
      grant select on mail_schedule_runs to ${MAILER_ROLE};
      -- The mail page filters by status, newest first.
      create index mail_outbox_status_idx on mail_outbox (tenant_id, status, created_at desc, id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table mail_schedule_runs`);
    await db.query(`alter table users drop column muted_mail_kinds`);
  }
}
