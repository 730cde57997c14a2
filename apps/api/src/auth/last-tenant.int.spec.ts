import { addMember, createTenant } from '../tenants/tenant-provisioning';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'remembered passphrase 2026';

describe('the tenant a person lands in', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.running.databases.app;
    const academy = await createTenant(ds, { slug: 'academy', name: 'Academy' });
    const branch = await createTenant(ds, { slug: 'branch', name: 'Branch' });
    const closed = await createTenant(ds, { slug: 'closed', name: 'Closed' });
    await createTenant(ds, { slug: 'stranger', name: 'Stranger' });
    await addMember(ds, academy, {
      email: 'olga@example.org',
      name: 'Olga Officer',
      password: PASSWORD,
      role: 'expert',
    });
    await addMember(ds, branch, {
      email: 'olga@example.org',
      name: 'Olga Officer',
      password: PASSWORD,
      role: 'programme_officer',
    });
    const gone = await addMember(ds, closed, {
      email: 'olga@example.org',
      name: 'Olga Officer',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    await ownerQuery(app, `update memberships set status = 'deactivated' where id = $1`, [
      gone.membershipId,
    ]);
  });

  afterAll(() => app.close());

  const lastTenantOf = async (email: string) => {
    const [row] = await ownerQuery<{ slug: string | null }>(
      app,
      `select t.slug from users u left join tenants t on t.id = u.last_tenant_id where u.email = $1`,
      [email],
    );
    return row?.slug ?? null;
  };

  it('remembers nothing before the person opens a tenant', async () => {
    const olga = app.client();
    const signIn = await olga.post('/api/auth/login', {
      email: 'olga@example.org',
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.lastTenantSlug).toBeNull();
  });

  it('remembers the tenant opened last, across sign-ins', async () => {
    const olga = await app.client().signIn('olga@example.org', PASSWORD);
    expect((await olga.put('/api/me/last-tenant', { tenant: 'academy' })).status).toBe(204);
    expect(await lastTenantOf('olga@example.org')).toBe('academy');

    const again = app.client();
    const signIn = await again.post('/api/auth/login', {
      email: 'olga@example.org',
      password: PASSWORD,
    });
    expect(signIn.body.lastTenantSlug).toBe('academy');
    expect((await again.get('/api/auth/session')).body.lastTenantSlug).toBe('academy');
  });

  it.each([
    ['a tenant the person does not belong to', 'stranger'],
    ['a tenant where their membership was deactivated', 'closed'],
    ['a tenant that does not exist', 'nowhere'],
  ])('answers 404 for %s, and keeps the last one', async (_case, tenant) => {
    const olga = await app.client().signIn('olga@example.org', PASSWORD);
    expect((await olga.put('/api/me/last-tenant', { tenant: 'branch' })).status).toBe(204);
    const refused = await olga.put('/api/me/last-tenant', { tenant });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.type).toBe('/problems/not-found');
    expect(await lastTenantOf('olga@example.org')).toBe('branch');
  });

  it('refuses a malformed slug and an unknown field', async () => {
    const olga = await app.client().signIn('olga@example.org', PASSWORD);
    expect((await olga.put('/api/me/last-tenant', { tenant: '../etc' })).status).toBe(400);
    expect(
      (await olga.put('/api/me/last-tenant', { tenant: 'branch', userId: 'someone' })).status,
    ).toBe(400);
  });

  it('needs a session', async () => {
    expect((await app.client().put('/api/me/last-tenant', { tenant: 'branch' })).status).toBe(401);
  });

  it('forgets a tenant once the person is no longer active there', async () => {
    const olga = await app.client().signIn('olga@example.org', PASSWORD);
    expect((await olga.put('/api/me/last-tenant', { tenant: 'academy' })).status).toBe(204);
    await ownerQuery(
      app,
      `update memberships set status = 'deactivated'
        where user_id = (select id from users where email = $1)
          and tenant_id = (select id from tenants where slug = 'academy')`,
      ['olga@example.org'],
    );
    expect((await olga.get('/api/auth/session')).body.lastTenantSlug).toBeNull();
  });
});
