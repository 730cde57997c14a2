import fc from 'fast-check';
import { Client } from 'pg';
import { newToken } from '../auth/secrets';
import { TENANT_TABLES } from '../db/app-role';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { addMember, createTenant, inviteToTenant } from '../tenants/tenant-provisioning';
import {
  HOSTILE_CURSORS,
  HOSTILE_STRINGS,
  jsonSchemaOf,
  mutatedValue,
  percentEncoded,
  queryString,
  validValue,
} from '../testing/fuzz/arbitraries';
import { type RouteContract, routeContracts } from '../testing/fuzz/route-contracts';
import type { ApiClient } from '../testing/http-client';
import { startTestApp, type TestApp } from '../testing/test-app';

/**
 * Every route, as each kind of caller, with inputs built from the route's own contract: valid
 * values, then the same with one place spoiled (NUL and control characters, huge strings,
 * impossible dates, wrong types, unknown fields), malformed cursors and foreign ids.
 * Never a 5xx; every 4xx is problem+json and changes no tenant row; every JSON 2xx matches the
 * response schema its route declares; a member of another tenant never gets a 2xx from this one.
 * FUZZ_RUNS (npm run fuzz -- --runs N) sets the cases per route and caller.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 6);
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;
const PASSWORD = 'fuzzing every route';

const CALLERS = ['admin', 'expert', 'foreign', 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];
const EMAILS: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin@acme.example',
  expert: 'expert@acme.example',
  foreign: 'admin@beta.example',
};

/** One of the real ids of a parameter, or any uuid where the fixtures hold none. */
const known = (pool: string[] | undefined) => {
  const real = (pool ?? []).filter(Boolean);
  return real.length > 0 ? fc.constantFrom(...real) : fc.uuid();
};

