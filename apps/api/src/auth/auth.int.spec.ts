import { addMember, createTenant } from '../tenants/tenant-provisioning';
import { startTestApp, type TestApp, waitForMail } from '../testing/test-app';

const PASSWORD = 'correct horse battery';

describe('accounts and sessions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '8' } });
    const ds = app.running.databases.app;
    const tenant = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    await addMember(ds, tenant, {
      email: 'admin@acme.example',
      name: 'Ada Admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    await addMember(ds, tenant, {
      email: 'Officer@Acme.example',
      name: 'Otto Officer',
      password: PASSWORD,
      role: 'programme_officer',
      preferredLanguage: 'fr',
    });
  });

  afterAll(() => app.close());

  it('signs in with the right password, case-insensitively on the email, and shows the memberships', async () => {
    const client = app.client();
    const response = await client.post('/api/auth/login', {
      email: 'ADMIN@acme.example',
      password: PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ email: 'admin@acme.example', name: 'Ada Admin' });
    expect(response.body.memberships).toEqual([
      expect.objectContaining({
        tenant: expect.objectContaining({ slug: 'acme' }),
        role: 'tenant_admin',
      }),
    ]);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('convene_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/auth/session')).status).toBe(200);
  });

  it('answers an unknown email exactly as a wrong password', async () => {
    const wrong = await app
      .client()
      .post('/api/auth/login', { email: 'admin@acme.example', password: 'not the password' });
    const unknown = await app
      .client()
      .post('/api/auth/login', { email: 'nobody@acme.example', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('takes about as long for an unknown email as for a wrong password', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      await app.client().post('/api/auth/login', { email, password: 'wrong password here' });
      return performance.now() - started;
    };
    // Warm up, then compare medians; both run one argon2id verification.
    await time('nobody-warm@acme.example');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time('officer@acme.example'));
      unknown.push(await time(`nobody${i}@acme.example`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(unknown)).toBeLessThan(median(known) * 2);
  });

  it('rate-limits sign-in attempts for one email', async () => {
    const client = app.client();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push(
        (
          await client.post('/api/auth/login', {
            email: 'target@acme.example',
            password: 'guess' + i,
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const client = app.client();
    await client.get('/api/health');
    const response = await client.request('POST', '/api/auth/login', {
      body: { email: 'admin@acme.example', password: PASSWORD },
      csrf: false,
    });
    expect(response.status).toBe(403);
    expect(response.body.type).toBe('/problems/csrf');
  });

  it('refuses a forged CSRF token that matches its cookie but is not signed by the server', async () => {
    const response = await app.client().request('POST', '/api/auth/login', {
      body: { email: 'admin@acme.example', password: PASSWORD },
      csrf: false,
      headers: { cookie: 'XSRF-TOKEN=abc.def', 'x-xsrf-token': 'abc.def' },
    });
    expect(response.status).toBe(403);
  });

  it('signs out: the session no longer works', async () => {
    const client = await app.client().signIn('admin@acme.example', PASSWORD);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('extends a session by its TTL on a request after five idle minutes, and not sooner', async () => {
    const client = await app.client().signIn('officer@acme.example', PASSWORD);
    const database = app.database;
    if (!database) throw new Error('this test reads the sessions table as the owner');
    const officerSessions = `user_id = (select id from users where email = 'officer@acme.example')
      and revoked_at is null`;
    const age = (minutes: number) =>
      database.query(
        `update sessions set last_seen_at = now() - make_interval(mins => $1),
                             expires_at = now() + interval '1 minute'
          where ${officerSessions}`,
        [minutes],
      );
    const session = () =>
      database.query<{ seen_now: boolean; ttl_hours: number }>(
        `select last_seen_at > now() - interval '1 minute' as seen_now,
                (extract(epoch from expires_at - last_seen_at) / 3600)::float8 as ttl_hours
           from sessions where ${officerSessions}`,
      );
    const ttlHours = app.config.sessionTtlMs / 3_600_000;

    await age(10);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect(await session()).toEqual([{ seen_now: true, ttl_hours: ttlHours }]);

    // Seen two minutes ago: the request stays a read.
    await age(2);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect(await session()).toEqual([{ seen_now: false, ttl_hours: expect.any(Number) }]);
    expect((await session())[0]?.ttl_hours).toBeLessThan(1);
  });

  it('resets a forgotten password through a single-use link sent by email, in the person’s language', async () => {
    const client = app.client();
    const other = await app.client().signIn('officer@acme.example', PASSWORD);
    expect(
      (await client.post('/api/auth/password-reset', { email: 'officer@acme.example' })).status,
    ).toBe(202);
    expect(
      (await client.post('/api/auth/password-reset', { email: 'ghost@acme.example' })).status,
    ).toBe(202);
    const mail = await waitForMail(app.mail, 'officer@acme.example');
    expect(mail.subject).toMatch(/mot de passe/);
    const token = /reset-password\/([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeDefined();

    const newPassword = 'a brand new passphrase';
    expect(
      (await client.post('/api/auth/password-reset/complete', { token, password: newPassword }))
        .status,
    ).toBe(204);
    expect(
      (await client.post('/api/auth/password-reset/complete', { token, password: newPassword }))
        .status,
    ).toBe(404);
    // Every session of the person ends with the old password.
    expect((await other.get('/api/auth/session')).status).toBe(401);
    expect(
      (
        await app
          .client()
          .post('/api/auth/login', { email: 'officer@acme.example', password: PASSWORD })
      ).status,
    ).toBe(401);
    await app.client().signIn('officer@acme.example', newPassword);
    expect(app.mail.list().some((m) => m.to.includes('ghost@acme.example'))).toBe(false);
  });

  it('lets people edit their own profile and change their password', async () => {
    const client = await app.client().signIn('admin@acme.example', PASSWORD);
    const updated = await client.patch('/api/me', {
      name: 'Ada Lovelace',
      preferredLanguage: 'ar',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Ada Lovelace', preferredLanguage: 'ar' });
    const wrong = await client.post('/api/me/password', {
      currentPassword: 'nope',
      newPassword: 'another long passphrase',
    });
    expect(wrong.status).toBe(400);
    const short = await client.post('/api/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].path).toBe('newPassword');
    expect(
      (
        await client.post('/api/me/password', {
          currentPassword: PASSWORD,
          newPassword: 'another long passphrase',
        })
      ).status,
    ).toBe(204);
    expect((await client.get('/api/me')).status).toBe(200);
    await client.post('/api/me/password', {
      currentPassword: 'another long passphrase',
      newPassword: PASSWORD,
    });
  });

  it('never lets a request body set who owns or what role a thing has', async () => {
    const client = await app.client().signIn('admin@acme.example', PASSWORD);
    const response = await client.patch('/api/me', {
      name: 'X',
      id: '00000000-0000-0000-0000-000000000000',
    });
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('/problems/validation');
  });
});
