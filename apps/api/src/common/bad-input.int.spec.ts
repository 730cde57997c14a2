import { ROUTE_ACCESS, type RouteKey } from '../access/route-access';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'bad input passphrase';

describe('bad input', () => {
  let app: TestApp;
  let admin: ApiClient;
  let subject: string;

  const auditCount = async () =>
    (await admin.get('/api/t/acme/audit-log?limit=100')).body.items.length as number;

  beforeAll(async () => {
    app = await startTestApp({ env: { BODY_LIMIT_BYTES: '10000' } });
    const ds = app.running.databases.app;
    const tenant = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    await addMember(ds, tenant, {
      email: 'admin@acme.example',
      name: 'Admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    subject = (
      await addMember(ds, tenant, {
        email: 'x@acme.example',
        name: 'X',
        password: PASSWORD,
        role: 'expert',
      })
    ).membershipId;
    admin = await app.client().signIn('admin@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  const expectProblem = (
    response: { status: number; headers: Headers; body: any },
    status: number,
  ) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status,
      type: expect.stringMatching(/^\/problems\//),
      title: expect.any(String),
    });
  };

  it('rejects unknown fields and changes nothing', async () => {
    const before = await auditCount();
    const response = await admin.patch(`/api/t/acme/members/${subject}`, {
      role: 'expert',
      tenantId: 'other',
    });
    expectProblem(response, 400);
    expect(response.body.type).toBe('/problems/validation');
    expect(await auditCount()).toBe(before);
  });

  it('rejects wrong types with the path of each bad field', async () => {
    const response = await admin.post('/api/t/acme/invitations', { email: 42, role: 'emperor' });
    expectProblem(response, 400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'email',
      'role',
    ]);
  });

  it('rejects a focal point without a Member State, and an unknown State', async () => {
    expectProblem(
      await admin.post('/api/t/acme/invitations', { email: 'fp@x.org', role: 'focal_point' }),
      400,
    );
    const unknown = await admin.post('/api/t/acme/invitations', {
      email: 'fp@x.org',
      role: 'focal_point',
      memberStateAlpha3: 'XYZ',
    });
    expectProblem(unknown, 400);
    expect(unknown.body.errors[0].path).toBe('memberStateAlpha3');
  });

  it('answers 413 to an oversized body', async () => {
    const response = await admin.request('POST', '/api/t/acme/invitations', {
      rawBody: JSON.stringify({ email: 'a@b.org', role: 'expert', padding: 'x'.repeat(20_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 413);
  });

  it('answers 400 to malformed JSON and 415 to a body that is not JSON', async () => {
    expectProblem(
      await admin.request('POST', '/api/t/acme/invitations', {
        rawBody: '{"email":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    expectProblem(
      await admin.request('POST', '/api/t/acme/invitations', {
        rawBody: 'email=a',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
    );
  });

  it('answers 400 to a forged page cursor and 404 to a malformed id', async () => {
    expectProblem(await admin.get('/api/t/acme/members?after=not-a-cursor'), 400);
    const forged = Buffer.from(JSON.stringify(['a', "x'; drop table users; --"])).toString(
      'base64url',
    );
    expectProblem(await admin.get(`/api/t/acme/members?after=${forged}`), 400);
    expectProblem(await admin.get('/api/t/acme/audit-log?limit=1000'), 400);
    expectProblem(await admin.get('/api/t/acme/members/not-a-uuid'), 404);
    expectProblem(await admin.get('/api/t/NOT_A_SLUG/members'), 404);
    expectProblem(await admin.get('/api/auth/invitations/short'), 404);
  });

  it('answers 404 problem+json for an unknown route', async () => {
    expectProblem(await admin.get('/api/no-such-thing'), 404);
  });
});

describe('garbage sent to every route', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    const ds = app.running.databases.app;
    const tenant = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    await addMember(ds, tenant, {
      email: 'admin@acme.example',
      name: 'Admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
  });

  afterAll(() => app.close());

  const PARAM_GARBAGE = [
    '%00',
    '..%2F..%2Fetc',
    'x'.repeat(300),
    "1'%20or%20'1'='1",
    '%F0%9F%92%A5',
    '-1',
  ];
  const BODY_GARBAGE: unknown[] = [
    null,
    [],
    'text',
    42,
    { unexpected: true },
    { email: { $gt: '' }, password: ['a'], role: 7, token: null, name: 'x'.repeat(10_000) },
  ];

  it.each(Object.keys(ROUTE_ACCESS) as RouteKey[])('%s never answers 5xx', async (key) => {
    const [method, template] = key.split(' ') as [string, string];
    // A fresh session per route: garbage sent to sign-out still signs out.
    const admin = await app.client().signIn('admin@acme.example', PASSWORD);
    expect((await admin.get('/api/t/acme')).status).toBe(200);
    for (const param of PARAM_GARBAGE) {
      const path = template.replace(':tenant', 'acme').replace(/:\w+/g, param);
      const query =
        method === 'GET' ? '?limit=abc&after=%%%&q=' + 'y'.repeat(500) + '&role=emperor' : '';
      for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : BODY_GARBAGE) {
        const response = await admin.request(
          method,
          path + query,
          body === undefined
            ? {}
            : { rawBody: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
        );
        expect({
          key,
          param,
          body,
          status: response.status < 500 ? 'below 500' : response.status,
        }).toEqual({
          key,
          param,
          body,
          status: 'below 500',
        });
      }
    }
  });
});
