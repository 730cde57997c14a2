import { ROLES, type Role } from '@convene/contracts';
import { can, isPermission } from '@convene/domain';
import { addMember, createTenant, inviteToTenant } from '../tenants/tenant-provisioning';
import { newToken } from '../auth/secrets';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { ROUTE_ACCESS, type RouteKey } from './route-access';

const PASSWORD = 'matrix passphrase 2026';

/** A real request for a route, built fresh for each call (some calls spend what they use). */
type Recipe = (
  world: World,
  tenant: 'alpha' | 'beta',
) => Promise<{ path: Record<string, string>; body?: unknown }>;

interface World {
  app: TestApp;
  tenants: { alpha: string; beta: string };
  /** A membership of an expert, to read and change. */
  subject: { alpha: string; beta: string };
  invite(tenant: 'alpha' | 'beta'): Promise<{ id: string; token: string }>;
  /** A planned event hosted by Kenya, where the tenant's expert speaks: every role sees it. */
  event(tenant: 'alpha' | 'beta'): Promise<string>;
  /** The same, with the id of its one agenda session. */
  eventWithSession(tenant: 'alpha' | 'beta'): Promise<{ eventId: string; sessionId: string }>;
  /** A valid new event for the tenant. */
  eventBody(tenant: 'alpha' | 'beta'): Promise<Record<string, unknown>>;
  /** The token of the alpha expert's private calendar feed. */
  feedToken(): Promise<string>;
  /** An outbox row the server refused to deliver, to retry or cancel. */
  failedMail(tenant: 'alpha' | 'beta'): Promise<string>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

const RECIPES: Record<RouteKey, Recipe> = {
  'GET /api/health': async () => ({ path: {} }),
  'GET /api/auth/session': async () => ({ path: {} }),
  'POST /api/auth/login': async () => ({
    path: {},
    body: { email: 'admin@alpha.example', password: PASSWORD },
  }),
  'POST /api/auth/logout': async () => ({ path: {} }),
  'POST /api/auth/password-reset': async () => ({
    path: {},
    body: { email: 'nobody@alpha.example' },
  }),
  'POST /api/auth/password-reset/complete': async () => ({
    path: {},
    body: { token: 'x'.repeat(43), password: 'whatever long enough' },
  }),
  'GET /api/auth/invitations/:token': async (world, tenant) => ({
    path: { token: (await world.invite(tenant)).token },
  }),
  'POST /api/auth/invitations/accept': async (world, tenant) => ({
    path: {},
    body: {
      token: (await world.invite(tenant)).token,
      name: 'New Person',
      password: 'a long new passphrase',
    },
  }),
  'GET /api/me': async () => ({ path: {} }),
  'PATCH /api/me': async () => ({ path: {}, body: { preferredLanguage: 'en' } }),
  'POST /api/me/password': async () => ({
    path: {},
    body: { currentPassword: PASSWORD, newPassword: PASSWORD },
  }),
  'PUT /api/me/last-tenant': async () => ({ path: {}, body: { tenant: 'alpha' } }),
  'GET /api/member-states': async () => ({ path: {} }),
  'GET /api/me/calendar-feed': async () => ({ path: {} }),
  'POST /api/me/calendar-feed': async () => ({ path: {} }),
  'DELETE /api/me/calendar-feed': async () => ({ path: {} }),
  'GET /api/calendar/:token/events.ics': async (world) => ({
    path: { token: await world.feedToken() },
  }),
  'GET /api/public/:slug/events': async () => ({ path: { slug: 'alpha' } }),
  'GET /api/public/:slug/events.ics': async () => ({ path: { slug: 'alpha' } }),
  'GET /api/t/:tenant': async () => ({ path: {} }),
  'GET /api/t/:tenant/members': async () => ({ path: {} }),
  'GET /api/t/:tenant/members/:membershipId': async (world, tenant) => ({
    path: { membershipId: world.subject[tenant] },
  }),
  'PATCH /api/t/:tenant/members/:membershipId': async (world, tenant) => ({
    path: { membershipId: world.subject[tenant] },
    body: { role: 'expert' },
  }),
  'POST /api/t/:tenant/members/:membershipId/deactivate': async (world, tenant) => ({
    path: { membershipId: world.subject[tenant] },
  }),
  'POST /api/t/:tenant/members/:membershipId/reactivate': async (world, tenant) => ({
    path: { membershipId: world.subject[tenant] },
  }),
  'GET /api/t/:tenant/invitations': async () => ({ path: {} }),
  'POST /api/t/:tenant/invitations': async () => ({
    path: {},
    body: { email: `new-${unique()}@example.org`, role: 'expert' },
  }),
  'DELETE /api/t/:tenant/invitations/:invitationId': async (world, tenant) => ({
    path: { invitationId: (await world.invite(tenant)).id },
  }),
  'GET /api/t/:tenant/audit-log': async () => ({ path: {} }),
  'GET /api/t/:tenant/events': async () => ({ path: {} }),
  'POST /api/t/:tenant/events': async (world, tenant) => ({
    path: {},
    body: await world.eventBody(tenant),
  }),
  'GET /api/t/:tenant/events/:eventId': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
  }),
  'PUT /api/t/:tenant/events/:eventId': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
    body: { ...(await world.eventBody(tenant)), version: 1 },
  }),
  'POST /api/t/:tenant/events/:eventId/duplicate': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
  }),
  'POST /api/t/:tenant/events/:eventId/transitions': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
    body: { action: 'open_nominations' },
  }),
  'GET /api/t/:tenant/events/:eventId/calendar.ics': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
  }),
  'GET /api/t/:tenant/events/:eventId/agenda': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
  }),
  'POST /api/t/:tenant/events/:eventId/agenda': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
    body: { title: 'Panel', startsAt: '2027-05-10T08:00:00Z', endsAt: '2027-05-10T09:00:00Z' },
  }),
  'PUT /api/t/:tenant/events/:eventId/agenda/order': async (world, tenant) => {
    const { eventId, sessionId } = await world.eventWithSession(tenant);
    return { path: { eventId }, body: { sessionIds: [sessionId] } };
  },
  'PUT /api/t/:tenant/events/:eventId/agenda/:sessionId': async (world, tenant) => ({
    path: await world.eventWithSession(tenant),
    body: { title: 'Renamed', startsAt: '2027-05-10T08:00:00Z', endsAt: '2027-05-10T09:00:00Z' },
  }),
  'DELETE /api/t/:tenant/events/:eventId/agenda/:sessionId': async (world, tenant) => ({
    path: await world.eventWithSession(tenant),
  }),
  'GET /api/t/:tenant/mail': async () => ({ path: {} }),
  'GET /api/t/:tenant/mail/counts': async () => ({ path: {} }),
  'POST /api/t/:tenant/mail/retry': async (world, tenant) => {
    await world.failedMail(tenant);
    return { path: {}, body: { status: 'failed' } };
  },
  'POST /api/t/:tenant/mail/:messageId/retry': async (world, tenant) => ({
    path: { messageId: await world.failedMail(tenant) },
  }),
  'POST /api/t/:tenant/mail/:messageId/cancel': async (world, tenant) => ({
    path: { messageId: await world.failedMail(tenant) },
  }),
};

