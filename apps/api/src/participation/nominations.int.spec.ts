import {
  CONSENT_TEXT_VERSION,
  CONSENT_TEXTS,
  type Language,
  TARGET_AUDIENCES,
} from '@convene/contracts';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import type { MailMessage } from '../mail/templates/mail-message';
import { renderMail } from '../mail/templates/mail-renderer';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { checkLink } from './participant-link-token';
import { offerFreedSeat } from './seats';

const PASSWORD = 'nominations passphrase';

interface OutboxRow {
  recipient: string;
  language: Language;
  payload: MailMessage;
}

describe('nominations and decisions', () => {
  let app: TestApp;
  let acme: string;
  let officerId: string;
  let expertId: string;
  const clients: Record<string, ApiClient> = {};
  let counter = 0;

  const as = (who: string) => {
    const client = clients[who];
    if (!client) throw new Error(`no client ${who}`);
    return client;
  };

  /** An event of Acme open for nominations where the expert speaks; options override. */
  const event = async (
    options: { capacity?: number | null; status?: string; experts?: boolean } = {},
  ): Promise<string> =>
    inTransaction(app.running.databases.app, { tenantId: acme }, async (m) => {
      const [row] = await sql<{ id: string }>(
        m,
        `insert into events (tenant_id, type, title, thematic_areas, format, venue_name, venue_city,
                             venue_country, starts_at, ends_at, time_zone, working_languages,
                             host_states, status, capacity, responsible_officer_id,
                             experts_see_participants, nomination_deadline)
         values ($1, 'regional_workshop', $2, '{financing}', 'in_person', 'UN Gigiri', 'Nairobi',
                 'KEN', '2027-05-10T06:00:00Z', '2027-05-12T14:00:00Z', 'Africa/Nairobi', '{en}',
                 '{}', $3, $4, $5, $6, '2027-04-01')
         returning id`,
        [
          acme,
          `Workshop ${++counter}`,
          options.status ?? 'open_for_nominations',
          options.capacity ?? null,
          officerId,
          options.experts ?? false,
        ],
      );
      if (!row) throw new Error('no event');
      await sql(
        m,
        `with speaking as (
           insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at)
           values ($1, $2, 1, 'Opening', '2027-05-10T06:00:00Z', '2027-05-10T07:00:00Z')
           returning tenant_id, event_id, id)
         insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
         select tenant_id, event_id, id, $3::uuid, 'speaker', 'accepted', now() from speaking`,
        [acme, row.id, expertId],
      );
      // The events_stamp_announced trigger stamps a move out of draft, not an insert.
      await sql(m, `update events set announced_at = now() where id = $1`, [row.id]);
      return row.id;
    });

  const invite = async (eventId: string, state: string, seats: number, deadline = '2027-04-01') =>
    inTransaction(app.running.databases.app, { tenantId: acme }, async (m) => {
      const [row] = await sql<{ id: string }>(
        m,
        `insert into event_invitations (tenant_id, event_id, member_state_code, seats, nomination_deadline)
         values ($1, $2, $3, $4, $5) returning id`,
        [acme, eventId, state, seats, deadline],
      );
      if (!row) throw new Error('no invitation');
      return row.id;
    });

  const person = (name: string, overrides: Record<string, unknown> = {}) => ({
    fullName: name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@gov.example`,
    sex: 'female',
    functionTitle: 'Senior investigator',
    institution: 'National Police',
    institutionType: 'law_enforcement',
    audience: 'investigators',
    languages: ['en', 'fr'],
    preferredLanguage: 'fr',
    consent: { attested: true, textVersion: CONSENT_TEXT_VERSION, language: 'en' },
    ...overrides,
  });

  const nominate = async (who: string, eventId: string, body: Record<string, unknown>) => {
    const response = await as(who).post(`/api/t/acme/events/${eventId}/nominations`, body);
    return response;
  };

  const nominated = async (who: string, eventId: string, name: string) => {
    const response = await nominate(who, eventId, person(name));
    expect({
      name,
      status: response.status,
      body: response.status === 201 ? 'ok' : response.body,
    }).toEqual({ name, status: 201, body: 'ok' });
    return response.body.nomination as { id: string; version: number };
  };

  const decide = (id: string, body: Record<string, unknown>) =>
    as('officer').post(`/api/t/acme/nominations/${id}/decision`, body);

  /** Many nominations of one State written directly, as a large fixture (no quota check). */
  const seedNominations = (eventId: string, invitationId: string, state: string, count: number) =>
    inTransaction(app.running.databases.app, { tenantId: acme }, async (m) => {
      const rows = await sql<{ id: string }>(
        m,
        `with people as (
           insert into participants (tenant_id, email, full_name)
           select $1, 'seed-' || $3::text || '-' || g || '@gov.example', 'Seeded ' || g
             from generate_series(1, $4::int) g
           returning id)
         insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                  member_state_code, sex, institution_type, audience,
                                  preferred_language)
         select $1, $2::uuid, $3::uuid, id, $5, 'male', 'judiciary', 'judges', 'en' from people
         returning id`,
        [acme, eventId, invitationId, count, state],
      );
      return rows.map((row) => row.id);
    });

  const outbox = (kind: string) =>
    ownerQuery<OutboxRow>(
      app,
      `select recipient, language, payload from mail_outbox where kind = $1 order by created_at, recipient`,
      [kind],
    );

  const statusOf = async (id: string) => {
    const [row] = await ownerQuery<{ status: string; confirmation: string | null }>(
      app,
      `select status, confirmation from nominations where id = $1`,
      [id],
    );
    return row;
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const globex = await createTenant(ds, { slug: 'globex', name: 'Globex' });
    const people = [
      ['officer', acme, 'programme_officer', null, 'en'],
      ['admin', acme, 'tenant_admin', null, 'en'],
      ['kenya', acme, 'focal_point', 'KEN', 'en'],
      ['kenya-fr', acme, 'focal_point', 'KEN', 'fr'],
      ['france', acme, 'focal_point', 'FRA', 'en'],
      ['expert', acme, 'expert', null, 'en'],
      ['bystander', acme, 'expert', null, 'en'],
      ['globex', globex, 'tenant_admin', null, 'en'],
    ] as const;
    for (const [who, tenant, role, state, language] of people) {
      const member = await addMember(ds, tenant, {
        email: `${who}@example.org`,
        name: `The ${who}`,
        password: PASSWORD,
        role,
        memberStateAlpha3: state,
        preferredLanguage: language,
      });
      if (who === 'officer') officerId = member.userId;
      if (who === 'expert') expertId = member.userId;
      clients[who] = await app.client().signIn(`${who}@example.org`, PASSWORD);
    }
  });

  afterAll(() => app.close());

  it("takes a focal point's nomination for their State, keeps the consent text shown, accepts the invitation and tells the officer", async () => {
    const eventId = await event();
    const invitationId = await invite(eventId, 'KEN', 3);
    const response = await nominate(
      'kenya',
      eventId,
      person('Amina Odhiambo', {
        consent: { attested: true, textVersion: CONSENT_TEXT_VERSION, language: 'fr' },
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body.nomination).toMatchObject({
      view: 'full',
      eventId,
      invitationId,
      memberStateCode: 'KEN',
      fullName: 'Amina Odhiambo',
      participant: { email: 'amina.odhiambo@gov.example' },
      status: 'nominated',
      confirmation: null,
      version: 1,
    });
    expect(response.body.consents).toEqual([
      expect.objectContaining({
        textVersion: CONSENT_TEXT_VERSION,
        text: CONSENT_TEXTS.fr,
        attestedBy: expect.objectContaining({ name: 'The kenya' }),
      }),
    ]);
    const [invitation] = await ownerQuery<{ status: string }>(
      app,
      `select status from event_invitations where id = $1`,
      [invitationId],
    );
    expect(invitation?.status).toBe('accepted');
    const received = (await outbox('nomination_received')).filter(
      (row) =>
        row.payload.kind === 'nomination_received' && row.payload.nomineeName === 'Amina Odhiambo',
    );
    expect(received.map((row) => row.recipient)).toEqual(['officer@example.org']);
    const [first] = received;
    if (!first) throw new Error('no nomination_received mail');
    const mail = renderMail(first.payload, 'en', {
      tenantName: 'Acme Academy',
      appUrl: 'https://convene.example',
    });
    expect(mail.subject).toBe(`Nomination from Kenya: ${'Workshop'} ${counter}`);
  });

  it('refuses consent not attested, a consent text version it never showed, and a bad email, changing nothing', async () => {
    const eventId = await event();
    await invite(eventId, 'KEN', 3);
    for (const body of [
      person('No Consent', {
        consent: { attested: false, textVersion: CONSENT_TEXT_VERSION, language: 'en' },
      }),
      person('Old Text', { consent: { attested: true, textVersion: '2001-01', language: 'en' } }),
      person('Bad Mail', { email: 'not an email' }),
      person('Extra', { status: 'approved' }),
    ]) {
      const response = await nominate('kenya', eventId, body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const [count] = await ownerQuery<{ n: number }>(
      app,
      `select count(*)::int as n from nominations where event_id = $1`,
      [eventId],
    );
    expect(count?.n).toBe(0);
  });

  it('keeps in the database only the target audiences the contracts know', async () => {
    const eventId = await event();
    const invitationId = await invite(eventId, 'KEN', 20);
    const insert = (audience: string) =>
      inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
        sql(
          m,
          `with person as (
             insert into participants (tenant_id, email, full_name)
             values ($1, $4 || '-' || gen_random_uuid() || '@gov.example', 'Audience ' || $4)
             returning id)
           insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                    member_state_code, sex, institution_type, audience,
                                    preferred_language)
           select $1, $2, $3, id, 'KEN', 'male', 'judiciary', $4, 'en' from person`,
          [acme, eventId, invitationId, audience],
        ),
      );
    for (const audience of TARGET_AUDIENCES) await insert(audience);
    for (const audience of ['astronauts', 'Judges', '', 'judges ']) {
      await expect(insert(audience)).rejects.toThrow(/nominations_audience_check/);
    }
    const rows = await ownerQuery<{ audience: string }>(
      app,
      `select audience from nominations where event_id = $1 order by audience`,
      [eventId],
    );
    expect(rows.map((row) => row.audience)).toEqual([...TARGET_AUDIENCES].sort());
  });

  it('lets a State nominate up to its seats, then refuses with 409; a waitlisted nominee makes room', async () => {
    const eventId = await event();
    await invite(eventId, 'KEN', 2);
    const first = await nominated('kenya', eventId, 'Quota One');
    await nominated('kenya', eventId, 'Quota Two');
    const third = await nominate('kenya', eventId, person('Quota Three'));
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ type: '/problems/no-seats', status: 409 });
    expect((await decide(first.id, { decision: 'waitlist' })).status).toBe(200);
    expect((await nominate('kenya', eventId, person('Quota Three'))).status).toBe(201);
  });

  it('refuses a nomination after the deadline, on a declined invitation, or for a State not invited', async () => {
    const late = await event();
    await invite(late, 'KEN', 2, '2020-01-01');
    const afterDeadline = await nominate('kenya', late, person('Too Late'));
    expect(afterDeadline.body).toMatchObject({ status: 409, type: '/problems/nomination-closed' });
    const declined = await event();
    const invitationId = await invite(declined, 'KEN', 2);
    await ownerQuery(
      app,
      `update event_invitations set status = 'declined', decline_reason = 'No budget' where id = $1`,
      [invitationId],
    );
    expect((await nominate('kenya', declined, person('Declined'))).body).toMatchObject({
      status: 409,
      type: '/problems/nomination-closed',
    });
    const notInvited = await event();
    await invite(notInvited, 'FRA', 2);
    // Kenya is not invited: the event does not exist for its focal point.
    expect((await nominate('kenya', notInvited, person('Uninvited'))).status).toBe(404);
    const closed = await event({ status: 'nominations_closed' });
    await invite(closed, 'KEN', 2);
    expect((await nominate('kenya', closed, person('Closed'))).body).toMatchObject({
      type: '/problems/nomination-closed',
    });
  });

  it('recognises a person nominated again by email, keeps one person, and shows their history', async () => {
    const first = await event();
    const second = await event();
    await invite(first, 'KEN', 3);
    await invite(second, 'KEN', 3);
    const a = await nominated('kenya', first, 'Returning Person');
    const again = await nominate(
      'kenya',
      second,
      person('Returning Person', {
        email: 'RETURNING.person@gov.example',
        fullName: 'Returning M. Person',
      }),
    );
    expect(again.status).toBe(201);
    const one = await as('officer').get(`/api/t/acme/nominations/${a.id}`);
    const participantId = one.body.nomination.participant.id as string;
    expect(again.body.nomination.participant.id).toBe(participantId);
    const history = await as('officer').get(
      `/api/t/acme/nominations?participantId=${participantId}`,
    );
    expect(history.status).toBe(200);
    expect(history.body.items.map((item: { eventId: string }) => item.eventId)).toEqual([
      first,
      second,
    ]);
    // The name is the latest the focal point gave.
    expect(history.body.items[0].fullName).toBe('Returning M. Person');
    // The same person twice for one event is a conflict.
    const twice = await nominate('kenya', first, person('Returning Person'));
    expect(twice.body).toMatchObject({ status: 409, type: '/problems/conflict' });
    // A State's history, as its focal point sees it.
    const state = await as('kenya').get(
      `/api/t/acme/nominations?state=KEN&participantId=${participantId}`,
    );
    expect(state.body.items).toHaveLength(2);
  });

  it("shows focal points only their State's nominees, experts nothing or names only, and hides every path from the rest", async () => {
    const eventId = await event();
    await invite(eventId, 'KEN', 3);
    await invite(eventId, 'FRA', 3);
    const kenyan = await nominated('kenya', eventId, 'Kenyan Nominee');
    const approvedKenyan = await nominated('kenya', eventId, 'Approved Kenyan');
    const french = await nominated('france', eventId, 'French Nominee');
    expect((await decide(approvedKenyan.id, { decision: 'approve' })).status).toBe(200);

    const names = (response: { body: { items: { fullName: string }[] } }) =>
      response.body.items.map((item) => item.fullName).sort();
    const list = (who: string) => as(who).get(`/api/t/acme/events/${eventId}/nominations`);

    expect(names(await list('officer'))).toEqual([
      'Approved Kenyan',
      'French Nominee',
      'Kenyan Nominee',
    ]);
    expect(names(await list('admin'))).toHaveLength(3);
    const kenya = await list('kenya');
    expect(names(kenya)).toEqual(['Approved Kenyan', 'Kenyan Nominee']);
    expect(kenya.text).not.toContain('french.nominee');
    const france = await list('france');
    expect(names(france)).toEqual(['French Nominee']);
    expect(france.text).not.toContain('Kenyan');
    expect((await as('kenya').get(`/api/t/acme/nominations/${french.id}`)).status).toBe(404);
    expect((await as('france').get(`/api/t/acme/nominations/${kenyan.id}`)).status).toBe(404);
    expect(
      (await as('france').post(`/api/t/acme/nominations/${kenyan.id}/withdraw`, { version: 1 }))
        .status,
    ).toBe(404);
    expect(
      (
        await as('france').put(`/api/t/acme/nominations/${kenyan.id}`, {
          ...person('Hijack'),
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect((await statusOf(kenyan.id))?.status).toBe('nominated');

    // The event does not let experts see participants: the speaking expert sees nobody.
    const off = await list('expert');
    expect(off.status).toBe(200);
    expect(off.body.items).toEqual([]);
    expect((await as('expert').get(`/api/t/acme/nominations/${approvedKenyan.id}`)).status).toBe(
      404,
    );

    await ownerQuery(app, `update events set experts_see_participants = true where id = $1`, [
      eventId,
    ]);
    const on = await list('expert');
    expect(on.body.items).toEqual([
      {
        view: 'names',
        id: approvedKenyan.id,
        eventId,
        memberStateCode: 'KEN',
        fullName: 'Approved Kenyan',
        institution: 'National Police',
      },
    ]);
    expect(on.text).not.toContain('@gov.example');
    const one = await as('expert').get(`/api/t/acme/nominations/${approvedKenyan.id}`);
    expect(one.body).toEqual({ nomination: on.body.items[0], consents: [] });
    // Searching by email or filtering on the confirmation finds nothing an expert may not read.
    expect(
      (await as('expert').get(`/api/t/acme/events/${eventId}/nominations?q=approved.kenyan`)).body
        .items,
    ).toEqual([]);
    expect(
      (await as('expert').get(`/api/t/acme/events/${eventId}/nominations?confirmation=pending`))
        .body.items,
    ).toEqual([]);
    // An expert who does not speak at the event does not even see the event.
    expect((await list('bystander')).status).toBe(404);
    expect((await as('bystander').get(`/api/t/acme/nominations?state=KEN`)).body.items).toEqual([]);
    // Another tenant's admin: the tenant does not exist for them.
    expect((await as('globex').get(`/api/t/acme/events/${eventId}/nominations`)).status).toBe(404);
    expect((await as('globex').get(`/api/t/globex/nominations/${kenyan.id}`)).status).toBe(404);
    // Officers decide, focal points do not; officers do not nominate.
    expect(
      (
        await as('kenya').post(`/api/t/acme/nominations/${kenyan.id}/decision`, {
          decision: 'approve',
        })
      ).body,
    ).toMatchObject({ status: 403 });
    expect((await nominate('officer', eventId, person('By Officer'))).status).toBe(403);
  });

  it('approves with a pending confirmation, a check-in code, two signed links, and mails the participant in their language with the .ics', async () => {
    const eventId = await event();
    await invite(eventId, 'KEN', 2);
    const nomination = await nominated('kenya', eventId, 'Links Person');
    const response = await decide(nomination.id, { decision: 'approve', version: 1 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'approved',
      confirmation: 'pending',
      version: 2,
    });
    const [row] = await ownerQuery<{ check_in_code: string }>(
      app,
      `select check_in_code from nominations where id = $1`,
      [nomination.id],
    );
    expect(row?.check_in_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    const links = await ownerQuery<{ id: string; purpose: string; expires_at: Date }>(
      app,
      `select id, purpose, expires_at from participant_links where nomination_id = $1 and revoked_at is null order by purpose`,
      [nomination.id],
    );
    expect(links.map((link) => link.purpose)).toEqual(['decision', 'page']);
    expect(links[0]?.expires_at.toISOString()).toBe('2027-05-10T06:00:00.000Z');
    const [mail] = (await outbox('participation_confirmation')).filter(
      (entry) => entry.recipient === 'links.person@gov.example',
    );
    expect(mail?.language).toBe('fr');
    const payload = mail?.payload;
    if (payload?.kind !== 'participation_confirmation') throw new Error('no confirmation mail');
    const base = app.config.appUrl;
    expect(payload.link.startsWith(`${base}/p/decision/`)).toBe(true);
    expect(payload.pageLink.startsWith(`${base}/p/`)).toBe(true);
    const decision = checkLink(payload.link.slice(`${base}/p/decision/`.length), app.config.secret);
    const page = checkLink(payload.pageLink.slice(`${base}/p/`.length), app.config.secret);
    expect(decision).toMatchObject({
      ok: true,
      claims: { tenantId: acme, purpose: 'decision', linkId: links[0]?.id },
    });
    expect(page).toMatchObject({
      ok: true,
      claims: { tenantId: acme, purpose: 'page', linkId: links[1]?.id },
    });
    expect(payload.ics).toContain('BEGIN:VEVENT');
    const rendered = renderMail(payload, 'fr', { tenantName: 'Acme Academy', appUrl: base });
    expect(rendered.subject).toContain('Merci de confirmer votre participation');
    expect(rendered.attachments?.[0]?.filename).toBe('event.ics');
    // The State's focal points hear of the decision, each in their language.
    const decided = (await outbox('nomination_decided')).filter(
      (entry) =>
        entry.payload.kind === 'nomination_decided' &&
        'nomineeName' in entry.payload &&
        entry.payload.nomineeName === 'Links Person',
    );
    expect(decided.map((entry) => `${entry.recipient} ${entry.language}`).sort()).toEqual([
      'kenya-fr@example.org fr',
      'kenya@example.org en',
    ]);
    // Approving twice is not a move; a stale version is refused.
    expect((await decide(nomination.id, { decision: 'approve' })).body).toMatchObject({
      type: '/problems/nomination-transition',
    });
    expect(
      (await decide(nomination.id, { decision: 'decline', reason: 'x', version: 1 })).body,
    ).toMatchObject({
      type: '/problems/stale-version',
    });
  });

  it('needs a reason to decline, and refuses decisions once the event is held', async () => {
    const eventId = await event();
    await invite(eventId, 'KEN', 2);
    const nomination = await nominated('kenya', eventId, 'Reasonless');
    const response = await decide(nomination.id, { decision: 'decline' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    await ownerQuery(app, `update events set status = 'held' where id = $1`, [eventId]);
    expect((await decide(nomination.id, { decision: 'approve' })).body).toMatchObject({
      status: 409,
      type: '/problems/nomination-closed',
    });
    expect((await statusOf(nomination.id))?.status).toBe('nominated');
  });

  it('withdraws, refuses to edit or withdraw again, and revives the nomination when the person is nominated again', async () => {
    const eventId = await event();
    await invite(eventId, 'KEN', 2);
    const nomination = await nominated('kenya', eventId, 'Withdrawn Person');
    const edited = await as('kenya').put(`/api/t/acme/nominations/${nomination.id}`, {
      ...person('Withdrawn Person', {
        functionTitle: 'Prosecutor',
        institutionType: 'prosecution',
      }),
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.nomination).toMatchObject({ functionTitle: 'Prosecutor', version: 2 });
    expect(edited.body.consents).toHaveLength(2);
    const stale = await as('kenya').post(`/api/t/acme/nominations/${nomination.id}/withdraw`, {
      version: 1,
    });
    expect(stale.body).toMatchObject({ status: 409, type: '/problems/stale-version' });
    const withdrawn = await as('kenya').post(`/api/t/acme/nominations/${nomination.id}/withdraw`, {
      version: 2,
    });
    expect(withdrawn.body.nomination).toMatchObject({ status: 'withdrawn', version: 3 });
    expect(
      (await as('kenya').post(`/api/t/acme/nominations/${nomination.id}/withdraw`, { version: 3 }))
        .body,
    ).toMatchObject({ type: '/problems/nomination-transition' });
    expect(
      (
        await as('kenya').put(`/api/t/acme/nominations/${nomination.id}`, {
          ...person('Withdrawn Person'),
          version: 3,
        })
      ).body,
    ).toMatchObject({ type: '/problems/nomination-transition' });
    expect((await decide(nomination.id, { decision: 'approve' })).body).toMatchObject({
      type: '/problems/nomination-transition',
    });
    const revived = await nominate('kenya', eventId, person('Withdrawn Person'));
    expect(revived.status).toBe(201);
    expect(revived.body.nomination).toMatchObject({ id: nomination.id, status: 'nominated' });
  });

  it("offers a freed seat to the State's first waitlisted nominee: on an officer's decline and on the participant's", async () => {
    const eventId = await event();
    const invitationId = await invite(eventId, 'KEN', 1);
    const first = await nominated('kenya', eventId, 'Seat Holder');
    expect((await decide(first.id, { decision: 'approve' })).status).toBe(200);
    await ownerQuery(app, `update event_invitations set seats = 3 where id = $1`, [invitationId]);
    const early = await nominated('kenya', eventId, 'Early Waiter');
    const late = await nominated('kenya', eventId, 'Late Waiter');
    await ownerQuery(app, `update event_invitations set seats = 1 where id = $1`, [invitationId]);
    // The one seat is taken: approving another is refused, and says why.
    const full = await decide(early.id, { decision: 'approve' });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({
      type: '/problems/no-seats',
      detail: expect.stringContaining('KEN'),
    });
    expect((await decide(early.id, { decision: 'waitlist' })).body.status).toBe('waitlisted');
    expect((await decide(late.id, { decision: 'waitlist' })).body.status).toBe('waitlisted');

    // The officer declines the approved nominee: the earliest waitlisted takes the seat.
    const declined = await decide(first.id, { decision: 'decline', reason: 'Changed post' });
    expect(declined.body).toMatchObject({
      status: 'declined',
      decisionReason: 'Changed post',
      confirmation: null,
    });
    expect(await statusOf(early.id)).toEqual({ status: 'approved', confirmation: 'pending' });
    expect(await statusOf(late.id)).toEqual({ status: 'waitlisted', confirmation: null });
    const live = await ownerQuery<{ n: number }>(
      app,
      `select count(*)::int as n from participant_links where nomination_id = $1 and revoked_at is null`,
      [first.id],
    );
    expect(live[0]?.n).toBe(0);
    expect((await outbox('participation_confirmation')).map((row) => row.recipient)).toContain(
      'early.waiter@gov.example',
    );

    // The participant declines through their link (part-links calls offerFreedSeat).
    const promoted = await inTransaction(
      app.running.databases.app,
      { tenantId: acme },
      async (m) => {
        await sql(m, `update nominations set confirmation = 'declined' where id = $1`, [early.id]);
        return offerFreedSeat(m, invitationId, {
          appUrl: app.config.appUrl,
          secret: app.config.secret,
        });
      },
    );
    expect(promoted).toEqual([late.id]);
    expect(await statusOf(late.id)).toEqual({ status: 'approved', confirmation: 'pending' });
    // Nobody waits any more, and the seat is taken: nothing more to offer.
    const none = await inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
      offerFreedSeat(m, invitationId, { appUrl: app.config.appUrl, secret: app.config.secret }),
    );
    expect(none).toEqual([]);
  });

  it('decides many at once, reporting each: done, over the seats, or not found', async () => {
    const eventId = await event();
    const invitationId = await invite(eventId, 'KEN', 2);
    const ids = await seedNominations(eventId, invitationId, 'KEN', 3);
    const missing = '00000000-0000-4000-8000-000000000000';
    const response = await as('officer').post('/api/t/acme/nominations/decisions', {
      nominationIds: [...ids, missing],
      decision: 'approve',
    });
    expect(response.status).toBe(200);
    expect(
      response.body.results.map((result: { ok: boolean; status?: number; type?: string }) =>
        result.ok ? 'ok' : `${result.status} ${result.type}`,
      ),
    ).toEqual(['ok', 'ok', '409 /problems/no-seats', '404 /problems/not-found']);
    const [count] = await ownerQuery<{ n: number }>(
      app,
      `select count(*)::int as n from nominations where invitation_id = $1 and status = 'approved'`,
      [invitationId],
    );
    expect(count?.n).toBe(2);
    const bulkDecline = await as('officer').post('/api/t/acme/nominations/decisions', {
      nominationIds: ids,
      decision: 'decline',
    });
    expect(bulkDecline.status).toBe(400);
  });

  it("tells each State's focal points of a bulk decision in one mail listing their State's decisions", async () => {
    const eventId = await event();
    const kenyan = await seedNominations(eventId, await invite(eventId, 'KEN', 2), 'KEN', 3);
    const french = await seedNominations(eventId, await invite(eventId, 'FRA', 3), 'FRA', 2);
    const names = new Map<string, string>();
    for (const [index, id] of [...kenyan, ...french].entries()) {
      const name = `${index < 3 ? 'Kenyan' : 'French'} bulk ${index}`;
      names.set(id, name);
      await ownerQuery(
        app,
        `update participants set full_name = $1
          where id = (select participant_id from nominations where id = $2)`,
        [name, id],
      );
    }
    const nameOf = (id: string | undefined) => names.get(id ?? '') ?? '?';
    /** The mails of this test's nominees since `since`: recipient, language, and what they list. */
    const mails = async (since: Date) =>
      (
        await ownerQuery<OutboxRow & { key: string }>(
          app,
          `select recipient, language, payload, idempotency_key as key from mail_outbox
            where kind = 'nomination_decided' and created_at >= $1 order by recipient`,
          [since],
        )
      )
        .map((row) => ({
          to: `${row.recipient} ${row.language}`,
          listed:
            row.payload.kind !== 'nomination_decided'
              ? []
              : 'decisions' in row.payload
                ? row.payload.decisions.map((line) => `${line.nomineeName} ${line.decision}`)
                : [`${row.payload.nomineeName} ${row.payload.decision}`],
          payload: row.payload,
        }))
        .filter((mail) => mail.listed.some((line) => line.includes(' bulk ')));

    const first = new Date(Date.now() - 1000);
    const approved = await as('officer').post('/api/t/acme/nominations/decisions', {
      nominationIds: [...kenyan, ...french],
      decision: 'approve',
    });
    expect(approved.status).toBe(200);
    // Kenya has two seats: its third nominee is refused, and is in no mail.
    const sent = await mails(first);
    expect(sent.map(({ to, listed }) => ({ to, listed }))).toEqual([
      {
        to: 'france@example.org en',
        listed: [`${nameOf(french[0])} approved`, `${nameOf(french[1])} approved`],
      },
      {
        to: 'kenya-fr@example.org fr',
        listed: [`${nameOf(kenyan[0])} approved`, `${nameOf(kenyan[1])} approved`],
      },
      {
        to: 'kenya@example.org en',
        listed: [`${nameOf(kenyan[0])} approved`, `${nameOf(kenyan[1])} approved`],
      },
    ]);
    const toKenyaFr = sent.find((mail) => mail.to.startsWith('kenya-fr'))?.payload;
    if (!toKenyaFr) throw new Error('no mail to kenya-fr');
    const rendered = renderMail(toKenyaFr, 'fr', {
      tenantName: 'Acme Academy',
      appUrl: 'https://convene.example',
    });
    expect(rendered.subject).toBe(`Décisions sur 2 désignations pour Workshop ${counter}`);
    expect(rendered.text).toContain(`${nameOf(kenyan[0])}\u00a0: approuvée`);
    expect(rendered.text).not.toContain('French bulk');

    // A decline frees a seat: Kenya's waitlisted nominee is promoted, in the same one mail.
    expect((await decide(kenyan[2] ?? '', { decision: 'waitlist' })).status).toBe(200);
    const second = new Date();
    const declined = await as('officer').post('/api/t/acme/nominations/decisions', {
      nominationIds: [kenyan[0]],
      decision: 'decline',
      reason: 'Not a judge',
    });
    expect(declined.status).toBe(200);
    expect(declined.body.promoted).toEqual([kenyan[2]]);
    const after = await mails(second);
    expect(after.map(({ to, listed }) => ({ to, listed }))).toEqual(
      ['kenya-fr@example.org fr', 'kenya@example.org en'].map((to) => ({
        to,
        listed: [`${nameOf(kenyan[0])} declined`, `${nameOf(kenyan[2])} approved`],
      })),
    );
    const english = renderMail(after[1]?.payload ?? toKenyaFr, 'en', {
      tenantName: 'Acme Academy',
      appUrl: 'https://convene.example',
    });
    expect(english.text).toContain(`${nameOf(kenyan[0])}: declined (reason: Not a judge)`);
  });

  it('approves exactly 20 of 100 concurrent approvals on 20 seats; the others get a 409 that says why', async () => {
    const eventId = await event();
    const invitationId = await invite(eventId, 'KEN', 20);
    const ids = await seedNominations(eventId, invitationId, 'KEN', 100);
    const responses = await Promise.all(ids.map((id) => decide(id, { decision: 'approve' })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    const refused = responses.filter((response) => response.status !== 200);
    expect(refused).toHaveLength(80);
    for (const response of refused) {
      expect(response.status).toBe(409);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: '/problems/no-seats',
        detail: expect.stringContaining('All 20 seats of KEN are taken'),
      });
    }
    const [count] = await ownerQuery<{ n: number }>(
      app,
      `select count(*)::int as n from nominations where invitation_id = $1 and status = 'approved'`,
      [invitationId],
    );
    expect(count?.n).toBe(20);
  }, 60_000);

  it("holds the event's capacity across States under concurrent approvals", async () => {
    const eventId = await event({ capacity: 5 });
    const kenya = await invite(eventId, 'KEN', 4);
    const france = await invite(eventId, 'FRA', 4);
    const ids = [
      ...(await seedNominations(eventId, kenya, 'KEN', 4)),
      ...(await seedNominations(eventId, france, 'FRA', 4)),
    ];
    const responses = await Promise.all(ids.map((id) => decide(id, { decision: 'approve' })));
    expect(responses.filter((response) => response.status === 200)).toHaveLength(5);
    for (const response of responses.filter((r) => r.status !== 200)) {
      expect(response.body).toMatchObject({
        status: 409,
        type: '/problems/no-seats',
        detail: expect.stringContaining('capacity of 5'),
      });
    }
    const [count] = await ownerQuery<{ n: number }>(
      app,
      `select count(*)::int as n from nominations where event_id = $1 and status = 'approved'`,
      [eventId],
    );
    expect(count?.n).toBe(5);
  }, 60_000);
});
