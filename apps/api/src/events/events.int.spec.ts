import type { EventCreate } from '@convene/contracts';
import { Client } from 'pg';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'events passphrase';

/** Any field of an event, valid or not: the tests send bad values on purpose. */
type Overrides = Partial<Record<keyof EventCreate, unknown>>;

describe('events', () => {
  let app: TestApp;
  let officer: ApiClient;
  let focal: ApiClient;
  let expert: ApiClient;
  let officerId: string;
  let expertId: string;
  let acme: string;

  const workshop = (overrides: Overrides = {}): Record<string, unknown> => ({
    type: 'regional_workshop',
    title: 'Countering terrorist financing online',
    summary: 'Investigating crypto-asset flows for regional prosecutors',
    thematicAreas: ['financing', 'investigations_digital_evidence'],
    targetAudiences: ['prosecutors', 'investigators'],
    format: 'hybrid',
    venue: { name: 'Vienna International Centre', city: 'Vienna', countryAlpha3: 'AUT' },
    meetingLink: 'https://meet.example.org/ctf-2027',
    startsAt: '2027-03-10T08:00:00Z',
    endsAt: '2027-03-12T16:00:00Z',
    timeZone: 'Europe/Vienna',
    workingLanguages: ['en', 'fr'],
    interpretation: true,
    capacity: 40,
    hostStates: ['AUT', 'KEN'],
    organisers: ['UNODC Terrorism Prevention Branch'],
    partnerOrganisations: ['OSCE'],
    responsibleOfficerId: officerId,
    ...overrides,
  });

  const create = async (overrides: Overrides = {}) => {
    const response = await officer.post('/api/t/acme/events', workshop(overrides));
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; status: string };
  };

  const move = (id: string, body: Record<string, unknown>) =>
    officer.post(`/api/t/acme/events/${id}/transitions`, body);

  beforeAll(async () => {
    // No mail worker: its polling would be counted with the requests' queries.
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const people = [
      ['officer@acme.example', 'programme_officer', null],
      ['focal@acme.example', 'focal_point', 'KEN'],
      ['expert@acme.example', 'expert', null],
    ] as const;
    const ids: string[] = [];
    for (const [email, role, state] of people) {
      const member = await addMember(ds, acme, {
        email,
        name: email.split('@')[0] ?? email,
        password: PASSWORD,
        role,
        memberStateAlpha3: state,
      });
      ids.push(member.userId);
    }
    [officerId, , expertId] = ids as [string, string, string];
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
    focal = await app.client().signIn('focal@acme.example', PASSWORD);
    expert = await app.client().signIn('expert@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  it('creates an event as a draft, with everything the planner entered', async () => {
    const event = await create();
    expect(event).toMatchObject({
      status: 'draft',
      version: 1,
      title: 'Countering terrorist financing online',
      hostStates: ['AUT', 'KEN'],
      venue: { city: 'Vienna', countryAlpha3: 'AUT' },
      timeZone: 'Europe/Vienna',
      responsibleOfficer: { id: officerId, name: 'officer' },
      allowedActions: ['plan', 'cancel'],
      history: [],
    });
  });

  it('refuses an event that breaks the rules, and writes nothing', async () => {
    const before = (await officer.get('/api/t/acme/events?limit=100')).body.items.length;
    for (const [bad, path] of [
      [{ endsAt: '2027-03-10T07:00:00Z' }, 'endsAt'],
      [{ format: 'virtual' as const }, 'venue'],
      [{ format: 'in_person' as const, venue: null, meetingLink: null }, 'venue'],
      [{ meetingLink: null }, 'meetingLink'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
      [{ thematicAreas: [] }, 'thematicAreas'],
      [{ responsibleOfficerId: expertId }, 'responsibleOfficerId'],
    ] as const) {
      const response = await officer.post('/api/t/acme/events', workshop(bad));
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const unknownField = await officer.post('/api/t/acme/events', {
      ...workshop(),
      tenantId: acme,
    });
    expect(unknownField.status).toBe(400);
    expect((await officer.get('/api/t/acme/events?limit=100')).body.items.length).toBe(before);
  });

  it('edits with the version it read, and refuses a stale one', async () => {
    const event = await create();
    const edited = await officer.put(`/api/t/acme/events/${event.id}`, {
      ...workshop({ title: 'Financing: follow the money' }),
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Financing: follow the money', version: 2 });
    const stale = await officer.put(`/api/t/acme/events/${event.id}`, {
      ...workshop({ title: 'Lost update' }),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect((await officer.get(`/api/t/acme/events/${event.id}`)).body.title).toBe(
      'Financing: follow the money',
    );
  });

  it('walks the lifecycle, keeps its history, and refuses what is not possible', async () => {
    const event = await create();
    expect((await move(event.id, { action: 'confirm' })).status).toBe(409);
    expect((await move(event.id, { action: 'plan' })).body.status).toBe('planned');
    expect((await move(event.id, { action: 'cancel' })).status).toBe(409);
    const postponed = await move(event.id, {
      action: 'postpone',
      startsAt: '2027-04-14T07:00:00Z',
      endsAt: '2027-04-16T15:00:00Z',
    });
    expect(postponed.status).toBe(200);
    expect(postponed.body).toMatchObject({
      status: 'planned',
      startsAt: '2027-04-14T07:00:00.000Z',
      endsAt: '2027-04-16T15:00:00.000Z',
    });
    const cancelled = await move(event.id, { action: 'cancel', reason: 'Host request' });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Host request',
      allowedActions: [],
    });
    expect(
      cancelled.body.history.map((h: { action: string; toStatus: string }) => [
        h.action,
        h.toStatus,
      ]),
    ).toEqual([
      ['plan', 'planned'],
      ['postpone', 'planned'],
      ['cancel', 'cancelled'],
    ]);
    expect(cancelled.body.history[1]).toMatchObject({
      startsAt: '2027-04-14T07:00:00.000Z',
      actor: { id: officerId },
    });
  });

  it('duplicates an event as a new draft', async () => {
    const event = await create({ title: 'Training of trainers, 1st edition' });
    await move(event.id, { action: 'plan' });
    const copy = await officer.post(`/api/t/acme/events/${event.id}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      title: 'Training of trainers, 1st edition (copy)',
      status: 'draft',
      version: 1,
      hostStates: ['AUT', 'KEN'],
    });
    expect(copy.body.id).not.toBe(event.id);
  });

  it('shows focal points their State’s events and experts those they speak at, never drafts', async () => {
    const tag = `v${Date.now()}`;
    const hosted = await create({ title: `Hosted by Kenya ${tag}`, hostStates: ['KEN'] });
    const spoken = await create({ title: `Expert speaks ${tag}`, hostStates: ['AUT'] });
    const draft = await create({ title: `Still a draft ${tag}`, hostStates: ['KEN'] });
    await move(hosted.id, { action: 'plan' });
    await move(spoken.id, { action: 'plan' });
    await inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
      sql(
        m,
        `with speaking as (
           insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at)
           values ($1, $2, 1, 'Keynote', '2027-03-10T08:00:00Z', '2027-03-10T09:00:00Z')
           returning tenant_id, event_id, id)
         insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
         select tenant_id, event_id, id, $3::uuid, 'speaker', 'accepted', now() from speaking`,
        [acme, spoken.id, expertId],
      ),
    );
    const titles = async (client: ApiClient) =>
      (await client.get(`/api/t/acme/events?limit=100&q=${tag}`)).body.items.map(
        (e: { title: string }) => e.title.replace(` ${tag}`, ''),
      );
    expect(await titles(focal)).toEqual(['Hosted by Kenya']);
    expect(await titles(expert)).toEqual(['Expert speaks']);
    expect((await titles(officer)).sort()).toEqual([
      'Expert speaks',
      'Hosted by Kenya',
      'Still a draft',
    ]);
    expect((await focal.get(`/api/t/acme/events/${spoken.id}`)).status).toBe(404);
    expect((await expert.get(`/api/t/acme/events/${draft.id}`)).status).toBe(404);
    const seen = await focal.get(`/api/t/acme/events/${hosted.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedActions).toEqual([]);
    expect(
      (
        await focal.post(`/api/t/acme/events/${hosted.id}/transitions`, {
          action: 'open_nominations',
        })
      ).status,
    ).toBe(403);
  });

  it('keeps instants exact across a daylight-saving change in the venue’s zone', async () => {
    // Vienna moves from UTC+1 to UTC+2 on 28 March 2027: 09:00 local is 08:00Z before, 07:00Z after.
    const event = await create({
      title: 'Across the clock change',
      startsAt: '2027-03-27T09:00:00+01:00',
      endsAt: '2027-03-29T17:00:00+02:00',
    });
    const read = (await officer.get(`/api/t/acme/events/${event.id}`)).body;
    expect(read.startsAt).toBe('2027-03-27T08:00:00.000Z');
    expect(read.endsAt).toBe('2027-03-29T15:00:00.000Z');
    expect(read.timeZone).toBe('Europe/Vienna');
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: read.timeZone,
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(local.format(new Date(read.startsAt))).toBe('09:00');
    expect(local.format(new Date(read.endsAt))).toBe('17:00');
  });

  it('writes the list’s times exactly as the event’s page does, to the millisecond', async () => {
    const tag = `ms${Date.now()}`;
    const event = await create({ title: `Odd times ${tag}`, hostStates: ['AUT', 'KEN'] });
    // Microseconds are stored but never shown: both paths cut them (toISOString of pg's Date,
    // to_char's MS in the list), and an early year keeps its four digits.
    for (const [startsAt, endsAt] of [
      ['2027-03-10 08:00:00.123789+00', '2027-03-10 16:59:59.999999+00'],
      ['2027-03-10 08:00:00+00', '2027-03-11 00:00:00.5+00'],
      ['1999-12-31 23:59:59.001+00', '2000-01-01 00:00:00+00'],
    ] as const) {
      await inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
        sql(m, `update events set starts_at = $2, ends_at = $3 where id = $1`, [
          event.id,
          startsAt,
          endsAt,
        ]),
      );
      const detail = (await officer.get(`/api/t/acme/events/${event.id}`)).body;
      const [listed] = (await officer.get(`/api/t/acme/events?q=${tag}`)).body.items;
      expect(listed).toEqual({
        id: event.id,
        type: detail.type,
        title: detail.title,
        summary: detail.summary,
        thematicAreas: detail.thematicAreas,
        format: detail.format,
        venue: detail.venue,
        meetingLink: detail.meetingLink,
        startsAt: detail.startsAt,
        endsAt: detail.endsAt,
        timeZone: detail.timeZone,
        hostStates: ['AUT', 'KEN'],
        status: detail.status,
        isPublic: detail.isPublic,
        responsibleOfficer: detail.responsibleOfficer,
      });
      expect([listed.startsAt, listed.endsAt]).toEqual([
        new Date(startsAt).toISOString(),
        new Date(endsAt).toISOString(),
      ]);
    }
  });

  it('filters by status, type, theme, country, region, dates and words', async () => {
    const tag = `f${Date.now()}`;
    const a = await create({
      title: `Prosecutors ${tag}`,
      type: 'national_workshop',
      thematicAreas: ['prosecution_adjudication'],
      format: 'in_person',
      meetingLink: null,
      venue: { name: 'Hall', city: 'Nairobi', countryAlpha3: 'KEN' },
      hostStates: ['KEN'],
      startsAt: '2028-01-10T06:00:00Z',
      endsAt: '2028-01-11T14:00:00Z',
    });
    const b = await create({
      title: `Webinar ${tag}`,
      type: 'webinar',
      format: 'virtual',
      venue: null,
      hostStates: ['FRA'],
      startsAt: '2028-06-10T12:00:00Z',
      endsAt: '2028-06-10T14:00:00Z',
    });
    await move(a.id, { action: 'plan' });
    const ids = async (query: string) =>
      (await officer.get(`/api/t/acme/events?limit=100&q=${tag}&${query}`)).body.items.map(
        (e: { id: string }) => e.id,
      );
    expect(await ids('')).toEqual([a.id, b.id]);
    expect(await ids('sort=-starts_at')).toEqual([b.id, a.id]);
    expect(await ids('status=planned')).toEqual([a.id]);
    expect(await ids('type=webinar')).toEqual([b.id]);
    expect(await ids('thematicArea=prosecution_adjudication')).toEqual([a.id]);
    expect(await ids('country=fra')).toEqual([b.id]);
    expect(await ids('region=african')).toEqual([a.id]);
    expect(await ids('from=2028-03-01T00:00:00Z')).toEqual([b.id]);
    expect(await ids('to=2028-03-01T00:00:00Z')).toEqual([a.id]);
    expect(
      (await officer.get(`/api/t/acme/events?q=${encodeURIComponent(`webinar ${tag}`)}`)).body
        .items,
    ).toMatchObject([{ id: b.id }]);
    for (const bad of ['status=lost', 'from=yesterday', 'region=mars', 'sort=title', 'limit=0']) {
      expect((await officer.get(`/api/t/acme/events?${bad}`)).status).toBe(400);
    }
  });

  it('pages by keyset with no row skipped or repeated while rows are being inserted', async () => {
    const tag = `p${Date.now()}`;
    const made = new Set<string>();
    for (let i = 0; i < 9; i++) {
      const day = String(10 + i).padStart(2, '0');
      made.add(
        (
          await create({
            title: `Paged ${tag} ${i}`,
            startsAt: `2029-02-${day}T08:00:00Z`,
            endsAt: `2029-02-${day}T16:00:00Z`,
          })
        ).id,
      );
    }
    const seen: string[] = [];
    let after: string | null = null;
    let page = 0;
    do {
      const cursor: string = after ? `&after=${after}` : '';
      const response = await officer.get(`/api/t/acme/events?limit=2&q=${tag}${cursor}`);
      seen.push(...response.body.items.map((e: { id: string }) => e.id));
      after = response.body.nextCursor;
      // Someone adds an event before the page already read: it must not shift what follows.
      if (page++ === 1) {
        await create({
          title: `Paged ${tag} early`,
          startsAt: '2029-02-01T08:00:00Z',
          endsAt: '2029-02-01T16:00:00Z',
        });
      }
    } while (after);
    expect(seen).toEqual([...made]);
  });

  it('runs the same number of queries for a page of 5 and a page of 50, and for the agenda', async () => {
    const tag = `q${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 55; i++) ids.push((await create({ title: `Counted ${tag} ${i}` })).id);
    const [quiet, busy] = ids as [string, string];
    for (const [eventId, sessions] of [
      [quiet, 1],
      [busy, 6],
    ] as const) {
      for (let i = 0; i < sessions; i++) {
        await officer.post(`/api/t/acme/events/${eventId}/agenda`, {
          title: `Session ${i}`,
          startsAt: `2027-03-10T${String(9 + i).padStart(2, '0')}:00:00Z`,
          endsAt: `2027-03-10T${String(10 + i).padStart(2, '0')}:00:00Z`,
          room: 'Plenary',
        });
      }
    }
    // The expert accepted to speak at every session: the agenda names them and checks clashes.
    await ownerQuery(
      app,
      `insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
       select s.tenant_id, s.event_id, s.id, $2, 'speaker', 'accepted', now()
         from agenda_sessions s where s.event_id = any ($1::uuid[])`,
      [[quiet, busy], expertId],
    );
    // Every statement the app sends to PostgreSQL goes through pg's Client#query.
    const original = Client.prototype.query;
    let count = 0;
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      count++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    const queriesFor = async (path: string) => {
      count = 0;
      const response = await officer.get(path);
      expect(response.status).toBe(200);
      return count;
    };
    try {
      const five = await queriesFor(`/api/t/acme/events?limit=5&q=${tag}`);
      // The session's scope here is known from its last request: begin, request_scope() (role,
      // session, membership), the list and commit in one message (@OpeningWithFirstRead).
      expect(five).toBe(1);
      const fifty = await queriesFor(`/api/t/acme/events?limit=50&q=${tag}`);
      expect(fifty).toBe(five);
      const small = await queriesFor(`/api/t/acme/events/${quiet}/agenda`);
      const large = await queriesFor(`/api/t/acme/events/${busy}/agenda`);
      expect(large).toBe(small);
      expect(await queriesFor(`/api/t/acme/events/${busy}`)).toBe(
        await queriesFor(`/api/t/acme/events/${quiet}`),
      );
    } finally {
      Client.prototype.query = original;
    }
  });
});
