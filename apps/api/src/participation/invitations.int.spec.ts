import { Client } from 'pg';
import { sql } from '../db/sql';
import { MailScheduler } from '../mail/mail-scheduler';
import { inTransaction } from '../db/transaction';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'invitations passphrase';

describe('invitations of States', () => {
  let app: TestApp;
  let acme: string;
  let officer: ApiClient;
  let admin: ApiClient;
  let kenya: ApiClient;
  let france: ApiClient;
  let expert: ApiClient;
  let officerId: string;
  let counter = 0;

  /** An event of acme in `status`, starting on 2027-05-10 in Nairobi. */
  const event = async (status = 'planned', capacity: number | null = 40): Promise<string> => {
    const [row] = await inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
      sql<{ id: string }>(
        m,
        `insert into events (tenant_id, type, title, thematic_areas, format, venue_name,
                             venue_city, venue_country, starts_at, ends_at, time_zone,
                             working_languages, status, capacity, responsible_officer_id)
         values ($1, 'regional_workshop', $2, '{financing}', 'in_person', 'UN Gigiri', 'Nairobi',
                 'KEN', '2027-05-10T06:00:00Z', '2027-05-12T14:00:00Z', 'Africa/Nairobi', '{en}',
                 $3, $4, $5)
         returning id`,
        [acme, `Workshop ${++counter}`, status, capacity, officerId],
      ),
    );
    if (!row) throw new Error('no event');
    return row.id;
  };

  const invite = async (eventId: string, body: Record<string, unknown>) => {
    const response = await officer.post(`/api/t/acme/events/${eventId}/invitations`, {
      seats: 2,
      nominationDeadline: '2027-04-01',
      ...body,
    });
    expect(response.status).toBe(201);
    return response.body as {
      invited: { id: string; memberState: string; version: number }[];
      skipped: { memberState: string; reason: string }[];
    };
  };

  const invitationOf = async (eventId: string, state: string): Promise<string> => {
    const result = await invite(eventId, { memberStates: [state] });
    const id = result.invited[0]?.id;
    if (!id) throw new Error('not invited');
    return id;
  };

  /** Nominations written as the nominations part would, for the counts and the seat rules. */
  const nominate = async (
    eventId: string,
    invitationId: string,
    state: string,
    rows: { status: string; confirmation?: string | null; attended?: boolean }[],
  ) => {
    await inTransaction(app.running.databases.app, { tenantId: acme }, async (m) => {
      for (const row of rows) {
        const n = ++counter;
        const [person] = await sql<{ id: string }>(
          m,
          `insert into participants (tenant_id, email, full_name) values ($1, $2, $3) returning id`,
          [acme, `person${n}@example.org`, `Person ${n}`],
        );
        const [nomination] = await sql<{ id: string }>(
          m,
          `insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                    member_state_code, sex, institution_type, audience,
                                    preferred_language, status, confirmation, waitlisted_at,
                                    check_in_code)
           values ($1, $2, $3, $4, $5, 'female', 'judiciary', 'judges', 'en', $6, $7,
                   case when $6 = 'waitlisted' then now() end,
                   case when $6 = 'approved' then $8 end)
           returning id`,
          [
            acme,
            eventId,
            invitationId,
            person?.id,
            state,
            row.status,
            row.status === 'approved' ? (row.confirmation ?? 'pending') : null,
            `CODE${String(n).padStart(6, '0')}`,
          ],
        );
        if (row.attended) {
          await sql(
            m,
            `insert into attendance (tenant_id, nomination_id, day, status)
             values ($1, $2, '2027-05-10', 'partly'), ($1, $2, '2027-05-11', 'absent')`,
            [acme, nomination?.id],
          );
        }
      }
    });
  };

  const outbox = (kind: string) =>
    ownerQuery<{ recipient: string; language: string; payload: Record<string, unknown> }>(
      app,
      `select recipient, language, payload from mail_outbox where kind = $1 order by created_at, recipient`,
      [kind],
    );

  const auditActions = (entityId: string) =>
    ownerQuery<{ action: string }>(
      app,
      `select action from audit_log where entity_id = $1 order by at, id`,
      [entityId],
    ).then((rows) => rows.map((row) => row.action));

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const other = await createTenant(ds, { slug: 'other', name: 'Other Org' });
    const people = [
      ['officer@acme.example', 'programme_officer', null, 'en'],
      ['admin@acme.example', 'tenant_admin', null, 'en'],
      ['kenya@acme.example', 'focal_point', 'KEN', 'fr'],
      ['kenya2@acme.example', 'focal_point', 'KEN', 'ar'],
      ['france@acme.example', 'focal_point', 'FRA', 'en'],
      ['expert@acme.example', 'expert', null, 'en'],
    ] as const;
    for (const [email, role, state, language] of people) {
      const member = await addMember(ds, acme, {
        email,
        name: email.split('@')[0] ?? email,
        password: PASSWORD,
        role,
        memberStateAlpha3: state,
        preferredLanguage: language,
      });
      if (email === 'officer@acme.example') officerId = member.userId;
    }
    // A focal point of Kenya in another tenant hears nothing of acme's invitations.
    await addMember(ds, other, {
      email: 'kenya@other.example',
      name: 'Other Kenya',
      password: PASSWORD,
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
    });
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
    admin = await app.client().signIn('admin@acme.example', PASSWORD);
    kenya = await app.client().signIn('kenya@acme.example', PASSWORD);
    france = await app.client().signIn('france@acme.example', PASSWORD);
    expert = await app.client().signIn('expert@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  describe('saved lists of States', () => {
    it('creates, lists, renames and deletes a list, with names unique whatever the case', async () => {
      const created = await officer.post('/api/t/acme/state-lists', {
        name: 'Sahel',
        memberStates: ['ner', 'MLI', 'BFA'],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Sahel', memberStates: ['BFA', 'MLI', 'NER'] });

      const twin = await admin.post('/api/t/acme/state-lists', {
        name: 'SAHEL',
        memberStates: ['TCD'],
      });
      expect(twin.status).toBe(409);
      expect(twin.body.type).toBe('/problems/conflict');

      const other = await officer.post('/api/t/acme/state-lists', {
        name: 'Horn of Africa',
        memberStates: ['ETH', 'SOM'],
      });
      const clash = await officer.put(`/api/t/acme/state-lists/${other.body.id}`, {
        name: 'sahel',
        memberStates: ['ETH'],
      });
      expect(clash.status).toBe(409);

      const renamed = await officer.put(`/api/t/acme/state-lists/${created.body.id}`, {
        name: 'Sahel G5',
        memberStates: ['MLI', 'NER', 'BFA', 'TCD', 'MRT'],
      });
      expect(renamed.body).toMatchObject({
        name: 'Sahel G5',
        memberStates: ['BFA', 'MLI', 'MRT', 'NER', 'TCD'],
      });
      const list = await officer.get('/api/t/acme/state-lists');
      expect(list.body.items.map((l: { name: string }) => l.name)).toEqual([
        'Horn of Africa',
        'Sahel G5',
      ]);

      const removed = await officer.delete(`/api/t/acme/state-lists/${other.body.id}`);
      expect(removed.status).toBe(200);
      expect(removed.body.items.map((l: { name: string }) => l.name)).toEqual(['Sahel G5']);
      expect(await auditActions(other.body.id)).toEqual([
        'state_list.created',
        'state_list.deleted',
      ]);
      expect((await officer.delete(`/api/t/acme/state-lists/${other.body.id}`)).status).toBe(404);
    });

    it('refuses bad lists and changes nothing; focal points and experts may not touch them', async () => {
      const before = (await officer.get('/api/t/acme/state-lists')).body.items.length;
      for (const body of [
        { name: '', memberStates: ['KEN'] },
        { name: 'Empty', memberStates: [] },
        { name: 'Unknown', memberStates: ['ZZZ'] },
        { name: 'Twice', memberStates: ['KEN', 'ken'] },
        { name: 'Smuggled', memberStates: ['KEN'], tenantId: acme },
      ]) {
        const response = await officer.post('/api/t/acme/state-lists', body);
        expect({ body, status: response.status }).toEqual({ body, status: 400 });
      }
      expect((await kenya.get('/api/t/acme/state-lists')).status).toBe(403);
      expect(
        (await expert.post('/api/t/acme/state-lists', { name: 'X', memberStates: ['KEN'] })).status,
      ).toBe(403);
      expect((await officer.get('/api/t/acme/state-lists')).body.items.length).toBe(before);
    });
  });

  describe('inviting', () => {
    it('invites by State, regional group, region and saved list at once, skipping those invited', async () => {
      const eventId = await event();
      const list = await officer.post('/api/t/acme/state-lists', {
        name: 'Nordics',
        memberStates: ['NOR', 'SWE'],
      });
      const first = await invite(eventId, { memberStates: ['KEN', 'FRA'] });
      expect(first.invited.map((row) => row.memberState)).toEqual(['FRA', 'KEN']);
      const second = await invite(eventId, {
        memberStates: ['KEN'],
        regionalGroups: ['western_european_others'],
        geographicRegions: ['oceania'],
        stateListIds: [list.body.id],
        seats: 3,
      });
      const invited = second.invited.map((row) => row.memberState);
      // WEOG's members (the United States only observes), Oceania, and the list.
      expect(invited).toEqual(expect.arrayContaining(['AUS', 'DEU', 'FJI', 'NOR', 'SWE', 'TUR']));
      expect(invited).not.toContain('USA');
      expect(invited).not.toContain('KEN');
      expect(invited).not.toContain('FRA');
      expect(second.skipped).toEqual([
        { memberState: 'FRA', reason: 'already_invited' },
        { memberState: 'KEN', reason: 'already_invited' },
      ]);
      expect(second.invited[0]).toMatchObject({ seats: 3, nominationDeadline: '2027-04-01' });

      const withObservers = await invite(eventId, {
        regionalGroups: ['western_european_others'],
        includeObservers: true,
      });
      expect(withObservers.invited.map((row) => row.memberState)).toEqual(['USA']);

      const tab = await officer.get(`/api/t/acme/events/${eventId}/participation`);
      expect(tab.status).toBe(200);
      const rows = tab.body.states as { memberState: string }[];
      expect(rows.length).toBe(invited.length + 3);
      expect(new Set(rows.map((row) => row.memberState)).size).toBe(rows.length);
    });

    it('takes the event default deadline, and needs one before the event starts', async () => {
      const eventId = await event();
      const none = await officer.post(`/api/t/acme/events/${eventId}/invitations`, {
        memberStates: ['KEN'],
        seats: 2,
      });
      expect(none.status).toBe(400);
      expect(none.body.errors[0].path).toBe('nominationDeadline');

      const late = await officer.put(`/api/t/acme/events/${eventId}/participation-settings`, {
        nominationDeadline: '2027-05-11',
        expertsSeeParticipants: false,
      });
      expect(late.status).toBe(400);

      const settings = await officer.put(`/api/t/acme/events/${eventId}/participation-settings`, {
        nominationDeadline: '2027-03-15',
        expertsSeeParticipants: true,
      });
      expect(settings.body).toEqual({
        eventId,
        nominationDeadline: '2027-03-15',
        expertsSeeParticipants: true,
      });
      const result = await officer.post(`/api/t/acme/events/${eventId}/invitations`, {
        memberStates: ['KEN'],
        seats: 2,
      });
      expect(result.body.invited[0].nominationDeadline).toBe('2027-03-15');
      const tab = await officer.get(`/api/t/acme/events/${eventId}/participation`);
      expect(tab.body).toMatchObject({
        nominationDeadline: '2027-03-15',
        expertsSeeParticipants: true,
      });
      expect(await auditActions(eventId)).toEqual([
        'event.participation_settings',
        'event.states_invited',
      ]);
    });

    it('refuses to invite to a draft, cancelled or closed event, and writes nothing', async () => {
      for (const status of ['draft', 'cancelled', 'closed', 'held']) {
        const eventId = await event(status);
        const response = await officer.post(`/api/t/acme/events/${eventId}/invitations`, {
          memberStates: ['KEN'],
          seats: 2,
          nominationDeadline: '2027-04-01',
        });
        expect({ status, answer: response.status, type: response.body.type }).toEqual({
          status,
          answer: 409,
          type: '/problems/invitation-state',
        });
        const [count] = await ownerQuery<{ n: number }>(
          app,
          `select count(*)::int as n from event_invitations where event_id = $1`,
          [eventId],
        );
        expect(count?.n).toBe(0);
      }
    });

    it("mails each invited State's focal points in their own language, and nobody else", async () => {
      const eventId = await event();
      await ownerQuery(app, `delete from mail_outbox`);
      await invite(eventId, { memberStates: ['KEN', 'BRA'], seats: 3 });
      const mails = await outbox('state_invited');
      expect(mails.map((mail) => [mail.recipient, mail.language])).toEqual([
        ['kenya2@acme.example', 'ar'],
        ['kenya@acme.example', 'fr'],
      ]);
      expect(mails[1]?.payload).toMatchObject({
        kind: 'state_invited',
        stateName: 'Kenya',
        seats: 3,
        deadline: '2027-04-01T12:00:00.000Z',
        tenantName: 'Acme Academy',
        link: `${app.config.appUrl}/t/acme/events/${eventId}`,
      });
      expect(mails[0]?.payload['stateName']).toBe('كينيا');
    });
  });

  describe('the participation tab', () => {
    it('counts nominations per State, totals them against capacity, and filters', async () => {
      const eventId = await event('open_for_nominations', 30);
      const ken = await invitationOf(eventId, 'KEN');
      const fra = await invitationOf(eventId, 'FRA');
      await invitationOf(eventId, 'JPN');
      await nominate(eventId, ken, 'KEN', [
        { status: 'approved', confirmation: 'confirmed', attended: true },
        { status: 'approved', confirmation: 'declined' },
        { status: 'nominated' },
        { status: 'waitlisted' },
        { status: 'withdrawn' },
      ]);
      await nominate(eventId, fra, 'FRA', [{ status: 'approved', confirmation: 'pending' }]);
      const tab = (await officer.get(`/api/t/acme/events/${eventId}/participation`)).body;
      const kenRow = tab.states.find((row: { memberState: string }) => row.memberState === 'KEN');
      expect(kenRow).toMatchObject({
        seats: 2,
        seatsLeft: 0,
        status: 'invited',
        regionalGroups: ['african'],
        counts: { nominated: 4, pending: 1, approved: 1, waitlisted: 1, confirmed: 1, attended: 1 },
      });
      expect(tab.totals).toEqual({
        states: 3,
        seats: 6,
        counts: { nominated: 5, pending: 1, approved: 2, waitlisted: 1, confirmed: 1, attended: 1 },
        capacity: 30,
      });

      const byName = async (query: string) =>
        (await officer.get(`/api/t/acme/events/${eventId}/participation?${query}`)).body.states.map(
          (row: { memberState: string }) => row.memberState,
        );
      expect(await byName('q=japon')).toEqual(['JPN']);
      expect(await byName('q=%E6%97%A5%E6%9C%AC')).toEqual(['JPN']); // 日本
      expect(await byName('q=fra')).toEqual(['FRA']);
      expect(await byName('regionalGroup=african')).toEqual(['KEN']);
      expect(await byName('status=accepted')).toEqual([]);
      const filtered = await officer.get(`/api/t/acme/events/${eventId}/participation?q=kenya`);
      // The totals stay those of the whole event.
      expect(filtered.body.totals.states).toBe(3);
      expect(
        (await officer.get(`/api/t/acme/events/${eventId}/participation?status=maybe`)).status,
      ).toBe(400);
    });

    it('runs as many statements for one invited State as for forty, with their nominations', async () => {
      const small = await event();
      await invite(small, { memberStates: ['KEN'] });
      const large = await event();
      const many = await invite(large, { regionalGroups: ['african'] });
      expect(many.invited.length).toBeGreaterThan(40);
      for (const row of many.invited.slice(0, 10)) {
        await nominate(large, row.id, row.memberState, [
          { status: 'approved', attended: true },
          { status: 'nominated' },
        ]);
      }
      // Every statement the app sends to PostgreSQL goes through pg's Client#query.
      const original = Client.prototype.query;
      let count = 0;
      Client.prototype.query = function (this: Client, ...args: unknown[]) {
        count++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      const statementsFor = async (client: ApiClient, path: string) => {
        count = 0;
        const response = await client.get(path);
        expect(response.status).toBe(200);
        return count;
      };
      try {
        const one = await statementsFor(officer, `/api/t/acme/events/${small}/participation`);
        const forty = await statementsFor(officer, `/api/t/acme/events/${large}/participation`);
        expect(forty).toBe(one);
        // begin and scope, the event under the rule, the rows, commit.
        expect(one).toBeLessThanOrEqual(4);
        expect(await statementsFor(kenya, '/api/t/acme/me/invitations')).toBeLessThanOrEqual(3);
      } finally {
        Client.prototype.query = original;
      }
    });

    it("shows a focal point their own State's row only, an expert none", async () => {
      const eventId = await event();
      await invite(eventId, { memberStates: ['KEN', 'FRA', 'DEU'] });
      const mine = await kenya.get(`/api/t/acme/events/${eventId}/participation`);
      expect(mine.status).toBe(200);
      expect(mine.body.states.map((row: { memberState: string }) => row.memberState)).toEqual([
        'KEN',
      ]);
      expect(mine.body.totals.states).toBe(1);
      expect(mine.text).not.toContain('FRA');
      expect(mine.text).not.toContain('DEU');

      // An expert who does not speak at it does not see the event at all.
      expect((await expert.get(`/api/t/acme/events/${eventId}/participation`)).status).toBe(404);
      await inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
        sql(
          m,
          `with speaking as (
             insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at)
             values ($1, $2, 1, 'Opening', '2027-05-10T06:00:00Z', '2027-05-10T07:00:00Z')
             returning tenant_id, event_id, id)
           insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
           select tenant_id, event_id, id, (select id from users where email = 'expert@acme.example'),
                  'speaker', 'accepted', now() from speaking`,
          [acme, eventId],
        ),
      );
      const speaker = await expert.get(`/api/t/acme/events/${eventId}/participation`);
      expect(speaker.status).toBe(200);
      expect(speaker.body.states).toEqual([]);
      expect(speaker.body.totals.states).toBe(0);

      // A focal point of a State not invited does not see the event.
      const eventOnly = await event();
      await invite(eventOnly, { memberStates: ['DEU'] });
      expect((await france.get(`/api/t/acme/events/${eventOnly}/participation`)).status).toBe(404);
    });

    it("never shows a focal point another State's invitation, even on an event their State hosts", async () => {
      const eventId = await event();
      // France hosts: its focal point sees the event, not the States invited to it.
      await ownerQuery(app, `update events set host_states = '{FRA}' where id = $1`, [eventId]);
      const kenyaId = await invitationOf(eventId, 'KEN');
      const germanyId = await invitationOf(eventId, 'DEU');
      await ownerQuery(
        app,
        `update event_invitations set seats_requested = 9, seats_request_status = 'pending',
                seats_request_reason = 'Kenyan judges asked'
          where id = $1`,
        [kenyaId],
      );
      const secrets = [kenyaId, germanyId, 'KEN', 'DEU', 'Kenyan judges asked'];
      const leaks = (text: string) => secrets.filter((secret) => text.includes(secret));

      expect((await france.get(`/api/t/acme/events/${eventId}`)).status).toBe(200);
      const tab = await france.get(`/api/t/acme/events/${eventId}/participation`);
      expect(tab.status).toBe(200);
      expect(tab.body.states).toEqual([]);
      expect(tab.body.totals).toMatchObject({ states: 0, seats: 0 });
      expect(leaks(tab.text)).toEqual([]);
      for (const q of ['KEN', 'Kenya', 'DEU']) {
        const searched = await france.get(
          `/api/t/acme/events/${eventId}/participation?q=${encodeURIComponent(q)}`,
        );
        expect({ q, states: searched.body.states, leaks: leaks(searched.text) }).toEqual({
          q,
          states: [],
          leaks: [],
        });
      }
      const open = await france.get('/api/t/acme/me/invitations');
      expect(open.status).toBe(200);
      expect(leaks(open.text)).toEqual([]);
      for (const [path, body] of [
        ['accept', {}],
        ['decline', { reason: 'not ours' }],
        ['seat-request', { seats: 5, reason: 'more' }],
      ] as const) {
        const response = await france.post(
          `/api/t/acme/events/${eventId}/invitations/${kenyaId}/${path}`,
          body,
        );
        // The problem's `instance` repeats the path asked; nothing else names the invitation.
        const { instance: _instance, ...problem } = response.body as Record<string, unknown>;
        expect({ path, status: response.status, leaks: leaks(JSON.stringify(problem)) }).toEqual({
          path,
          status: 404,
          leaks: [],
        });
      }

      // Kenya's own answer carries Kenya's invitation only.
      const accepted = await kenya.post(
        `/api/t/acme/events/${eventId}/invitations/${kenyaId}/accept`,
      );
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ id: kenyaId, memberState: 'KEN' });
      expect(accepted.text).not.toContain(germanyId);
      expect(accepted.text).not.toContain('DEU');
      const kenyaTab = await kenya.get(`/api/t/acme/events/${eventId}/participation`);
      expect(kenyaTab.body.states.map((row: { id: string }) => row.id)).toEqual([kenyaId]);
      expect(kenyaTab.text).not.toContain(germanyId);
      const kenyaOpen = await kenya.get('/api/t/acme/me/invitations');
      expect(kenyaOpen.body.items.map((item: { id: string }) => item.id)).toContain(kenyaId);
      expect(kenyaOpen.text).not.toContain(germanyId);
    });
  });

  describe("a focal point's answers", () => {
    it('accepts, then declines with a reason; the officer hears of each', async () => {
      const eventId = await event();
      const id = await invitationOf(eventId, 'KEN');
      await ownerQuery(app, `delete from mail_outbox`);
      const accepted = await kenya.post(`/api/t/acme/events/${eventId}/invitations/${id}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
      expect(accepted.body.respondedAt).not.toBeNull();
      const again = await kenya.post(`/api/t/acme/events/${eventId}/invitations/${id}/accept`);
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('/problems/invitation-state');

      const empty = await kenya.post(`/api/t/acme/events/${eventId}/invitations/${id}/decline`, {
        reason: '   ',
      });
      expect(empty.status).toBe(400);
      const declined = await kenya.post(`/api/t/acme/events/${eventId}/invitations/${id}/decline`, {
        reason: 'No judge free on these dates',
      });
      expect(declined.body).toMatchObject({
        status: 'declined',
        declineReason: 'No judge free on these dates',
      });
      const mails = await outbox('invitation_answered');
      // The event's responsible officer, not every planner.
      expect(mails.map((mail) => [mail.recipient, mail.payload['answer']])).toEqual([
        ['officer@acme.example', 'accepted'],
        ['officer@acme.example', 'declined'],
      ]);
      expect(mails[1]?.payload).toMatchObject({
        reason: 'No judge free on these dates',
        stateName: 'Kenya',
      });
      expect(await auditActions(id)).toEqual(['invitation.accepted', 'invitation.declined']);
    });

    it('answers 404 to a focal point of another State, and changes nothing', async () => {
      const eventId = await event();
      const id = await invitationOf(eventId, 'KEN');
      await invitationOf(eventId, 'FRA');
      const before = await ownerQuery(app, `select * from event_invitations where id = $1`, [id]);
      for (const [path, body] of [
        ['accept', {}],
        ['decline', { reason: 'not ours' }],
        ['seat-request', { seats: 5, reason: 'more' }],
      ] as const) {
        const response = await france.post(
          `/api/t/acme/events/${eventId}/invitations/${id}/${path}`,
          body,
        );
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
        // The same answer as for an id that exists nowhere: nothing learnt.
        const nowhere = await france.post(
          `/api/t/acme/events/${eventId}/invitations/00000000-0000-4000-8000-000000000000/${path}`,
          body,
        );
        const { instance: _a, ...answer } = response.body as Record<string, unknown>;
        const { instance: _b, ...reference } = nowhere.body as Record<string, unknown>;
        expect(answer).toEqual(reference);
        expect(response.text).not.toContain('KEN');
      }
      // An invitation id under another event is not found either.
      const elsewhere = await event();
      await invitationOf(elsewhere, 'KEN');
      expect(
        (await kenya.post(`/api/t/acme/events/${elsewhere}/invitations/${id}/accept`)).status,
      ).toBe(404);
      expect(await ownerQuery(app, `select * from event_invitations where id = $1`, [id])).toEqual(
        before,
      );
      // Officers do not answer for a State; focal points do not manage invitations.
      expect(
        (await officer.post(`/api/t/acme/events/${eventId}/invitations/${id}/accept`)).status,
      ).toBe(403);
      expect(
        (await kenya.post(`/api/t/acme/events/${eventId}/invitations/${id}/withdraw`)).status,
      ).toBe(403);
    });

    it('asks for more seats; the officer grants, or refuses with an answer', async () => {
      const eventId = await event();
      const id = await invitationOf(eventId, 'KEN');
      await ownerQuery(app, `delete from mail_outbox`);
      const fewer = await kenya.post(
        `/api/t/acme/events/${eventId}/invitations/${id}/seat-request`,
        {
          seats: 2,
          reason: 'Same',
        },
      );
      expect(fewer.status).toBe(400);
      expect(fewer.body.errors[0].path).toBe('seats');
      const asked = await kenya.post(
        `/api/t/acme/events/${eventId}/invitations/${id}/seat-request`,
        {
          seats: 5,
          reason: 'Two ministries want to come',
        },
      );
      expect(asked.body.seatRequest).toEqual({
        seats: 5,
        reason: 'Two ministries want to come',
        status: 'pending',
        answer: null,
      });
      const twice = await kenya.post(
        `/api/t/acme/events/${eventId}/invitations/${id}/seat-request`,
        {
          seats: 6,
          reason: 'More',
        },
      );
      expect(twice.status).toBe(409);

      const refuseWithout = await officer.post(
        `/api/t/acme/events/${eventId}/invitations/${id}/seat-request/answer`,
        { decision: 'refuse' },
      );
      expect(refuseWithout.status).toBe(400);
      const granted = await officer.post(
        `/api/t/acme/events/${eventId}/invitations/${id}/seat-request/answer`,
        { decision: 'grant' },
      );
      expect(granted.body).toMatchObject({
        seats: 5,
        seatsLeft: 5,
        seatRequest: { seats: 5, status: 'granted' },
      });
      const noRequest = await officer.post(
        `/api/t/acme/events/${eventId}/invitations/${id}/seat-request/answer`,
        { decision: 'grant' },
      );
      expect(noRequest.status).toBe(409);

      await kenya.post(`/api/t/acme/events/${eventId}/invitations/${id}/seat-request`, {
        seats: 9,
        reason: 'Everyone wants to come',
      });
      const refused = await officer.post(
        `/api/t/acme/events/${eventId}/invitations/${id}/seat-request/answer`,
        { decision: 'refuse', answer: 'The room seats forty' },
      );
      expect(refused.body).toMatchObject({
        seats: 5,
        seatRequest: { seats: 9, status: 'refused', answer: 'The room seats forty' },
      });

      const asks = await outbox('invitation_answered');
      expect(asks.map((mail) => mail.payload['seats'])).toEqual([5, 9]);
      const changes = await outbox('invitation_updated');
      expect(
        changes.map((mail) => [mail.recipient, mail.payload['seats'], mail.payload['seatRequest']]),
      ).toEqual([
        ['kenya2@acme.example', 5, { granted: true, answer: null }],
        ['kenya@acme.example', 5, { granted: true, answer: null }],
        ['kenya2@acme.example', 5, { granted: false, answer: 'The room seats forty' }],
        ['kenya@acme.example', 5, { granted: false, answer: 'The room seats forty' }],
      ]);
    });
  });

  describe("officers' changes", () => {
    it('never sets fewer seats than approved participants, and says how many', async () => {
      const eventId = await event();
      const id = await invitationOf(eventId, 'KEN');
      await officer.patch(`/api/t/acme/events/${eventId}/invitations/${id}`, { seats: 4 });
      await nominate(eventId, id, 'KEN', [
        { status: 'approved' },
        { status: 'approved', confirmation: 'confirmed' },
        { status: 'approved', confirmation: 'declined' },
      ]);
      const below = await officer.patch(`/api/t/acme/events/${eventId}/invitations/${id}`, {
        seats: 1,
      });
      expect(below.status).toBe(409);
      expect(below.body.type).toBe('/problems/seats-taken');
      expect(below.body.detail).toMatch(/^2 approved participants/);
      const withdraw = await officer.post(
        `/api/t/acme/events/${eventId}/invitations/${id}/withdraw`,
      );
      expect(withdraw.status).toBe(409);
      const decline = await kenya.post(`/api/t/acme/events/${eventId}/invitations/${id}/decline`, {
        reason: 'Changed our mind',
      });
      expect(decline.status).toBe(409);

      await ownerQuery(app, `delete from mail_outbox`);
      const edited = await officer.patch(`/api/t/acme/events/${eventId}/invitations/${id}`, {
        seats: 2,
        nominationDeadline: '2027-04-20',
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        seats: 2,
        seatsLeft: 0,
        nominationDeadline: '2027-04-20',
      });
      const stale = await officer.patch(`/api/t/acme/events/${eventId}/invitations/${id}`, {
        seats: 3,
        version: edited.body.version - 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('/problems/stale-version');
      const mails = await outbox('invitation_updated');
      expect(mails.map((mail) => mail.payload)).toContainEqual(
        expect.objectContaining({
          seats: 2,
          previousSeats: 4,
          deadline: '2027-04-20T12:00:00.000Z',
          previousDeadline: '2027-04-01T12:00:00.000Z',
          seatRequest: null,
          stateName: 'Kenya',
        }),
      );
    });

    it('withdraws an invitation: the focal point loses sight of the event; inviting again renews it', async () => {
      const eventId = await event();
      const id = await invitationOf(eventId, 'KEN');
      expect((await kenya.get(`/api/t/acme/events/${eventId}`)).status).toBe(200);
      const withdrawn = await officer.post(
        `/api/t/acme/events/${eventId}/invitations/${id}/withdraw`,
      );
      expect(withdrawn.body.status).toBe('withdrawn');
      expect((await kenya.get(`/api/t/acme/events/${eventId}`)).status).toBe(404);
      expect(
        (await kenya.post(`/api/t/acme/events/${eventId}/invitations/${id}/accept`)).status,
      ).toBe(404);
      const tab = (await officer.get(`/api/t/acme/events/${eventId}/participation`)).body;
      expect(tab.totals.states).toBe(0);
      expect(tab.states.map((row: { status: string }) => row.status)).toEqual(['withdrawn']);

      const renewed = await invite(eventId, { memberStates: ['KEN'], seats: 1 });
      expect(renewed.invited).toEqual([
        expect.objectContaining({ id, status: 'invited', seats: 1, declineReason: null }),
      ]);
      expect((await kenya.get(`/api/t/acme/events/${eventId}`)).status).toBe(200);
    });

    it('reminds the focal points at most once an hour', async () => {
      const eventId = await event();
      const id = await invitationOf(eventId, 'KEN');
      await ownerQuery(app, `delete from mail_outbox`);
      const reminded = await officer.post(`/api/t/acme/events/${eventId}/invitations/${id}/remind`);
      expect(reminded.status).toBe(200);
      expect(reminded.body.recipients).toBe(2);
      const soon = await officer.post(`/api/t/acme/events/${eventId}/invitations/${id}/remind`);
      expect(soon.status).toBe(409);
      expect(soon.body.type).toBe('/problems/reminded-recently');
      const mails = await outbox('nomination_reminder');
      expect(mails.length).toBe(2);
      expect(mails.map((mail) => [mail.recipient, mail.payload['stateName']])).toEqual([
        ['kenya2@acme.example', 'كينيا'],
        ['kenya@acme.example', 'Kenya'],
      ]);
      expect(mails[1]?.payload).toMatchObject({
        seatsLeft: 2,
        deadline: '2027-04-01T12:00:00.000Z',
      });

      await ownerQuery(
        app,
        `update event_invitations set reminded_at = now() - interval '61 minutes' where id = $1`,
        [id],
      );
      expect(
        (await officer.post(`/api/t/acme/events/${eventId}/invitations/${id}/remind`)).status,
      ).toBe(200);
      expect((await outbox('nomination_reminder')).length).toBe(4);
    });
  });

  describe('reminders before the nomination deadline', () => {
    it('go a week and two days ahead to States with seats left, once each', async () => {
      await ownerQuery(app, `delete from mail_outbox; delete from mail_schedule_runs`);
      const week = await event();
      const twoDays = await event('open_for_nominations');
      const full = await event();
      const declined = await event();
      const later = await event();
      const weekId = await invitationOf(week, 'KEN');
      const twoDaysId = await invitationOf(twoDays, 'KEN');
      const fullId = await invitationOf(full, 'KEN');
      await nominate(full, fullId, 'KEN', [{ status: 'approved' }, { status: 'nominated' }]);
      const declinedId = await invitationOf(declined, 'KEN');
      await kenya.post(`/api/t/acme/events/${declined}/invitations/${declinedId}/decline`, {
        reason: 'No',
      });
      await invitationOf(later, 'KEN');
      // Invited in January; deadlines set relative to 2027-03-01.
      await ownerQuery(
        app,
        `update event_invitations set invited_at = '2027-01-05T10:00:00Z',
                nomination_deadline = case id when $1 then date '2027-03-06'
                                               when $2 then date '2027-03-02'
                                               else date '2027-03-05' end
          where event_id = any ($3::uuid[])`,
        [weekId, twoDaysId, [week, twoDays, full, declined]],
      );
      await ownerQuery(
        app,
        `update event_invitations set invited_at = '2027-01-05T10:00:00Z',
                nomination_deadline = '2027-03-20' where event_id = $1`,
        [later],
      );
      const scheduler = new MailScheduler(app.running.databases.app, {
        appUrl: 'https://convene.example',
        digestHourUtc: 7,
      });
      await scheduler.tick(new Date('2027-03-01T08:00:00Z'));
      const sent = async () =>
        (await outbox('nomination_reminder')).map(
          (mail) =>
            `${mail.recipient} ${String(mail.payload['deadline']).slice(0, 10)} ${String(mail.payload['seatsLeft'])}`,
        );
      expect((await sent()).sort()).toEqual([
        'kenya2@acme.example 2027-03-02 2',
        'kenya2@acme.example 2027-03-06 2',
        'kenya@acme.example 2027-03-02 2',
        'kenya@acme.example 2027-03-06 2',
      ]);
      // The next day: the week-ahead one of 03-06 was sent; nothing new is due.
      await scheduler.tick(new Date('2027-03-02T08:00:00Z'));
      expect((await sent()).length).toBe(4);
      // Four days ahead of 03-06: its two-day reminder.
      await scheduler.tick(new Date('2027-03-04T08:00:00Z'));
      expect((await sent()).length).toBe(6);
      // The other tenant's Kenya focal point hears nothing of acme.
      expect((await sent()).some((line) => line.includes('other.example'))).toBe(false);
    });
  });

  describe("the focal point's open invitations", () => {
    it('lists their State’s open invitations, soonest deadline first, with seats left', async () => {
      await ownerQuery(app, `delete from event_invitations where member_state_code = 'ESP'`);
      const ds = app.running.databases.app;
      await addMember(ds, acme, {
        email: 'spain@acme.example',
        name: 'Spain',
        password: PASSWORD,
        role: 'focal_point',
        memberStateAlpha3: 'ESP',
      });
      const spain = await app.client().signIn('spain@acme.example', PASSWORD);
      const later = await event();
      const sooner = await event();
      const declined = await event();
      const cancelled = await event();
      const past = await event();
      await invite(later, { memberStates: ['ESP'], nominationDeadline: '2027-04-20', seats: 3 });
      const soonerId = (
        await invite(sooner, { memberStates: ['ESP'], nominationDeadline: '2027-03-01' })
      ).invited[0]?.id as string;
      const declinedId = (await invite(declined, { memberStates: ['ESP'] })).invited[0]?.id;
      await spain.post(`/api/t/acme/events/${declined}/invitations/${declinedId}/decline`, {
        reason: 'No',
      });
      await invite(cancelled, { memberStates: ['ESP'] });
      await ownerQuery(app, `update events set status = 'cancelled' where id = $1`, [cancelled]);
      await invite(past, { memberStates: ['ESP'] });
      await ownerQuery(
        app,
        `update event_invitations set nomination_deadline = current_date - 1 where event_id = $1`,
        [past],
      );
      await nominate(sooner, soonerId, 'ESP', [{ status: 'approved' }]);

      const open = await spain.get('/api/t/acme/me/invitations');
      expect(open.status).toBe(200);
      expect(
        open.body.items.map((item: { event: { id: string }; seatsLeft: number }) => [
          item.event.id,
          item.seatsLeft,
        ]),
      ).toEqual([
        [sooner, 1],
        [later, 3],
      ]);
      expect(open.body.items[0]).toMatchObject({ memberState: 'ESP', status: 'invited', seats: 2 });
      expect((await officer.get('/api/t/acme/me/invitations')).status).toBe(403);
      expect((await expert.get('/api/t/acme/me/invitations')).status).toBe(403);
    });
  });
});
