import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'experts passphrase 2026';

describe('experts: the roster, assignments, declarations and the panel’s balance', () => {
  let app: TestApp;
  let officer: ApiClient;
  let eli: ApiClient;
  let fatima: ApiClient;
  let focal: ApiClient;
  let officerId: string;
  let eliId: string;
  let fatimaId: string;
  let pedroId: string;

  const newEvent = async (title: string, plan = true) => {
    const created = await officer.post('/api/t/acme/events', {
      type: 'expert_group_meeting',
      title,
      thematicAreas: ['investigations_digital_evidence'],
      format: 'in_person',
      venue: { name: 'Vienna International Centre', city: 'Vienna', countryAlpha3: 'AUT' },
      startsAt: '2030-06-01T07:00:00Z',
      endsAt: '2030-06-02T15:00:00Z',
      timeZone: 'Europe/Vienna',
      workingLanguages: ['en'],
      hostStates: ['KEN'],
      responsibleOfficerId: officerId,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    if (plan)
      expect(
        (await officer.post(`/api/t/acme/events/${id}/transitions`, { action: 'plan' })).status,
      ).toBe(200);
    const agenda = await officer.post(`/api/t/acme/events/${id}/agenda`, {
      title: 'Preserving electronic evidence',
      startsAt: '2030-06-01T08:00:00Z',
      endsAt: '2030-06-01T09:00:00Z',
    });
    expect(agenda.status).toBe(201);
    return { id, sessionId: agenda.body.sessions[0].id as string };
  };

  const assign = async (
    eventId: string,
    userId: string,
    sessionId: string | null,
    role = 'speaker',
  ) => {
    const response = await officer.post(`/api/t/acme/events/${eventId}/experts`, {
      userId,
      sessionId,
      role,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number; status: string };
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    const acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const add = (
      email: string,
      name: string,
      role: 'programme_officer' | 'expert' | 'focal_point',
      language = 'en',
    ) =>
      addMember(ds, acme, {
        email,
        name,
        password: PASSWORD,
        role,
        preferredLanguage: language,
        ...(role === 'focal_point' ? { memberStateAlpha3: 'KEN' } : {}),
      });
    officerId = (await add('officer@acme.example', 'Olga Officer', 'programme_officer')).userId;
    eliId = (await add('eli@acme.example', 'Eli Expert', 'expert')).userId;
    fatimaId = (await add('fatima@acme.example', 'Fatima Haddad', 'expert', 'ar')).userId;
    pedroId = (await add('pedro@acme.example', 'Pedro Alvarez', 'expert', 'es')).userId;
    await add('focal@acme.example', 'Kip Focal', 'focal_point');
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
    eli = await app.client().signIn('eli@acme.example', PASSWORD);
    fatima = await app.client().signIn('fatima@acme.example', PASSWORD);
    focal = await app.client().signIn('focal@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  describe('the roster', () => {
    it('lets an expert keep their own profile, with the version they read', async () => {
      const empty = await eli.get('/api/t/acme/me/expert-profile');
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({
        userId: eliId,
        version: 0,
        organisation: '',
        languages: [],
      });
      const profile = {
        organisation: 'Federal Police',
        bio: 'Digital forensics trainer',
        nationality: 'deu',
        sex: 'male',
        thematicAreas: ['investigations_digital_evidence', 'international_cooperation'],
        targetAudiences: ['investigators'],
        languages: [
          { language: 'de', level: 'native' },
          { language: 'en', level: 'fluent' },
        ],
        availability: [
          { from: '2030-06-01', to: '2030-06-10' },
          { from: '2030-09-01', to: '2030-09-05' },
        ],
      };
      const saved = await eli.put('/api/t/acme/me/expert-profile', profile);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ ...profile, nationality: 'DEU', version: 1 });
      // A second save naming no version, or an old one, would overwrite what it never read.
      expect((await eli.put('/api/t/acme/me/expert-profile', profile)).status).toBe(409);
      const byOfficer = await officer.put(`/api/t/acme/experts/${eliId}`, {
        ...profile,
        version: 1,
      });
      expect(byOfficer.status).toBe(200);
      expect(byOfficer.body.version).toBe(2);
      const stale = await eli.put('/api/t/acme/me/expert-profile', { ...profile, version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('/problems/stale-version');
    });

    it('refuses bad profiles and changes nothing', async () => {
      const before = (await fatima.get('/api/t/acme/me/expert-profile')).body;
      for (const bad of [
        { nationality: 'XXX' },
        { languages: [{ language: 'xx', level: 'fluent' }] },
        {
          languages: [
            { language: 'en', level: 'fluent' },
            { language: 'en', level: 'basic' },
          ],
        },
        { availability: [{ from: '2030-02-30', to: '2030-03-01' }] },
        { availability: [{ from: '2030-03-02', to: '2030-03-01' }] },
        { organisation: 'Line\r\nbreak' },
        { bio: 'nul\u0000byte' },
        { sex: 'unknown' },
        { thematicAreas: ['cooking'] },
      ]) {
        const response = await fatima.put('/api/t/acme/me/expert-profile', bad);
        expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
        expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      }
      expect((await fatima.get('/api/t/acme/me/expert-profile')).body).toEqual(before);
    });

    it('keeps officers’ notes from experts, and experts out of the roster', async () => {
      const notes = await officer.put(`/api/t/acme/experts/${eliId}/notes`, {
        notes: 'Excellent trainer; prefers morning sessions. NOTE-MARKER-7',
      });
      expect(notes.status).toBe(200);
      expect(notes.body).toMatchObject({ updatedBy: { id: officerId, name: 'Olga Officer' } });
      const detail = await officer.get(`/api/t/acme/experts/${eliId}`);
      expect(detail.body.notes.notes).toContain('NOTE-MARKER-7');

      const own = await eli.get('/api/t/acme/me/expert-profile');
      expect(own.text).not.toContain('NOTE-MARKER-7');
      expect((await eli.get(`/api/t/acme/experts/${eliId}`)).status).toBe(403);
      expect((await eli.get('/api/t/acme/experts')).status).toBe(403);
      expect((await focal.get('/api/t/acme/experts')).status).toBe(403);
      expect((await eli.get('/api/t/acme/me/expert-panel')).text).not.toContain('NOTE-MARKER-7');
      // The audit log names the change, never the text.
      const audit = await ownerQuery<{ after: unknown }>(
        app,
        `select after from audit_log where action = 'expert.notes_updated'`,
      );
      expect(JSON.stringify(audit)).not.toContain('NOTE-MARKER-7');
      // Someone who is not an expert has no roster page.
      expect((await officer.get(`/api/t/acme/experts/${officerId}`)).status).toBe(404);
    });

    it('searches and filters the roster, and pages through it', async () => {
      await fatima.put('/api/t/acme/me/expert-profile', {
        organisation: 'Ministry of Justice',
        bio: 'Prosecutor specialised in terrorist financing',
        nationality: 'MAR',
        sex: 'female',
        thematicAreas: ['financing', 'prosecution_adjudication'],
        languages: [
          { language: 'ar', level: 'native' },
          { language: 'fr', level: 'fluent' },
        ],
        availability: [{ from: '2030-06-01', to: '2030-06-03' }],
      });
      const names = async (query: string) => {
        const response = await officer.get(`/api/t/acme/experts?${query}`);
        expect(response.status).toBe(200);
        return response.body.items.map((item: { name: string }) => item.name);
      };
      expect(await names('')).toEqual(['Eli Expert', 'Fatima Haddad', 'Pedro Alvarez']);
      expect(await names('q=financing')).toEqual(['Fatima Haddad']);
      expect(await names('q=federal')).toEqual(['Eli Expert']);
      expect(await names('q=100%25')).toEqual([]);
      expect(await names('area=financing')).toEqual(['Fatima Haddad']);
      expect(await names('language=de')).toEqual(['Eli Expert']);
      expect(await names('language=fr')).toEqual(['Fatima Haddad']);
      expect(await names('regionalGroup=african')).toEqual(['Fatima Haddad']);
      expect(await names('regionalGroup=western_european_others')).toEqual(['Eli Expert']);
      expect(await names('availableFrom=2030-06-02&availableTo=2030-06-03')).toEqual([
        'Eli Expert',
        'Fatima Haddad',
      ]);
      expect(await names('availableFrom=2030-06-02&availableTo=2030-06-05')).toEqual([
        'Eli Expert',
      ]);
      expect(await names('availableFrom=2030-09-05')).toEqual(['Eli Expert']);
      expect(await names('availableFrom=2030-09-06')).toEqual([]);
      for (const bad of [
        'availableTo=2030-01-01',
        'availableFrom=2030-02-30',
        'availableFrom=2030-03-02&availableTo=2030-03-01',
        'language=xx',
        'area=cooking',
        'regionalGroup=nowhere',
        'q=a%00b',
      ])
        expect({ bad, status: (await officer.get(`/api/t/acme/experts?${bad}`)).status }).toEqual({
          bad,
          status: 400,
        });

      const first = await officer.get('/api/t/acme/experts?limit=2');
      expect(first.body.items).toHaveLength(2);
      const second = await officer.get(
        `/api/t/acme/experts?limit=2&after=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(second.body.items.map((item: { name: string }) => item.name)).toEqual([
        'Pedro Alvarez',
      ]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('invites a person into the roster through the tenant’s invitation, with the expert role', async () => {
      const invited = await officer.post('/api/t/acme/experts/invitations', {
        email: 'New.Expert@Example.org',
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ email: 'new.expert@example.org', role: 'expert' });
      const rows = await ownerQuery<{ role: string; kind: string }>(
        app,
        `select i.role, o.kind from invitations i
           join mail_outbox o on o.idempotency_key = 'invitation:' || i.id
          where i.email = 'new.expert@example.org'`,
      );
      expect(rows).toEqual([{ role: 'expert', kind: 'invitation' }]);
      expect(
        (await officer.post('/api/t/acme/experts/invitations', { email: 'eli@acme.example' }))
          .status,
      ).toBe(409);
      // Only an email: no way to slip another role in.
      expect(
        (
          await officer.post('/api/t/acme/experts/invitations', {
            email: 'x@example.org',
            role: 'tenant_admin',
          })
        ).status,
      ).toBe(400);
    });
  });

  describe('assignments', () => {
    it('asks an expert by mail in their language; only an accepted one opens the event and names them on the agenda', async () => {
      const { id, sessionId } = await newEvent('EGM on evidence');
      await ownerQuery(app, `delete from mail_outbox where kind = 'expert_assigned'`);
      const asked = await assign(id, fatimaId, sessionId);
      expect(asked).toMatchObject({ status: 'asked', version: 1 });
      const mails = await ownerQuery<{
        recipient: string;
        language: string;
        payload: Record<string, unknown>;
      }>(
        app,
        `select recipient, language, payload from mail_outbox where kind = 'expert_assigned'`,
      );
      expect(mails).toEqual([
        expect.objectContaining({
          recipient: 'fatima@acme.example',
          language: 'ar',
          payload: expect.objectContaining({
            eventTitle: 'EGM on evidence',
            role: 'speaker',
            sessionTitle: 'Preserving electronic evidence',
          }),
        }),
      ]);

      // Asked is not enough: the event stays hidden, the agenda names nobody.
      expect((await fatima.get(`/api/t/acme/events/${id}`)).status).toBe(404);
      expect(
        (await officer.get(`/api/t/acme/events/${id}/agenda`)).body.sessions[0].speakers,
      ).toEqual([]);
      const panel = await fatima.get('/api/t/acme/me/expert-panel');
      expect(panel.body.toAnswer).toEqual([
        expect.objectContaining({
          id: asked.id,
          role: 'speaker',
          event: expect.objectContaining({ id }),
        }),
      ]);

      // Someone else's assignment does not exist for them.
      expect(
        (await eli.post(`/api/t/acme/me/assignments/${asked.id}/accept`, { version: 1 })).status,
      ).toBe(404);
      const accepted = await fatima.post(`/api/t/acme/me/assignments/${asked.id}/accept`, {
        version: 1,
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', version: 2 });
      expect((await fatima.get(`/api/t/acme/events/${id}`)).status).toBe(200);
      const agenda = await fatima.get(`/api/t/acme/events/${id}/agenda`);
      expect(agenda.body.sessions[0].speakers).toEqual([{ id: fatimaId, name: 'Fatima Haddad' }]);
      // A focal point of the host State reads the same agenda.
      expect(
        (await focal.get(`/api/t/acme/events/${id}/agenda`)).body.sessions[0].speakers,
      ).toEqual([{ id: fatimaId, name: 'Fatima Haddad' }]);
      const after = await fatima.get('/api/t/acme/me/expert-panel');
      expect(after.body.toAnswer).toEqual([]);
      expect(after.body.sessions).toEqual([
        expect.objectContaining({
          id: asked.id,
          session: expect.objectContaining({ id: sessionId }),
        }),
      ]);

      // A stale answer is refused and changes nothing.
      const stale = await fatima.post(`/api/t/acme/me/assignments/${asked.id}/decline`, {
        version: 1,
        reason: 'Cannot travel',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('/problems/stale-version');
      expect(
        (await fatima.post(`/api/t/acme/me/assignments/${asked.id}/accept`, { version: 2 })).body
          .type,
      ).toBe('/problems/assignment-state');

      // The officer withdraws it: the name leaves the agenda and the event closes to her.
      const withdrawn = await officer.post(
        `/api/t/acme/events/${id}/experts/${asked.id}/withdraw`,
        {
          version: 2,
        },
      );
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      expect(
        (await officer.get(`/api/t/acme/events/${id}/agenda`)).body.sessions[0].speakers,
      ).toEqual([]);
      expect((await fatima.get(`/api/t/acme/events/${id}`)).status).toBe(404);

      // Asked again: a new request, mailed again.
      const again = await assign(id, fatimaId, sessionId);
      expect(again).toMatchObject({ id: asked.id, status: 'asked', version: 4 });
      const count = await ownerQuery<{ n: number }>(
        app,
        `select count(*)::int as n from mail_outbox where kind = 'expert_assigned'`,
      );
      expect(count[0]?.n).toBe(2);
      // Already asked for this role: refused.
      const twice = await officer.post(`/api/t/acme/events/${id}/experts`, {
        userId: fatimaId,
        sessionId,
        role: 'speaker',
      });
      expect(twice.status).toBe(409);
    });

    it('lets an expert decline with a reason, and refuses what is not an assignment', async () => {
      const { id, sessionId } = await newEvent('Workshop on financing');
      const asked = await assign(id, eliId, null, 'rapporteur');
      expect(
        (await eli.post(`/api/t/acme/me/assignments/${asked.id}/decline`, { version: 1 })).status,
      ).toBe(400);
      expect(
        (
          await eli.post(`/api/t/acme/me/assignments/${asked.id}/decline`, {
            version: 1,
            reason: '  ',
          })
        ).status,
      ).toBe(400);
      const declined = await eli.post(`/api/t/acme/me/assignments/${asked.id}/decline`, {
        version: 1,
        reason: 'Teaching that week',
      });
      expect(declined.status).toBe(200);
      const list = await officer.get(`/api/t/acme/events/${id}/experts`);
      expect(list.body.assignments).toEqual([
        expect.objectContaining({
          id: asked.id,
          status: 'declined',
          declineReason: 'Teaching that week',
          session: null,
          role: 'rapporteur',
        }),
      ]);
      for (const [body, field] of [
        [{ userId: officerId, sessionId: null, role: 'speaker' }, 'userId'],
        [
          { userId: eliId, sessionId: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60', role: 'speaker' },
          'sessionId',
        ],
      ] as const) {
        const refused = await officer.post(`/api/t/acme/events/${id}/experts`, body);
        expect(refused.status).toBe(400);
        expect(refused.body.errors[0].path).toBe(field);
      }
      expect(
        (
          await officer.post(`/api/t/acme/events/${id}/experts`, {
            userId: eliId,
            sessionId,
            role: 'chef',
          })
        ).status,
      ).toBe(400);
      expect(
        (
          await officer.request('POST', `/api/t/acme/events/${id}/experts`, {
            rawBody: `userId=${eliId}&role=speaker`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          })
        ).status,
      ).toBe(415);
      const after = await officer.get(`/api/t/acme/events/${id}/experts`);
      expect(after.body.assignments).toHaveLength(1);
    });
  });

  describe('declarations and balance', () => {
    it('shows officers the declarations missing and the balance of the accepted experts', async () => {
      const { id, sessionId } = await newEvent('Balanced panel');
      const eliAsked = await assign(id, eliId, sessionId);
      const fatimaAsked = await assign(id, fatimaId, sessionId, 'moderator');
      const fatimaRapporteur = await assign(id, fatimaId, null, 'rapporteur');
      await assign(id, pedroId, sessionId);
      for (const [client, assignment] of [
        [eli, eliAsked],
        [fatima, fatimaAsked],
        [fatima, fatimaRapporteur],
      ] as const)
        expect(
          (await client.post(`/api/t/acme/me/assignments/${assignment.id}/accept`, { version: 1 }))
            .status,
        ).toBe(200);

      const before = (await officer.get(`/api/t/acme/events/${id}/experts`)).body;
      // Each accepted expert once, Pedro (still asked) not at all.
      expect(before.balance).toEqual({
        experts: 2,
        bySex: { female: 1, male: 1, other: 0, unknown: 0 },
        byRegionalGroup: {
          african: 1,
          asia_pacific: 0,
          eastern_european: 0,
          latin_american_caribbean: 0,
          western_european_others: 1,
          none: 0,
        },
      });
      expect(before.declarations).toEqual([
        { expert: { id: eliId, name: 'Eli Expert' }, declaration: null },
        { expert: { id: fatimaId, name: 'Fatima Haddad' }, declaration: null },
      ]);
      expect((await eli.get('/api/t/acme/me/expert-panel')).body.declarationsDue).toContainEqual(
        expect.objectContaining({ id, title: 'Balanced panel' }),
      );

      for (const bad of [
        { hasInterests: true },
        { hasInterests: true, details: '   ' },
        { hasInterests: false, details: 'Something' },
        { hasInterests: 'no' },
      ])
        expect((await eli.put(`/api/t/acme/me/declarations/${id}`, bad)).status).toBe(400);
      const filed = await eli.put(`/api/t/acme/me/declarations/${id}`, {
        hasInterests: true,
        details: 'Consultant to a forensic software vendor',
      });
      expect(filed.status).toBe(200);
      expect(filed.body).toMatchObject({ eventId: id, hasInterests: true });
      expect(
        (await fatima.put(`/api/t/acme/me/declarations/${id}`, { hasInterests: false })).status,
      ).toBe(200);
      // Pedro has not accepted: the event is not his to declare for.
      const pedro = await app.client().signIn('pedro@acme.example', PASSWORD);
      expect(
        (await pedro.put(`/api/t/acme/me/declarations/${id}`, { hasInterests: false })).status,
      ).toBe(404);

      const after = (await officer.get(`/api/t/acme/events/${id}/experts`)).body;
      expect(
        after.declarations.every((d: { declaration: unknown }) => d.declaration !== null),
      ).toBe(true);
      expect(after.declarations).toContainEqual({
        expert: { id: eliId, name: 'Eli Expert' },
        declaration: {
          filedAt: expect.any(String),
          hasInterests: true,
          details: 'Consultant to a forensic software vendor',
        },
      });
      expect(
        (await eli.get('/api/t/acme/me/expert-panel')).body.declarationsDue,
      ).not.toContainEqual(expect.objectContaining({ id }));
      // The officers' page is theirs: experts and focal points are refused.
      expect((await eli.get(`/api/t/acme/events/${id}/experts`)).status).toBe(403);
      expect((await focal.get(`/api/t/acme/events/${id}/experts`)).status).toBe(403);
    });

    it('keeps an expert accepted on a draft off their panel until the event is announced', async () => {
      const { id, sessionId } = await newEvent('Draft meeting', false);
      const asked = await assign(id, pedroId, sessionId);
      const pedro = await app.client().signIn('pedro@acme.example', PASSWORD);
      expect(
        (await pedro.post(`/api/t/acme/me/assignments/${asked.id}/accept`, { version: 1 })).status,
      ).toBe(200);
      // Accepted, but a draft is the planners' alone (the one rule of events).
      expect((await pedro.get(`/api/t/acme/events/${id}`)).status).toBe(404);
      const panel = (await pedro.get('/api/t/acme/me/expert-panel')).body;
      expect(panel.sessions.map((s: { event: { id: string } }) => s.event.id)).not.toContain(id);
      expect(panel.declarationsDue.map((e: { id: string }) => e.id)).not.toContain(id);
      expect(
        (await pedro.put(`/api/t/acme/me/declarations/${id}`, { hasInterests: false })).status,
      ).toBe(404);
      await officer.post(`/api/t/acme/events/${id}/transitions`, { action: 'plan' });
      expect((await pedro.get(`/api/t/acme/events/${id}`)).status).toBe(200);
      expect((await pedro.get('/api/t/acme/me/expert-panel')).body.declarationsDue).toContainEqual(
        expect.objectContaining({ id }),
      );
    });

    it('lists in an expert’s page the events they served', async () => {
      const detail = await officer.get(`/api/t/acme/experts/${fatimaId}`);
      expect(detail.status).toBe(200);
      const titles = detail.body.events.map((e: { title: string }) => e.title);
      expect(titles).toContain('Balanced panel');
      expect(titles).not.toContain('EGM on evidence'); // asked again, not accepted
      expect(
        detail.body.events.find((e: { title: string }) => e.title === 'Balanced panel').roles,
      ).toEqual(['moderator', 'rapporteur']);
      const roster = await officer.get('/api/t/acme/experts?q=fatima');
      expect(roster.body.items[0].eventsServed).toBe(1);
    });
  });
});