describe('fuzzing every route from its contract', () => {
  let app: TestApp;
  let owner: Client;
  let routes: RouteContract[];
  /** Real ids of this tenant and of the other, per path parameter, beside hostile strings. */
  const ids: Record<string, string[]> = {};

  const digest = async (): Promise<string> => {
    const parts = TENANT_TABLES.map(
      (table) => `select '${table}' || t::text as line from ${table} t`,
    ).join(' union all ');
    const { rows } = await owner.query<{ digest: string }>(
      `select md5(coalesce(string_agg(line, '|' order by line), '')) as digest from (${parts}) x`,
    );
    return rows[0]?.digest ?? '';
  };

  beforeAll(async () => {
    // No mail worker: nothing may change rows while a request is judged by its digest.
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '100000', MAIL_WORKER: 'off' } });
    owner = new Client({ connectionString: app.database?.url });
    await owner.connect();
    routes = routeContracts(app.running.app);
    const ds = app.running.databases.app;
    const acme = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    const beta = await createTenant(ds, { slug: 'beta', name: 'Beta' });
    const people: Record<string, string> = {};
    for (const [email, tenant, role] of [
      [EMAILS.admin, acme, 'tenant_admin'],
      [EMAILS.expert, acme, 'expert'],
      ['officer@acme.example', acme, 'programme_officer'],
      [EMAILS.foreign, beta, 'tenant_admin'],
      ['subject@acme.example', acme, 'expert'],
      ['subject@beta.example', beta, 'expert'],
    ] as const) {
      const member = await addMember(ds, tenant, { email, name: email, password: PASSWORD, role });
      people[email] = member.membershipId;
      people[`user:${email}`] = member.userId;
    }
    const eventIn = (tenantId: string, speaker: string) =>
      inTransaction(ds, { tenantId }, async (m) => {
        const [event] = await sql<{ id: string }>(
          m,
          `insert into events (tenant_id, type, title, thematic_areas, format, venue_city,
                               venue_country, starts_at, ends_at, time_zone, working_languages,
                               host_states, status, is_public)
           values ($1, 'national_workshop', 'Fuzzed workshop', '{financing}', 'in_person',
                   'Nairobi', 'KEN', '2027-05-10T06:00:00Z', '2027-05-12T14:00:00Z',
                   'Africa/Nairobi', '{en}', '{KEN}', 'planned', true)
           returning id`,
          [tenantId],
        );
        const [session] = await sql<{ id: string }>(
          m,
          `insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at,
                                        speaker_user_ids)
           values ($1, $2, 1, 'Opening', '2027-05-10T06:00:00Z', '2027-05-10T07:00:00Z',
                   array[$3::uuid]) returning id`,
          [tenantId, event?.id, speaker],
        );
        return { eventId: event?.id ?? '', sessionId: session?.id ?? '' };
      });
    const mine = await eventIn(acme, people[`user:${EMAILS.expert}`] ?? '');
    const theirs = await eventIn(beta, people['user:subject@beta.example'] ?? '');
    const token = await inviteToTenant(ds, acme, {
      email: 'invitee@example.org',
      role: 'expert',
      ttlMs: 3_600_000,
    });
    const [invitation] = await owner
      .query<{ id: string }>(`select id from invitations limit 1`)
      .then((result) => result.rows);
    const [message] = await owner
      .query<{ id: string }>(`select id from mail_outbox limit 1`)
      .then((result) => result.rows);
    const feed = newToken();
    await owner.query(`insert into calendar_feeds (user_id, token_hash) values ($1, $2)`, [
      people[`user:${EMAILS.expert}`],
      feed.hash,
    ]);
    Object.assign(ids, {
      tenant: ['acme'],
      slug: ['acme', 'beta', 'platform'],
      eventId: [mine.eventId, theirs.eventId],
      sessionId: [mine.sessionId, theirs.sessionId],
      membershipId: [people['subject@acme.example'], people['subject@beta.example']],
      invitationId: [invitation?.id ?? ''],
      messageId: [message?.id ?? ''],
      token: [token, feed.token],
    });
  });

  afterAll(async () => {
    await owner?.end();
    await app?.close();
  });

  it('finds every route of the access table among the controllers', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((route) => route.body || route.query).length).toBeGreaterThan(15);
  });

  it.each(CALLERS)(
    'never answers 5xx, always problem+json on 4xx, as %s',
    async (caller) => {
      const sessions = new Map<string, ApiClient>();
      /** A fresh session per route, so a route that ends sessions cannot end the next one's. */
      const clientFor = async (route: RouteContract) => {
        const key = `${caller}:${route.key}`;
        let client = sessions.get(key);
        if (!client) {
          client = app.client();
          if (caller !== 'anonymous') await client.signIn(EMAILS[caller], PASSWORD);
          sessions.set(key, client);
        }
        return client;
      };
      const anyId = fc.oneof(
        fc.constantFrom(...Object.values(ids).flat().filter(Boolean)),
        fc.uuid(),
      );
      let cases = 0;
      let successes = 0;
      const started = performance.now();
      for (const route of routes) {
        const body = route.body ? jsonSchemaOf(route.body) : null;
        const query = route.query ? jsonSchemaOf(route.query) : null;
        const params = fc.record(
          Object.fromEntries(
            route.params.map((name) => [
              name,
              fc.oneof(
                { weight: 3, arbitrary: known(ids[name]) },
                { weight: 1, arbitrary: fc.uuid() },
                { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
              ),
            ]),
          ),
        );
        const input = fc.record({
          params,
          body: body
            ? fc.oneof(
                validValue(body, anyId),
                mutatedValue(body, anyId),
                mutatedValue(body, anyId),
              )
            : fc.constant(undefined),
          query: query
            ? fc.oneof(validValue(query, anyId), mutatedValue(query, anyId))
            : fc.constant(undefined),
          cursor: fc.option(fc.constantFrom(...HOSTILE_CURSORS), { freq: 3 }),
        });
        const client = await clientFor(route);
        await fc.assert(
          fc.asyncProperty(input, async ({ params: values, body: sent, query: asked, cursor }) => {
            cases++;
            let path = route.path.replace(/:(\w+)/g, (_, name: string) =>
              name === 'tenant' ? 'acme' : percentEncoded(String(values[name] ?? '')),
            );
            const search = queryString(asked);
            path += search;
            if (cursor !== null && route.method === 'GET') {
              path += `${search ? '&' : '?'}after=${encodeURIComponent(cursor)}`;
            }
            const before = await digest();
            const response = await client.request(route.method, path, {
              ...(sent === undefined || route.method === 'GET'
                ? {}
                : {
                    rawBody: JSON.stringify(sent),
                    headers: { 'content-type': 'application/json' },
                  }),
            });
            const seen = `${route.method} ${path.slice(0, 300)} ${JSON.stringify(sent)?.slice(0, 300)} → ${response.status} ${response.text.slice(0, 300)}`;
            expect({ seen, ok: response.status < 500 }).toEqual({ seen, ok: true });
            if (response.status >= 400) {
              expect({ seen, type: response.headers.get('content-type') }).toEqual({
                seen,
                type: expect.stringMatching(/^application\/problem\+json/),
              });
              expect(response.body).toMatchObject({
                status: response.status,
                type: expect.stringMatching(/^\/problems\/[a-z0-9-]+$/),
                title: expect.any(String),
              });
              expect({ seen, unchanged: (await digest()) === before }).toEqual({
                seen,
                unchanged: true,
              });
            }
            const json = /^application\/json/.test(response.headers.get('content-type') ?? '');
            if (response.status < 300 && json) {
              // Every JSON success is declared, and is what the declaration says.
              successes++;
              const checked = route.response?.safeParse(response.body);
              expect({ seen, declared: !!route.response, issues: checked?.error?.issues }).toEqual({
                seen,
                declared: true,
                issues: undefined,
              });
            }
            if (caller === 'foreign' && route.path.startsWith('/api/t/:tenant')) {
              expect({ seen, refused: response.status >= 400 }).toEqual({ seen, refused: true });
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      }
      // Signed-in callers reach some routes: the schema check above must have run.
      if (caller !== 'anonymous') expect(successes).toBeGreaterThan(0);
      process.stdout.write(
        `fuzz as ${caller}: ${routes.length} routes, ${cases} cases (${successes} JSON successes checked against their schema), ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    },
    Math.max(120_000, RUNS * 44 * 1_000),
  );
});
