import { Client } from 'pg';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'one round trip passphrase';

/**
 * The events list (@OpeningWithFirstRead) runs under the scope its session had on the last
 * request, with begin, request_scope(), the list and commit in one message; request_scope() still
 * decides. Whatever changed since the last request (role, State, membership, session), the
 * answer is the one the ordinary path gives.
 */
describe('a read in one round trip under the session’s last scope', () => {
  let app: TestApp;
  let admin: ApiClient;
  let officerId: string;
  let draftId: string;
  let announcedId: string;

  beforeAll(async () => {
    // No mail worker: its polling would be counted with the requests' queries.
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    const tenant = await createTenant(ds, { slug: 'rtt', name: 'Round Trips' });
    await addMember(ds, tenant, {
      email: 'admin@rtt.example',
      name: 'Admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    ({ userId: officerId } = await addMember(ds, tenant, {
      email: 'officer@rtt.example',
      name: 'Officer',
      password: PASSWORD,
      role: 'programme_officer',
    }));
    admin = await app.client().signIn('admin@rtt.example', PASSWORD);
    const event = (title: string, hostStates: string[]) => ({
      type: 'regional_workshop',
      title,
      summary: 'A summary',
      thematicAreas: ['financing'],
      targetAudiences: ['prosecutors'],
      format: 'hybrid',
      venue: { name: 'Gigiri', city: 'Nairobi', countryAlpha3: 'KEN' },
      meetingLink: 'https://meet.example.org/rtt',
      startsAt: '2027-05-10T08:00:00Z',
      endsAt: '2027-05-10T16:00:00Z',
      timeZone: 'UTC',
      workingLanguages: ['en'],
      interpretation: false,
      capacity: 40,
      hostStates,
      organisers: ['UNODC'],
      partnerOrganisations: [],
      responsibleOfficerId: officerId,
    });
    const draft = await admin.post('/api/t/rtt/events', event('A draft', ['KEN']));
    expect([draft.status, draft.text]).toEqual([201, expect.any(String)]);
    draftId = draft.body.id;
    const announced = await admin.post('/api/t/rtt/events', event('Announced in Kenya', ['KEN']));
    expect(announced.status).toBe(201);
    announcedId = announced.body.id;
    const planned = await admin.post(`/api/t/rtt/events/${announcedId}/transitions`, {
      action: 'plan',
      version: announced.body.version,
    });
    expect(planned.status).toBe(200);
  });

  afterAll(() => app.close());

  /** A GET's answer (a list's event ids) and the round trips (pg Client#query calls) it took. */
  async function list(client: ApiClient, path = '/api/t/rtt/events') {
    const original = Client.prototype.query;
    let sent = 0;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      sent++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      const response = await client.get(path);
      const ids =
        response.status === 200 && Array.isArray(response.body.items)
          ? (response.body.items as { id: string }[]).map((item) => item.id).sort()
          : null;
      return { status: response.status, body: response.body, ids, sent };
    } finally {
      Client.prototype.query = original;
    }
  }

  const setMembership = (fields: string, values: unknown[]) =>
    ownerQuery(app, `update memberships set ${fields} where user_id = $1`, [officerId, ...values]);

  it('answers in one round trip from the second request of a session, with the same events', async () => {
    const officer = await app.client().signIn('officer@rtt.example', PASSWORD);
    const first = await list(officer);
    // Nothing known of this session here yet: begin with request_scope(), then the list.
    expect(first).toMatchObject({ status: 200, sent: 2 });
    expect(first.ids).toEqual([draftId, announcedId].sort());
    const second = await list(officer);
    expect(second).toMatchObject({ status: 200, sent: 1, ids: first.ids });
    expect(second.body).toEqual(first.body);
    // The event's page: the opening travels with the event's own statement, one round trip less.
    const detail = await list(officer, `/api/t/rtt/events/${draftId}`);
    expect(detail).toMatchObject({ status: 200, sent: 3 });
    expect(detail.body).toMatchObject({ id: draftId, status: 'draft' });
    const agenda = await list(officer, `/api/t/rtt/events/${draftId}/agenda`);
    // The event, its sessions, two kinds of clash, the commit: the opening with the first.
    expect(agenda).toMatchObject({ status: 200, sent: 5, body: { sessions: [], warnings: [] } });
    // Another tenant's slug is another scope: nothing guessed for it.
    const elsewhere = await list(officer, '/api/t/nowhere/events');
    expect(elsewhere).toMatchObject({ status: 404, sent: 2 });
  });

  it('answers as the new role when the role changed since the last request', async () => {
    const officer = await app.client().signIn('officer@rtt.example', PASSWORD);
    await list(officer);
    expect((await list(officer)).sent).toBe(1);
    await setMembership(`role = 'focal_point', member_state_code = 'KEN'`, []);
    try {
      // The guess (a planner, who sees drafts) is refused by request_scope()'s answer: the
      // request runs again as the focal point, for whom the draft does not exist.
      const draft = await list(officer, `/api/t/rtt/events/${draftId}`);
      expect(draft).toMatchObject({ status: 404, body: { type: '/problems/not-found' } });
      // Remembered as the focal point now: one round trip, the focal point's events.
      expect(await list(officer)).toMatchObject({ status: 200, sent: 1, ids: [announcedId] });
      await setMembership(`role = 'programme_officer', member_state_code = null`, []);
      expect((await list(officer)).ids).toEqual([draftId, announcedId].sort());
      await setMembership(`role = 'focal_point', member_state_code = 'KEN'`, []);
      const asFocalPoint = await list(officer);
      expect(asFocalPoint).toMatchObject({ status: 200, sent: 3, ids: [announcedId] });
      // And the new scope is the next guess.
      expect(await list(officer)).toMatchObject({ status: 200, sent: 1, ids: [announcedId] });
      await setMembership(`member_state_code = 'FRA'`, []);
      expect(await list(officer)).toMatchObject({ status: 200, sent: 3, ids: [] });
    } finally {
      await setMembership(`role = 'programme_officer', member_state_code = null`, []);
    }
  });

  it('answers 404 once the membership is deactivated, and 401 once the session has ended', async () => {
    const officer = await app.client().signIn('officer@rtt.example', PASSWORD);
    await list(officer);
    expect((await list(officer)).sent).toBe(1);
    await setMembership(`status = 'deactivated'`, []);
    try {
      const gone = await list(officer);
      expect(gone.status).toBe(404);
      expect(gone.body).toMatchObject({ status: 404, type: '/problems/not-found' });
      expect(gone.ids).toBeNull();
    } finally {
      await setMembership(`status = 'active'`, []);
    }
    await list(officer);
    expect((await list(officer)).sent).toBe(1);
    const copy = app.client();
    const cookie = `convene_session=${officer.cookie('convene_session') ?? ''}`;
    expect((await officer.post('/api/auth/logout')).status).toBeLessThan(300);
    const ended = await copy.request('GET', '/api/t/rtt/events', { headers: { cookie } });
    expect(ended.status).toBe(401);
    expect(ended.body).toMatchObject({ status: 401, type: '/problems/unauthenticated' });
  });

  it('still refreshes the session’s last use when it is due', async () => {
    const officer = await app.client().signIn('officer@rtt.example', PASSWORD);
    await list(officer);
    await ownerQuery(
      app,
      `update sessions set last_seen_at = now() - interval '10 minutes' where user_id = $1`,
      [officerId],
    );
    // The guess is refused (the session must be touched), and the ordinary path touches it.
    const stale = await list(officer);
    expect(stale).toMatchObject({ status: 200, sent: 4 });
    const seen = await ownerQuery<{ fresh: boolean }>(
      app,
      `select max(last_seen_at) > now() - interval '1 minute' as fresh
         from sessions where user_id = $1 and revoked_at is null`,
      [officerId],
    );
    expect(seen[0]?.fresh).toBe(true);
    expect((await list(officer)).sent).toBe(1);
  });
});
