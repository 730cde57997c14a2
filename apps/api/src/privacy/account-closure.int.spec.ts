import { randomUUID } from 'node:crypto';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { findPersonalData } from '../testing/personal-data-scan';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { FORMER_MEMBER } from './account-closure.service';

const PASSWORD = 'closing passphrase 2026';

describe('closing one’s own account', () => {
  let app: TestApp;
  let acme: string;
  let globex: string;
  let ada: ApiClient;
  let adaId: string;
  let cvKey: string;
  const close = (who: ApiClient, body: Record<string, unknown>) =>
    who.post('/api/me/account/close', body);

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    globex = await createTenant(ds, { slug: 'globex', name: 'Globex Institute' });
    // Ada is an expert in Acme and the only administrator of Globex.
    adaId = (
      await addMember(ds, acme, {
        email: 'ada.lovelace@experts.example',
        name: 'Ada Lovelace-Byron',
        password: PASSWORD,
        role: 'expert',
      })
    ).userId;
    await addMember(ds, globex, {
      email: 'ada.lovelace@experts.example',
      name: 'Ada Lovelace-Byron',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    await addMember(ds, acme, {
      email: 'officer@acme.example',
      name: 'Acme officer',
      password: PASSWORD,
      role: 'programme_officer',
    });
    cvKey = `tenant/${acme}/experts/${randomUUID()}`;
    await inTransaction(ds, { tenantId: acme }, async (m) => {
      await sql(
        m,
        `insert into expert_profiles (tenant_id, user_id, organisation, bio, sex, nationality)
         values ($1, $2, 'Analytical Engines Ltd', 'Ada wrote the first program.', 'female', 'GBR')`,
        [acme, adaId],
      );
      await sql(
        m,
        `insert into expert_cvs (tenant_id, user_id, storage_key, file_name, content_type,
                                 size_bytes, sha256)
         values ($1, $2, $3, 'Ada_Lovelace_CV.pdf', 'application/pdf', 4, '\\x00')`,
        [acme, adaId, cvKey],
      );
      await sql(
        m,
        `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status)
         values ($1, 'expert_assignment', 'ada.lovelace@experts.example', 'en', '{"event":"x"}',
                 'queued')`,
        [acme],
      );
    });
    await app.running.store.put(cvKey, Buffer.from('%PDF'), 'application/pdf');
    ada = await app.client().signIn('ada.lovelace@experts.example', PASSWORD);
  });

  afterAll(() => app.close());

  it('asks for the password and a confirmation, and changes nothing without them', async () => {
    for (const body of [
      { currentPassword: 'wrong passphrase', confirm: true },
      { currentPassword: PASSWORD },
      { currentPassword: PASSWORD, confirm: false },
      { currentPassword: `${PASSWORD}\u0000`, confirm: true },
    ]) {
      const refused = await close(ada, body);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await ada.get('/api/me')).status).toBe(200);
    expect((await app.client().post('/api/me/account/close', {})).status).toBe(401);
  });

  it('refuses while they are the last administrator of an organisation', async () => {
    const refused = await close(ada, { currentPassword: PASSWORD, confirm: true });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: '/problems/last-admin' });
    expect(refused.body.title).toContain('Globex Institute');
    const [membership] = await ownerQuery<{ status: string }>(
      app,
      `select status from memberships where tenant_id = $1 and user_id = $2`,
      [acme, adaId],
    );
    expect(membership?.status).toBe('active');
  });

  it('closes it: memberships end, the profile and mail go, the account names a former member', async () => {
    await addMember(app.running.databases.app, globex, {
      email: 'grace@globex.example',
      name: 'Grace',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    const closed = await close(ada, { currentPassword: PASSWORD, confirm: true });
    expect(closed.status).toBe(204);
    // Signed out everywhere.
    expect((await ada.get('/api/me')).status).toBe(401);
    expect(
      await ownerQuery(app, `select status from memberships where user_id = $1 order by 1`, [
        adaId,
      ]),
    ).toEqual([{ status: 'deactivated' }, { status: 'deactivated' }]);
    // Nothing anywhere names her: account, profile, CV, mail.
    expect(
      await findPersonalData(app, [
        'ada.lovelace@experts.example',
        'Lovelace-Byron',
        'Analytical Engines',
        'Ada wrote',
        'Ada_Lovelace',
      ]),
    ).toEqual([]);
    await expect(app.running.store.read(cvKey)).rejects.toThrow();
    const [user] = await ownerQuery<{ name: string }>(app, `select name from users where id = $1`, [
      adaId,
    ]);
    expect(user?.name).toBe(FORMER_MEMBER);
    // No way back in (a sign-in attempt is counted under the address it names, as any).
    const again = await app.client().post('/api/auth/login', {
      email: 'ada.lovelace@experts.example',
      password: PASSWORD,
    });
    expect(again.status).toBe(401);
    // What she did still points at her account, which names a former member.
    const audit = await ownerQuery<{ action: string; actor_id: string }>(
      app,
      `select action, actor_id from audit_log where action = 'account.closed' order by tenant_id`,
    );
    expect(audit).toEqual([
      { action: 'account.closed', actor_id: adaId },
      { action: 'account.closed', actor_id: adaId },
    ]);
  });
});
