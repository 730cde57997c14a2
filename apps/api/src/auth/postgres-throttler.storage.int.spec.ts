import { loadConfig } from '../config/app-config';
import { type Databases, openDatabases } from '../db/data-source.factory';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { PostgresThrottlerStorage } from './postgres-throttler.storage';

describe('rate-limit counters in PostgreSQL', () => {
  let database: TestDatabase;
  let replicas: Databases[];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      APP_SECRET: 'z'.repeat(32),
    });
    replicas = [await openDatabases(config), await openDatabases(config)];
    for (const replica of replicas) await replica.migrate();
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await database.drop();
  });

  it('counts attempts made through two API replicas together, and blocks past the limit', async () => {
    const [one, two] = replicas.map((replica) => new PostgresThrottlerStorage(replica.app));
    if (!one || !two) throw new Error('two replicas expected');
    const records = [];
    for (let i = 0; i < 3; i++) {
      records.push(await one.increment('ip|a@b.org', 60_000, 4, 60_000, 'default'));
      records.push(await two.increment('ip|a@b.org', 60_000, 4, 60_000, 'default'));
    }
    expect(records.map((record) => record.totalHits)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records.map((record) => record.isBlocked)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(records[5]?.timeToBlockExpire).toBeGreaterThan(50);
    const other = await one.increment('ip|other@b.org', 60_000, 4, 60_000, 'default');
    expect(other).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('starts a new window once the old one has passed', async () => {
    const [replica] = replicas;
    if (!replica) throw new Error('a replica expected');
    const storage = new PostgresThrottlerStorage(replica.app);
    await storage.increment('short', 200, 1, 200, 'default');
    expect((await storage.increment('short', 200, 1, 200, 'default')).isBlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await storage.increment('short', 200, 1, 200, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('holds under concurrent attempts: exactly the limit gets through', async () => {
    const storages = replicas.map((replica) => new PostgresThrottlerStorage(replica.app));
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        storages[i % storages.length]?.increment('burst', 60_000, 5, 60_000, 'default'),
      ),
    );
    expect(attempts.filter((record) => record && !record.isBlocked)).toHaveLength(5);
  });

  it('blocks for longer each time a key is blocked again, up to fifteen minutes', async () => {
    const [replica] = replicas;
    if (!replica) throw new Error('a replica expected');
    const storage = new PostgresThrottlerStorage(replica.app);
    const blocks: number[] = [];
    for (let round = 0; round < 12; round++) {
      await storage.increment('backoff', 60_000, 1, 10_000, 'default');
      const record = await storage.increment('backoff', 60_000, 1, 10_000, 'default');
      expect(record.isBlocked).toBe(true);
      blocks.push(record.timeToBlockExpire);
      // The block and the window run out (as if the time had passed).
      await database.query(
        `update rate_limits set blocked_until = now() - interval '1 second',
                window_ends_at = now() - interval '1 second' where key = 'default:backoff'`,
      );
    }
    expect(blocks.slice(0, 4)).toEqual([10, 20, 40, 80]);
    expect(Math.max(...blocks)).toBe(900);
  });

  it('forgets earlier blocks after an hour without one', async () => {
    const [replica] = replicas;
    if (!replica) throw new Error('a replica expected');
    const storage = new PostgresThrottlerStorage(replica.app);
    for (let round = 0; round < 3; round++) {
      await storage.increment('forgiven', 60_000, 1, 10_000, 'default');
      await storage.increment('forgiven', 60_000, 1, 10_000, 'default');
      await database.query(
        `update rate_limits set blocked_until = now() - interval '2 hours',
                window_ends_at = now() - interval '2 hours' where key = 'default:forgiven'`,
      );
    }
    await storage.increment('forgiven', 60_000, 1, 10_000, 'default');
    const record = await storage.increment('forgiven', 60_000, 1, 10_000, 'default');
    expect(record.timeToBlockExpire).toBe(10);
  });
});
