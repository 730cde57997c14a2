import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { createTestDatabase } from '../testing/test-database';
import {
  APP_ROLE,
  LOGIN_ROLE,
  MAILER_ROLE,
  PROVISIONER_ROLE,
  TENANT_TABLES,
  WORKER_ROLE,
} from './app-role';
import { type Databases, openDatabases } from './data-source.factory';
import { sql } from './sql';
import { inTransaction } from './transaction';
import { addMember, createTenant } from '../tenants/tenant-provisioning';

describe('tenant isolation in the database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let databases: Databases;
  let app: DataSource;
  let alpha: string;
  let beta: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    databases = await openDatabases(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        APP_SECRET: 'x'.repeat(32),
        DATABASE_POOL_SIZE: '2',
      }),
    );
    await databases.migrate();
    app = databases.app;
    alpha = await createTenant(app, { slug: 'alpha', name: 'Alpha' });
    beta = await createTenant(app, { slug: 'beta', name: 'Beta' });
    await addMember(app, alpha, {
      email: 'a1@alpha.example',
      name: 'A One',
      password: 'long-enough-password',
      role: 'tenant_admin',
    });
    await addMember(app, alpha, {
      email: 'a2@alpha.example',
      name: 'A Two',
      password: 'long-enough-password',
      role: 'expert',
    });
    await addMember(app, beta, {
      email: 'b1@beta.example',
      name: 'B One',
      password: 'long-enough-password',
      role: 'tenant_admin',
    });
  });

  afterAll(async () => {
    await databases.close();
    await database.drop();
  });

  it('shows a tenant only its own rows even when the query forgets where tenant_id', async () => {
    // Deliberately unscoped: no where clause at all.
    const seenByAlpha = await inTransaction(app, { tenantId: alpha }, (m) =>
      sql<{ tenant_id: string }>(m, 'select tenant_id from memberships'),
    );
    expect(seenByAlpha).toHaveLength(2);
    expect(new Set(seenByAlpha.map((row) => row.tenant_id))).toEqual(new Set([alpha]));
    const seenByBeta = await inTransaction(app, { tenantId: beta }, (m) =>
      sql(m, 'select * from memberships'),
    );
    expect(seenByBeta).toHaveLength(1);
  });

  it('shows a person in two tenants only the current tenant’s memberships, and all of them outside', async () => {
    const dual = await addMember(app, beta, {
      email: 'a2@alpha.example',
      name: 'A Two',
      password: 'long-enough-password',
      role: 'programme_officer',
    });
    const inAlpha = await inTransaction(app, { tenantId: alpha, userId: dual.userId }, (m) =>
      sql<{ tenant_id: string }>(m, 'select tenant_id from memberships'),
    );
    expect(new Set(inAlpha.map((row) => row.tenant_id))).toEqual(new Set([alpha]));
    const outside = await inTransaction(app, { userId: dual.userId }, (m) =>
      sql<{ tenant_id: string }>(m, 'select tenant_id from memberships order by tenant_id'),
    );
    expect(outside.map((row) => row.tenant_id).sort()).toEqual([alpha, beta].sort());
    await inTransaction(app, { tenantId: beta }, (m) =>
      sql(m, 'delete from memberships where id = $1', [dual.membershipId]),
    );
  });

  it('refuses to write a row into another tenant', async () => {
    await expect(
      inTransaction(app, { tenantId: alpha }, (m) =>
        sql(
          m,
          `insert into audit_log (tenant_id, action, entity, entity_id) values ($1, 'x', 'y', 'z')`,
          [beta],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await inTransaction(app, { tenantId: alpha }, (m) =>
      sql(m, `update memberships set role = 'expert' where tenant_id = $1 returning id`, [beta]),
    );
    expect(updated).toHaveLength(0);
  });

  it('counts zero rows in every tenant table when no tenant is set', async () => {
    await inTransaction(app, {}, async (m) => {
      for (const table of TENANT_TABLES) {
        const [row] = await sql<{ count: string }>(m, `select count(*) from ${table}`);
        expect({ table, count: Number(row?.count) }).toEqual({ table, count: 0 });
      }
    });
  });

  it('logs the pool in as a role that reads no tenant row outside a scoped transaction', async () => {
    const [who] = await app.query(`select current_user as role, session_user as login`);
    expect(who).toEqual({ role: LOGIN_ROLE, login: LOGIN_ROLE });
    for (const table of [...TENANT_TABLES, 'users', 'sessions', 'tenants']) {
      const rows: unknown[] = await app.query(`select * from ${table}`).catch((error: Error) => {
        expect(error.message).toMatch(/permission denied/);
        return [];
      });
      expect({ table, rows }).toEqual({ table, rows: [] });
    }
    // Even a transaction that forgot its scope reads nothing.
    await expect(app.transaction((m) => sql(m, 'select * from memberships'))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('keeps interleaved transactions of two tenants apart on a small pool', async () => {
    const rounds = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? alpha : beta));
    const results = await Promise.all(
      rounds.map((tenantId) =>
        inTransaction(app, { tenantId }, async (m) => {
          await sql(m, 'select pg_sleep(0.005)');
          const rows = await sql<{ tenant_id: string }>(m, 'select tenant_id from memberships');
          return { tenantId, seen: [...new Set(rows.map((row) => row.tenant_id))] };
        }),
      ),
    );
    for (const result of results) expect(result.seen).toEqual([result.tenantId]);
    // After commit the pooled connections carry no tenant.
    const leftover = await app.query(
      `select current_setting('app.tenant_id', true) as tenant, current_user as role`,
    );
    expect(leftover[0].tenant ?? '').toBe('');
  });

  it('makes the audit log append-only for the application role', async () => {
    await inTransaction(app, { tenantId: alpha }, (m) =>
      sql(
        m,
        `insert into audit_log (tenant_id, action, entity, entity_id) values ($1, 'test', 'test', '1')`,
        [alpha],
      ),
    );
    await expect(
      inTransaction(app, { tenantId: alpha }, (m) =>
        sql(m, `update audit_log set action = 'forged'`),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTransaction(app, { tenantId: alpha }, (m) => sql(m, `delete from audit_log`)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTransaction(app, { tenantId: alpha }, (m) => sql(m, `truncate audit_log`)),
    ).rejects.toThrow(/permission denied/);
  });

  describe('the catalog', () => {
    it('forces row-level security with the tenant policy on every table that has tenant_id', async () => {
      const tables = await app.query(`
        select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
               exists (select 1 from pg_policies p where p.tablename = c.relname
                        and p.qual ilike '%nullif(current_setting(''app.tenant_id''::text, true), ''''::text)%') as policy
          from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
         where c.relkind = 'r' order by 1`);
      expect(tables.map((t: { table: string }) => t.table)).toEqual([...TENANT_TABLES].sort());
      for (const table of tables)
        expect(table).toEqual({ table: table.table, enabled: true, forced: true, policy: true });
    });

    it('puts tenant_id first in every primary key and unique index of a tenant table', async () => {
      const indexes = await app.query(
        `
        select c.relname as table, i.relname as index,
               (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = x.indkey[0]) as first_column
          from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
         where x.indisunique and c.relname = any($1)`,
        [[...TENANT_TABLES]],
      );
      expect(indexes.length).toBeGreaterThanOrEqual(TENANT_TABLES.length);
      for (const index of indexes)
        expect({ index: index.index, first: index.first_column }).toEqual({
          index: index.index,
          first: 'tenant_id',
        });
    });

    it.each([APP_ROLE, MAILER_ROLE, PROVISIONER_ROLE, WORKER_ROLE, LOGIN_ROLE])(
      'gives %s no superuser, no BYPASSRLS and no table of its own',
      async (name) => {
        const [role] = await app.query(
          `select rolsuper, rolbypassrls from pg_roles where rolname = $1`,
          [name],
        );
        expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
        const owned = await app.query(
          `select c.relname from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = $1`,
          [name],
        );
        expect(owned).toEqual([]);
      },
    );

    it('lets the login role use another role only by switching to it', async () => {
      const [role] = await app.query(
        `select rolinherit, rolcanlogin from pg_roles where rolname = $1`,
        [LOGIN_ROLE],
      );
      expect(role).toEqual({ rolinherit: false, rolcanlogin: true });
    });

    it('lets the mail worker’s role change no tenant table but the outbox', async () => {
      const tables = (privilege: string) =>
        app.query(
          `select t as table_name from unnest($2::text[]) t
            where has_table_privilege($1, t, $3) order by 1`,
          [MAILER_ROLE, [...TENANT_TABLES], privilege],
        );
      expect(await tables('insert, update, delete')).toEqual([{ table_name: 'mail_outbox' }]);
      // It reads which scheduled runs are done, to skip tenants whose day is computed.
      expect(await tables('select')).toEqual([
        { table_name: 'mail_outbox' },
        { table_name: 'mail_schedule_runs' },
      ]);
    });

    it('lets the background worker’s role touch no tenant table but the text and privacy jobs and the objects to delete', async () => {
      const tables = (privilege: string) =>
        app.query(
          `select t as table_name from unnest($2::text[]) t
            where has_table_privilege($1, t, $3) order by 1`,
          [WORKER_ROLE, [...TENANT_TABLES], privilege],
        );
      expect(await tables('select, insert, update, delete')).toEqual([
        { table_name: 'document_text_jobs' },
        { table_name: 'privacy_jobs' },
        { table_name: 'storage_deletions' },
      ]);
      // It sweeps what a failing store left: it reads and deletes those rows, adds none.
      expect(await tables('insert')).toEqual([]);
      expect(await tables('delete')).toEqual([{ table_name: 'storage_deletions' }]);
    });

    it('lets the background worker’s role delete sessions and reset tokens, reading only when they ended', async () => {
      const global = ['users', 'sessions', 'user_tokens', 'tenants', 'calendar_feeds'];
      const tables = (privilege: string) =>
        app.query(
          `select t as table_name from unnest($2::text[]) t
            where has_table_privilege($1, t, $3) order by 1`,
          [WORKER_ROLE, global, privilege],
        );
      // The platform's retention run (docs/privacy.md): nothing to add, change or read whole.
      expect(await tables('delete')).toEqual([
        { table_name: 'sessions' },
        { table_name: 'user_tokens' },
      ]);
      expect(await tables('select, insert, update')).toEqual([]);
      const readable: { readable: string }[] = await app.query(
        `select c.relname || '.' || a.attname as readable
           from pg_attribute a join pg_class c on c.oid = a.attrelid
          where c.relnamespace = 'public'::regnamespace and c.relname = any($2::text[])
            and a.attnum > 0 and not a.attisdropped
            and has_column_privilege($1, c.oid, a.attnum, 'select')`,
        [WORKER_ROLE, global],
      );
      expect(readable.map((row) => row.readable).sort()).toEqual([
        'sessions.created_at',
        'sessions.expires_at',
        'sessions.revoked_at',
        'user_tokens.expires_at',
        'user_tokens.used_at',
      ]);
    });

    it('runs request transactions as the application role', async () => {
      const [row] = await inTransaction(app, {}, (m) =>
        sql<{ role: string }>(m, 'select current_user as role'),
      );
      expect(row?.role).toBe(APP_ROLE);
    });
  });
});
