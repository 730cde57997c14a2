import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import { startTestApp, type TestApp } from '../testing/test-app';
import { ensureNotLastAdmin, isLastActiveAdmin } from './last-admin';

/** The one rule that a tenant keeps an active administrator (members, erasure, account closure). */
describe('the last active administrator', () => {
  let app: TestApp;
  let acme: string;
  let other: string;
  const ids: Record<'ada' | 'bob' | 'olga', string> = { ada: '', bob: '', olga: '' };

  const lastIn = (tenantId: string, userId: string) =>
    inTransaction(app.running.databases.app, { tenantId }, (m) => isLastActiveAdmin(m, userId));
  const set = (userId: string, change: string) =>
    inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
      sql(m, `update memberships set ${change} where user_id = $1`, [userId]),
    );

  beforeAll(async () => {
    app = await startTestApp({ env: { MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    other = await createTenant(ds, { slug: 'other', name: 'Other' });
    const member = async (tenant: string, name: string, role: 'tenant_admin' | 'expert') =>
      (
        await addMember(ds, tenant, {
          email: `${name}@acme.example`,
          name,
          password: 'last admin passphrase',
          role,
        })
      ).userId;
    ids.ada = await member(acme, 'ada', 'tenant_admin');
    ids.bob = await member(acme, 'bob', 'tenant_admin');
    ids.olga = await member(acme, 'olga', 'expert');
    // Bob is an admin elsewhere too: another tenant's admins never count here.
    await member(other, 'bob', 'tenant_admin');
  });

  afterAll(() => app.close());

  it('is an active administrator whom no other active administrator of the tenant backs', async () => {
    expect(await lastIn(acme, ids.ada)).toBe(false);
    expect(await lastIn(acme, ids.olga)).toBe(false);
    await set(ids.bob, `status = 'deactivated'`);
    expect(await lastIn(acme, ids.ada)).toBe(true);
    // A deactivated admin, or someone else, is never the last one.
    expect(await lastIn(acme, ids.bob)).toBe(false);
    expect(await lastIn(acme, ids.olga)).toBe(false);
    await set(ids.bob, `status = 'active', role = 'expert'`);
    expect(await lastIn(acme, ids.ada)).toBe(true);
    expect(await lastIn(other, ids.bob)).toBe(true);
    await expect(
      inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
        ensureNotLastAdmin(m, ids.ada),
      ),
    ).rejects.toMatchObject({ status: 409, code: 'last-admin' });
    await set(ids.olga, `role = 'tenant_admin'`);
    expect(await lastIn(acme, ids.ada)).toBe(false);
    await inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
      ensureNotLastAdmin(m, ids.ada),
    );
  });
});
