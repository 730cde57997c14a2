import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditFacts } from '../../audit/audit-facts';
import { APP_ROLE, WORKER_ROLE } from '../app-role';

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
`;

/**
 * Privacy by design (docs/privacy.md):
 *
 * - `retention_policies`: a tenant's retention periods, one row per tenant once its admins set
 *   them (the defaults apply until then).
 * - `privacy_jobs`: the retention run of a tenant for a day, claimed by background workers with
 *   SKIP LOCKED like the text jobs; `(tenant_id, kind, run_on)` is unique, so scheduling the
 *   same day twice, from two workers at once, makes one job.
 * - `expert_profiles.anonymised_at`: when a profile's personal fields were cleared.
 * - `certificates.revoke_reason`: the reason a certificate was revoked lived only in the audit
 *   log, which now keeps no free text; it moves to the certificate, where anonymisation can
 *   reach it.
 * - The audit rows written before this change keep personal values in `before` and `after`:
 *   they are rewritten here with the same rule the audit service now applies when writing
 *   (`auditFacts`), once, by the owner (the application may only insert into the log). The
 *   revocation reasons are copied to their certificates first.
 */
export class Privacy1764316800025 implements MigrationInterface {
  name = 'Privacy1764316800025';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table certificates add column revoke_reason text;
      -- Set when a profile's personal fields were cleared (its person left the roster).
      alter table expert_profiles add column anonymised_at timestamptz;

      create table retention_policies (
        tenant_id uuid primary key references tenants (id),
        participants_months integer not null default 36
          check (participants_months between 1 and 240),
        experts_months integer not null default 24 check (experts_months between 1 and 240),
        mail_days integer not null default 90 check (mail_days between 7 and 3650),
        links_days integer not null default 30 check (links_days between 1 and 3650),
        version integer not null default 1,
        updated_by uuid references users (id),
        updated_at timestamptz not null default now()
      );
      ${tenantPolicy('retention_policies')}

      create table privacy_jobs (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind in ('retention')),
        run_on date not null,
        status text not null default 'queued' check (status in ('queued', 'done', 'failed')),
        attempts integer not null default 0,
        locked_until timestamptz,
        last_error text,
        result jsonb,
        created_at timestamptz not null default now(),
        done_at timestamptz,
        primary key (tenant_id, id),
        unique (tenant_id, kind, run_on)
      );
      -- The workers look across tenants for what is due: the one index not led by tenant_id.
      create index privacy_jobs_due_idx on privacy_jobs (created_at) where status = 'queued';
      ${tenantPolicy('privacy_jobs')}
      create policy worker_access on privacy_jobs to ${WORKER_ROLE} using (true) with check (true);

      grant select, insert, update on retention_policies, privacy_jobs to ${APP_ROLE};
      grant select, update on privacy_jobs to ${WORKER_ROLE};
    `);

    // Tenant by tenant: the log is under forced row-level security, even for its owner.
    const tenants: { id: string }[] = await db.query(`select id from tenants`);
    for (const { id } of tenants) {
      await db.query(`select set_config('app.tenant_id', $1, false)`, [id]);
      await db.query(`
        update certificates c set revoke_reason = a.after ->> 'reason'
          from (select distinct on (entity_id) entity_id, after from audit_log
                 where action = 'certificate.revoked' order by entity_id, at desc) a
         where c.id::text = a.entity_id and c.revoked_at is not null
      `);
      const rows: { id: string; before: unknown; after: unknown }[] = await db.query(
        `select id, before, after from audit_log where before is not null or after is not null`,
      );
      for (const row of rows) {
        const before = auditFacts(row.before, row.after);
        const after = auditFacts(row.after, row.before);
        if (
          JSON.stringify(before) === JSON.stringify(row.before) &&
          JSON.stringify(after) === JSON.stringify(row.after)
        ) {
          continue;
        }
        await db.query(`update audit_log set before = $2::jsonb, after = $3::jsonb where id = $1`, [
          row.id,
          before === null || before === undefined ? null : JSON.stringify(before),
          after === null || after === undefined ? null : JSON.stringify(after),
        ]);
      }
    }
    await db.query(`select set_config('app.tenant_id', '', false)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table privacy_jobs;
      drop table retention_policies;
      alter table expert_profiles drop column anonymised_at;
      alter table certificates drop column revoke_reason;
    `);
  }
}
