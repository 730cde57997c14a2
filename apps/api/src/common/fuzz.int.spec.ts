import fc from 'fast-check';
import { Client } from 'pg';
import { can } from '@convene/domain';
import { ROUTE_ACCESS, type RouteAccess } from '../access/route-access';
import { newToken } from '../auth/secrets';
import { TENANT_TABLES } from '../db/app-role';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { approvedNominee } from '../participation/participant-links.testing';
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
import {
  attended,
  nominee,
  participantLink,
  participationEvent,
} from '../participation/attendance.fixtures';
import { newVerificationCode } from '../participation/certificates.service';
import { recommendationEvent, recommendationOf } from '../recommendations/recommendations.fixtures';
import { seedDocument } from '../documents/documents.fixtures';
import { signDownload } from '../documents/download-token';
import { seedExpertCv } from '../experts/expert-cv.fixtures';
import { ratedArea, seedAssessment, seedQuestionnaire } from '../assessments/assessments.fixtures';
import {
  deliveryEvent,
  seedDelivery,
  seedEdition,
  seedIatiSettings,
} from '../delivery/delivery.fixtures';
import { seedRequest } from '../requests/requests.fixtures';

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

const CALLERS = ['admin', 'focal', 'expert', 'foreign', 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];
const EMAILS: Record<Exclude<Caller, 'anonymous'>, string> = {
  admin: 'admin@acme.example',
  focal: 'kenya@acme.example',
  expert: 'expert@acme.example',
  foreign: 'admin@beta.example',
};

/**
 * The focal point (Kenya's) is fuzzed on the routes of participation they may call: those of a
 * participation permission they hold (nominate, edit, withdraw, answer their State's invitation,
 * ask for seats, export, their open invitations) and the participation reads narrowed for them
 * by the visibility rules. Their other routes are every member's, fuzzed as the others.
 */
