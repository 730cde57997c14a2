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
      (await databases.app.query(
        `select (select count(*)::int from tenants where slug in ('demo', 'northwind')) as tenants,
                (select count(*)::int from memberships) as memberships,
                (select count(*)::int from events) as events,
                (select count(*)::int from agenda_sessions) as sessions`,
      )) as { tenants: number; memberships: number; events: number; sessions: number }[];
    const first = await counts();
    expect(first).toEqual([{ tenants: 2, memberships: 6, events: 5, sessions: 3 }]);
    expect(await seedDemo(databases.app)).toBe(false);
    expect(await counts()).toEqual(first);
  });
});
