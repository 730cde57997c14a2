import { MEMBER_STATE_CODES } from '@convene/contracts';
import { ROUTE_ACCESS, type RouteKey } from '../access/route-access';
import { encodeCursor } from './cursor';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'bad input passphrase';

describe('bad input', () => {
  let app: TestApp;
  let admin: ApiClient;
  let subject: string;
  let adminId: string;

  const auditCount = async () =>
    (await admin.get('/api/t/acme/audit-log?limit=100')).body.items.length as number;

  beforeAll(async () => {
    app = await startTestApp({ env: { BODY_LIMIT_BYTES: '10000' } });
    const ds = app.running.databases.app;
    const tenant = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    adminId = (
      await addMember(ds, tenant, {
        email: 'admin@acme.example',
        name: 'Admin',
        password: PASSWORD,
        role: 'tenant_admin',
      })
    ).userId;
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

  it('knows the same State codes as the member_states table', async () => {
    // The contracts refuse unknown codes before SQL; they must not refuse a known one.
    const rows = await ownerQuery<{ alpha3: string }>(
      app,
      'select alpha3 from member_states order by alpha3',
    );
    expect(rows.map((row) => row.alpha3)).toEqual([...MEMBER_STATE_CODES]);
  });

  describe('the cases an outside test answered with 500', () => {
    const event = (extra: Record<string, unknown> = {}) => ({
      type: 'national_workshop',
      title: 'Bad input workshop',
      thematicAreas: ['propaganda'],
      format: 'in_person',
      venue: { name: 'Palais', city: 'Geneva', countryAlpha3: 'CHE' },
      startsAt: '2030-03-01T09:00:00Z',
      endsAt: '2030-03-01T17:00:00Z',
      timeZone: 'Europe/Zurich',
      workingLanguages: ['en'],
      responsibleOfficerId: adminId,
      ...extra,
    });
    const titles = async () =>
      ((await admin.get('/api/t/acme/events?limit=100')).body.items as { title: string }[]).map(
        (e) => e.title,
      );

    it('refuses a NUL or another control character in a text field, before SQL', async () => {
      for (const title of ['Nul\u0000title', 'Bell\u0007title', 'Line\nbreak']) {
        const response = await admin.post('/api/t/acme/events', event({ title }));
        expectProblem(response, 400);
        expect(response.body.type).toBe('/problems/validation');
        expect(response.body.errors[0].path).toBe('title');
      }
      expectProblem(
        await admin.post('/api/t/acme/events', event({ description: 'tab\tand\nnewline\u0000' })),
        400,
      );
      expectProblem(await admin.patch('/api/me', { name: 'Ad\u0000min' }), 400);
      expectProblem(await admin.get('/api/t/acme/events?q=a%00b'), 400);
      expectProblem(await admin.get('/api/t/acme/members?q=%00'), 400);
      expectProblem(await admin.get('/api/member-states?q=%00'), 400);
      expect(await titles()).toEqual([]);
    });

    it('refuses an unknown venue country and host State at the contract, and stores neither', async () => {
      const venue = await admin.post(
        '/api/t/acme/events',
        event({ venue: { name: 'Nowhere', city: 'Nowhere', countryAlpha3: 'ZZZ' } }),
      );
      expectProblem(venue, 400);
      expect(venue.body.errors[0].path).toBe('venue.countryAlpha3');
      const hosts = await admin.post('/api/t/acme/events', event({ hostStates: ['KEN', 'ZZZ'] }));
      expectProblem(hosts, 400);
      expect(hosts.body.errors[0].path).toBe('hostStates.1');
      expect(await titles()).toEqual([]);

      const made = await admin.post('/api/t/acme/events', event({ hostStates: ['KEN'] }));
      expect(made.status).toBe(201);
      const update = await admin.put(`/api/t/acme/events/${made.body.id}`, {
        ...event({ hostStates: ['ZZZ'] }),
        version: made.body.version,
      });
      expectProblem(update, 400);
      const stored = await admin.get(`/api/t/acme/events/${made.body.id}`);
      expect(stored.body.hostStates).toEqual(['KEN']);
      expectProblem(await admin.get('/api/t/acme/events?country=ZZZ'), 400);
    });

    it('refuses impossible and far-off dates in bodies and filters', async () => {
      for (const startsAt of [
        '0000-01-01T00:00:00Z',
        '2026-02-30T10:00:00Z',
        '+275760-09-13T00:00:00Z',
        '1066-10-14T09:00:00Z',
      ]) {
        const response = await admin.post('/api/t/acme/events', event({ startsAt }));
        expectProblem(response, 400);
        expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('startsAt');
      }
      for (const date of [
        '2026-02-30',
        '2026-02-30T00:00:00Z',
        '0000-01-01T00:00:00Z',
        '%2B275760-09-13T00:00:00Z',
      ]) {
        expectProblem(await admin.get(`/api/t/acme/events?from=${date}`), 400);
        expectProblem(await admin.get(`/api/t/acme/events?to=${date}`), 400);
      }
    });

    it('answers 400 invalid-cursor to a cursor holding year 0000 or 30 February', async () => {
      for (const instant of [
        '0000-01-01 00:00:00+00',
        '2026-02-30 10:00:00+00',
        '275760-09-13 00:00:00+00',
        '2026-01-01 10:00:00+00\u0000',
      ]) {
        const after = encodeCursor([instant, '00000000-0000-4000-8000-000000000000']);
        for (const path of [
          '/api/t/acme/events',
          '/api/t/acme/audit-log',
          '/api/t/acme/invitations',
          '/api/t/acme/mail',
          '/api/public/acme/events',
        ]) {
          const response = await admin.get(`${path}?after=${after}`);
          expectProblem(response, 400);
          expect({ path, instant, type: response.body.type }).toEqual({
            path,
            instant,
            type: '/problems/invalid-cursor',
          });
        }
      }
      const member = encodeCursor(['a\u0000b', '00000000-0000-4000-8000-000000000000']);
      expectProblem(await admin.get(`/api/t/acme/members?after=${member}`), 400);
    });

    it('answers 404 problem+json to a NUL in a path parameter', async () => {
      for (const path of [
        '/api/t/acme/events/%00',
        '/api/t/acme/events/00000000-0000-4000-8000-000000000000%00/agenda',
        '/api/t/acme%00/events',
        '/api/public/acme%00/events',
        '/api/public/%00/events.ics',
        '/api/calendar/%00aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/events.ics',
        '/api/auth/invitations/%00aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      ]) {
        expectProblem(await admin.get(path), 404);
      }
    });
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

/**
 * For every route: a well-formed request with one hostile value in one place
 * (a NUL or another control character in each text field, query parameter and
 * path parameter, an impossible date, an unknown State), so the bad value is
 * the only thing wrong. Never a 5xx; every 4xx is problem+json.
 */
describe('hostile values in every field of every route', () => {
  let app: TestApp;
  let adminId: string;

  const UUID = '00000000-0000-4000-8000-000000000000';
  const TOKEN = 'a'.repeat(43);
  const IMPOSSIBLE_INSTANTS = [
    '0000-01-01T00:00:00Z',
    '2026-02-30T10:00:00Z',
    '+275760-09-13T00:00:00Z',
    '1850-01-01T00:00:00Z',
  ];

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    const ds = app.running.databases.app;
    const tenant = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    adminId = (
      await addMember(ds, tenant, {
        email: 'admin@acme.example',
        name: 'Admin',
        password: PASSWORD,
        role: 'tenant_admin',
      })
    ).userId;
  });

  afterAll(() => app.close());

  const event = () => ({
    type: 'national_workshop',
    title: 'Workshop',
    summary: 'About it',
    description: 'Long\ntext',
    thematicAreas: ['propaganda'],
    targetAudiences: ['judges'],
    format: 'hybrid',
    venue: { name: 'Palais', city: 'Geneva', countryAlpha3: 'CHE' },
    meetingLink: 'https://meet.example.org/abc',
    startsAt: '2030-03-01T09:00:00Z',
    endsAt: '2030-03-01T17:00:00Z',
    timeZone: 'Europe/Zurich',
    workingLanguages: ['en'],
    capacity: 30,
    hostStates: ['KEN'],
    organisers: ['UNODC'],
    partnerOrganisations: ['OSCE'],
    responsibleOfficerId: adminId,
    isPublic: true,
  });
  const session = {
    title: 'Opening',
    description: 'Welcome',
    startsAt: '2030-03-01T09:00:00Z',
    endsAt: '2030-03-01T10:00:00Z',
    room: 'Room A',
    guestSpeakers: ['Guest'],
  };

  /** A body each route accepts in shape; routes without one take `{}`. */
  const sampleBody = (key: RouteKey): Record<string, unknown> => {
    const bodies: Partial<Record<RouteKey, Record<string, unknown>>> = {
      'POST /api/auth/login': { email: 'admin@acme.example', password: 'wrong password' },
      'POST /api/auth/password-reset': { email: 'nobody@acme.example' },
      'POST /api/auth/password-reset/complete': { token: TOKEN, password: 'a new passphrase' },
      'POST /api/auth/invitations/accept': {
        token: TOKEN,
        name: 'Invitee',
        password: 'a new passphrase',
        preferredLanguage: 'fr',
      },
      'PATCH /api/me': { name: 'Admin', preferredLanguage: 'en', mutedMailKinds: ['admin_digest'] },
      'POST /api/me/password': { currentPassword: 'wrong password', newPassword: 'a passphrase 2' },
      'PUT /api/me/last-tenant': { tenant: 'acme' },
      'PATCH /api/t/:tenant/members/:membershipId': {
        role: 'focal_point',
        memberStateAlpha3: 'KEN',
      },
      'POST /api/t/:tenant/invitations': {
        email: 'fp@acme.example',
        role: 'focal_point',
        memberStateAlpha3: 'KEN',
      },
      'POST /api/t/:tenant/events': event(),
      'PUT /api/t/:tenant/events/:eventId': { ...event(), version: 1 },
      'POST /api/t/:tenant/events/:eventId/transitions': {
        action: 'postpone',
        reason: 'Weather',
        startsAt: '2030-04-01T09:00:00Z',
        endsAt: '2030-04-01T17:00:00Z',
      },
      'POST /api/t/:tenant/events/:eventId/agenda': session,
      'PUT /api/t/:tenant/events/:eventId/agenda/:sessionId': session,
      'PUT /api/t/:tenant/events/:eventId/agenda/order': { sessionIds: [UUID] },
      'POST /api/t/:tenant/mail/retry': {
        status: 'failed',
        kind: 'invitation',
        createdFrom: '2030-01-01T00:00:00Z',
        createdTo: '2030-02-01T00:00:00Z',
      },
    };
    return bodies[key] ?? {};
  };

  /** Every string in a body with its path, array items included. */
  const stringLeaves = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
    if (typeof value === 'string') return [path];
    if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
    return [];
  };
  const withValue = (body: unknown, path: (string | number)[], value: unknown): unknown => {
    const copy = structuredClone(body) as Record<string | number, unknown>;
    let at = copy;
    for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
    at[path[path.length - 1] as string | number] = value;
    return copy;
  };
  const hostileValues = (path: (string | number)[], original: string): string[] => {
    const values = [`${original}\u0000`, `\u0000${original}`, `${original}\u001b[31m`];
    if (/^\d{4}-\d{2}-\d{2}T/.test(original)) values.push(...IMPOSSIBLE_INSTANTS);
    if (path.includes('hostStates') || /Alpha3$/.test(String(path[path.length - 1])))
      values.push('ZZZ', 'zzz');
    return values;
  };

  const QUERY_KEYS = [
    'after',
    'limit',
    'q',
    'role',
    'status',
    'type',
    'thematicArea',
    'region',
    'country',
    'from',
    'to',
    'sort',
    'lang',
  ];
  const QUERY_VALUES = [
    '%00',
    'a%00b',
    'ZZZ',
    ...IMPOSSIBLE_INSTANTS.map(encodeURIComponent),
    encodeURIComponent(encodeCursor(['0000-01-01 00:00:00+00', UUID])),
    encodeURIComponent(encodeCursor(['2026-02-30 00:00:00+00', UUID])),
  ];
  const PARAM_VALUES = ['%00', 'a%00b', `${UUID}%00`, `%00${UUID}`, `${TOKEN}%00`];

  const expectNo5xx = (
    what: Record<string, unknown>,
    response: { status: number; headers: Headers },
  ) => {
    const problem = /^application\/problem\+json/.test(response.headers.get('content-type') ?? '');
    expect({
      ...what,
      answer:
        response.status >= 500
          ? response.status
          : response.status >= 400 && !problem
            ? `${response.status} without problem+json`
            : 'fine',
    }).toEqual({ ...what, answer: 'fine' });
  };

  it.each(Object.keys(ROUTE_ACCESS) as RouteKey[])('%s', async (key) => {
    const [method, template] = key.split(' ') as [string, string];
    const admin = await app.client().signIn('admin@acme.example', PASSWORD);
    const hasBody = method !== 'GET' && method !== 'DELETE';
    const send = (path: string, body?: unknown) =>
      admin.request(method, path, hasBody ? { body: body ?? sampleBody(key) } : {});
    const path = template
      .replace(':tenant', 'acme')
      .replace(/:(token)/, TOKEN)
      .replace(/:\w+/g, UUID);

    // Path parameters, one at a time.
    for (const param of template.match(/:\w+/g) ?? []) {
      for (const value of [...PARAM_VALUES, 'acme%00']) {
        const hostile = template
          .replace(param, value)
          .replace(':tenant', 'acme')
          .replace(/:(token)/, TOKEN)
          .replace(/:\w+/g, UUID);
        const response = await send(hostile);
        expectNo5xx({ key, param, value }, response);
        expect({ key, param, value, ok: response.status >= 400 }).toEqual({
          key,
          param,
          value,
          ok: true,
        });
      }
    }

    // Query parameters, one at a time.
    if (method === 'GET') {
      for (const name of QUERY_KEYS) {
        for (const value of QUERY_VALUES) {
          expectNo5xx({ key, name, value }, await send(`${path}?${name}=${value}`));
        }
      }
    }

    // Each string of the body, one at a time: a bad value there is a 400 validation problem.
    if (hasBody) {
      const body = sampleBody(key);
      for (const leaf of stringLeaves(body)) {
        const original = leaf.reduce<unknown>(
          (at, step) => (at as Record<string | number, unknown>)[step],
          body,
        ) as string;
        for (const value of hostileValues(leaf, original)) {
          const response = await send(path, withValue(body, leaf, value));
          expectNo5xx({ key, leaf: leaf.join('.'), value }, response);
          expect({ key, leaf: leaf.join('.'), value, status: response.status }).toEqual({
            key,
            leaf: leaf.join('.'),
            value,
            status: 400,
          });
        }
      }
    }
  });
});
