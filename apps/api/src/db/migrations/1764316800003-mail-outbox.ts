import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, MAILER_ROLE, PLATFORM_TENANT_ID } from '../app-role';

/**
 * Mail is written to an outbox in the transaction that causes it and sent
 * by a worker; see docs/mail.md.
 */
export class MailOutbox1764316800003 implements MigrationInterface {
  name = 'MailOutbox1764316800003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      do $$ begin
        if not exists (select from pg_roles where rolname = '${MAILER_ROLE}') then
          create role ${MAILER_ROLE} nologin nosuperuser nobypassrls;
        end if;
      exception when duplicate_object or unique_violation then null;
      end $$;
    `);
    await db.query(`
      do $$ begin
        if not (select rolsuper from pg_roles where rolname = current_user) then
          execute format('grant ${MAILER_ROLE} to %I', current_user);
        end if;
      end $$;
    `);
    await db.query(
      `insert into tenants (id, slug, name) values ($1, 'platform', 'Convene') on conflict do nothing`,
      [PLATFORM_TENANT_ID],
    );
    await db.query(`
      create table mail_outbox (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        kind text not null,
        recipient text not null,
        language text not null check (language in ('ar','zh','en','fr','ru','es')),
        payload jsonb not null,
        idempotency_key text,
        status text not null default 'queued'
          check (status in ('queued', 'sent', 'failed', 'cancelled')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        locked_until timestamptz,
        last_error text,
        created_at timestamptz not null default now(),
        sent_at timestamptz,
        primary key (tenant_id, id),
        unique (tenant_id, idempotency_key)
      );
      -- The worker looks across tenants for what is due: the one index not led by tenant_id.
      create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'queued';
      create index mail_outbox_list_idx on mail_outbox (tenant_id, created_at desc, id);

      alter table mail_outbox enable row level security;
      alter table mail_outbox force row level security;
      create policy tenant_isolation on mail_outbox
        using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
        with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
      create policy mailer_access on mail_outbox to ${MAILER_ROLE} using (true) with check (true);

      grant select, insert, update on mail_outbox to ${APP_ROLE};
      grant usage on schema public to ${MAILER_ROLE};
      grant select, update on mail_outbox to ${MAILER_ROLE};
      grant select on tenants to ${MAILER_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table mail_outbox`);
    await db.query(`delete from tenants where id = $1`, [PLATFORM_TENANT_ID]);
  }
}
