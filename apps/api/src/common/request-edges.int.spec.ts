import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'edges of the request';

/** Sends exactly the request line and headers given, as an attacker's tool would. */
function rawRequest(
  baseUrl: string,
  method: string,
  target: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: hostname, port, method, path: target, headers, setHost: true },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text }),
        );
      },
    );
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

const cookieHeader = (cookies: string[]) =>
  cookies.map((cookie) => cookie.split(';')[0]).join('; ');

/** An app on a fresh database with one person in the tenant `acme`. */
async function appWithOnePerson(
  env: Record<string, string>,
  person: { email: string; role: 'tenant_admin' | 'expert' },
): Promise<TestApp> {
  const app = await startTestApp({ env });
  const tenant = await createTenant(app.running.databases.app, { slug: 'acme', name: 'Acme' });
  await addMember(app.running.databases.app, tenant, {
    ...person,
    name: person.email,
    password: PASSWORD,
  });
  return app;
}

describe('the edges of a request: path spellings, bodies, origins, proxies', () => {
  let app: TestApp;
  let officer: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10' } });
    const ds = app.running.databases.app;
    const tenant = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    for (const name of ['officer', 'victim', 'other']) {
      await addMember(ds, tenant, {
        email: `${name}@acme.example`,
        name,
        password: PASSWORD,
        role: 'programme_officer',
      });
    }
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  /** The session cookie of a signed-in person, without the CSRF pair. */
  const sessionOnly = async () => {
    const response = await app.client().post('/api/auth/login', {
      email: 'officer@acme.example',
      password: PASSWORD,
    });
    const session = response.headers.getSetCookie().find((c) => c.startsWith('convene_session='));
    if (!session) throw new Error('no session cookie');
    return cookieHeader([session]);
  };

  describe('CSRF', () => {
    it.each([
      ['a percent-encoded path', '/%61pi/me'],
      ['an absolute-form target', 'ABSOLUTE'],
      ['a doubled slash', '//api/me'],
      ['an upper-case path', '/API/me'],
    ])('refuses an unsafe method without the token whatever the path: %s', async (_, target) => {
      const cookie = await sessionOnly();
      const path = target === 'ABSOLUTE' ? `${app.baseUrl}/api/me` : target;
      const response = await rawRequest(
        app.baseUrl,
        'PATCH',
        path,
        { cookie, 'content-type': 'application/json' },
        JSON.stringify({ name: 'Renamed by an attacker' }),
      );
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.status).not.toBe(200);
      const me = await officer.get('/api/me');
      expect(me.body.name).toBe('officer');
    });

    it('refuses a request from another origin even with a valid token pair', async () => {
      const response = await officer.request('PATCH', '/api/me', {
        body: { name: 'From evil' },
        headers: { origin: 'https://evil.example' },
      });
      expect(response.status).toBe(403);
      expect(response.body.type).toBe('/problems/csrf');
      const crossSite = await officer.request('PATCH', '/api/me', {
        body: { name: 'From evil' },
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect(crossSite.status).toBe(403);
      expect((await officer.get('/api/me')).body.name).toBe('officer');
    });

    it('accepts a same-origin request from the browser', async () => {
      const response = await officer.request('PATCH', '/api/me', {
        body: { name: 'officer' },
        headers: { origin: app.baseUrl, 'sec-fetch-site': 'same-origin' },
      });
      expect(response.status).toBe(200);
    });

    it('binds the token to the session: a token issued to another session is refused', async () => {
      const attacker = await app.client().signIn('other@acme.example', PASSWORD);
      const attackerToken = attacker.cookie('XSRF-TOKEN');
      const victimSession = await sessionOnly();
      const response = await rawRequest(
        app.baseUrl,
        'PATCH',
        '/api/me',
        {
          cookie: `${victimSession}; XSRF-TOKEN=${attackerToken}`,
          'x-xsrf-token': decodeURIComponent(attackerToken ?? ''),
          'content-type': 'application/json',
        },
        JSON.stringify({ name: 'Planted' }),
      );
      expect(response.status).toBe(403);
    });

    it('gives a new token with a new session, and the old one stops working', async () => {
      const client = app.client();
      await client.get('/api/health');
      const anonymous = client.cookie('XSRF-TOKEN');
      await client.signIn('officer@acme.example', PASSWORD);
      const signedIn = client.cookie('XSRF-TOKEN');
      expect(signedIn).toBeDefined();
      expect(signedIn).not.toBe(anonymous);
      expect((await client.patch('/api/me', { name: 'officer' })).status).toBe(200);
    });
  });

  describe('what the HTTP parser refuses', () => {
    /** Writes bytes straight to the socket and reads what comes back. */
    const onSocket = (bytes: string) =>
      new Promise<string>((resolve) => {
        const { hostname, port } = new URL(app.baseUrl);
        const socket = connect(Number(port), hostname, () => socket.write(bytes));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('close', () => resolve(answer));
      });

    it.each([
      [
        'a request both chunked and with a length (smuggling)',
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n',
        400,
      ],
      ['a NUL in the request line', 'GET /api/me\u0000 HTTP/1.1\r\nHost: x\r\n\r\n', 400],
      [
        'headers over the limit',
        `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        431,
      ],
    ])('answers %s with problem+json', async (_, bytes, status) => {
      const answer = await onSocket(bytes);
      expect(answer).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(answer).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/i);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status });
    });

    it('refuses a prototype-polluting body', async () => {
      const response = await officer.request('PATCH', '/api/me', {
        rawBody: '{"__proto__":{"role":"tenant_admin"},"name":"p"}',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });

  describe('request bodies', () => {
    it('refuses a form-encoded sign-in, even with a valid CSRF pair (415)', async () => {
      const client = app.client();
      const response = await client.request('POST', '/api/auth/login', {
        rawBody: `email=officer%40acme.example&password=${encodeURIComponent(PASSWORD)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.headers.getSetCookie().some((c) => c.startsWith('convene_session='))).toBe(
        false,
      );
    });

    it('refuses a form-encoded sign-in sent cross-site by path spelling', async () => {
      const response = await rawRequest(
        app.baseUrl,
        'POST',
        '/%61pi/auth/login',
        {
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        `email=officer%40acme.example&password=${encodeURIComponent(PASSWORD)}`,
      );
      expect([403, 415]).toContain(response.status);
      expect(String(response.headers['set-cookie'] ?? '')).not.toMatch(/convene_session=/);
    });

    it.each(['text/plain', 'multipart/form-data; boundary=x', 'application/xml'])(
      'refuses a %s body with 415',
      async (type) => {
        const response = await officer.request('PATCH', '/api/me', {
          rawBody: '{"name":"x"}',
          headers: { 'content-type': type },
        });
        expect(response.status).toBe(415);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      },
    );
  });

  it('ignores a forged X-Forwarded-For: no trusted proxy is configured by default', async () => {
    const attempt = (password: string, forwardedFor?: string) =>
      app.client().request('POST', '/api/auth/login', {
        body: { email: 'victim@acme.example', password },
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
      });
    for (let i = 0; i < 10; i++) await attempt('wrong ' + i);
    expect((await attempt('wrong again')).status).toBe(429);
    const forged = await attempt(PASSWORD, '203.0.113.7');
    expect(forged.status).toBe(429);
    expect(forged.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(forged.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('the sign-in limiter behind a trusted proxy', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await appWithOnePerson(
      { LOGIN_RATE_LIMIT: '4', LOGIN_RATE_LIMIT_PER_ADDRESS: '6', TRUST_PROXY: '127.0.0.1' },
      { email: 'victim@acme.example', role: 'expert' },
    );
  });

  afterAll(() => app.close());

  const attempt = (email: string, password: string, address: string) =>
    app.client().request('POST', '/api/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': address },
    });

  it('limits one account however many addresses the attempts come from', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await attempt('victim@acme.example', 'guess ' + i, `198.51.100.${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('limits one address however many accounts it tries', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await attempt(`nobody${i}@acme.example`, 'guess', '192.0.2.50')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
    // Another address is not held up by it.
    expect((await attempt('someone@acme.example', 'guess', '192.0.2.51')).status).toBe(401);
  });
});

describe('in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await appWithOnePerson(
      { NODE_ENV: 'production', APP_URL: 'https://convene.example' },
      { email: 'admin@acme.example', role: 'tenant_admin' },
    );
  });

  afterAll(() => app.close());

  it('sets Secure cookies and HSTS, and serves no development mail', async () => {
    const client = app.client();
    const health = await client.get('/api/health');
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(health.headers.getSetCookie().find((c) => c.startsWith('XSRF-TOKEN='))).toMatch(
      /;\s*Secure/i,
    );
    const login = await client.post('/api/auth/login', {
      email: 'admin@acme.example',
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie();
    for (const name of ['convene_session=', 'XSRF-TOKEN=']) {
      expect(cookies.find((c) => c.startsWith(name))).toMatch(/;\s*Secure/i);
    }
    expect(app.running.devMail).toBeNull();
    expect((await client.get('/dev/mail/messages')).status).toBe(404);
  });
});

describe('the general request limiter', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await appWithOnePerson(
      { API_RATE_LIMIT: '5' },
      { email: 'admin@acme.example', role: 'tenant_admin' },
    );
  });

  afterAll(() => app.close());

  it('counts a signed-in person by session, apart from the address they share', async () => {
    const person = await app.client().signIn('admin@acme.example', PASSWORD);
    // Signing in took two of the address's requests; the session has its own allowance.
    expect((await person.get('/api/me')).status).toBe(200);
    expect((await person.get('/api/me')).headers.get('ratelimit-remaining')).toBe('3');
  });
  it('sends the RateLimit headers and refuses a caller past the limit, whatever the path', async () => {
    const client = app.client();
    const first = await client.get('/api/health');
    expect(first.headers.get('ratelimit-limit')).toBe('5');
    const left = Number(first.headers.get('ratelimit-remaining'));
    expect(left).toBeLessThan(5);
    expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    const spellings = ['/%61pi/health', '/api/no-such-route', '/API/health', '/api/health'];
    for (let i = 0; i < left; i++) await client.get(spellings[i % spellings.length] ?? '/');
    const refused = await client.get('/api/health');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body.type).toBe('/problems/rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
