import { docxWith, pdfWith } from '../documents/documents.testing';
import { recommendationEvent } from '../recommendations/recommendations.fixtures';
import { ratedArea, seedAssessment } from '../assessments/assessments.fixtures';
import { seedRequest } from './requests.fixtures';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'requests passphrase';

describe('assistance requests', () => {
  let app: TestApp;
  let acme: string;
  let officer: ApiClient;
  let admin: ApiClient;
  let kenya: ApiClient;
  let kenya2: ApiClient;
  let uganda: ApiClient;
  let reviewer: ApiClient;
  let otherExpert: ApiClient;
  let officerId: string;
  let reviewerId: string;
  let kenyaId: string;

  const base = '/api/t/acme/requests';
  const draft = (extra: Record<string, unknown> = {}) => ({
    title: 'Workshop on digital evidence',
    thematicAreas: ['investigations_digital_evidence'],
    targetAudiences: ['investigators', 'prosecutors'],
    priority: 'high',
    modality: 'national_workshop',
    periodFrom: '2027-03-01',
    periodTo: '2027-03-20',
    officials: 25,
    institutions: ['National Police Service', 'Office of the DPP'],
    description: 'Our investigators need to handle electronic evidence across borders.',
    ...extra,
  });
  const mails = (kind: string) =>
    ownerQuery<{ recipient: string; language: string; payload: Record<string, unknown> }>(
      app,
      `select recipient, language, payload from mail_outbox where kind = $1 order by created_at, recipient`,
      [kind],
    );
  const clearMail = () => ownerQuery(app, `delete from mail_outbox where kind like 'request_%'`);
  const step = async (
    who: ApiClient,
    id: string,
    body: Record<string, unknown>,
  ): Promise<{
    status: number;
    body: { status: string; version: number } & Record<string, unknown>;
  }> => {
    const current = await who.get(`${base}/${id}`);
    const route = ['submit', 'resubmit', 'withdraw'].includes(String(body['action']))
      ? 'state-transitions'
      : 'transitions';
    return who.post(`${base}/${id}/${route}`, { version: current.body.version, ...body });
  };
  const newRequest = async (who: ApiClient = kenya, extra: Record<string, unknown> = {}) => {
    const created = await who.post(base, draft(extra));
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const submitted = async (extra: Record<string, unknown> = {}) => {
    const id = await newRequest(kenya, extra);
    expect((await step(kenya, id, { action: 'submit' })).status).toBe(201);
    return id;
  };

  beforeAll(async () => {
    // No mail worker: the tests read the queued mail, whose links a sent one no longer keeps.
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const member = async (
      email: string,
      role: string,
      state: string | null = null,
      language = 'en',
    ) =>
      (
        await addMember(ds, acme, {
          email,
          name: email.split('@')[0] ?? email,
          password: PASSWORD,
          role: role as 'expert',
          memberStateAlpha3: state,
          preferredLanguage: language,
        })
      ).userId;
    officerId = await member('officer@acme.example', 'programme_officer');
    await member('admin@acme.example', 'tenant_admin', null, 'fr');
    kenyaId = await member('kenya@acme.example', 'focal_point', 'KEN');
    await member('kenya2@acme.example', 'focal_point', 'KEN', 'ar');
    await member('uganda@acme.example', 'focal_point', 'UGA');
    reviewerId = await member('reviewer@acme.example', 'expert');
    await member('other@acme.example', 'expert');
    const signIn = (email: string) => app.client().signIn(email, PASSWORD);
    officer = await signIn('officer@acme.example');
    admin = await signIn('admin@acme.example');
    kenya = await signIn('kenya@acme.example');
    kenya2 = await signIn('kenya2@acme.example');
    uganda = await signIn('uganda@acme.example');
    reviewer = await signIn('reviewer@acme.example');
    otherExpert = await signIn('other@acme.example');
  });

  afterAll(() => app.close());

  describe('drafts', () => {
    it('lets a focal point draft for their own State, resumable and incomplete', async () => {
      const created = await kenya.post(base, { title: 'Half a thought' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        memberState: 'KEN',
        status: 'draft',
        version: 1,
        title: 'Half a thought',
        canEdit: true,
        actions: ['submit', 'withdraw'],
        missing: ['thematicAreas', 'priority', 'modality', 'description'],
        createdBy: { id: kenyaId },
        history: [{ action: 'created', fromStatus: null, toStatus: 'draft' }],
      });
      const id = created.body.id as string;
      // Another focal point of Kenya picks the draft up; submitting asks for what is missing.
      const refused = await step(kenya2, id, { action: 'submit' });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        type: '/problems/validation',
        errors: [
          { path: 'thematicAreas' },
          { path: 'priority' },
          { path: 'modality' },
          { path: 'description' },
        ],
      });
      const saved = await kenya2.put(`${base}/${id}`, { ...draft(), version: 1 });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ version: 2, missing: [], officials: 25 });
      expect(saved.body.periodFrom).toBe('2027-03-01');
    });

    it('answers a stale save with 409, the version now and the fields changed since', async () => {
      const id = await newRequest();
      const first = await kenya.put(`${base}/${id}`, {
        ...draft({ description: 'Typed by the first person' }),
        version: 1,
      });
      expect(first.status).toBe(200);
      const stale = await kenya2.put(`${base}/${id}`, {
        ...draft({ title: 'Typed by the second person' }),
        version: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.headers.get('content-type')).toContain('application/problem+json');
      expect(stale.body).toMatchObject({
        type: '/problems/stale-version',
        currentVersion: 2,
        changed: ['description'],
      });
      const now = await kenya.get(`${base}/${id}`);
      expect(now.body).toMatchObject({
        title: 'Workshop on digital evidence',
        description: 'Typed by the first person',
        version: 2,
      });
    });

    it('lets exactly one of two saves at once win', async () => {
      const id = await newRequest();
      const [a, b] = await Promise.all([
        kenya.put(`${base}/${id}`, { ...draft({ title: 'A' }), version: 1 }),
        kenya2.put(`${base}/${id}`, { ...draft({ title: 'B' }), version: 1 }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const winner = a.status === 200 ? 'A' : 'B';
      expect((await kenya.get(`${base}/${id}`)).body).toMatchObject({ title: winner, version: 2 });
    });

    it('refuses drafts from officers and experts, and a period that ends before it starts', async () => {
      expect((await officer.post(base, draft())).status).toBe(403);
      expect((await reviewer.post(base, draft())).status).toBe(403);
      const backwards = await kenya.post(base, draft({ periodTo: '2027-02-01' }));
      expect(backwards.status).toBe(400);
      expect(backwards.body.errors).toEqual([expect.objectContaining({ path: 'periodTo' })]);
      expect((await kenya.post(base, draft({ periodFrom: '2027-02-30' }))).status).toBe(400);
    });

    it('cites only recommendations the focal point may see', async () => {
      const ds = app.running.databases.app;
      const kenyan = await recommendationEvent(ds, acme, { hostStates: ['KEN'] });
      const hidden = await recommendationEvent(ds, acme, { hostStates: ['FRA'] });
      const cite = async (eventId: string) =>
        (
          await officer.post(`/api/t/acme/events/${eventId}/recommendations`, {
            text: 'Designate a point of contact.',
            thematicArea: 'international_cooperation',
            addressedToOrganisation: true,
          })
        ).body.id as string;
      const visible = await cite(kenyan);
      const invisible = await cite(hidden);
      const ok = await kenya.post(base, draft({ recommendationIds: [visible] }));
      expect(ok.status).toBe(201);
      expect(ok.body.recommendations).toEqual([
        expect.objectContaining({ id: visible, number: 1 }),
      ]);
      const refused = await kenya.post(base, draft({ recommendationIds: [invisible] }));
      expect(refused.status).toBe(400);
    });
  });

  describe('who sees what', () => {
    let kenyan: string;
    let ugandanDraft: string;

    beforeAll(async () => {
      kenyan = await submitted({ title: 'Kenya only' });
      const ugandan = await newRequest(uganda, { title: 'Uganda only' });
      expect((await step(uganda, ugandan, { action: 'submit' })).status).toBe(201);
      ugandanDraft = await newRequest(uganda, { title: 'Uganda, not yet sent' });
      await officer.post(`${base}/${kenyan}/messages`, {
        body: 'SECRET internal assessment of the ministry',
        internal: true,
      });
      await officer.post(`${base}/${kenyan}/messages`, { body: 'Which dates suit you?' });
    });

    const titles = async (who: ApiClient) =>
      ((await who.get(`${base}?limit=100`)).body.items as { title: string }[]).map((r) => r.title);

    it('shows a focal point their own State’s requests only', async () => {
      expect(await titles(kenya)).toContain('Kenya only');
      expect(await titles(kenya)).not.toContain('Uganda only');
      expect(await titles(uganda)).toEqual(
        expect.arrayContaining(['Uganda only', 'Uganda, not yet sent']),
      );
      expect(await titles(uganda)).toHaveLength(2);
      expect((await uganda.get(`${base}/${kenyan}`)).status).toBe(404);
      expect((await uganda.post(`${base}/${kenyan}/messages`, { body: 'hi' })).status).toBe(404);
    });

    it('shows officers and admins every submitted request of the tenant, never a draft', async () => {
      for (const who of [officer, admin]) {
        expect(await titles(who)).toEqual(expect.arrayContaining(['Kenya only', 'Uganda only']));
        expect(await titles(who)).not.toContain('Uganda, not yet sent');
        expect((await who.get(`${base}/${ugandanDraft}`)).status).toBe(404);
        const board = JSON.stringify((await who.get(`${base}?status=draft&limit=100`)).body);
        expect(board).not.toContain(ugandanDraft);
        const home = JSON.stringify((await who.get(`${base}/home`)).body);
        expect(home).not.toContain(ugandanDraft);
        const comment = await who.post(`${base}/${ugandanDraft}/messages`, { body: 'seen?' });
        expect(comment.status).toBe(404);
        expect(
          (
            await who.put(`${base}/${ugandanDraft}/assignment`, {
              responsibleOfficerId: officerId,
              expertReviewerId: null,
              version: 1,
            })
          ).status,
        ).toBe(404);
      }
      // Once sent, the same request is in the officers' inbox.
      expect((await step(uganda, ugandanDraft, { action: 'submit' })).status).toBe(201);
      expect(await titles(officer)).toContain('Uganda, not yet sent');
    });

    it('never puts internal notes in a focal point’s or a reviewer’s JSON', async () => {
      const focal = await kenya.get(`${base}/${kenyan}`);
      expect(focal.status).toBe(200);
      expect(focal.text).not.toContain('SECRET');
      expect(focal.body.messages).toEqual([
        expect.objectContaining({ body: 'Which dates suit you?', internal: false }),
      ]);
      expect(focal.body.canManage).toBe(false);
      const staff = await officer.get(`${base}/${kenyan}`);
      expect(staff.body.messages.map((m: { internal: boolean }) => m.internal)).toEqual([
        true,
        false,
      ]);
      // A focal point may not write one either.
      const note = await kenya.post(`${base}/${kenyan}/messages`, { body: 'x', internal: true });
      expect(note.status).toBe(403);
    });

    it('shows experts nothing, unless assigned as the reviewer: then the request and its shared thread', async () => {
      expect(await titles(reviewer)).toEqual([]);
      expect((await reviewer.get(`${base}/${kenyan}`)).status).toBe(404);
      const current = await officer.get(`${base}/${kenyan}`);
      const assigned = await officer.put(`${base}/${kenyan}/assignment`, {
        responsibleOfficerId: officerId,
        expertReviewerId: reviewerId,
        version: current.body.version,
      });
      expect(assigned.status).toBe(200);
      expect(assigned.body.expertReviewer).toEqual({ id: reviewerId, name: 'reviewer' });
      expect(await titles(reviewer)).toEqual(['Kenya only']);
      const seen = await reviewer.get(`${base}/${kenyan}`);
      expect(seen.status).toBe(200);
      expect(seen.text).not.toContain('SECRET');
      expect(seen.body.actions).toEqual([]);
      expect(seen.body.canComment).toBe(true);
      expect(
        (await reviewer.post(`${base}/${kenyan}/messages`, { body: 'Looks sound' })).status,
      ).toBe(201);
      expect(await titles(otherExpert)).toEqual([]);
      // A reviewer cannot take the officers' steps, nor a focal point's.
      expect((await step(reviewer, kenyan, { action: 'start_assessment' })).status).toBe(403);
      expect(
        (
          await uganda.post(`${base}/${kenyan}/state-transitions`, {
            action: 'withdraw',
            version: 1,
          })
        ).status,
      ).toBe(404);
      expect((await step(kenya, kenyan, { action: 'start_assessment' })).status).toBe(403);
      // An officer's step sent where the State's go is refused, and the other way round.
      const wrongRoute = await officer.post(`${base}/${kenyan}/state-transitions`, {
        action: 'approve',
        version: 1,
      });
      expect(wrongRoute.status).toBe(403);
      const wrongStep = await kenya.post(`${base}/${kenyan}/state-transitions`, {
        action: 'approve',
        version: 1,
      });
      expect(wrongStep.status).toBe(400);
    });

    it('refuses a responsible officer who is not one, and a reviewer who is not an expert', async () => {
      const current = await officer.get(`${base}/${kenyan}`);
      const wrong = await officer.put(`${base}/${kenyan}/assignment`, {
        responsibleOfficerId: kenyaId,
        expertReviewerId: officerId,
        version: current.body.version,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors.map((e: { path: string }) => e.path)).toEqual([
        'responsibleOfficerId',
        'expertReviewerId',
      ]);
    });

    it('filters the inbox by status, State, region, area and age, and pages by keyset', async () => {
      const byState = await officer.get(`${base}?state=UGA`);
      expect(byState.body.items.map((r: { title: string }) => r.title).sort()).toEqual([
        'Uganda only',
        'Uganda, not yet sent',
      ]);
      const byRegion = await officer.get(`${base}?region=western_european_others`);
      expect(byRegion.body.items).toEqual([]);
      const waiting = await officer.get(`${base}?status=submitted&limit=100`);
      expect(waiting.body.items.every((r: { status: string }) => r.status === 'submitted')).toBe(
        true,
      );
      const old = await officer.get(`${base}?minAgeDays=3`);
      expect(old.body.items).toEqual([]);
      await ownerQuery(
        app,
        `update assistance_requests set status_since = now() - interval '5 days' where id = $1`,
        [kenyan],
      );
      const aged = await officer.get(
        `${base}?minAgeDays=3&thematicArea=investigations_digital_evidence`,
      );
      expect(aged.body.items.map((r: { id: string }) => r.id)).toEqual([kenyan]);
      const all = (await officer.get(`${base}?limit=100`)).body.items as { id: string }[];
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } =
          await officer.get(`${base}?limit=2${after ? `&after=${after}` : ''}`);
        seen.push(...page.body.items.map((r) => r.id));
        after = page.body.nextCursor;
      } while (after);
      expect(seen).toEqual(all.map((r) => r.id));
    });

    it('shows officers the requests waiting for review, and focal points their State’s, at home', async () => {
      const home = await officer.get(`${base}/home`);
      expect(home.body.waiting).toBe(true);
      expect(home.body.items.length).toBeGreaterThan(0);
      expect(
        home.body.items.every((r: { status: string }) =>
          ['submitted', 'resubmitted'].includes(r.status),
        ),
      ).toBe(true);
      // The longest waiting first.
      expect(home.body.items[0].id).toBe(kenyan);
      const focal = await uganda.get(`${base}/home`);
      expect(focal.body).toMatchObject({ waiting: false, total: 2 });
    });
  });

  describe('the lifecycle and its mail', () => {
    it('mails each step to the other side, in the recipient’s language', async () => {
      await clearMail();
      const id = await submitted({ title: 'Mail walk' });
      const received = await mails('request_received');
      // No responsible officer yet: every officer and administrator, each in their language.
      expect(received.map((m) => [m.recipient, m.language, m.payload['step']])).toEqual([
        ['admin@acme.example', 'fr', 'submitted'],
        ['officer@acme.example', 'en', 'submitted'],
      ]);
      expect(received[0]?.payload).toMatchObject({ stateName: 'Kenya', requestTitle: 'Mail walk' });

      await clearMail();
      const asked = await step(officer, id, {
        action: 'request_information',
        reason: 'Which institutions take part?',
      });
      expect(asked.body.status).toBe('information_requested');
      const updated = await mails('request_updated');
      expect(updated.map((m) => [m.recipient, m.language, m.payload['step']])).toEqual([
        ['kenya2@acme.example', 'ar', 'information_requested'],
        ['kenya@acme.example', 'en', 'information_requested'],
      ]);
      expect(updated[0]?.payload).toMatchObject({ reason: 'Which institutions take part?' });
      expect((await mails('request_updated')).some((m) => m.recipient.startsWith('uganda'))).toBe(
        false,
      );

      await clearMail();
      // The State edits and resubmits; the responsible officer alone now hears of it.
      const current = await officer.get(`${base}/${id}`);
      await officer.put(`${base}/${id}/assignment`, {
        responsibleOfficerId: officerId,
        expertReviewerId: null,
        version: current.body.version,
      });
      const edited = await kenya.get(`${base}/${id}`);
      expect(edited.body.canEdit).toBe(true);
      expect(
        (
          await kenya.put(`${base}/${id}`, {
            ...draft({ title: 'Mail walk' }),
            version: edited.body.version,
          })
        ).status,
      ).toBe(200);
      expect((await step(kenya, id, { action: 'resubmit' })).body.status).toBe('resubmitted');
      expect(
        (await mails('request_received')).map((m) => [m.recipient, m.payload['step']]),
      ).toEqual([['officer@acme.example', 'resubmitted']]);

      for (const [action, status] of [
        ['start_assessment', 'in_assessment'],
        ['approve', 'approved'],
      ] as const) {
        await clearMail();
        expect((await step(officer, id, { action })).body.status).toBe(status);
        const sent = await mails('request_updated');
        expect(sent.map((m) => [m.recipient, m.payload['status']])).toEqual([
          ['kenya2@acme.example', status],
          ['kenya@acme.example', status],
        ]);
      }

      // A message in the thread reaches the other side; an internal note nobody.
      await clearMail();
      await kenya.post(`${base}/${id}/messages`, { body: 'Thank you!' });
      expect((await mails('request_received')).map((m) => m.payload['step'])).toEqual(['message']);
      await officer.post(`${base}/${id}/messages`, { body: 'A note', internal: true });
      expect(await mails('request_updated')).toEqual([]);
      await officer.post(`${base}/${id}/messages`, { body: 'Dates soon' });
      expect((await mails('request_updated')).map((m) => m.payload['reason'])).toEqual([
        'Dates soon',
        'Dates soon',
      ]);
    });

    it('declines only with a reason, and lets the State withdraw only before planned', async () => {
      const id = await submitted();
      const bare = await step(officer, id, { action: 'decline' });
      expect(bare.status).toBe(409);
      expect(bare.body.type).toBe('/problems/request-transition');
      await clearMail();
      const declined = await step(officer, id, {
        action: 'decline',
        reason: 'Outside the mandate',
      });
      expect(declined.body.status).toBe('declined');
      expect((await mails('request_updated'))[0]?.payload).toMatchObject({
        status: 'declined',
        reason: 'Outside the mandate',
      });
      expect((await step(kenya, id, { action: 'withdraw' })).status).toBe(409);

      const other = await submitted();
      await clearMail();
      expect((await step(kenya, other, { action: 'withdraw' })).body.status).toBe('withdrawn');
      expect((await mails('request_received')).map((m) => m.payload['step'])).toEqual([
        'withdrawn',
        'withdrawn',
      ]);
    });

    it('is moved by hand with a reason, and keeps who, when, why and the time in each status', async () => {
      const id = await submitted();
      expect((await step(officer, id, { action: 'move', to: 'approved' })).status).toBe(409);
      const moved = await step(officer, id, {
        action: 'move',
        to: 'approved',
        reason: 'Agreed with the mission',
      });
      expect(moved.body.status).toBe('approved');
      const detail = (await kenya.get(`${base}/${id}`)).body;
      expect(
        detail.history.map((h: { action: string; toStatus: string; reason: string | null }) => [
          h.action,
          h.toStatus,
          h.reason,
        ]),
      ).toEqual([
        ['created', 'draft', null],
        ['submit', 'submitted', null],
        ['move', 'approved', 'Agreed with the mission'],
      ]);
      expect(detail.history[2].actor).toEqual({ id: officerId, name: 'officer' });
      expect(detail.timeInStatus.map((t: { status: string }) => t.status)).toEqual([
        'draft',
        'submitted',
        'approved',
      ]);
    });

    it('follows its linked events: planned, in delivery, completed', async () => {
      const id = await submitted({ title: 'Follows events' });
      await step(officer, id, { action: 'start_assessment' });
      // A new event prefilled from the request, a draft, linked.
      const created = await officer.post(`${base}/${id}/events/new`);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        type: 'national_workshop',
        title: 'Follows events',
        thematicAreas: ['investigations_digital_evidence'],
        targetAudiences: ['investigators', 'prosecutors'],
        hostStates: ['KEN'],
        capacity: 25,
      });
      // In Kenya's capital, on Nairobi's clock (UTC+3): 09:00 to 17:00 there.
      expect(created.body.venue).toMatchObject({
        name: 'To be confirmed',
        city: 'Nairobi',
        countryAlpha3: 'KEN',
      });
      expect(created.body.timeZone).toBe('Africa/Nairobi');
      expect(created.body.startsAt).toBe('2027-03-01T06:00:00.000Z');
      expect(created.body.endsAt).toBe('2027-03-03T14:00:00.000Z');
      const eventId = created.body.id as string;
      await step(officer, id, { action: 'approve' });
      const events = (path: string, action: string) =>
        officer.post(`/api/t/acme/events/${path}/transitions`, { action });
      await clearMail();
      expect((await events(eventId, 'plan')).status).toBe(200);
      expect((await officer.get(`${base}/${id}`)).body.status).toBe('planned');
      expect((await mails('request_updated')).map((m) => m.payload['status'])).toEqual([
        'planned',
        'planned',
      ]);
      // Planned: too late to withdraw.
      expect((await step(kenya, id, { action: 'withdraw' })).status).toBe(409);
      for (const action of ['open_nominations', 'close_nominations', 'confirm', 'mark_held']) {
        expect((await events(eventId, action)).status).toBe(200);
      }
      const delivering = (await kenya.get(`${base}/${id}`)).body;
      expect(delivering.status).toBe('in_delivery');
      expect(delivering.events).toEqual([expect.objectContaining({ id: eventId, status: 'held' })]);
      // A second linked event, and the first reported: completed once the second is cancelled.
      const second = (await officer.post(`${base}/${id}/events/new`)).body.id as string;
      await ownerQuery(app, `update events set status = 'reported' where id = $1`, [eventId]);
      expect(
        (
          await officer.post(`/api/t/acme/events/${second}/transitions`, {
            action: 'cancel',
            reason: 'Merged',
          })
        ).status,
      ).toBe(200);
      const done = (await officer.get(`${base}/${id}`)).body;
      expect(done.status).toBe('completed');
      expect(
        done.history.slice(-3).map((h: { action: string; actor: unknown }) => [h.action, h.actor]),
      ).toEqual([
        ['events_planned', null],
        ['events_delivering', null],
        ['events_completed', null],
      ]);
    });

    it('tells the expert an officer asks to review it, nobody else, and only when the reviewer changes', async () => {
      const id = await submitted({ title: 'Review walk' });
      const assign = async (expertReviewerId: string | null, responsible: string | null = null) => {
        const current = await officer.get(`${base}/${id}`);
        const done = await officer.put(`${base}/${id}/assignment`, {
          responsibleOfficerId: responsible,
          expertReviewerId,
          version: current.body.version,
        });
        expect(done.status).toBe(200);
      };
      const everyRequestMail = () =>
        ownerQuery<{ kind: string; recipient: string }>(
          app,
          `select kind, recipient from mail_outbox where kind like 'request_%' order by recipient`,
        );
      await clearMail();
      await assign(reviewerId);
      // Only the reviewer: no officer, no focal point, no other expert hears of the assignment.
      expect(await everyRequestMail()).toEqual([
        { kind: 'request_review_assigned', recipient: 'reviewer@acme.example' },
      ]);
      const [sent] = await mails('request_review_assigned');
      expect(sent?.language).toBe('en');
      expect(sent?.payload).toMatchObject({
        kind: 'request_review_assigned',
        name: 'reviewer',
        tenantName: 'Acme Academy',
        requestTitle: 'Review walk',
        stateName: 'Kenya',
        link: expect.stringMatching(new RegExp(`/t/acme/requests/${id}$`)),
      });
      // The same reviewer again, or only the responsible officer changing: no new mail.
      await clearMail();
      await assign(reviewerId);
      await assign(reviewerId, officerId);
      expect(await everyRequestMail()).toEqual([]);
      // Taking the reviewer away tells nobody; naming another expert tells that expert alone.
      await assign(null, officerId);
      expect(await everyRequestMail()).toEqual([]);
      const otherId = (
        await ownerQuery<{ id: string }>(app, `select id from users where email = $1`, [
          'other@acme.example',
        ])
      )[0]?.id;
      await assign(otherId ?? null, officerId);
      expect(await everyRequestMail()).toEqual([
        { kind: 'request_review_assigned', recipient: 'other@acme.example' },
      ]);
    });

    it('sends the reviewer nothing when the assignment is refused', async () => {
      const id = await submitted({ title: 'Refused review' });
      await clearMail();
      const current = await officer.get(`${base}/${id}`);
      const refused = await officer.put(`${base}/${id}/assignment`, {
        responsibleOfficerId: kenyaId,
        expertReviewerId: reviewerId,
        version: current.body.version,
      });
      expect(refused.status).toBe(400);
      const stale = await officer.put(`${base}/${id}/assignment`, {
        responsibleOfficerId: null,
        expertReviewerId: reviewerId,
        version: current.body.version - 1,
      });
      expect(stale.status).toBe(409);
      expect(await mails('request_review_assigned')).toEqual([]);
    });

    it('prefills a State the capitals table does not know with the city to be confirmed, in UTC', async () => {
      const { requestId } = await seedRequest(app.running.databases.app, app.running.store, acme, {
        state: 'FRA',
        title: 'A French request',
      });
      const created = await officer.post(`${base}/${requestId}/events/new`);
      expect(created.status).toBe(201);
      expect(created.body.venue).toMatchObject({
        name: 'To be confirmed',
        city: 'To be confirmed',
        countryAlpha3: 'FRA',
      });
      expect(created.body.timeZone).toBe('UTC');
      expect(created.body.startsAt.slice(11)).toBe('09:00:00.000Z');
      expect(created.body.hostStates).toEqual(['FRA']);
    });

    it('shows which of its validated assessment’s weakest areas each linked event addresses', async () => {
      const id = await submitted({ title: 'Gaps walk' });
      await step(officer, id, { action: 'start_assessment' });
      const ds = app.running.databases.app;
      // Gaps by hand: financing rated 0 → 100, investigations 1 → 75, training 3 → 25,
      // propaganda 4 → 0 (not weak). Weakest: financing, investigations, training.
      const answers = {
        ...ratedArea('financing', 0),
        ...ratedArea('investigations_digital_evidence', 1),
        ...ratedArea('training', 3),
        ...ratedArea('propaganda', 4),
      };
      // An older validated one and a draft naming the request do not count; nor does another
      // request's.
      await seedAssessment(ds, acme, {
        state: 'KEN',
        status: 'validated',
        requestId: id,
        answers: ratedArea('propaganda', 0),
        createdAt: '2026-01-01T00:00:00Z',
      });
      await seedAssessment(ds, acme, {
        state: 'KEN',
        status: 'draft',
        requestId: id,
        answers: ratedArea('human_rights', 0),
      });
      const assessmentId = await seedAssessment(ds, acme, {
        state: 'KEN',
        status: 'validated',
        requestId: id,
        answers,
      });
      const before = (await officer.get(`${base}/${id}`)).body;
      expect(before.needs).toEqual({
        assessmentId,
        validatedAt: expect.any(String),
        weakest: [
          { area: 'financing', gap: 100 },
          { area: 'investigations_digital_evidence', gap: 75 },
          { area: 'training', gap: 25 },
        ],
        unaddressed: ['financing', 'investigations_digital_evidence', 'training'],
      });
      // The event prefilled from the request carries its area: investigations.
      const first = (await officer.post(`${base}/${id}/events/new`)).body.id as string;
      const second = (await officer.post(`${base}/${id}/events/new`)).body.id as string;
      await ownerQuery(
        app,
        `update events set thematic_areas = '{propaganda,training,financing}' where id = $1`,
        [second],
      );
      const after = (await officer.get(`${base}/${id}`)).body;
      const addresses = Object.fromEntries(
        after.events.map((e: { id: string; addresses: string[] }) => [e.id, e.addresses]),
      );
      expect(addresses).toEqual({
        [first]: ['investigations_digital_evidence'],
        // In the order of the gaps; propaganda is not weak.
        [second]: ['financing', 'training'],
      });
      expect(after.needs.unaddressed).toEqual([]);
      // The State's focal point reads it too; the expert reviewer, who reads no assessment, not.
      expect((await kenya.get(`${base}/${id}`)).body.needs.assessmentId).toBe(assessmentId);
      const current = await officer.get(`${base}/${id}`);
      await officer.put(`${base}/${id}/assignment`, {
        responsibleOfficerId: null,
        expertReviewerId: reviewerId,
        version: current.body.version,
      });
      const asReviewer = await reviewer.get(`${base}/${id}`);
      expect(asReviewer.status).toBe(200);
      expect(asReviewer.body.needs).toBeNull();
      expect(asReviewer.body.events.map((e: { addresses: string[] }) => e.addresses)).toEqual(
        asReviewer.body.events.map(() => []),
      );
      expect(asReviewer.text).not.toContain(assessmentId);
    });

    it('links existing events only once assessed, and refuses an unknown event', async () => {
      const id = await submitted();
      const ds = app.running.databases.app;
      const eventId = await recommendationEvent(ds, acme, { status: 'planned' });
      expect((await officer.post(`${base}/${id}/events`, { eventId })).status).toBe(409);
      await step(officer, id, { action: 'start_assessment' });
      await step(officer, id, { action: 'approve' });
      const linked = await officer.post(`${base}/${id}/events`, { eventId });
      expect(linked.status).toBe(201);
      expect(linked.body.status).toBe('planned');
      expect(
        (
          await officer.post(`${base}/${id}/events`, {
            eventId: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60',
          })
        ).status,
      ).toBe(404);
      expect((await kenya.post(`${base}/${id}/events`, { eventId })).status).toBe(403);
      const unlinked = await officer.delete(`${base}/${id}/events/${eventId}`);
      expect(unlinked.status).toBe(200);
      expect(unlinked.body.events).toEqual([]);
    });
  });

  describe('attachments', () => {
    const upload = (who: ApiClient, id: string, fileName: string, bytes: Uint8Array) =>
      who.request('POST', `${base}/${id}/attachments?${new URLSearchParams({ fileName })}`, {
        rawBody: bytes,
        headers: { 'content-type': 'application/octet-stream' },
      });
    const count = async () =>
      (
        await ownerQuery<{ n: number }>(app, `select count(*)::int as n from request_attachments`)
      )[0]?.n;

    it('takes PDF and DOCX by their bytes, and lets whoever sees the request download them', async () => {
      const id = await newRequest();
      const pdf = await upload(kenya, id, 'needs.pdf', await pdfWith('Needs of the police'));
      expect(pdf.status).toBe(201);
      const docx = await upload(kenya, id, 'plan.docx', docxWith('A plan'));
      expect(docx.status).toBe(201);
      expect(
        docx.body.attachments.map((a: { fileName: string; mediaType: string }) => [
          a.fileName,
          a.mediaType,
        ]),
      ).toEqual([
        ['needs.pdf', 'application/pdf'],
        ['plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ]);
      const url = docx.body.attachments[0].downloadUrl as string;
      // A colleague of the State reads the draft's files; officers once the State sends it.
      expect((await kenya2.get(url)).status).toBe(200);
      expect((await officer.get(url)).status).toBe(404);
      expect((await step(kenya, id, { action: 'submit' })).status).toBe(201);
      const file = await officer.get(url);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain('needs.pdf');
      expect(file.text.startsWith('%PDF')).toBe(true);
      expect((await uganda.get(url)).status).toBe(404);
    });

    it('refuses other types, whatever their name, files past the tenant’s limit, and strangers', async () => {
      const id = await newRequest();
      const before = await count();
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
        'hex',
      );
      expect((await upload(kenya, id, 'scan.pdf', png)).status).toBe(415);
      expect(
        (await upload(kenya, id, 'page.pdf', Buffer.from('<html><body>x</body></html>'))).status,
      ).toBe(415);
      await ownerQuery(app, `update tenants set document_max_bytes = 100 where id = $1`, [acme]);
      const big = await upload(kenya, id, 'big.pdf', await pdfWith('x'.repeat(500)));
      expect(big.status).toBe(413);
      await ownerQuery(app, `update tenants set document_max_bytes = 26214400 where id = $1`, [
        acme,
      ]);
      expect((await upload(uganda, id, 'x.pdf', await pdfWith('x'))).status).toBe(404);
      // Files are the State's: an expert holds no right to attach any.
      expect((await upload(reviewer, id, 'x.pdf', await pdfWith('x'))).status).toBe(403);
      expect(await count()).toBe(before);
    });

    it('stops the State attaching once submitted; officers attach on their own route', async () => {
      const id = await submitted();
      expect((await upload(kenya, id, 'late.pdf', await pdfWith('late'))).status).toBe(403);
      expect((await upload(officer, id, 'minutes.pdf', await pdfWith('minutes'))).status).toBe(403);
    });

    describe('the officers’ files', () => {
      const officerUpload = (who: ApiClient, id: string, fileName: string, bytes: Uint8Array) =>
        who.request(
          'POST',
          `${base}/${id}/officer-attachments?${new URLSearchParams({ fileName })}`,
          { rawBody: bytes, headers: { 'content-type': 'application/octet-stream' } },
        );

      it('lets officers attach PDF and DOCX to a submitted request, which the State reads', async () => {
        const id = await submitted({ title: 'With officers’ files' });
        await clearMail();
        const pdf = await officerUpload(officer, id, 'minutes.pdf', await pdfWith('Minutes'));
        expect(pdf.status).toBe(201);
        // The State's focal points hear of it, each in their language, with the file's name.
        const told = await mails('request_updated');
        expect(told.map((m) => [m.recipient, m.language, m.payload['step']])).toEqual([
          ['kenya2@acme.example', 'ar', 'file'],
          ['kenya@acme.example', 'en', 'file'],
        ]);
        expect(told[0]?.payload).toMatchObject({
          reason: 'minutes.pdf',
          requestTitle: 'With officers’ files',
        });
        const docx = await officerUpload(admin, id, 'concept.docx', docxWith('Concept note'));
        expect(docx.status).toBe(201);
        expect(
          docx.body.attachments.map(
            (a: { fileName: string; side: string; uploadedBy: unknown }) => [
              a.fileName,
              a.side,
              a.uploadedBy,
            ],
          ),
        ).toEqual([
          ['minutes.pdf', 'officer', { id: officerId, name: 'officer' }],
          ['concept.docx', 'officer', expect.objectContaining({ name: 'admin' })],
        ]);
        // The State's focal points see and download them; another State's focal point does not.
        const seen = await kenya.get(`${base}/${id}`);
        expect(seen.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
          'minutes.pdf',
          'concept.docx',
        ]);
        const url = seen.body.attachments[0].downloadUrl as string;
        const file = await kenya2.get(url);
        expect(file.status).toBe(200);
        expect(file.text.startsWith('%PDF')).toBe(true);
        expect((await uganda.get(url)).status).toBe(404);
        expect((await uganda.get(`${base}/${id}`)).status).toBe(404);
        // The bytes went where the other files go.
        const [stored] = await ownerQuery<{ storage_key: string; side: string }>(
          app,
          `select storage_key, side from request_attachments where id = $1`,
          [seen.body.attachments[0].id],
        );
        expect(stored).toEqual({
          storage_key: `tenant/${acme}/requests/${id}/${seen.body.attachments[0].id}`,
          side: 'officer',
        });
      });

      it('types the file by its bytes, keeps the limits, and refuses a draft and other roles', async () => {
        const id = await submitted();
        const before = await count();
        const png = Buffer.from(
          '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
          'hex',
        );
        expect((await officerUpload(officer, id, 'scan.pdf', png)).status).toBe(415);
        await ownerQuery(app, `update tenants set document_max_bytes = 100 where id = $1`, [acme]);
        expect(
          (await officerUpload(officer, id, 'big.pdf', await pdfWith('x'.repeat(500)))).status,
        ).toBe(413);
        await ownerQuery(app, `update tenants set document_max_bytes = 26214400 where id = $1`, [
          acme,
        ]);
        // A draft is the State's own: officers do not see it (404).
        const draftId = await newRequest();
        expect((await officerUpload(officer, draftId, 'x.pdf', await pdfWith('x'))).status).toBe(
          404,
        );
        // The route is the officers': focal points and experts hold no right to it.
        expect((await officerUpload(kenya, id, 'x.pdf', await pdfWith('x'))).status).toBe(403);
        expect((await officerUpload(reviewer, id, 'x.pdf', await pdfWith('x'))).status).toBe(403);
        expect(await count()).toBe(before);
      });

      it('lets each side remove only its own files', async () => {
        const id = await newRequest();
        const mine = await upload(kenya, id, 'needs.pdf', await pdfWith('Needs'));
        const stateFile = mine.body.attachments[0].id as string;
        expect((await step(kenya, id, { action: 'submit' })).status).toBe(201);
        const added = await officerUpload(officer, id, 'minutes.pdf', await pdfWith('Minutes'));
        const officerFile = added.body.attachments.find(
          (a: { side: string }) => a.side === 'officer',
        ).id as string;
        // The officers ask for information: the State may edit again, but not the officers' file.
        await step(officer, id, { action: 'request_information', reason: 'Dates?' });
        expect((await kenya.delete(`${base}/${id}/attachments/${officerFile}`)).status).toBe(404);
        expect(
          (await officer.delete(`${base}/${id}/officer-attachments/${stateFile}`)).status,
        ).toBe(404);
        const removed = await officer.delete(`${base}/${id}/officer-attachments/${officerFile}`);
        expect(removed.status).toBe(200);
        expect(removed.body.attachments.map((a: { id: string }) => a.id)).toEqual([stateFile]);
        expect((await kenya.delete(`${base}/${id}/attachments/${stateFile}`)).status).toBe(200);
      });
    });
  });
});
