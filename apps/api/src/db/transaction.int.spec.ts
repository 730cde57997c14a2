import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { loadConfig } from '../config/app-config';
import { createTestDatabase } from '../testing/test-database';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import { APP_ROLE, LOGIN_ROLE } from './app-role';
import { type Databases, openDatabases } from './data-source.factory';
import { sql } from './sql';
import {
  type DeferredOpening,
  inTransaction,
  inTransactionDeferred,
  inTransactionOpenedBy,
  sqlLiteral,
  sqlThenCommit,
  UnconfirmedOpening,
} from './transaction';

/** Who a statement runs as, and for whom: what row-level security reads. */
const SettingsRow = z.strictObject({
  pid: z.number(),
  role: z.string(),
  tenant: z.string().nullable(),
  user: z.string().nullable(),
  in_transaction: z.boolean(),
});
type SettingsRow = z.infer<typeof SettingsRow>;

const SETTINGS = `select pg_backend_pid() as pid, current_user::text as role,
  current_setting('app.tenant_id', true) as tenant, current_setting('app.user_id', true) as user,
  now() <> statement_timestamp() or txid_current_if_assigned() is not null as in_transaction`;

describe('the transaction that opens with its scope in one round trip', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let databases: Databases;
  let app: DataSource;
  let tenantId: string;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // A pool of one connection: every transaction below reuses the same server session.
    databases = await openDatabases(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        APP_SECRET: 'x'.repeat(32),
        DATABASE_POOL_SIZE: '1',
      }),
    );
    await databases.migrate();
    app = databases.app;
    tenantId = await createTenant(app, { slug: 'alpha', name: 'Alpha' });
    ({ userId } = await addMember(app, tenantId, {
      email: 'a1@alpha.example',
      name: 'A One',
      password: 'long-enough-password',
      role: 'tenant_admin',
    }));
  });

  afterAll(async () => {
    await databases.close();
    await database.drop();
  });

  /** The connection's state seen by a statement outside any transaction (pg's own query). */
  async function bareConnection(): Promise<SettingsRow> {
    const runner = app.createQueryRunner();
    try {
      const rows: unknown = await runner.query(SETTINGS);
      return z.array(SettingsRow).parse(rows)[0] as SettingsRow;
    } finally {
      await runner.release();
    }
  }

  const opening = () =>
    `select set_config('role', ${sqlLiteral(APP_ROLE)}, true),
            set_config('app.tenant_id', ${sqlLiteral(tenantId)}, true),
            set_config('app.user_id', ${sqlLiteral(userId)}, true)`;

  it('scopes every statement of the transaction, then leaves nothing on the pooled connection', async () => {
    const before = await bareConnection();
    expect(before.role).toBe(LOGIN_ROLE);

    const inside = await inTransactionOpenedBy(app, opening(), async (manager, rows) => {
      expect(rows).toHaveLength(1);
      const first = await sql(manager, SETTINGS, [], SettingsRow);
      // A later statement of the same transaction still sees the scope.
      const members = await sql(manager, 'select tenant_id from memberships');
      const second = await sql(manager, SETTINGS, [], SettingsRow);
      return { first: first[0], second: second[0], members };
    });
    expect(inside.first).toMatchObject({ role: APP_ROLE, tenant: tenantId, user: userId });
    expect(inside.second).toMatchObject({ role: APP_ROLE, tenant: tenantId, user: userId });
    expect(inside.first?.pid).toBe(before.pid);
    expect(inside.members).toHaveLength(1);

    // The next use of the same connection: back to the login role, no tenant, no user.
    const after = await bareConnection();
    expect(after.pid).toBe(before.pid);
    expect(after).toMatchObject({ role: LOGIN_ROLE, tenant: '', user: '' });
    // And the login role alone reads nothing.
    const runner = app.createQueryRunner();
    try {
      await expect(runner.query('select count(*) from memberships')).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await runner.release();
    }
  });

  it('rolls back and forgets the scope when the work fails', async () => {
    const before = await bareConnection();
    await expect(
      inTransactionOpenedBy(app, opening(), async (manager) => {
        await sql(
          manager,
          `insert into audit_log (tenant_id, actor_id, action, entity, entity_id)
           values ($1, $2, 'rollback.test', 'tenant', $3)`,
          [tenantId, userId, tenantId],
        );
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');
    const after = await bareConnection();
    expect(after.pid).toBe(before.pid);
    expect(after).toMatchObject({ role: LOGIN_ROLE, tenant: '', user: '', in_transaction: false });
    const written = await inTransaction(app, { tenantId }, (manager) =>
      sql(manager, `select 1 from audit_log where action = 'rollback.test'`),
    );
    expect(written).toHaveLength(0);
  });

  it('ends the transaction when the opening statement itself fails', async () => {
    const before = await bareConnection();
    await expect(
      inTransactionOpenedBy(app, `${opening()}, 1 / 0`, () => Promise.resolve('never')),
    ).rejects.toThrow(/division by zero/);
    const after = await bareConnection();
    expect(after.pid).toBe(before.pid);
    expect(after).toMatchObject({ role: LOGIN_ROLE, tenant: '', user: '', in_transaction: false });
  });

  const audited = (action: string) =>
    inTransaction(app, { tenantId }, (manager) =>
      sql(manager, `select 1 from audit_log where action = $1`, [action]),
    );
  const audit = `insert into audit_log (tenant_id, actor_id, action, entity, entity_id)
                 values ($1, $2, $3, 'tenant', $1::text) returning action`;

  it('commits with the last statement in the same round trip, then refuses to run unscoped', async () => {
    const before = await bareConnection();
    const outcome = await inTransactionOpenedBy(app, opening(), async (manager) => {
      const rows = await sqlThenCommit(
        manager,
        audit.replace('$1::text', '$4'),
        [tenantId, userId, 'then-commit.test', tenantId],
        z.strictObject({ action: z.string() }),
      );
      const active = manager.queryRunner?.isTransactionActive;
      // The transaction is over: what follows runs as the login role, which reads nothing.
      const after = await sql(manager, 'select count(*) from memberships').then(
        () => 'read',
        (error: unknown) => String(error),
      );
      return { rows, active, after };
    });
    expect(outcome.rows).toEqual([{ action: 'then-commit.test' }]);
    expect(outcome.active).toBe(false);
    expect(outcome.after).toMatch(/permission denied/);
    expect(await audited('then-commit.test')).toHaveLength(1);
    const after = await bareConnection();
    expect(after.pid).toBe(before.pid);
    expect(after).toMatchObject({ role: LOGIN_ROLE, tenant: '', user: '', in_transaction: false });
  });

  it('skips the commit when the last statement fails, and rolls the transaction back', async () => {
    const before = await bareConnection();
    await expect(
      inTransactionOpenedBy(app, opening(), async (manager) => {
        await sql(manager, audit.replace('$1::text', '$4'), [
          tenantId,
          userId,
          'then-fail.test',
          tenantId,
        ]);
        return sqlThenCommit(
          manager,
          'select 1 / $1::int as n',
          [0],
          z.strictObject({ n: z.number() }),
        );
      }),
    ).rejects.toThrow(/division by zero/);
    expect(await audited('then-fail.test')).toHaveLength(0);
    const after = await bareConnection();
    expect(after.pid).toBe(before.pid);
    expect(after).toMatchObject({ role: LOGIN_ROLE, tenant: '', user: '', in_transaction: false });
  });

  it('prepares a named statement once per connection and scopes each use by its own transaction', async () => {
    const betaId = await createTenant(app, { slug: 'beta', name: 'Beta' });
    const { userId: betaUser } = await addMember(app, betaId, {
      email: 'b1@beta.example',
      name: 'B One',
      password: 'long-enough-password',
      role: 'tenant_admin',
    });
    for (const [tenant, user] of [
      [tenantId, userId],
      [betaId, betaUser],
    ] as const) {
      await inTransaction(app, { tenantId: tenant, userId: user }, (manager) =>
        sql(manager, audit.replace('$1::text', '$4'), [tenant, user, 'prepared.test', tenant]),
      );
    }
    const text = `select distinct a.tenant_id::text as tenant, current_setting('plan_cache_mode') as plans,
        (select count(*)::int from pg_prepared_statements where name = 'convene_test_tenants') as prepared
      from audit_log a where a.action = $1`;
    const Row = z.strictObject({ tenant: z.string(), plans: z.string(), prepared: z.number() });
    const list = (tenant: string) =>
      inTransaction(app, { tenantId: tenant }, (manager) =>
        sqlThenCommit(manager, text, ['prepared.test'], Row, 'convene_test_tenants'),
      );
    const before = await bareConnection();
    // The first use prepares it (pg_prepared_statements already lists it while it runs).
    expect(await list(tenantId)).toEqual([
      { tenant: tenantId, plans: 'force_custom_plan', prepared: 1 },
    ]);
    // The same plan, the same connection, another transaction: only that tenant's rows.
    expect(await list(betaId)).toEqual([
      { tenant: betaId, plans: 'force_custom_plan', prepared: 1 },
    ]);
    expect(await list(tenantId)).toEqual([
      { tenant: tenantId, plans: 'force_custom_plan', prepared: 1 },
    ]);
    const after = await bareConnection();
    expect(after.pid).toBe(before.pid);
    expect(after).toMatchObject({ role: LOGIN_ROLE, tenant: '', user: '', in_transaction: false });
  });

  it('writes values into the opening statement only as literals', () => {
    expect(sqlLiteral(`x'); drop table users; --`)).toBe(`'x''); drop table users; --'`);
    expect(sqlLiteral('back\\slash')).toBe(` E'back\\\\slash'`);
    expect(sqlLiteral(Buffer.from([0, 255]))).toBe(`decode('00ff', 'hex')`);
    expect(sqlLiteral(null)).toBe('null');
    expect(sqlLiteral(1209600)).toBe('1209600');
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => sqlLiteral('nul\0')).toThrow();
  });

  it('refuses a scope value that is not a uuid', async () => {
    await expect(
      inTransaction(app, { tenantId: `'; reset role; --` }, () => Promise.resolve(1)),
    ).rejects.toThrow(/uuids only/);
  });

  describe('held back until its first statement (inTransactionDeferred)', () => {
    /** The scope as a parameterised opening; `accept` decides whether its rows confirm it. */
    const deferred = (accept: boolean, seen: unknown[][] = []): DeferredOpening => ({
      statement: {
        text: `select set_config('role', $1, true) as role, set_config('app.tenant_id', $2, true) as tenant,
                      set_config('app.user_id', $3, true) as user`,
        values: [APP_ROLE, tenantId, userId],
      },
      confirm: (rows) => {
        seen.push(rows);
        return accept;
      },
    });

    const insert = audit.replace('$1::text', '$4');

    /** How many times pg's Client#query ran during `work`: one per round trip here. */
    async function counted<T>(work: () => Promise<T>): Promise<{ sent: number; outcome: T }> {
      const original = Client.prototype.query;
      let sent = 0;
      Client.prototype.query = function (this: Client, ...args: unknown[]) {
        sent++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        const outcome = await work();
        return { sent, outcome };
      } finally {
        Client.prototype.query = original;
      }
    }

    const clean = async (pid: number) => {
      const after = await bareConnection();
      expect(after.pid).toBe(pid);
      expect(after).toMatchObject({
        role: LOGIN_ROLE,
        tenant: '',
        user: '',
        in_transaction: false,
      });
    };

    it('sends begin, the opening, the statement and commit in one round trip', async () => {
      const before = await bareConnection();
      const seen: unknown[][] = [];
      const { sent, outcome } = await counted(() =>
        inTransactionDeferred(app, deferred(true, seen), (manager) =>
          sqlThenCommit(manager, SETTINGS, [], SettingsRow),
        ),
      );
      expect(sent).toBe(1);
      // The statement ran after the opening, in the transaction it scoped.
      expect(outcome).toEqual([
        { pid: before.pid, role: APP_ROLE, tenant: tenantId, user: userId, in_transaction: true },
      ]);
      expect(seen).toEqual([[{ role: APP_ROLE, tenant: tenantId, user: userId }]]);
      await clean(before.pid);
    });

    it('keeps the rows from the work when the opening is refused', async () => {
      const before = await bareConnection();
      let returned = false;
      const error = await inTransactionDeferred(app, deferred(false), async (manager) => {
        const rows = await sqlThenCommit(manager, SETTINGS, [], SettingsRow);
        returned = true;
        return rows;
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnconfirmedOpening);
      expect(returned).toBe(false);
      await clean(before.pid);
    });

    it('sends any first statement with the opening, and answers it only after the confirmation', async () => {
      const before = await bareConnection();
      const seen: unknown[][] = [];
      const { sent, outcome } = await counted(() =>
        inTransactionDeferred(app, deferred(true, seen), async (manager) => {
          const confirmedFirst = seen.length;
          // Through TypeORM's query runner, as every sql() statement goes.
          const rows = await sql(manager, insert, [tenantId, userId, 'deferred.test', tenantId]);
          const confirmedAfter = seen.length;
          const settings = await sql(manager, SETTINGS, [], SettingsRow);
          return { confirmedFirst, rows, confirmedAfter, settings };
        }),
      );
      // begin, the opening and the insert; the second statement; the commit.
      expect(sent).toBe(3);
      expect(outcome).toEqual({
        confirmedFirst: 0,
        rows: [{ action: 'deferred.test' }],
        confirmedAfter: 1,
        settings: [
          { pid: before.pid, role: APP_ROLE, tenant: tenantId, user: userId, in_transaction: true },
        ],
      });
      expect(await audited('deferred.test')).toHaveLength(1);
      await clean(before.pid);
    });

    it('runs no statement after an opening that is refused, and rolls back', async () => {
      const before = await bareConnection();
      await expect(
        inTransactionDeferred(app, deferred(false), (manager) =>
          sql(manager, insert, [tenantId, userId, 'deferred-refused.test', tenantId]),
        ),
      ).rejects.toBeInstanceOf(UnconfirmedOpening);
      expect(await audited('deferred-refused.test')).toHaveLength(0);
      await clean(before.pid);
    });

    it('sends and checks the opening even when the work sends nothing', async () => {
      const before = await bareConnection();
      const accepted = await counted(() =>
        inTransactionDeferred(app, deferred(true), () => Promise.resolve('answer')),
      );
      // The opening, then the commit.
      expect(accepted).toEqual({ sent: 2, outcome: 'answer' });
      await expect(
        inTransactionDeferred(app, deferred(false), () => Promise.resolve('answer')),
      ).rejects.toBeInstanceOf(UnconfirmedOpening);
      await clean(before.pid);
    });

    it('turns a failure before the confirmation into UnconfirmedOpening, sending nothing', async () => {
      const before = await bareConnection();
      const failed = new Error('the handler failed under a guess');
      const { sent, outcome } = await counted(() =>
        inTransactionDeferred(app, deferred(true), () => Promise.reject(failed)).catch(
          (caught: unknown) => caught,
        ),
      );
      expect(sent).toBe(0);
      expect(outcome).toBeInstanceOf(UnconfirmedOpening);
      expect((outcome as Error).cause).toBe(failed);
      await clean(before.pid);
    });

    it('turns a failing statement sent with the opening into UnconfirmedOpening, and rolls back', async () => {
      const before = await bareConnection();
      const outcome = await inTransactionDeferred(app, deferred(true), (manager) =>
        sqlThenCommit(manager, 'select 1 / $1::int as n', [0], z.strictObject({ n: z.number() })),
      ).catch((caught: unknown) => caught);
      expect(outcome).toBeInstanceOf(UnconfirmedOpening);
      expect(String((outcome as Error).cause)).toMatch(/division by zero/);
      await clean(before.pid);
    });

    it("passes on the work's own error after the confirmation, and rolls back", async () => {
      const before = await bareConnection();
      await expect(
        inTransactionDeferred(app, deferred(true), async (manager) => {
          await sql(manager, insert, [tenantId, userId, 'deferred-then-fail.test', tenantId]);
          throw new Error('failed after the confirmation');
        }),
      ).rejects.toThrow('failed after the confirmation');
      expect(await audited('deferred-then-fail.test')).toHaveLength(0);
      await clean(before.pid);
    });
  });
});
