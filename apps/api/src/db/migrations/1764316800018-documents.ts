import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, LOGIN_ROLE, WORKER_ROLE } from '../app-role';

const list = (values: readonly string[]) => `(${values.map((value) => `'${value}'`).join(',')})`;

const TENANT_POLICY = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);`;

/**
 * Documents (docs/documents.md): on an event or in the tenant's library, each with a kind, a
 * visibility and, per language, versions of a file whose bytes live in the storage service.
 * A version is never changed: a new upload or a restore adds one, and the newest of a language
 * is its current file. Text extraction is a job per version, claimed by background workers with
 * SKIP LOCKED under the worker role, which may see the job table of every tenant and nothing else.
 */
export class Documents1764316800018 implements MigrationInterface {
  name = 'Documents1764316800018';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      do $$ begin
        if not exists (select from pg_roles where rolname = '${WORKER_ROLE}') then
          create role ${WORKER_ROLE} nologin nosuperuser nobypassrls;
        end if;
      exception when duplicate_object then null;
      end $$;
      do $$ begin
        if not pg_has_role(current_user, '${WORKER_ROLE}', 'member') then
          execute format('grant ${WORKER_ROLE} to %I', current_user);
        end if;
      exception when others then
        if not pg_has_role(current_user, '${WORKER_ROLE}', 'member') then raise; end if;
      end $$;
      do $$ begin
        if exists (select from pg_roles where rolname = '${LOGIN_ROLE}')
           and not pg_has_role('${LOGIN_ROLE}', '${WORKER_ROLE}', 'member') then
          grant ${WORKER_ROLE} to ${LOGIN_ROLE};
        end if;
      exception when others then
        if not pg_has_role('${LOGIN_ROLE}', '${WORKER_ROLE}', 'member') then raise; end if;
      end $$;

      -- A tenant's own limit on one file, at most the server's UPLOAD_MAX_BYTES.
      alter table tenants add column document_max_bytes integer not null default 26214400
        check (document_max_bytes > 0);

      create table documents (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        -- Null: the tenant's library (e.g. the tool's editions).
        event_id uuid,
        title text not null,
        kind text not null check (kind in ${list(['concept_note', 'agenda', 'presentation', 'background_paper', 'meeting_report', 'recommendations', 'other'])}),
        visibility text not null check (visibility in ${list(['public', 'participants', 'staff_and_experts', 'staff'])}),
        -- Null: a draft (the rapporteur's report before the officer publishes it), which only
        -- the tenant's staff and the event's experts may read, whatever its visibility.
        published_at timestamptz,
        published_by uuid references users (id),
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        -- Title words, in no language's stemming: titles mix languages.
        title_search tsvector generated always as (to_tsvector('simple', title)) stored,
        primary key (tenant_id, id),
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade
      );
      create index documents_event_idx on documents (tenant_id, event_id, kind, created_at, id);
      create index documents_library_idx on documents (tenant_id, created_at desc, id desc)
        where event_id is null;
      create index documents_title_search_idx on documents using gin (title_search);
      ${TENANT_POLICY('documents')}

      create table document_versions (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        document_id uuid not null,
        language text not null check (language in ${list(['ar', 'zh', 'en', 'fr', 'ru', 'es', 'other'])}),
        number integer not null check (number > 0),
        storage_key text not null,
        file_name text not null,
        content_type text not null,
        size_bytes bigint not null check (size_bytes > 0),
        sha256 bytea not null,
        -- The version this one restored (its bytes, under the same storage key).
        restored_from uuid,
        uploaded_by uuid references users (id),
        uploaded_at timestamptz not null default now(),
        -- The newest version of its language; kept by the service in the same transaction.
        is_current boolean not null default true,
        -- The extracted text (for search snippets) and its words in the file's language.
        extracted_text text,
        text_search tsvector,
        extracted_at timestamptz,
        primary key (tenant_id, id),
        foreign key (tenant_id, document_id) references documents (tenant_id, id) on delete cascade,
        unique (tenant_id, document_id, language, number)
      );
      create unique index document_versions_current_idx
        on document_versions (tenant_id, document_id, language) where is_current;
      -- GIN cannot lead with tenant_id without btree_gin, which the embedded PGlite lacks; row
      -- level security and the joins to documents keep the tenant.
      create index document_versions_text_idx on document_versions using gin (text_search)
        where is_current;
      ${TENANT_POLICY('document_versions')}

      create table document_text_jobs (
        tenant_id uuid not null,
        version_id uuid not null,
        status text not null default 'queued' check (status in ('queued', 'done', 'failed')),
        attempts integer not null default 0,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz not null default now(),
        done_at timestamptz,
        primary key (tenant_id, version_id),
        foreign key (tenant_id, version_id) references document_versions (tenant_id, id)
          on delete cascade
      );
      create index document_text_jobs_due_idx on document_text_jobs (created_at)
        where status = 'queued';
      ${TENANT_POLICY('document_text_jobs')}
      create policy worker_access on document_text_jobs to ${WORKER_ROLE}
        using (true) with check (true);

      grant select, insert, update, delete on documents, document_versions, document_text_jobs
        to ${APP_ROLE};
      grant usage on schema public to ${WORKER_ROLE};
      grant select, update on document_text_jobs to ${WORKER_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table document_text_jobs;
      drop table document_versions;
      drop table documents;
      alter table tenants drop column document_max_bytes;
    `);
  }
}
