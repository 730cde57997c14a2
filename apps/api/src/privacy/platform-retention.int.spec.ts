import { PLATFORM_TENANT_ID } from '../db/app-role';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { RetentionWorker } from './retention-worker';

const PASSWORD = 'platform retention passphrase';
const today = () => new Date().toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/**
 * Sessions and password-reset tokens are the platform's: one platform run a day deletes those
 * that ended more than SESSION_RETENTION_DAYS ago (30 by default), and leaves live ones and
 * those that ended since.
 */
describe('platform retention: sessions and reset tokens that ended long ago go', () => {
  let app: TestApp;
  let userId: string;
  let signedIn: ApiClient;

  /** Adds a session of the user, its dates as SQL expressions; returns its id. */
  const session = async (created: string, expires: string, revoked = 'null') => {
    const [row] = await ownerQuery<{ id: string }>(
      app,
      `insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at, revoked_at)
       values (decode(md5(random()::text), 'hex'), $1, ${created}, ${created}, ${expires}, ${revoked})
       returning id`,
      [userId],
    );
    return row?.id ?? '';
  };
  const token = async (expires: string, used = 'null') => {
    const [row] = await ownerQuery<{ id: string }>(
      app,
      `insert into user_tokens (user_id, purpose, token_hash, expires_at, used_at, created_at)
       values ($1, 'password_reset', decode(md5(random()::text), 'hex'), ${expires}, ${used},
               ${expires} - interval '1 hour')
       returning id`,
      [userId],
    );
    return row?.id ?? '';
  };
  const ids = async (table: 'sessions' | 'user_tokens') =>
    (await ownerQuery<{ id: string }>(app, `select id from ${table} order by id`)).map(
      (row) => row.id,
    );

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    const tenant = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    ({ userId } = await addMember(ds, tenant, {
      email: 'admin@acme.example',
      name: 'Admin',
      password: PASSWORD,
      role: 'tenant_admin',
    }));
    signedIn = await app.client().signIn('admin@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  it('deletes what ended more than 30 days ago, once, however many workers run', async () => {
    const gone = {
      idle: await session(`now() - interval '41 days'`, `now() - interval '40 days'`),
      revoked: await session(
        `now() - interval '41 days'`,
        `now() - interval '30 days'`,
        `now() - interval '40 days'`,
      ),
      // Used every day, but 14 days after sign-in it ended all the same: 46 days ago.
      absolute: await session(`now() - interval '60 days'`, `now() + interval '1 hour'`),
    };
    const stays = {
      live: await session(`now()`, `now() + interval '12 hours'`),
      idleLately: await session(`now() - interval '6 days'`, `now() - interval '5 days'`),
      revokedLately: await session(
        `now() - interval '3 days'`,
        `now() + interval '3 days'`,
        `now() - interval '2 days'`,
      ),
      absoluteLately: await session(`now() - interval '20 days'`, `now() + interval '1 hour'`),
    };
    const tokensGone = {
      expired: await token(`now() - interval '40 days'`),
      used: await token(`now() - interval '35 days'`, `now() - interval '35 days 30 minutes'`),
    };
    const tokensStay = {
      live: await token(`now() + interval '30 minutes'`),
      usedLately: await token(`now() - interval '2 days'`, `now() - interval '2 days 10 minutes'`),
      expiredLately: await token(`now() - interval '29 days'`),
    };
    const sessionsBefore = await ids('sessions');
    // The one signing in above, besides those added here.
    expect(sessionsBefore).toHaveLength(8);

    // Two workers at once: one platform job for the day, done by one of them.
    const worker = (day = today) =>
      new RetentionWorker(app.running.databases.app, app.running.store, { today: day });
    await Promise.all([worker().drainOnce(), worker().drainOnce()]);
    const jobs = await ownerQuery<{ tenant_id: string; status: string; result: unknown }>(
      app,
      `select tenant_id, status, result from privacy_jobs where kind = 'platform'`,
    );
    expect(jobs).toEqual([
      { tenant_id: PLATFORM_TENANT_ID, status: 'done', result: { sessions: 3, tokens: 2 } },
    ]);

    const remaining = await ids('sessions');
    expect(remaining).toEqual(sessionsBefore.filter((id) => !Object.values(gone).includes(id)));
    expect(remaining).toEqual(expect.arrayContaining(Object.values(stays)));
    expect(await ids('user_tokens')).toEqual(
      [...Object.values(tokensStay)].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(Object.values(tokensGone).some((id) => remaining.includes(id))).toBe(false);
    // The live session still works.
    expect((await signedIn.get('/api/me')).status).toBe(200);

    // The same day again: done, nothing more. The next day: a new job that finds nothing due.
    expect(await worker().drainOnce()).toBe(0);
    await worker(tomorrow).drainOnce();
    const [next] = await ownerQuery<{ result: unknown }>(
      app,
      `select result from privacy_jobs where kind = 'platform' and run_on = $1`,
      [tomorrow()],
    );
    expect(next).toEqual({ result: { sessions: 0, tokens: 0 } });
    expect(await ids('sessions')).toEqual(remaining);
    expect(await ids('user_tokens')).toHaveLength(Object.values(tokensStay).length);
  });

  it('keeps the platform run in the platform’s tenant only', async () => {
    const [tenant] = await ownerQuery<{ id: string }>(
      app,
      `select id from tenants where slug = 'acme'`,
    );
    await expect(
      ownerQuery(
        app,
        `insert into privacy_jobs (tenant_id, kind, run_on) values ($1, 'platform', current_date)`,
        [tenant?.id],
      ),
    ).rejects.toThrow(/privacy_jobs_platform_check/);
  });
});
