import { loadConfig } from '../config/app-config';
import { type Databases, openDatabases } from '../db/data-source.factory';
import { createTestDatabase } from '../testing/test-database';
import { seedDemo } from './demo-seed';

describe('the demo seed', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let databases: Databases;

  beforeAll(async () => {
    database = await createTestDatabase();
    databases = await openDatabases(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, APP_SECRET: 'd'.repeat(32) }),
    );
    await databases.migrate();
  });

  afterAll(async () => {
    await databases.close();
    await database.drop();
  });

  it('seeds two tenants, their people and a few events once, and never again', async () => {
    expect(await seedDemo(databases.app)).toBe(true);
    const counts = async () =>
      (await database.query(
        `select (select count(*)::int from tenants where slug in ('demo', 'northwind')) as tenants,
                (select count(*)::int from memberships) as memberships,
                (select count(*)::int from events) as events,
                (select count(*)::int from agenda_sessions) as sessions,
                (select count(*)::int from mail_outbox where status = 'failed') as failed_mail`,
      )) as {
        tenants: number;
        memberships: number;
        events: number;
        sessions: number;
        failed_mail: number;
      }[];
    const first = await counts();
    // One bounced invitation, so the Mail page shows a failure from the first start.
    expect(first).toEqual([{ tenants: 2, memberships: 6, events: 5, sessions: 3, failed_mail: 1 }]);
    expect(await seedDemo(databases.app)).toBe(false);
    expect(await counts()).toEqual(first);
  });

  it('marks a demo event announced when its history says it left draft, and a draft not', async () => {
    const rows = (await database.query(
      `select e.status, e.announced_at = (select min(h.at) from event_history h
                                            where h.event_id = e.id and h.from_status = 'draft')
                as announced_with_its_first_step,
              e.announced_at is null as never_announced
         from events e order by e.starts_at`,
    )) as {
      status: string;
      announced_with_its_first_step: boolean | null;
      never_announced: boolean;
    }[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      expect({
        status: row.status,
        announced:
          row.status === 'draft' ? !row.never_announced : row.announced_with_its_first_step,
      }).toEqual({ status: row.status, announced: row.status !== 'draft' });
    }
  });

  it('gives each demo event the history that led to its status, in order, before now', async () => {
    const rows = (await database.query(
      `select e.status,
              coalesce(array_agg(h.to_status order by h.at) filter (where h.id is not null),
                       '{}') as path,
              bool_and(h.at <= now()) as past,
              bool_and(h.at > e.created_at) as after_creation,
              bool_and(h.action not in ('mark_held', 'report', 'close') or h.at >= e.ends_at)
                as held_after_the_event
         from events e left join event_history h on h.event_id = e.id
        group by e.id, e.status`,
    )) as {
      status: string;
      path: string[];
      past: boolean | null;
      after_creation: boolean | null;
      held_after_the_event: boolean;
    }[];
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      if (row.status === 'draft') {
        expect(row.path).toEqual([]);
        continue;
      }
      expect(row.path.at(-1)).toBe(row.status);
      expect(row.path[0]).toBe('planned');
      expect(row.past).toBe(true);
      expect(row.after_creation).toBe(true);
      expect(row.held_after_the_event).toBe(true);
    }
    expect(rows.find((row) => row.status === 'reported')?.path).toEqual([
      'planned',
      'open_for_nominations',
      'nominations_closed',
      'confirmed',
      'held',
      'reported',
    ]);
  });
});
