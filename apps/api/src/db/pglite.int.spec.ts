import { addMember, createTenant } from '../tenants/tenant-provisioning';
import { startTestApp, type TestApp } from '../testing/test-app';
import { LOGIN_ROLE } from './app-role';
import { sql } from './sql';
import { inTransaction } from './transaction';

const PASSWORD = 'embedded passphrase';

describe('the embedded PGlite database', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ driver: 'pglite' });
    const ds = app.running.databases.app;
    const one = await createTenant(ds, { slug: 'one', name: 'One' });
    const two = await createTenant(ds, { slug: 'two', name: 'Two' });
    await addMember(ds, one, {
      email: 'admin@one.example',
      name: 'One Admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    await addMember(ds, two, {
      email: 'admin@two.example',
      name: 'Two Admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
  });

  afterAll(() => app.close());

  it('starts, migrates and loads the Member States', async () => {
    expect(app.config.database.kind).toBe('pglite');
    const client = await app.client().signIn('admin@one.example', PASSWORD);
    const states = await client.get('/api/member-states');
    expect(states.status).toBe(200);
    expect(states.body).toHaveLength(195);
  });

  it('signs in and serves the tenant', async () => {
    const client = await app.client().signIn('admin@one.example', PASSWORD);
    const members = await client.get('/api/t/one/members');
    expect(members.status).toBe(200);
    expect(members.body.items.map((m: { email: string }) => m.email)).toEqual([
      'admin@one.example',
    ]);
    expect((await client.get('/api/t/two/members')).status).toBe(404);
  });

  it('serves the events list, whose statement commits in its own round trip, twice running', async () => {
    const client = await app.client().signIn('admin@one.example', PASSWORD);
    for (let i = 0; i < 2; i++) {
      const events = await client.get('/api/t/one/events?limit=5');
      expect(events.status).toBe(200);
      expect(events.body).toEqual({ items: [], nextCursor: null });
    }
  });

  it('serves as the login role, not the superuser PGlite starts as: nothing is read unscoped', async () => {
    const ds = app.running.databases.app;
    const [role] = await ds.query(
      `select current_user as role, rolsuper from pg_roles where rolname = current_user`,
    );
    expect(role).toEqual({ role: LOGIN_ROLE, rolsuper: false });
    await expect(ds.query('select * from memberships')).rejects.toThrow(/permission denied/);
    const rows = await inTransaction(ds, {}, (m) => sql(m, 'select * from memberships'));
    expect(rows).toHaveLength(0);
    const tenants = await inTransaction(ds, {}, (m) =>
      sql<{ id: string }>(m, `select id from tenants where slug = 'one'`),
    );
    const tenantId = tenants[0]?.id ?? '';
    const scoped = await inTransaction(ds, { tenantId }, (m) =>
      sql<{ tenant_id: string }>(m, 'select tenant_id from memberships'),
    );
    expect(scoped.map((row) => row.tenant_id)).toEqual([tenantId]);
  });
});
