import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an event was first announced: the first time it left draft for a live status. Beyond its
 * planners an event is visible only once announced (apps/api/src/events/event-visibility.ts), so
 * a draft called off before anyone heard of it stays with the planners, while an announced event
 * that is later cancelled stays visible as cancelled.
 *
 * A trigger stamps it, rather than each writer: the lifecycle transition, the demo seed, the
 * load generator and test fixtures all write statuses, and an event in a live status that was
 * never "announced" would silently vanish from everyone but its planners. A writer that knows
 * the true moment (the demo seed) sets it itself; the trigger never overwrites it.
 */
export class EventAnnounced1764316800011 implements MigrationInterface {
  name = 'EventAnnounced1764316800011';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table events add column announced_at timestamptz;

      create function events_stamp_announced() returns trigger language plpgsql as $fn$
      begin
        if new.announced_at is null and new.status not in ('draft', 'cancelled') then
          new.announced_at := now();
        end if;
        return new;
      end
      $fn$;
      create trigger events_stamp_announced before insert or update of status on events
        for each row execute function events_stamp_announced();

      -- Row-level security is forced even on the owner (unless a superuser runs this): lift it
      -- for the backfill only, inside this migration's transaction, so every tenant's rows are
      -- seen; it is forced again below before anything else can read.
      alter table events no force row level security;
      alter table event_history no force row level security;
      -- The first move out of draft to a live status, as the history recorded it; a live event
      -- with no history (written directly by a loader) counts as announced when it was created.
      update events e
         set announced_at = coalesce(
               (select min(h.at) from event_history h
                 where h.tenant_id = e.tenant_id and h.event_id = e.id
                   and h.from_status = 'draft' and h.to_status <> 'cancelled'),
               case when e.status not in ('draft', 'cancelled') then e.created_at end);
      alter table events force row level security;
      alter table event_history force row level security;

      -- The public page and feed read only announced public events, soonest first.
      create index events_public_starts_idx on events (tenant_id, starts_at, id)
        where is_public and announced_at is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop index events_public_starts_idx;
      drop trigger events_stamp_announced on events;
      drop function events_stamp_announced();
      alter table events drop column announced_at;
    `);
  }
}