/** Public routes answer by design; these are the statuses their sample calls must get. */
const PUBLIC_EXPECTED: Partial<Record<RouteKey, number>> = {
  'POST /api/auth/password-reset/complete': 404,
};

describe('the isolation and role matrix', () => {
  let world: World;
  let app: TestApp;
  const clients = new Map<string, ApiClient>();
  const emails = {
    alpha: {
      tenant_admin: 'admin@alpha.example',
      programme_officer: 'officer@alpha.example',
      focal_point: 'focal@alpha.example',
      expert: 'expert@alpha.example',
    } as Record<Role, string>,
    beta: 'admin@beta.example',
  };

  const as = async (email: string | null): Promise<ApiClient> => {
    if (!email) return app.client();
    const existing = clients.get(email);
    if (existing) return existing;
    const client = await app.client().signIn(email, PASSWORD);
    clients.set(email, client);
    return client;
  };

  const call = async (
    key: RouteKey,
    client: ApiClient,
    urlTenant: 'alpha' | 'beta',
    idsFrom: 'alpha' | 'beta',
  ) => {
    const [method, template] = key.split(' ') as [string, string];
    const recipe = await RECIPES[key](world, idsFrom);
    const path = template
      .replace(':tenant', urlTenant)
      .replace(/:(\w+)/g, (_, name: string) =>
        encodeURIComponent(recipe.path[name] ?? `missing-${name}`),
      );
    return client.request(
      method,
      path,
      method === 'GET' || method === 'DELETE' ? {} : { body: recipe.body ?? {} },
    );
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    const ds = app.running.databases.app;
    const alpha = await createTenant(ds, { slug: 'alpha', name: 'Alpha' });
    const beta = await createTenant(ds, { slug: 'beta', name: 'Beta' });
    for (const role of ROLES) {
      await addMember(ds, alpha, {
        email: emails.alpha[role],
        name: `Alpha ${role}`,
        password: PASSWORD,
        role,
        memberStateAlpha3: role === 'focal_point' ? 'KEN' : null,
      });
    }
    await addMember(ds, beta, {
      email: emails.beta,
      name: 'Beta admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    const subjectAlpha = await addMember(ds, alpha, {
      email: 'subject@alpha.example',
      name: 'Subject A',
      password: PASSWORD,
      role: 'expert',
    });
    const subjectBeta = await addMember(ds, beta, {
      email: 'subject@beta.example',
      name: 'Subject B',
      password: PASSWORD,
      role: 'expert',
    });
    const userId = async (email: string) => {
      const [user] = (await ownerQuery(app, `select id from users where email = $1`, [email])) as {
        id: string;
      }[];
      if (!user) throw new Error(`no user ${email}`);
      return user.id;
    };
    world = {
      app,
      tenants: { alpha, beta },
      subject: { alpha: subjectAlpha.membershipId, beta: subjectBeta.membershipId },
      invite: async (tenant) => {
        const token = await inviteToTenant(ds, world.tenants[tenant], {
          email: `invitee-${unique()}@example.org`,
          role: 'expert',
          ttlMs: 3_600_000,
        });
        const admin = await as(tenant === 'alpha' ? emails.alpha.tenant_admin : emails.beta);
        const list = await admin.get(`/api/t/${tenant}/invitations?limit=1`);
        return { id: list.body.items[0].id as string, token };
      },
      eventBody: async (tenant) => ({
        type: 'national_workshop',
        title: `Workshop ${unique()}`,
        thematicAreas: ['financing'],
        format: 'in_person',
        venue: { name: 'UN Gigiri', city: 'Nairobi', countryAlpha3: 'KEN' },
        startsAt: '2027-05-10T06:00:00Z',
        endsAt: '2027-05-12T14:00:00Z',
        timeZone: 'Africa/Nairobi',
        workingLanguages: ['en'],
        hostStates: ['KEN'],
        responsibleOfficerId: await userId(
          tenant === 'alpha' ? emails.alpha.programme_officer : emails.beta,
        ),
      }),
      event: async (tenant) => (await world.eventWithSession(tenant)).eventId,
      eventWithSession: async (tenant) => {
        const speaker = await userId(
          tenant === 'alpha' ? emails.alpha.expert : 'subject@beta.example',
        );
        return inTransaction(ds, { tenantId: world.tenants[tenant] }, async (m) => {
          const [event] = await sql<{ id: string }>(
            m,
            `insert into events (tenant_id, type, title, thematic_areas, format, venue_name,
                                 venue_city, venue_country, starts_at, ends_at, time_zone,
                                 working_languages, host_states, status)
             values ($1, 'national_workshop', $2, '{financing}', 'in_person', 'UN Gigiri',
                     'Nairobi', 'KEN', '2027-05-10T06:00:00Z', '2027-05-12T14:00:00Z',
                     'Africa/Nairobi', '{en}', '{KEN}', 'planned')
             returning id`,
            [world.tenants[tenant], `Event ${unique()}`],
          );
          if (!event) throw new Error('no event');
          const [session] = await sql<{ id: string }>(
            m,
            `insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at,
                                          speaker_user_ids)
             values ($1, $2, 1, 'Opening', '2027-05-10T06:00:00Z', '2027-05-10T07:00:00Z',
                     array[$3::uuid])
             returning id`,
            [world.tenants[tenant], event.id, speaker],
          );
          if (!session) throw new Error('no session');
          return { eventId: event.id, sessionId: session.id };
        });
      },
      feedToken: async () => {
        const { token, hash } = newToken();
        await ownerQuery(
          app,
          `insert into calendar_feeds (user_id, token_hash) values ($1, $2)
           on conflict (user_id) do update set token_hash = excluded.token_hash`,
          [await userId(emails.alpha.expert), hash],
        );
        return token;
      },
      failedMail: async (tenant) => {
        const [row] = await inTransaction(ds, { tenantId: world.tenants[tenant] }, (m) =>
          sql<{ id: string }>(
            m,
            `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status, attempts, last_error)
             values ($1, 'password_reset', $2, 'en', $3, 'failed', 1, '550 mailbox unavailable')
             returning id`,
            [
              world.tenants[tenant],
              `gone-${unique()}@example.org`,
              JSON.stringify({
                kind: 'password_reset',
                name: 'Gone',
                link: 'https://x.example/r',
                minutes: 60,
              }),
            ],
          ),
        );
        if (!row) throw new Error('no outbox row');
        return row.id;
      },
    };
  });

  afterAll(() => app.close());

  /**
   * What only the given tenant holds: its id, the ids of its rows, the emails and ids of people
   * who belong to it alone, and its URLs. Read at the moment of the check, since recipes keep
   * adding rows.
   */
  const markersOf = async (tenant: 'alpha' | 'beta'): Promise<string[]> => {
    const rows = await ownerQuery<{ marker: string }>(
      app,
      `select id::text as marker from tenants where id = $1
       union all select id::text from events where tenant_id = $1
       union all select id::text from agenda_sessions where tenant_id = $1
       union all select id::text from memberships where tenant_id = $1
       union all select id::text from invitations where tenant_id = $1
       union all select email from invitations where tenant_id = $1
       union all select id::text from mail_outbox where tenant_id = $1
       union all select id::text from audit_log where tenant_id = $1
       union all select unnest(array[u.id::text, u.email]) from users u
        where exists (select from memberships m where m.user_id = u.id and m.tenant_id = $1)
          and not exists (select from memberships o where o.user_id = u.id and o.tenant_id <> $1)`,
      [world.tenants[tenant]],
    );
    return [...rows.map((row) => row.marker), `/t/${tenant}/`, `/public/${tenant}`];
  };

  /** Bodies, not only statuses: an answer given in one tenant names nothing of the other. */
  const expectNothingOf = async (
    tenant: 'alpha' | 'beta',
    key: string,
    response: { text: string },
  ) => {
    const leaked = (await markersOf(tenant)).filter((marker) => response.text.includes(marker));
    expect({ key, leaked }).toEqual({ key, leaked: [] });
  };

  it('has an entry for every route the server registers, and no stale ones', () => {
    const registered = app.running.routes
      .filter(
        (route) =>
          /^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(route) && !route.includes('/api/docs'),
      )
      .sort();
    expect(registered).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  const tenantRoutes = (Object.keys(ROUTE_ACCESS) as RouteKey[]).filter((key) =>
    key.includes('/api/t/:tenant'),
  );
  const globalRoutes = (Object.keys(ROUTE_ACCESS) as RouteKey[]).filter(
    (key) => !key.includes('/api/t/:tenant'),
  );

  describe.each(tenantRoutes)('%s', (key) => {
    const permission = ROUTE_ACCESS[key];

    it('answers 401 without a session, 404 to another tenant, and succeeds for an allowed member', async () => {
      if (!isPermission(permission)) throw new Error(`${key} must require a permission`);
      const anonymous = await call(key, await as(null), 'alpha', 'alpha');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toMatch(/problem\+json/);

      // A member of beta naming alpha in the URL: alpha does not exist for them.
      const foreignTenant = await call(key, await as(emails.beta), 'alpha', 'alpha');
      expect(foreignTenant.status).toBe(404);

      // A member of beta, in beta, with alpha's ids: the rows do not exist for them.
      if (key.includes('/:') && key.split('/:').length > 2) {
        const foreignId = await call(key, await as(emails.beta), 'beta', 'alpha');
        expect(foreignId.status).toBe(404);
      }

      // The pair that proves the denials are not an artefact of a broken setup.
      const allowed = await call(key, await as(emails.alpha.tenant_admin), 'alpha', 'alpha');
      expect({
        key,
        status: allowed.status,
        body: allowed.status >= 300 ? allowed.body : 'ok',
      }).toEqual({
        key,
        status: allowed.status < 300 ? allowed.status : 'a 2xx status',
        body: 'ok',
      });
      const allowedInBeta = await call(key, await as(emails.beta), 'beta', 'beta');
      expect(allowedInBeta.status).toBeLessThan(300);
      await expectNothingOf('beta', key, allowed);
      await expectNothingOf('alpha', key, allowedInBeta);
    });

    it.each(ROLES)('gives a %s what the permission table says', async (role) => {
      if (!isPermission(permission)) throw new Error(`${key} must require a permission`);
      const response = await call(key, await as(emails.alpha[role]), 'alpha', 'alpha');
      await expectNothingOf('beta', key, response);
      if (can(role, permission)) expect(response.status).toBeLessThan(300);
      else
        expect({ status: response.status, type: response.body?.type }).toEqual({
          status: 403,
          type: '/problems/forbidden',
        });
    });
  });

  describe.each(globalRoutes)('%s', (key) => {
    const access = ROUTE_ACCESS[key];

    it(
      access === 'public' ? 'answers without a session' : 'needs a session and then succeeds',
      async () => {
        const expectedPublic = PUBLIC_EXPECTED[key];
        const anonymous = await call(key, app.client(), 'alpha', 'alpha');
        if (access === 'public') {
          if (expectedPublic) expect(anonymous.status).toBe(expectedPublic);
          else expect(anonymous.status).toBeLessThan(300);
          return;
        }
        expect(anonymous.status).toBe(401);
        // A fresh session, since some calls (sign-out) spend it.
        const client = await app.client().signIn(emails.alpha.expert, PASSWORD);
        const allowed = await call(key, client, 'alpha', 'alpha');
        await expectNothingOf('beta', key, allowed);
        expect({
          key,
          status: allowed.status,
          body: allowed.status >= 300 ? allowed.body : 'ok',
        }).toEqual({
          key,
          status: allowed.status < 300 ? allowed.status : 'a 2xx status',
          body: 'ok',
        });
      },
    );
  });
});
