import { EXPERT_LANGUAGES, LANGUAGE_LEVELS, SEXES } from '@convene/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const list = (values: readonly string[]) => `(${values.map((value) => `'${value}'`).join(',')})`;

const policy = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
  grant select, insert, update, delete on ${table} to ${APP_ROLE};`;

/**
 * The experts' roster (profiles), the officers' notes on experts (a table of their own, so no
 * expert-facing statement can read them by accident), and declarations of interest per event.
 * The agenda's speakers now come from accepted assignments only: the speaker ids kept on
 * sessions were carried into `expert_assignments` by migration 016 and are dropped here, with
 * every rule that read them (see docs/experts.md).
 */
export class ExpertRoster1764316800017 implements MigrationInterface {
  name = 'ExpertRoster1764316800017';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table expert_profiles (
        tenant_id uuid not null,
        user_id uuid not null references users (id),
        organisation text not null default '',
        bio text not null default '',
        nationality char(3) references member_states (alpha3),
        sex text check (sex in ${list(SEXES)}),
        thematic_areas text[] not null default '{}',
        target_audiences text[] not null default '{}',
        -- [{ "language": "fr", "level": "fluent" }]; the roster's language filter tests it with @>
        -- on the tenant's experts, reached through the primary key (no index of its own: a GIN
        -- index could not lead with tenant_id without btree_gin, and a roster is small).
        languages jsonb not null default '[]' check (jsonb_typeof(languages) = 'array'),
        -- Availability windows, days included: "available from … to …" is one @> test.
        availability datemultirange not null default '{}',
        version integer not null default 1,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, user_id),
        foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
      );
      ${policy('expert_profiles')}

      create table expert_notes (
        tenant_id uuid not null,
        user_id uuid not null,
        notes text not null,
        updated_by uuid references users (id),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, user_id),
        foreign key (tenant_id, user_id) references memberships (tenant_id, user_id) on delete cascade
      );
      ${policy('expert_notes')}

      create table expert_declarations (
        tenant_id uuid not null,
        event_id uuid not null,
        user_id uuid not null references users (id),
        has_interests boolean not null,
        details text,
        filed_at timestamptz not null default now(),
        primary key (tenant_id, event_id, user_id),
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade,
        check (has_interests = (details is not null))
      );
      ${policy('expert_declarations')}

      -- The agenda's speakers are the accepted assignments of its sessions.
      create index expert_assignments_session_idx
        on expert_assignments (tenant_id, session_id) where status = 'accepted';
      alter table agenda_sessions drop column speaker_user_ids;
    `);
    // Languages and levels are closed lists: the check names them so no code escapes them.
    await db.query(`
      alter table expert_profiles add constraint expert_profiles_language_codes_check check (
        jsonb_path_match(languages, '!exists($[*] ? (!(@.language like_regex "^(${EXPERT_LANGUAGES.join('|')})$"
                                                    && @.level like_regex "^(${LANGUAGE_LEVELS.join('|')})$")))'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table agenda_sessions add column speaker_user_ids uuid[] not null default '{}';
      update agenda_sessions s set speaker_user_ids = coalesce((
        select array_agg(a.user_id order by a.asked_at) from expert_assignments a
         where a.tenant_id = s.tenant_id and a.session_id = s.id and a.status = 'accepted'), '{}');
      drop index expert_assignments_session_idx;
      drop table expert_declarations;
      drop table expert_notes;
      drop table expert_profiles;
    `);
  }
}
