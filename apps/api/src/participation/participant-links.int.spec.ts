import ICAL from 'ical.js';
import { MailScheduler } from '../mail/mail-scheduler';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp, waitForMail } from '../testing/test-app';
import { checkLink, signLink } from './participant-link-token';
import { findPersonalData } from '../testing/personal-data-scan';
import { approvedNominee, type Nominee, type NomineeOptions } from './participant-links.testing';

const PASSWORD = 'participant links passphrase';
const DAY = 86_400_000;

describe("the participant's links", () => {
  let app: TestApp;
  let alpha: string;
  let beta: string;
  let officer: ApiClient;
  let focal: ApiClient;
  let betaAdmin: ApiClient;

  const nominee = (options: NomineeOptions = {}, tenant = alpha) =>
    approvedNominee(app.running.databases.app, app.config.secret, tenant, options);

  /** An anonymous browser: no session, the CSRF pair fetched as the web page would. */
  const visitor = () => app.client();

  const nomination = async (id: string) => {
    const [row] = await ownerQuery<{
      status: string;
      confirmation: string | null;
      dietary_needs: string;
      accessibility_needs: string;
      confirmed_at: Date | null;
    }>(
      app,
      `select status, confirmation, dietary_needs, accessibility_needs, confirmed_at
         from nominations where id = $1`,
      [id],
    );
    return row;
  };

  const links = (nominationId: string) =>
    ownerQuery<{ purpose: string; used_at: Date | null; revoked_at: Date | null }>(
      app,
      `select purpose, used_at, revoked_at from participant_links
        where nomination_id = $1 order by created_at, purpose`,
      [nominationId],
    );

  const expectProblem = (
    response: { status: number; headers: Headers; body: { type?: string } },
    status: number,
    code: string,
  ) => {
    expect({ status: response.status, type: response.body?.type }).toEqual({
      status,
      type: `/problems/${code}`,
    });
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    const ds = app.running.databases.app;
    alpha = await createTenant(ds, { slug: 'alpha', name: 'Alpha Centre' });
    beta = await createTenant(ds, { slug: 'beta', name: 'Beta Centre' });
    for (const [email, tenant, role, state] of [
      ['officer@alpha.example', alpha, 'programme_officer', null],
      ['focal@alpha.example', alpha, 'focal_point', 'KEN'],
      ['admin@beta.example', beta, 'tenant_admin', null],
    ] as const) {
      await addMember(ds, tenant, {
        email,
        name: email,
        password: PASSWORD,
        role,
        memberStateAlpha3: state,
      });
    }
    officer = await app.client().signIn('officer@alpha.example', PASSWORD);
    focal = await app.client().signIn('focal@alpha.example', PASSWORD);
    betaAdmin = await app.client().signIn('admin@beta.example', PASSWORD);
  });

  afterAll(() => app?.close());

  describe('the decision link', () => {
    it('shows what is asked: the event, its dates and place, and whom it is for', async () => {
      const person = await nominee({ name: 'Amina Odhiambo', language: 'fr' });
      const other = await nominee({ name: 'Someone Else', eventId: person.eventId });
      const response = await visitor().get(`/api/participant/decision/${person.decisionToken}`);
      expect(response.status).toBe(200);
      expect(response.body.participant).toEqual({
        name: 'Amina Odhiambo',
        memberStateAlpha3: 'KEN',
        preferredLanguage: 'fr',
      });
      expect(response.body.event).toMatchObject({
        summary: 'Evidence across borders',
        format: 'in_person',
        timeZone: 'Africa/Nairobi',
        venue: { name: 'UN Gigiri', city: 'Nairobi', countryAlpha3: 'KEN' },
        organiser: 'Alpha Centre',
      });
      // Nothing of anyone else, nor the person's own address.
      expect(response.text).not.toContain('Someone Else');
      expect(response.text).not.toContain('@example.org');
      expect(response.text).not.toContain(other.nominationId);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    });

    it('confirms once, with the needs, and answers 410 to a second use', async () => {
      const person = await nominee();
      const client = visitor();
      const path = `/api/participant/decision/${person.decisionToken}`;
      const answer = await client.post(path, {
        answer: 'confirm',
        dietaryNeeds: 'Vegetarian, no nuts',
        accessibilityNeeds: 'Step-free access to the room',
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ confirmation: 'confirmed' });
      const row = await nomination(person.nominationId);
      expect(row).toMatchObject({
        status: 'approved',
        confirmation: 'confirmed',
        dietary_needs: 'Vegetarian, no nuts',
        accessibility_needs: 'Step-free access to the room',
      });
      expect(row?.confirmed_at).toBeInstanceOf(Date);
      expect(
        (await links(person.nominationId)).find((l) => l.purpose === 'decision')?.used_at,
      ).toBeInstanceOf(Date);

      const again = await client.post(path, { answer: 'decline' });
      expectProblem(again, 410, 'participant-link-used');
      expectProblem(await visitor().get(path), 410, 'participant-link-used');
      // The second answer changed nothing.
      expect((await nomination(person.nominationId))?.confirmation).toBe('confirmed');

      const page = await visitor().get(`/api/participant/${person.pageToken}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({
        status: 'approved',
        confirmation: 'confirmed',
        dietaryNeeds: 'Vegetarian, no nuts',
        accessibilityNeeds: 'Step-free access to the room',
        checkInCode: person.checkInCode,
      });
    });

    it('declines: the seat is given up, the page says so and holds no check-in code', async () => {
      const person = await nominee();
      const answer = await visitor().post(`/api/participant/decision/${person.decisionToken}`, {
        answer: 'decline',
        dietaryNeeds: 'not kept on a decline',
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ confirmation: 'declined' });
      expect(await nomination(person.nominationId)).toMatchObject({
        confirmation: 'declined',
        dietary_needs: '',
        confirmed_at: null,
      });
      const page = await visitor().get(`/api/participant/${person.pageToken}`);
      expect(page.body).toMatchObject({ confirmation: 'declined', checkInCode: null });
      const qr = await visitor().get(`/api/participant/${person.pageToken}/check-in.svg`);
      expectProblem(qr, 404, 'not-found');
    });

    it("offers a declined seat to the State's first waitlisted nominee", async () => {
      const person = await nominee();
      await ownerQuery(app, `update event_invitations set seats = 1 where id = $1`, [
        person.invitationId,
      ]);
      const waiting = async (email: string, minutesAgo: number) => {
        const [row] = await ownerQuery<{ id: string }>(
          app,
          `with p as (insert into participants (tenant_id, email, full_name)
                      values ($1, $2, $2) returning id)
           insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                    member_state_code, sex, institution_type, audience,
                                    preferred_language, status, waitlisted_at)
           select $1, $3, $4, p.id, 'KEN', 'male', 'judiciary', 'judges', 'fr', 'waitlisted',
                  now() - make_interval(mins => $5)
             from p returning id`,
          [alpha, email, person.eventId, person.invitationId, minutesAgo],
        );
        return row?.id ?? '';
      };
      const first = await waiting('first-waiting@example.org', 30);
      const second = await waiting('second-waiting@example.org', 10);
      const answer = await visitor().post(`/api/participant/decision/${person.decisionToken}`, {
        answer: 'decline',
      });
      expect(answer.status).toBe(200);
      expect(await nomination(first)).toMatchObject({
        status: 'approved',
        confirmation: 'pending',
      });
      expect(await nomination(second)).toMatchObject({ status: 'waitlisted', confirmation: null });
      const mail = await waitForMail(app.mail, 'first-waiting@example.org');
      expect(mail.text).toMatch(/\/p\/decision\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    });

    it('lets exactly one of many racing answers count', async () => {
      const person = await nominee();
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          visitor().post(`/api/participant/decision/${person.decisionToken}`, {
            answer: index % 2 === 0 ? 'confirm' : 'decline',
          }),
        ),
      );
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([200, 410, 410, 410, 410, 410, 410, 410]);
      const winner = answers.find((answer) => answer.status === 200);
      expect((await nomination(person.nominationId))?.confirmation).toBe(winner?.body.confirmation);
    });

    it('refuses a bad answer with 400 and keeps the link unspent', async () => {
      const person = await nominee();
      const path = `/api/participant/decision/${person.decisionToken}`;
      for (const body of [
        { answer: 'maybe' },
        { answer: 'confirm', dietaryNeeds: 'x'.repeat(1001) },
        { answer: 'confirm', accessibilityNeeds: 'null \u0000 byte' },
        { answer: 'confirm', extra: true },
      ]) {
        const response = await visitor().post(path, body);
        expectProblem(response, 400, 'validation');
      }
      expect((await links(person.nominationId)).every((link) => link.used_at === null)).toBe(true);
      expect((await nomination(person.nominationId))?.confirmation).toBe('pending');
    });

    it('refuses an answer without the CSRF pair, from another site', async () => {
      const person = await nominee();
      const path = `/api/participant/decision/${person.decisionToken}`;
      const bare = await visitor().request('POST', path, {
        body: { answer: 'confirm' },
        csrf: false,
      });
      expectProblem(bare, 403, 'csrf');
      const crossSite = await visitor().request('POST', path, {
        body: { answer: 'confirm' },
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expectProblem(crossSite, 403, 'csrf');
      expect((await nomination(person.nominationId))?.confirmation).toBe('pending');
    });
  });

  describe('links that do not work', () => {
    let person: Nominee;
    beforeAll(async () => {
      person = await nominee();
    });

    const routes = (token: string) => [
      `/api/participant/decision/${token}`,
      `/api/participant/${token}`,
      `/api/participant/${token}/calendar.ics`,
      `/api/participant/${token}/check-in.svg`,
    ];

    it('answers 404 to a tampered token, on every route', async () => {
      for (const token of [person.decisionToken, person.pageToken]) {
        for (const at of [0, 30, 60, token.length - 1]) {
          const tampered =
            token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
          for (const path of routes(tampered)) {
            expectProblem(await visitor().get(path), 404, 'participant-link-invalid');
          }
        }
      }
      expectProblem(
        await visitor().post(
          `/api/participant/decision/${person.decisionToken.replace(/.$/, '_')}`,
          {
            answer: 'confirm',
          },
        ),
        404,
        'participant-link-invalid',
      );
    });

    it('answers 404 to a malformed token and to a token used for the other purpose', async () => {
      for (const token of ['abc', 'x'.repeat(95), `${'A'.repeat(51)}..${'A'.repeat(42)}`, '%00']) {
        for (const path of routes(token)) {
          const response = await visitor().get(path);
          expect({ path, status: response.status }).toEqual({ path, status: 404 });
        }
      }
      expectProblem(
        await visitor().get(`/api/participant/decision/${person.pageToken}`),
        404,
        'participant-link-invalid',
      );
      expectProblem(
        await visitor().get(`/api/participant/${person.decisionToken}`),
        404,
        'participant-link-invalid',
      );
    });

    it('answers 404 to a token naming a link of another tenant, even when signed', async () => {
      // Only the secret's holder could make this; row-level security still holds.
      const forged = signLink(
        {
          tenantId: beta,
          linkId: person.pageLinkId,
          purpose: 'page',
          expiresAt: new Date(Date.now() + DAY),
        },
        app.config.secret,
      );
      expectProblem(
        await visitor().get(`/api/participant/${forged}`),
        404,
        'participant-link-invalid',
      );
    });

    it('answers 410 to an expired link', async () => {
      const late = await nominee({ decisionExpiresAt: new Date(Date.now() - 60_000) });
      const path = `/api/participant/decision/${late.decisionToken}`;
      expectProblem(await visitor().get(path), 410, 'participant-link-expired');
      expectProblem(
        await visitor().post(path, { answer: 'confirm' }),
        410,
        'participant-link-expired',
      );
      expect((await nomination(late.nominationId))?.confirmation).toBe('pending');
    });
  });

  describe('withdrawing consent from the page', () => {
    const attest = (nominationId: string) =>
      ownerQuery(
        app,
        `insert into consent_attestations (tenant_id, nomination_id, text_version, text, attested_at)
         select tenant_id, id, '2026-12', 'I confirm that the person agreed.', now() - interval '40 days'
           from nominations where id = $1`,
        [nominationId],
      );
    const consents = (nominationId: string) =>
      ownerQuery<{ withdrawn: boolean }>(
        app,
        `select withdrawn_at is not null as withdrawn from consent_attestations
          where nomination_id = $1`,
        [nominationId],
      );

    it('shows the consent given, and refuses a withdrawal not confirmed, changing nothing', async () => {
      const person = await nominee();
      await attest(person.nominationId);
      const page = await visitor().get(`/api/participant/${person.pageToken}`);
      expect(page.body.consents).toEqual([
        {
          version: '2026-12',
          text: 'I confirm that the person agreed.',
          attestedAt: expect.any(String),
          withdrawnAt: null,
        },
      ]);
      for (const body of [{}, { confirm: false }, { confirm: 'true' }]) {
        const refused = await visitor().post(
          `/api/participant/${person.pageToken}/consent-withdrawal`,
          body,
        );
        expect(refused.status).toBe(400);
      }
      expect(await consents(person.nominationId)).toEqual([{ withdrawn: false }]);
      expect((await nomination(person.nominationId))?.status).toBe('approved');
    });

    it('before the event: withdraws the nomination and stops the links', async () => {
      const person = await nominee();
      await attest(person.nominationId);
      const withdrawn = await visitor().post(
        `/api/participant/${person.pageToken}/consent-withdrawal`,
        { confirm: true },
      );
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toEqual({ outcome: 'nomination_withdrawn' });
      expect(await nomination(person.nominationId)).toMatchObject({
        status: 'withdrawn',
        confirmation: null,
      });
      expect(await consents(person.nominationId)).toEqual([{ withdrawn: true }]);
      expect((await links(person.nominationId)).every((link) => link.revoked_at !== null)).toBe(
        true,
      );
      expectProblem(
        await visitor().get(`/api/participant/${person.pageToken}`),
        410,
        'participant-link-revoked',
      );
      const [audit] = await ownerQuery<{ after: unknown; actor_id: string | null }>(
        app,
        `select after, actor_id from audit_log
          where action = 'nomination.consent_withdrawn' and entity_id = $1`,
        [person.nominationId],
      );
      expect(audit).toEqual({ after: { outcome: 'nomination_withdrawn' }, actor_id: null });
    });

    it('after the event: anonymises the person, whose figures stay', async () => {
      const past = new Date(Date.now() - 60 * 86_400_000);
      const person = await nominee({
        name: 'Zainab Consent-Withdrawn',
        email: 'zainab.withdrawn@ke-gov.example',
        startsAt: past,
        endsAt: new Date(past.getTime() + 86_400_000),
      });
      await attest(person.nominationId);
      const withdrawn = await visitor().post(
        `/api/participant/${person.pageToken}/consent-withdrawal`,
        { confirm: true },
      );
      expect(withdrawn.body).toEqual({ outcome: 'anonymised' });
      expect(
        await findPersonalData(app, [
          'Zainab Consent-Withdrawn',
          'zainab.withdrawn@ke-gov.example',
        ]),
      ).toEqual([]);
      // The approval and the sex still count; the consent's history says it was withdrawn.
      expect(await nomination(person.nominationId)).toMatchObject({ status: 'approved' });
      expect(await consents(person.nominationId)).toEqual([{ withdrawn: true }]);
    });

    it('after the event, nominated again for one to come: clears this nomination only', async () => {
      const past = new Date(Date.now() - 60 * 86_400_000);
      const email = 'omar.twice@ke-gov.example';
      const old = await nominee({
        name: 'Omar Twice',
        email,
        startsAt: past,
        endsAt: new Date(past.getTime() + 86_400_000),
      });
      const [participant] = await ownerQuery<{ participant_id: string }>(
        app,
        `select participant_id from nominations where id = $1`,
        [old.nominationId],
      );
      // The same person in a later event: a second nomination of the same participant row.
      const later = await nominee({ email: `later-${email}` });
      await ownerQuery(app, `update nominations set participant_id = $2 where id = $1`, [
        later.nominationId,
        participant?.participant_id,
      ]);
      const withdrawn = await visitor().post(
        `/api/participant/${old.pageToken}/consent-withdrawal`,
        { confirm: true },
      );
      expect(withdrawn.body).toEqual({ outcome: 'anonymised' });
      const rows = await ownerQuery<{ id: string; function_title: string; full_name: string }>(
        app,
        `select n.id, n.function_title, p.full_name from nominations n
           join participants p on p.id = n.participant_id where n.id = any ($1::uuid[])`,
        [[old.nominationId, later.nominationId]],
      );
      expect(rows.find((row) => row.id === old.nominationId)).toMatchObject({
        function_title: '',
        full_name: 'Omar Twice',
      });
      expect(rows.find((row) => row.id === later.nominationId)).toMatchObject({
        function_title: 'Prosecutor',
      });
    });
  });

  describe('the participant page', () => {
    it('holds the event, its agenda, the status and the check-in code', async () => {
      const person = await nominee({ name: 'Li Wei', language: 'zh' });
      await ownerQuery(
        app,
        `insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at)
         select tenant_id, id, 1, 'Opening', starts_at, starts_at + interval '1 hour'
           from events where id = $1`,
        [person.eventId],
      );
      const response = await visitor().get(`/api/participant/${person.pageToken}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        participant: { name: 'Li Wei', preferredLanguage: 'zh', memberStateAlpha3: 'KEN' },
        status: 'approved',
        confirmation: 'pending',
        checkInCode: person.checkInCode,
        meetingLink: null,
      });
      expect(response.body.agenda).toEqual([expect.objectContaining({ title: 'Opening' })]);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    });

    it('shows the meeting link only once confirmed, for an online event', async () => {
      const person = await nominee({
        format: 'hybrid',
        meetingLink: 'https://meet.example.org/room-42',
      });
      const before = await visitor().get(`/api/participant/${person.pageToken}`);
      expect(before.body.meetingLink).toBeNull();
      expect(before.text).not.toContain('room-42');
      const ics = await visitor().get(`/api/participant/${person.pageToken}/calendar.ics`);
      expect(ics.text).not.toContain('room-42');
      await visitor().post(`/api/participant/decision/${person.decisionToken}`, {
        answer: 'confirm',
      });
      const after = await visitor().get(`/api/participant/${person.pageToken}`);
      expect(after.body.meetingLink).toBe('https://meet.example.org/room-42');
    });

    it('serves the event as iCalendar, without the token in it', async () => {
      const person = await nominee();
      const response = await visitor().get(`/api/participant/${person.pageToken}/calendar.ics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const calendar = new ICAL.Component(ICAL.parse(response.text));
      const events = calendar.getAllSubcomponents('vevent');
      expect(events).toHaveLength(1);
      expect(String(events[0]?.getFirstPropertyValue('summary'))).toMatch(/^Workshop /);
      expect(response.text).not.toContain(person.pageToken.slice(0, 20));
    });

    it('serves the check-in QR code as SVG', async () => {
      const person = await nominee();
      const response = await visitor().get(`/api/participant/${person.pageToken}/check-in.svg`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(response.text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(response.text).toMatch(/<path[^>]+d="M/);
      expect(response.text).not.toMatch(/<script|on\w+=/i);
    });
  });

  describe("officers' hold on the links", () => {
    const base = (person: Nominee) =>
      `/api/t/alpha/events/${person.eventId}/nominations/${person.nominationId}/links`;

    it('lists the links without their tokens', async () => {
      const person = await nominee();
      const response = await officer.get(base(person));
      expect(response.status).toBe(200);
      expect(response.body.links.map((link: { purpose: string }) => link.purpose).sort()).toEqual([
        'decision',
        'page',
      ]);
      expect(response.text).not.toContain(person.pageToken.split('.')[1]);
    });

    it('revokes every link: both answer 410 from then on', async () => {
      const person = await nominee();
      const response = await officer.post(`${base(person)}/revoke`);
      expect(response.status).toBe(200);
      expect(
        response.body.links.every((link: { revokedAt: string | null }) => link.revokedAt),
      ).toBe(true);
      expectProblem(
        await visitor().get(`/api/participant/decision/${person.decisionToken}`),
        410,
        'participant-link-revoked',
      );
      expectProblem(
        await visitor().post(`/api/participant/decision/${person.decisionToken}`, {
          answer: 'confirm',
        }),
        410,
        'participant-link-revoked',
      );
      expectProblem(
        await visitor().get(`/api/participant/${person.pageToken}`),
        410,
        'participant-link-revoked',
      );
      expectProblem(
        await visitor().get(`/api/participant/${person.pageToken}/check-in.svg`),
        410,
        'participant-link-revoked',
      );
      const [audit] = await ownerQuery<{ action: string }>(
        app,
        `select action from audit_log where entity_id = $1`,
        [person.nominationId],
      );
      expect(audit?.action).toBe('participant_links.revoked');
    });

    it('reissues: the old links stop, new ones arrive by mail in the participant language', async () => {
      const person = await nominee({
        email: 'reissued@example.org',
        language: 'es',
        name: 'Lucía',
      });
      const response = await officer.post(`${base(person)}/reissue`);
      expect(response.status).toBe(200);
      const states = response.body.links as { purpose: string; revokedAt: string | null }[];
      expect(
        states
          .filter((link) => link.revokedAt === null)
          .map((link) => link.purpose)
          .sort(),
      ).toEqual(['decision', 'page']);
      expect(states.filter((link) => link.revokedAt !== null)).toHaveLength(2);
      expectProblem(
        await visitor().get(`/api/participant/${person.pageToken}`),
        410,
        'participant-link-revoked',
      );

      const mail = await waitForMail(app.mail, 'reissued@example.org');
      expect(mail.subject).toMatch(/^Sus enlaces para Workshop/);
      const urls = [
        ...mail.text.matchAll(/https?:\/\/\S+\/p\/(?:decision\/)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g),
      ].map((match) => match[0]);
      const decisionUrl = urls.find((url) => url.includes('/p/decision/'));
      const pageUrl = urls.find((url) => !url.includes('/p/decision/'));
      expect(decisionUrl).toBeDefined();
      expect(pageUrl).toBeDefined();
      const pageToken = pageUrl?.split('/p/')[1] ?? '';
      const decisionToken = decisionUrl?.split('/p/decision/')[1] ?? '';
      expect((await visitor().get(`/api/participant/${pageToken}`)).status).toBe(200);
      const answer = await visitor().post(`/api/participant/decision/${decisionToken}`, {
        answer: 'confirm',
      });
      expect(answer.status).toBe(200);
      // Once sent, the outbox keeps neither link.
      let row: { payload: Record<string, unknown>; status: string } | undefined;
      for (let tries = 0; tries < 100 && row?.status !== 'sent'; tries++) {
        [row] = await ownerQuery<{ payload: Record<string, unknown>; status: string }>(
          app,
          `select payload, status from mail_outbox where recipient = 'reissued@example.org'`,
        );
        if (row?.status !== 'sent') await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(row?.status).toBe('sent');
      expect(row?.payload['link']).toBeUndefined();
      expect(row?.payload['decisionLink']).toBeUndefined();
    });

    it('reissues through the one path approvals take: the same lifetimes, token and row alike', async () => {
      const person = await nominee({ email: 'lifetimes@example.org' });
      const response = await officer.post(`${base(person)}/reissue`);
      expect(response.status).toBe(200);
      const [event] = await ownerQuery<{ starts_at: Date; ends_at: Date }>(
        app,
        `select starts_at, ends_at from events where id = $1`,
        [person.eventId],
      );
      const live = await ownerQuery<{ id: string; purpose: string; expires_at: Date }>(
        app,
        `select id, purpose, expires_at from participant_links
          where nomination_id = $1 and revoked_at is null order by purpose`,
        [person.nominationId],
      );
      const seconds = (instant: Date) => Math.floor(instant.getTime() / 1000) * 1000;
      const yearAfterEnd = new Date(seconds(event?.ends_at ?? new Date()));
      yearAfterEnd.setUTCFullYear(yearAfterEnd.getUTCFullYear() + 1);
      expect(live.map((link) => [link.purpose, link.expires_at.getTime()])).toEqual([
        ['decision', seconds(event?.starts_at ?? new Date())],
        ['page', yearAfterEnd.getTime()],
      ]);
      // The mailed tokens name these rows and carry the same expiry.
      const mail = await waitForMail(app.mail, 'lifetimes@example.org');
      const tokens = [
        ...mail.text.matchAll(/\/p\/(?:decision\/)?([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/g),
      ].map((match) => match[1] ?? '');
      const claims = tokens.map((token) => {
        const checked = checkLink(token, app.config.secret);
        return checked.ok ? [checked.claims.linkId, checked.claims.expiresAt.getTime()] : null;
      });
      expect(claims.sort()).toEqual(
        live.map((link) => [link.id, link.expires_at.getTime()]).sort(),
      );
      const [audit] = await ownerQuery<{ after: unknown }>(
        app,
        `select after from audit_log where entity_id = $1 and action = 'participant_links.reissued'`,
        [person.nominationId],
      );
      expect(audit?.after).toEqual({ revoked: 2, decision: true });
    });

    it('reissues only the page once the participant has answered', async () => {
      const person = await nominee({ email: 'answered@example.org' });
      await visitor().post(`/api/participant/decision/${person.decisionToken}`, {
        answer: 'confirm',
      });
      const response = await officer.post(`${base(person)}/reissue`);
      expect(response.status).toBe(200);
      const live = (response.body.links as { purpose: string; revokedAt: string | null }[]).filter(
        (link) => link.revokedAt === null,
      );
      expect(live.map((link) => link.purpose)).toEqual(['page']);
      const mail = await waitForMail(app.mail, 'answered@example.org');
      expect(mail.text).not.toContain('/p/decision/');
    });

    it('refuses focal points (403), another tenant (404), and unknown ids (404)', async () => {
      const person = await nominee();
      const forbidden = await focal.post(`${base(person)}/revoke`);
      expectProblem(forbidden, 403, 'forbidden');
      const foreign = await betaAdmin.post(
        `/api/t/beta/events/${person.eventId}/nominations/${person.nominationId}/links/revoke`,
      );
      expectProblem(foreign, 404, 'not-found');
      const unknown = await officer.get(
        `/api/t/alpha/events/${person.eventId}/nominations/not-a-uuid/links`,
      );
      expectProblem(unknown, 404, 'not-found');
      const otherEvent = await nominee();
      const mismatched = await officer.get(
        `/api/t/alpha/events/${otherEvent.eventId}/nominations/${person.nominationId}/links`,
      );
      expectProblem(mismatched, 404, 'not-found');
      expect((await links(person.nominationId)).every((link) => link.revoked_at === null)).toBe(
        true,
      );
    });
  });

  describe('the reminder before the event', () => {
    it('reminds confirmed participants once, in their language, with a working page link', async () => {
      const soon = new Date(Date.now() + 2 * DAY);
      const confirmed = await nominee({
        email: 'soon@example.org',
        language: 'ar',
        startsAt: soon,
      });
      const pending = await nominee({ email: 'pending@example.org', startsAt: soon });
      const revoked = await nominee({ email: 'revoked@example.org', startsAt: soon });
      const later = await nominee({ email: 'later@example.org' });
      for (const person of [confirmed, revoked, later]) {
        await visitor().post(`/api/participant/decision/${person.decisionToken}`, {
          answer: 'confirm',
        });
      }
      await officer.post(
        `/api/t/alpha/events/${revoked.eventId}/nominations/${revoked.nominationId}/links/revoke`,
      );
      void pending;
      const scheduler = new MailScheduler(app.running.databases.app, {
        appUrl: app.config.appUrl,
        digestHourUtc: 0,
        secret: app.config.secret,
      });
      await scheduler.tick(new Date());
      const rows = await ownerQuery<{
        recipient: string;
        language: string;
        payload: { link?: string };
      }>(
        app,
        `select recipient, language, payload from mail_outbox
          where kind = 'participant_reminder' order by recipient`,
      );
      expect(rows.map((row) => [row.recipient, row.language])).toEqual([
        ['soon@example.org', 'ar'],
      ]);
      // Ticking again (another worker, a restart) writes nothing more.
      await scheduler.tick(new Date());
      const again = await ownerQuery(
        app,
        `select id from mail_outbox where kind = 'participant_reminder'`,
      );
      expect(again).toHaveLength(1);
      const mail = await waitForMail(app.mail, 'soon@example.org');
      expect(mail.subject).toMatch(/^تذكير: Workshop/);
      const url = /https?:\/\/\S+\/p\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail.text);
      expect(url?.[1]).toBe(confirmed.pageToken);
    });
  });
});
