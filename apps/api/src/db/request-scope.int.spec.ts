import { createHash } from 'node:crypto';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import { APP_ROLE } from './app-role';

/**
 * request_scope() runs under PostgreSQL's default plan choice (migration 1764316800030), on the
 * API's connections that force custom plans everywhere else, and what it sets for the transaction
 * still outlives the call.
 */
describe('request_scope()', () => {
  let app: TestApp;
  let tenantId: string;
  let userId: string;
  const token = 'request-scope-test-token';

  beforeAll(async () => {
    app = await startTestApp({ env: { MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    tenantId = await createTenant(ds, { slug: 'scoped', name: 'Scoped' });
    ({ userId } = await addMember(ds, tenantId, {
      email: 'officer@scoped.example',
      name: 'Olu',
      password: 'Scoped-password-2026',
      role: 'programme_officer',
    }));
    await ownerQuery(
      app,
      `insert into sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
       values ($1, $2, now(), now(), now() + interval '1 day')`,
      [createHash('sha256').update(token).digest(), userId],
    );
  });

  afterAll(() => app.close());

  it('plans its look-ups as PostgreSQL chooses, while the API forces custom plans', async () => {
    const [fn] = await ownerQuery<{ config: string[] }>(
      app,
      `select proconfig as config from pg_proc where proname = 'request_scope'`,
    );
    expect(fn?.config).toEqual(['plan_cache_mode=auto']);
  });

  it('leaves its role, tenant and user set for the transaction, and the plan setting as it was', async () => {
    const ds = app.running.databases.app;
    const hash = createHash('sha256').update(token).digest();
    // Six calls: PL/pgSQL tries custom plans five times before it may keep a generic one.
    const seen = await ds.transaction(async (manager) => {
      const rows: unknown[] = [];
      for (let call = 0; call < 6; call++) {
        const [scope] = await manager.query(
          `select user_id, tenant_id, role from request_scope($1, $2, 3600, 'scoped')`,
          [APP_ROLE, hash],
        );
        rows.push(scope);
      }
      const [settings] = await manager.query(
        `select current_setting('role') as role, current_setting('app.tenant_id') as tenant,
                current_setting('app.user_id') as "user",
                current_setting('plan_cache_mode') as plans`,
      );
      return { rows, settings };
    });
    for (const row of seen.rows) {
      expect(row).toEqual({ user_id: userId, tenant_id: tenantId, role: 'programme_officer' });
    }
    expect(seen.settings).toEqual({
      role: APP_ROLE,
      tenant: tenantId,
      user: userId,
      plans: 'force_custom_plan',
    });
    // Transaction-local: the next transaction on the pool starts unscoped.
    const [after] = await ds.query(
      `select current_setting('app.tenant_id', true) as tenant, current_setting('role') as role`,
    );
    expect(after).toEqual({ tenant: '', role: 'none' });
  });
});
