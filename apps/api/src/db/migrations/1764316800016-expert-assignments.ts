import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const list = (values: readonly string[]) => `(${values.map((value) => `'${value}'`).join(',')})`;

/**
 * Experts assigned to an event, and to one of its sessions, with a role. The expert is asked by
 * mail and accepts or declines; only an accepted assignment puts their name on the agenda and
 * lets them open the event (the one visibility rule of events, `eventExpert`). The roster
 * (profiles), declarations of interest and documents build on this table. See docs/experts.md.
 *
 * The speakers the agenda recorded before this table (`agenda_sessions.speaker_user_ids`) are
 * carried over as accepted speaker assignments: they had been told and spoke at the event.
 */
export class ExpertAssignments1764316800016 implements MigrationInterface {
  name = 'ExpertAssignments1764316800016';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table expert_assignments (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        event_id uuid not null,
        -- Null: assigned to the event as a whole (a rapporteur, a resource person).
        session_id uuid,
        user_id uuid not null references users (id),
        role text not null check (role in ${list(['speaker', 'facilitator', 'rapporteur', 'resource_person', 'moderator'])}),
        status text not null default 'asked' check (status in ${list(['asked', 'accepted', 'declined', 'withdrawn'])}),
        decline_reason text,
        asked_by uuid references users (id),
        asked_at timestamptz not null default now(),
        answered_at timestamptz,
        -- Bumped on every change: optimistic concurrency for edits.
        version integer not null default 1,
        primary key (tenant_id, id),
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade,
        foreign key (tenant_id, session_id) references agenda_sessions (tenant_id, id) on delete cascade,
        check ((status in ('accepted', 'declined')) = (answered_at is not null))
      );
      -- One role per person per session (or per event when no session).
      create unique index expert_assignments_unique_idx
        on expert_assignments (tenant_id, event_id, session_id, user_id, role) nulls not distinct;
      -- The visibility rule asks "has this person accepted an assignment to this event?"; the
      -- expert's home panel lists their assignments.
      create index expert_assignments_user_idx on expert_assignments (tenant_id, user_id, event_id);
      alter table expert_assignments enable row level security;
      alter table expert_assignments force row level security;
      create policy tenant_isolation on expert_assignments
        using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
        with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);

      insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, asked_at, answered_at)
      select s.tenant_id, s.event_id, s.id, speaker, 'speaker', 'accepted', e.created_at, e.created_at
        from agenda_sessions s
        join events e on e.tenant_id = s.tenant_id and e.id = s.event_id
        cross join lateral unnest(s.speaker_user_ids) as speaker
        on conflict do nothing;

      grant select, insert, update, delete on expert_assignments to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table expert_assignments`);
  }
}
