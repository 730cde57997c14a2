import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const LANGUAGES = `('ar','zh','en','fr','ru','es')`;
const ROLES = `('tenant_admin','programme_officer','focal_point','expert')`;

/** The policy every tenant table carries; '' (a reset setting) counts as no tenant. */
const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
`;

export class Foundation1764316800000 implements MigrationInterface {
  name = 'Foundation1764316800000';

  async up(db: QueryRunner): Promise<void> {
    // Roles are cluster-wide: create once, tolerate a concurrent creator.
    await db.query(`
      do $$ begin
        if not exists (select from pg_roles where rolname = '${APP_ROLE}') then
          create role ${APP_ROLE} nologin nosuperuser nobypassrls;
        end if;
      exception when duplicate_object or unique_violation then null;
      end $$;
    `);
    // A non-superuser owner needs membership to SET ROLE; superusers skip it.
    await db.query(`
      do $$ begin
        if not (select rolsuper from pg_roles where rolname = current_user) then
          execute format('grant ${APP_ROLE} to %I', current_user);
        end if;
      end $$;
    `);

    await db.query(`
      create table tenants (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        name text not null check (length(name) between 1 and 200),
        created_at timestamptz not null default now()
      );

      create table users (
        id uuid primary key default gen_random_uuid(),
        email text not null check (email = lower(email)),
        name text not null,
        preferred_language text not null default 'en' check (preferred_language in ${LANGUAGES}),
        password_hash text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index users_email_key on users (lower(email));

      create table member_states (
        alpha3 char(3) primary key,
        alpha2 char(2) not null unique,
        regional_group text check (regional_group in
          ('african','asia_pacific','eastern_european','latin_american_caribbean','western_european_others')),
        observer boolean not null default false,
        name_ar text not null, name_zh text not null, name_en text not null,
        name_fr text not null, name_ru text not null, name_es text not null
      );

      create table sessions (
        id uuid primary key default gen_random_uuid(),
        token_hash bytea not null unique,
        user_id uuid not null references users (id) on delete cascade,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        user_agent text
      );
      create index sessions_user_idx on sessions (user_id);

      create table user_tokens (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        purpose text not null check (purpose in ('password_reset')),
        token_hash bytea not null unique,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null default now()
      );
      create index user_tokens_user_idx on user_tokens (user_id);

      create table memberships (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        user_id uuid not null references users (id),
        role text not null check (role in ${ROLES}),
        member_state_code char(3) references member_states (alpha3),
        status text not null default 'active' check (status in ('active','deactivated')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (tenant_id, user_id),
        check ((role = 'focal_point') = (member_state_code is not null))
      );
      create index memberships_user_idx on memberships (tenant_id, user_id, status);

      create table invitations (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        email text not null check (email = lower(email)),
        role text not null check (role in ${ROLES}),
        member_state_code char(3) references member_states (alpha3),
        token_hash bytea not null,
        invited_by uuid references users (id),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        accepted_at timestamptz,
        revoked_at timestamptz,
        primary key (tenant_id, id),
        unique (tenant_id, token_hash),
        check ((role = 'focal_point') = (member_state_code is not null))
      );
      create index invitations_pending_idx on invitations (tenant_id, created_at desc, id)
        where accepted_at is null and revoked_at is null;

      create table audit_log (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        actor_id uuid references users (id),
        action text not null,
        entity text not null,
        entity_id text not null,
        before jsonb,
        after jsonb,
        at timestamptz not null default clock_timestamp(),
        primary key (tenant_id, id)
      );
      create index audit_log_recent_idx on audit_log (tenant_id, at desc, id desc);
    `);

    await db.query(
      tenantPolicy('memberships') + tenantPolicy('invitations') + tenantPolicy('audit_log'),
    );
    // Outside any tenant, a signed-in person sees their own memberships in
    // every tenant (for the tenant switcher and to resolve the URL's tenant).
    // Inside a tenant, only the tenant policy applies: a listing of one
    // tenant never shows the caller's rows from another.
    await db.query(`
      create policy own_memberships on memberships for select
        using (nullif(current_setting('app.tenant_id', true), '') is null
               and user_id = nullif(current_setting('app.user_id', true), '')::uuid);
    `);

    await db.query(`
      grant usage on schema public to ${APP_ROLE};
      grant select on tenants, member_states to ${APP_ROLE};
      grant select, insert, update on users, sessions, user_tokens to ${APP_ROLE};
      grant select, insert, update, delete on memberships, invitations to ${APP_ROLE};
      grant select, insert on audit_log to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table audit_log, invitations, memberships, user_tokens, sessions,
        member_states, users, tenants;
    `);
  }
}
