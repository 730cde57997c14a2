import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
`;

/**
 * Events (meetings, workshops), their lifecycle history and their agenda.
 * Value lists are checked by the contracts; the database keeps the
 * lifecycle status and the time order honest. See docs/events.md.
 */
export class Events1764316800005 implements MigrationInterface {
  name = 'Events1764316800005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table events (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        type text not null,
        title text not null,
        summary text not null default '',
        description text not null default '',
        thematic_areas text[] not null default '{}',
        target_audiences text[] not null default '{}',
        format text not null check (format in ('in_person', 'virtual', 'hybrid')),
        venue_name text,
        venue_city text,
        venue_country char(3) references member_states (alpha3),
        meeting_link text,
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        time_zone text not null,
        working_languages text[] not null default '{}',
        interpretation boolean not null default false,
        capacity integer check (capacity > 0),
        host_states char(3)[] not null default '{}',
        organisers text[] not null default '{}',
        partner_organisations text[] not null default '{}',
        responsible_officer_id uuid references users (id),
        is_public boolean not null default false,
        status text not null default 'draft' check (status in
          ('draft', 'planned', 'open_for_nominations', 'nominations_closed', 'confirmed',
           'held', 'reported', 'closed', 'cancelled')),
        cancel_reason text,
        -- Bumped on every change: optimistic concurrency, and the iCalendar SEQUENCE.
        version integer not null default 1,
        search tsvector generated always as
          (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(summary, ''))) stored,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        check (ends_at > starts_at)
      );
      -- The list's keyset (starts_at, id) in both directions, with and without a status.
      create index events_starts_idx on events (tenant_id, starts_at, id);
      create index events_status_starts_idx on events (tenant_id, status, starts_at, id);
      create index events_type_starts_idx on events (tenant_id, type, starts_at, id);
      create index events_search_idx on events using gin (search);
      create index events_hosts_idx on events using gin (host_states);
      create index events_themes_idx on events using gin (thematic_areas);
      ${tenantPolicy('events')}

      create table event_history (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        event_id uuid not null,
        action text not null,
        from_status text not null,
        to_status text not null,
        reason text,
        -- For a postponement: the dates before and after.
        previous_starts_at timestamptz,
        previous_ends_at timestamptz,
        starts_at timestamptz,
        ends_at timestamptz,
        actor_id uuid references users (id),
        at timestamptz not null default clock_timestamp(),
        primary key (tenant_id, id),
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade
      );
      create index event_history_event_idx on event_history (tenant_id, event_id, at);
      ${tenantPolicy('event_history')}

      create table agenda_sessions (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        event_id uuid not null,
        position integer not null,
        title text not null,
        description text not null default '',
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        room text,
        speaker_user_ids uuid[] not null default '{}',
        guest_speakers text[] not null default '{}',
        primary key (tenant_id, id),
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade,
        check (ends_at > starts_at)
      );
      create index agenda_sessions_event_idx on agenda_sessions (tenant_id, event_id, position);
      create index agenda_sessions_speakers_idx on agenda_sessions using gin (speaker_user_ids);
      ${tenantPolicy('agenda_sessions')}

      grant select, insert, update, delete on events, agenda_sessions to ${APP_ROLE};
      grant select, insert on event_history to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table agenda_sessions, event_history, events`);
  }
}