function focalPointRoute(route: RouteContract): boolean {
  const access = (ROUTE_ACCESS as Record<string, RouteAccess>)[route.key];
  if (!access || access === 'public' || access === 'authenticated') return false;
  if (access.startsWith('participation.')) return can('focal_point', access);
  // Needs assessments: a focal point reads and fills their State's.
  if (access.startsWith('assessments.')) return can('focal_point', access);
  // Assistance requests: the focal point drafts, submits and withdraws their State's.
  if (access.startsWith('requests.')) return can('focal_point', access);
  return access === 'events.read' && /\/(nominations|participation|invitations)\b/.test(route.path);
}

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
      [EMAILS.focal, acme, 'focal_point'],
      ['officer@acme.example', acme, 'programme_officer'],
      [EMAILS.foreign, beta, 'tenant_admin'],
      ['subject@acme.example', acme, 'expert'],
      ['subject@beta.example', beta, 'expert'],
    ] as const) {
      const member = await addMember(ds, tenant, {
        email,
        name: email,
        password: PASSWORD,
        role,
        memberStateAlpha3: role === 'focal_point' ? 'KEN' : null,
      });
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
          `with speaking as (
             insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at)
             values ($1, $2, 1, 'Opening', '2027-05-10T06:00:00Z', '2027-05-10T07:00:00Z')
             returning tenant_id, event_id, id),
           speaker as (
             insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
             select tenant_id, event_id, id, $3::uuid, 'speaker', 'accepted', now() from speaking)
           select id from speaking`,
          [tenantId, event?.id, speaker],
        );
        return { eventId: event?.id ?? '', sessionId: session?.id ?? '' };
      });
    const mine = await eventIn(acme, people[`user:${EMAILS.expert}`] ?? '');
    const theirs = await eventIn(beta, people['user:subject@beta.example'] ?? '');
    // A Kenyan nomination in each tenant's event, for the nomination routes.
    const nominationIn = (tenantId: string, eventId: string, email = 'nominee@gov.example') =>
      inTransaction(ds, { tenantId }, async (m) => {
        const [invitation] = await sql<{ id: string }>(
          m,
          `insert into event_invitations (tenant_id, event_id, member_state_code, seats, nomination_deadline)
           values ($1, $2, 'KEN', 3, '2027-04-01') returning id`,
          [tenantId, eventId],
        );
        const [participant] = await sql<{ id: string }>(
          m,
          `insert into participants (tenant_id, email, full_name)
           values ($1, $2, 'Fuzzed Nominee') returning id`,
          [tenantId, email],
        );
        const [nomination] = await sql<{ id: string }>(
          m,
          `insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                    member_state_code, sex, institution_type, audience,
                                    preferred_language)
           values ($1, $2, $3, $4, 'KEN', 'female', 'judiciary', 'judges', 'en') returning id`,
          [tenantId, eventId, invitation?.id, participant?.id],
        );
        return { nominationId: nomination?.id ?? '', participantId: participant?.id ?? '' };
      });
    const myNomination = await nominationIn(acme, mine.eventId);
    const theirNomination = await nominationIn(beta, theirs.eventId);
    // An event open for nominations, Kenya invited until a deadline to come, with a Kenyan
    // nomination still awaiting a decision: the focal point's valid inputs reach the rules.
    const open = await eventIn(acme, people[`user:${EMAILS.expert}`] ?? '');
    await owner.query(
      `update events set status = 'open_for_nominations', announced_at = now() where id = $1`,
      [open.eventId],
    );
    const openNomination = await nominationIn(acme, open.eventId, 'open.nominee@gov.example');
    const [openInvitation] = await owner
      .query<{ id: string }>(`select id from event_invitations where event_id = $1`, [open.eventId])
      .then((result) => result.rows);
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
    // Invitations of States (part-inv): one per tenant, and a saved list each.
    const stateRows = async (tenantId: string, eventId: string) =>
      inTransaction(ds, { tenantId }, async (m) => {
        const [invitation] = await sql<{ id: string }>(
          m,
          `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                          nomination_deadline)
           values ($1, $2, 'UGA', 2, '2027-04-01') returning id`,
          [tenantId, eventId],
        );
        const [list] = await sql<{ id: string }>(
          m,
          `insert into state_lists (tenant_id, name, member_states)
           values ($1, 'East Africa', '{KEN,UGA}') returning id`,
          [tenantId],
        );
        return { invitationId: invitation?.id ?? '', stateListId: list?.id ?? '' };
      });
    const myStates = await stateRows(acme, mine.eventId);
    const theirStates = await stateRows(beta, theirs.eventId);
    const feed = newToken();
    await owner.query(`insert into calendar_feeds (user_id, token_hash) values ($1, $2)`, [
      people[`user:${EMAILS.expert}`],
      feed.hash,
    ]);
    // part-links: a nominee of each tenant with both links (tokens are the credentials).
    const nominees = [
      await approvedNominee(ds, app.config.secret, acme, { eventId: mine.eventId }),
      await approvedNominee(ds, app.config.secret, beta, { eventId: theirs.eventId }),
    ];
    // Participation: an approved participant present on a day, with a certificate and a page link.
    const participation = async (tenantId: string) => {
      const event = await participationEvent(ds, tenantId);
      const person = await nominee(ds, tenantId, event, { name: 'Fuzzed Participant' });
      await attended(ds, tenantId, person.id, '2027-05-10');
      const code = newVerificationCode();
      await owner.query(
        `insert into certificates (tenant_id, nomination_id, verification_code, language)
         values ($1, $2, $3, 'en')`,
        [tenantId, person.id, code],
      );
      const link = await participantLink(ds, tenantId, person.id, app.config.secret);
      return { eventId: event.id, nominationId: person.id, code, link };
    };
    const ours = await participation(acme);
    const others = await participation(beta);
    // Recommendations: a held meeting of each tenant (acme's expert its rapporteur) with one
    // addressed to Kenya, and a public reported one, for the public page.
    const recommendations = async (tenantId: string, rapporteur: string) => {
      const eventId = await recommendationEvent(ds, tenantId, {
        hostStates: ['KEN'],
        rapporteur,
      });
      const held = await recommendationOf(ds, tenantId, eventId);
      const reported = await recommendationEvent(ds, tenantId, {
        status: 'reported',
        isPublic: true,
      });
      const published = await recommendationOf(ds, tenantId, reported, { states: ['UGA'] });
      return { eventIds: [eventId, reported], recommendationIds: [held, published] };
    };
    const ourRecommendations = await recommendations(acme, people[`user:${EMAILS.expert}`] ?? '');
    const theirRecommendations = await recommendations(
      beta,
      people['user:subject@beta.example'] ?? '',
    );
    // Experts (issue 13): an assignment asked of each tenant's expert, for the answer routes.
    const asked = async (tenantId: string, eventId: string, userId: string) =>
      inTransaction(ds, { tenantId }, async (m) => {
        const [row] = await sql<{ id: string }>(
          m,
          `insert into expert_assignments (tenant_id, event_id, user_id, role)
           values ($1, $2, $3, 'rapporteur') returning id`,
          [tenantId, eventId, userId],
        );
        return row?.id ?? '';
      });
    const myAssignment = await asked(acme, mine.eventId, people[`user:${EMAILS.expert}`] ?? '');
    const theirAssignment = await asked(
      beta,
      theirs.eventId,
      people['user:subject@beta.example'] ?? '',
    );
    // Documents (issue 13): a public document in two versions on each tenant's event, a draft
    // report, and a signed download link to each.
    const documentsIn = async (tenantId: string, eventId: string, admin: string) => {
      const published = await seedDocument(ds, app.running.store, tenantId, {
        eventId,
        title: 'Fuzzed paper',
        versions: 2,
      });
      const draft = await seedDocument(ds, app.running.store, tenantId, {
        eventId,
        title: 'Fuzzed report',
        kind: 'meeting_report',
        published: false,
      });
      const link = signDownload(
        {
          tenantId,
          versionId: published.versionIds[1] ?? '',
          viewer: { kind: 'member', userId: admin },
          expiresAt: new Date(Date.now() + 3_600_000),
        },
        app.config.secret,
      );
      return { published, draft, link };
    };
    const myDocuments = await documentsIn(acme, mine.eventId, people[`user:${EMAILS.admin}`] ?? '');
    const theirDocuments = await documentsIn(
      beta,
      theirs.eventId,
      people[`user:${EMAILS.foreign}`] ?? '',
    );
    // CVs: the acme expert's and the beta subject's, for the CV routes to find.
    await seedExpertCv(ds, app.running.store, acme, people[`user:${EMAILS.expert}`] ?? '', {
      fileName: 'Fuzzed CV.pdf',
    });
    await seedExpertCv(ds, app.running.store, beta, people['user:subject@beta.example'] ?? '', {
      fileName: 'Their CV.pdf',
    });
    // Needs assessments (issue 14): Kenya's draft and submitted ones in each tenant, and a draft
    // and a published questionnaire version.
    const assessmentsIn = async (tenantId: string) => ({
      assessmentIds: [
        await seedAssessment(ds, tenantId, { answers: ratedArea('financing', 2, 'Fuzzed') }),
        await seedAssessment(ds, tenantId, {
          status: 'submitted',
          answers: ratedArea('training', 1),
        }),
      ],
      questionnaireIds: [
        await seedQuestionnaire(ds, tenantId, { status: 'published' }),
        await seedQuestionnaire(ds, tenantId),
      ],
    });
    const ourAssessments = await assessmentsIn(acme);
    const theirAssessments = await assessmentsIn(beta);
    // Assistance requests (issue 14): each tenant's Kenyan draft and one under assessment with a
    // linked event and a stored PDF.
    const requestsIn = async (tenantId: string, eventId: string) => [
      await seedRequest(ds, app.running.store, tenantId, { status: 'draft', attachment: true }),
      await seedRequest(ds, app.running.store, tenantId, { eventId, attachment: true }),
    ];
    const seededRequests = [
      ...(await requestsIn(acme, mine.eventId)),
      ...(await requestsIn(beta, theirs.eventId)),
    ];
    Object.assign(ids, {
      requestId: seededRequests.map((request) => request.requestId),
      attachmentId: seededRequests.map((request) => request.attachmentId ?? ''),
    });
    Object.assign(ids, {
      assessmentId: [...ourAssessments.assessmentIds, ...theirAssessments.assessmentIds],
      questionnaireId: [
        'default',
        ...ourAssessments.questionnaireIds,
        ...theirAssessments.questionnaireIds,
      ],
      area: ['financing', 'training', 'human_rights'],
    });
    // Tool delivery (issue 15): an edition, a held workshop a Kenyan attended and a delivery in
    // each tenant, and acme's IATI settings with its public file on.
    const deliveriesIn = async (tenantId: string) => {
      const editionId = await seedEdition(ds, tenantId, { title: 'Fuzzed edition' });
      const eventId = await deliveryEvent(ds, tenantId, {
        title: 'Fuzzed hand-out',
        isPublic: true,
        attendees: [{ state: 'KEN', sex: 'female', attended: true }],
      });
      const deliveryId = await seedDelivery(ds, tenantId, { editionId, state: 'KEN', eventId });
      return { editionId, eventId, deliveryId };
    };
    const myDeliveries = await deliveriesIn(acme);
    const theirDeliveries = await deliveriesIn(beta);
    await seedIatiSettings(ds, acme, true);
    Object.assign(ids, {
      editionId: [myDeliveries.editionId, theirDeliveries.editionId],
      deliveryId: [myDeliveries.deliveryId, theirDeliveries.deliveryId],
      tenant: ['acme'],
      slug: ['acme', 'beta', 'platform'],
      eventId: [
        mine.eventId,
        theirs.eventId,
        ours.eventId,
        others.eventId,
        open.eventId,
        ...ourRecommendations.eventIds,
        ...theirRecommendations.eventIds,
        myDeliveries.eventId,
        theirDeliveries.eventId,
      ],
      recommendationId: [
        ...ourRecommendations.recommendationIds,
        ...theirRecommendations.recommendationIds,
      ],
      code: [ours.code, others.code],
      sessionId: [mine.sessionId, theirs.sessionId],
      membershipId: [people['subject@acme.example'], people['subject@beta.example']],
      invitationId: [
        invitation?.id ?? '',
        myStates.invitationId,
        theirStates.invitationId,
        openInvitation?.id ?? '',
      ],
      stateListId: [myStates.stateListId, theirStates.stateListId],
      messageId: [message?.id ?? ''],
      nominationId: [
        myNomination.nominationId,
        theirNomination.nominationId,
        openNomination.nominationId,
        ...nominees.map((nominee) => nominee.nominationId),
        ours.nominationId,
        others.nominationId,
      ],
      participantId: [
        myNomination.participantId,
        theirNomination.participantId,
        openNomination.participantId,
      ],
      userId: [
        people[`user:${EMAILS.expert}`] ?? '',
        people['user:subject@acme.example'] ?? '',
        people['user:subject@beta.example'] ?? '',
      ],
      assignmentId: [myAssignment, theirAssignment],
      token: [token, feed.token],
      fileToken: [myDocuments.link, theirDocuments.link],
      documentId: [myDocuments.published, myDocuments.draft, theirDocuments.published].map(
        (document) => document.documentId,
      ),
      versionId: [...myDocuments.published.versionIds, ...theirDocuments.published.versionIds],
      linkToken: [
        ...nominees.flatMap((nominee) => [nominee.decisionToken, nominee.pageToken]),
        ours.link,
        others.link,
      ],
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
      const fuzzed = caller === 'focal' ? routes.filter(focalPointRoute) : routes;
      for (const route of fuzzed) {
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
      // The focal point's routes of participation are all there (nominate, edit, withdraw,
      // accept, decline, ask for seats, export, open invitations, and the narrowed reads).
      if (caller === 'focal') expect(fuzzed.length).toBeGreaterThanOrEqual(12);
      // Signed-in callers reach some routes: the schema check above must have run.
      if (caller !== 'anonymous') expect(successes).toBeGreaterThan(0);
      process.stdout.write(
        `fuzz as ${caller}: ${fuzzed.length} routes, ${cases} cases (${successes} JSON successes checked against their schema), ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    },
    Math.max(120_000, RUNS * 44 * 1_000),
  );
});
