import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, WORKER_ROLE } from '../app-role';

const TENANT_POLICY = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);`;

/**
 * Finishing experts and outputs (docs/search.md, docs/documents.md, docs/experts.md):
 * - `storage_deletions`: stored objects whose rows are gone (a deleted document, a replaced or
 *   removed CV). The rows go in the request's transaction with one of these per object; the API
 *   deletes the objects after the commit, and the document worker retries whatever is left, so
 *   a failure leaves an object to sweep, never a row naming a missing object.
 * - `expert_cvs`: one CV per expert, its bytes in the storage service.
 * - `tenants.settings_version`: the tenant settings' optimistic concurrency; tenant admins change
 *   `document_max_bytes` (the API bounds it by the server's UPLOAD_MAX_BYTES).
 */
export class OutputsFinish1764316800024 implements MigrationInterface {
  name = 'OutputsFinish1764316800024';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table tenants add column settings_version integer not null default 1;
      -- The application may change these two columns only; the service names the request's own
      -- tenant (app.tenant_id) in its where clause.
      grant update (document_max_bytes, settings_version) on tenants to ${APP_ROLE};

      create table storage_deletions (
        tenant_id uuid not null,
        storage_key text not null,
        created_at timestamptz not null default now(),
        attempts integer not null default 0,
        locked_until timestamptz,
        last_error text,
        primary key (tenant_id, storage_key)
      );
      ${TENANT_POLICY('storage_deletions')}
      create policy worker_access on storage_deletions to ${WORKER_ROLE}
        using (true) with check (true);

      create table expert_cvs (
        tenant_id uuid not null,
        user_id uuid not null,
        -- A new id per upload: a replaced CV's object is another key, deleted after the commit.
        id uuid not null default gen_random_uuid(),
        storage_key text not null,
        file_name text not null,
        content_type text not null,
        size_bytes bigint not null check (size_bytes > 0),
        sha256 bytea not null,
        uploaded_by uuid references users (id),
        uploaded_at timestamptz not null default now(),
        primary key (tenant_id, user_id),
        unique (tenant_id, id),
        foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
      );
      ${TENANT_POLICY('expert_cvs')}

      grant select, insert, delete on storage_deletions to ${APP_ROLE};
      grant select, insert, update, delete on expert_cvs to ${APP_ROLE};
      grant select, update, delete on storage_deletions to ${WORKER_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table expert_cvs;
      drop table storage_deletions;
      revoke update (document_max_bytes, settings_version) on tenants from ${APP_ROLE};
      alter table tenants drop column settings_version;
    `);
  }
}
