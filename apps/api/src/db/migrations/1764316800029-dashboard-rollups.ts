import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const TENANT_POLICY = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);`;

/** The figures a trained participation adds to: its key in `dashboard_rollups`. */
const DIMENSIONS = (row: string) => `(values ('total', ''), ('sex', ${row}.sex),
  ('audience', ${row}.audience), ('institution_type', ${row}.institution_type))`;

/**
 * The participations of \`which\` (a condition on nominations \`n\`) that count as trained, as rows
 * of \`dashboard_trained\`: the rule of \`reports/report-scope.ts\` for who sees every event.
 */
const TRAINED = (which: string) => `
  select n.tenant_id, n.id as nomination_id, e.starts_year as year,
         n.member_state_code, n.sex, n.audience, n.institution_type
    from nominations n
    join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
   where ${which}
     and n.status = 'approved' and e.status not in ('draft', 'cancelled')
     and exists (
       select from attendance a
        where a.tenant_id = n.tenant_id and a.nomination_id = n.id
          and a.status in ('attended', 'partly'))`;

const COLUMNS =
  'tenant_id, nomination_id, year, member_state_code, sex, audience, institution_type';
const SOME = 'n.tenant_id = tenant and n.id = any (nomination_ids)';

/**
 * What the events \`rows\` (a transition table, or \`events\`) count on the dashboard, with \`sign\`:
 * once in total, once by type and once per thematic area, at their year and place (the venue's
 * State, else the first host's, '' for none), when past draft and not cancelled.
 */
const EVENT_COUNTS = (rows: string, sign: string) => `
  select ev.tenant_id, ev.starts_year as year,
         coalesce(ev.venue_country, ev.host_states[1], '') as place_state,
         d.dimension, d.key, ${sign} as change
    from ${rows} ev
    cross join lateral (
      select 'total' as dimension, '' as key
      union all select 'type', ev.type
      union all select 'area', area from unnest(ev.thematic_areas) as area) d
   where ev.status not in ('draft', 'cancelled')`;

/** Adds the \`changes\` (rows of EVENT_COUNTS) to the events' rollup, in key order. */
const ADD_EVENT_COUNTS = (changes: string) => `
  insert into dashboard_event_rollups as r (tenant_id, year, place_state, dimension, key, events)
  select tenant_id, year, place_state, dimension, key, sum(change)
    from (${changes}) c
   group by 1, 2, 3, 4, 5
  having sum(change) <> 0
   order by 1, 2, 3, 4, 5
  on conflict (tenant_id, year, place_state, dimension, key)
    do update set events = r.events + excluded.events`;

/**
 * The dashboard's rollup of trained participants (docs/performance.md, "Dashboard and map").
 * Counting them on each request joins every nomination of the period to its attendance: seconds
 * at 500,000 participations, as the raw statement alone. Who plans events sees every event, so
 * for them the figures are sums over a small table instead:
 *
 * - `dashboard_trained`: one row per participation that counts as trained under the one rule of
 *   reports (`reports/report-scope.ts`: approved, checked in on a day, at an event past draft and
 *   not cancelled), with the event's year at its venue and the non-personal columns the figures
 *   read. It is what each participation last added to the rollup, so a change takes back exactly
 *   that.
 * - `dashboard_rollups`: per tenant, year and State, the trained count in total and by sex,
 *   audience and institution type — at most a few thousand rows a year, whatever the number of
 *   participants.
 *
 * Triggers keep both, in the transaction of the change, whoever writes (the API, retention,
 * the demo seed, the load generator): a statement on attendance, on nominations or on events
 * (status, start, time zone) recomputes the participations it touched (`dashboard_refresh`),
 * takes back their old contribution and adds the new one. They run as the caller, under
 * row-level security: a change in one tenant touches that tenant's rows only. Figures stay as
 * they are after anonymisation, which changes none of these columns.
 *
 * Also `events.starts_year`, the year an event started at its venue (`eventYear`), stored, and the
 * index the dashboard and the map read requests by: submitted in a period.
 */
export class DashboardRollups1764316800029 implements MigrationInterface {
  name = 'DashboardRollups1764316800029';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- The year an event started at its venue, as every report counts it, kept by the database
      -- rather than computed for each row of each report (a time zone conversion per event).
      alter table events add column starts_year integer
        generated always as (extract(year from starts_at at time zone time_zone)::int) stored;

      create table dashboard_trained (
        tenant_id uuid not null,
        nomination_id uuid not null,
        year integer not null,
        member_state_code char(3) not null,
        sex text not null,
        audience text not null,
        institution_type text not null,
        primary key (tenant_id, nomination_id)
      );
      ${TENANT_POLICY('dashboard_trained')}

      create table dashboard_rollups (
        tenant_id uuid not null,
        year integer not null,
        member_state_code char(3) not null,
        dimension text not null check (dimension in ('total', 'sex', 'audience', 'institution_type')),
        key text not null,
        -- Never below zero: a difference only takes back what was added (no check constraint,
        -- which PostgreSQL would apply to the proposed difference before the upsert adds it).
        trained integer not null,
        primary key (tenant_id, year, member_state_code, dimension, key)
      );
      ${TENANT_POLICY('dashboard_rollups')}

      -- Recompute the participations \`nomination_ids\` of \`tenant\`: take back what each added,
      -- add what it adds now, in one upsert of the differences. The participations are locked
      -- first (in id order), so two transactions that touch one of them count it once; the
      -- rollup's keys are changed in order, so two transactions wait, never deadlock.
      create function dashboard_refresh(tenant uuid, nomination_ids uuid[]) returns void
        language plpgsql as $fn$
      begin
        perform from nominations n
          where n.tenant_id = tenant and n.id = any (nomination_ids)
          order by n.id
          for no key update;

        with counted as (${TRAINED(SOME)}
        ),
        changes as (
          select t.tenant_id, t.year, t.member_state_code, t.sex, t.audience, t.institution_type,
                 -1 as change
            from dashboard_trained t
           where t.tenant_id = tenant and t.nomination_id = any (nomination_ids)
          union all
          select c.tenant_id, c.year, c.member_state_code, c.sex, c.audience, c.institution_type, 1
            from counted c
        )
        insert into dashboard_rollups as r (tenant_id, year, member_state_code, dimension, key, trained)
        select changes.tenant_id, changes.year, changes.member_state_code, d.dimension, d.key,
               sum(changes.change)
          from changes cross join lateral ${DIMENSIONS('changes')} as d (dimension, key)
         group by 1, 2, 3, 4, 5
        having sum(changes.change) <> 0
         order by 1, 2, 3, 4, 5
        on conflict (tenant_id, year, member_state_code, dimension, key)
          do update set trained = r.trained + excluded.trained;

        delete from dashboard_trained t
         where t.tenant_id = tenant and t.nomination_id = any (nomination_ids);
        insert into dashboard_trained (${COLUMNS}) ${TRAINED(SOME)};
      end
      $fn$;

      -- Attendance: the participations whose days changed.
      create function dashboard_attendance_changed() returns trigger language plpgsql as $fn$
      begin
        if tg_op in ('INSERT', 'UPDATE') then
          perform dashboard_refresh(changed.tenant_id, changed.ids)
             from (select tenant_id, array_agg(distinct nomination_id) as ids
                     from new_rows group by tenant_id) changed;
        else
          perform dashboard_refresh(changed.tenant_id, changed.ids)
             from (select tenant_id, array_agg(distinct nomination_id) as ids
                     from old_rows group by tenant_id) changed;
        end if;
        return null;
      end
      $fn$;
      create trigger dashboard_attendance_inserted after insert on attendance
        referencing new table as new_rows
        for each statement execute function dashboard_attendance_changed();
      create trigger dashboard_attendance_updated after update on attendance
        referencing new table as new_rows
        for each statement execute function dashboard_attendance_changed();
      create trigger dashboard_attendance_deleted after delete on attendance
        referencing old table as old_rows
        for each statement execute function dashboard_attendance_changed();

      -- Nominations: a decision, a correction of what the figures read, or a deletion.
      create function dashboard_nominations_changed() returns trigger language plpgsql as $fn$
      begin
        if tg_op = 'UPDATE' then
          perform dashboard_refresh(changed.tenant_id, changed.ids)
             from (select n.tenant_id, array_agg(n.id) as ids
                     from new_rows n join old_rows o on o.tenant_id = n.tenant_id and o.id = n.id
                    where (o.status, o.event_id, o.member_state_code, o.sex, o.audience, o.institution_type)
                          is distinct from
                          (n.status, n.event_id, n.member_state_code, n.sex, n.audience, n.institution_type)
                    group by n.tenant_id) changed;
        else
          perform dashboard_refresh(changed.tenant_id, changed.ids)
             from (select tenant_id, array_agg(id) as ids from old_rows group by tenant_id) changed;
        end if;
        return null;
      end
      $fn$;
      create trigger dashboard_nominations_updated after update on nominations
        referencing new table as new_rows old table as old_rows
        for each statement execute function dashboard_nominations_changed();
      create trigger dashboard_nominations_deleted after delete on nominations
        referencing old table as old_rows
        for each statement execute function dashboard_nominations_changed();

      -- Events: counted or not (draft, cancelled), or another year at the venue.
      create function dashboard_events_changed() returns trigger language plpgsql as $fn$
      begin
        perform dashboard_refresh(changed.tenant_id, changed.ids)
           from (select n.tenant_id, array_agg(n.id) as ids
                   from new_rows e
                   join old_rows o on o.tenant_id = e.tenant_id and o.id = e.id
                   join nominations n on n.tenant_id = e.tenant_id and n.event_id = e.id
                  where (o.status in ('draft', 'cancelled')) <> (e.status in ('draft', 'cancelled'))
                     or o.starts_year <> e.starts_year
                  group by n.tenant_id) changed;
        return null;
      end
      $fn$;
      create trigger dashboard_events_updated after update on events
        referencing new table as new_rows old table as old_rows
        for each statement execute function dashboard_events_changed();

      -- The events the dashboard counts, per tenant, year and place: in total, by type, by area.
      create table dashboard_event_rollups (
        tenant_id uuid not null,
        year integer not null,
        place_state text not null,
        dimension text not null check (dimension in ('total', 'type', 'area')),
        key text not null,
        events integer not null,
        primary key (tenant_id, year, place_state, dimension, key)
      );
      ${TENANT_POLICY('dashboard_event_rollups')}

      -- An event row holds all it counts: take back what the old rows counted, add the new.
      create function dashboard_events_counted() returns trigger language plpgsql as $fn$
      begin
        if tg_op = 'INSERT' then
          ${ADD_EVENT_COUNTS(EVENT_COUNTS('new_rows', '1'))};
        elsif tg_op = 'DELETE' then
          ${ADD_EVENT_COUNTS(EVENT_COUNTS('old_rows', '-1'))};
        else
          ${ADD_EVENT_COUNTS(`${EVENT_COUNTS('old_rows', '-1')} union all ${EVENT_COUNTS('new_rows', '1')}`)};
        end if;
        return null;
      end
      $fn$;
      create trigger dashboard_events_inserted after insert on events
        referencing new table as new_rows
        for each statement execute function dashboard_events_counted();
      create trigger dashboard_events_counted after update on events
        referencing new table as new_rows old table as old_rows
        for each statement execute function dashboard_events_counted();
      create trigger dashboard_events_deleted after delete on events
        referencing old table as old_rows
        for each statement execute function dashboard_events_counted();

      grant select, insert, update, delete on dashboard_trained, dashboard_rollups,
        dashboard_event_rollups to ${APP_ROLE};

      -- What is there already, every tenant at once: row-level security is lifted for this
      -- migration's transaction only, as for the backfill of announced events.
      alter table dashboard_trained no force row level security;
      alter table dashboard_rollups no force row level security;
      alter table dashboard_event_rollups no force row level security;
      alter table nominations no force row level security;
      alter table events no force row level security;
      alter table attendance no force row level security;
      insert into dashboard_trained (${COLUMNS}) ${TRAINED('true')};
      insert into dashboard_rollups (tenant_id, year, member_state_code, dimension, key, trained)
      select t.tenant_id, t.year, t.member_state_code, d.dimension, d.key, count(*)
        from dashboard_trained t cross join lateral ${DIMENSIONS('t')} as d (dimension, key)
       group by 1, 2, 3, 4, 5;
      ${ADD_EVENT_COUNTS(EVENT_COUNTS('events', '1'))};
      alter table dashboard_trained force row level security;
      alter table dashboard_rollups force row level security;
      alter table dashboard_event_rollups force row level security;
      alter table nominations force row level security;
      alter table events force row level security;
      alter table attendance force row level security;

      -- Requests submitted in a period, for the dashboard and the map.
      create index assistance_requests_submitted_idx
        on assistance_requests (tenant_id, submitted_at) where submitted_at is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop index assistance_requests_submitted_idx;
      drop trigger dashboard_events_updated on events;
      drop function dashboard_events_changed();
      drop trigger dashboard_events_deleted on events;
      drop trigger dashboard_events_counted on events;
      drop trigger dashboard_events_inserted on events;
      drop function dashboard_events_counted();
      drop table dashboard_event_rollups;
      drop trigger dashboard_nominations_deleted on nominations;
      drop trigger dashboard_nominations_updated on nominations;
      drop function dashboard_nominations_changed();
      drop trigger dashboard_attendance_deleted on attendance;
      drop trigger dashboard_attendance_updated on attendance;
      drop trigger dashboard_attendance_inserted on attendance;
      drop function dashboard_attendance_changed();
      drop function dashboard_refresh(uuid, uuid[]);
      drop table dashboard_rollups;
      drop table dashboard_trained;
      alter table events drop column starts_year;
    `);
  }
}
