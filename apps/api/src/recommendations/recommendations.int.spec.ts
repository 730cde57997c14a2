import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { recommendationEvent, recommendationOf } from './recommendations.fixtures';

const PASSWORD = 'recommendations passphrase';

describe('recommendations of meetings', () => {
  let app: TestApp;
  let acme: string;
  let officer: ApiClient;
  let rapporteur: ApiClient;
  let speaker: ApiClient;
  let outsider: ApiClient;
  let kenya: ApiClient;
  let uganda: ApiClient;
  let france: ApiClient;
  let anonymous: ApiClient;
  let officerId: string;
  let rapporteurId: string;
  let speakerId: string;
  /** A held meeting hosted by Kenya, with a rapporteur and a speaker. */
  let held: string;
  /** A public, reported meeting hosted by nobody. */
  let published: string;
  /** A public meeting still held: its recommendations are not public yet. */
  let heldPublic: string;
  /** A planned meeting: nothing is written before it is held. */
  let planned: string;

  const base = '/api/t/acme';
  const valid = (extra: Record<string, unknown> = {}) => ({
    text: 'States should designate a 24/7 point of contact for requests on electronic evidence.\n\nThey should publish it.',
    thematicArea: 'international_cooperation',
    addressedStates: ['ken', 'UGA'],
    ...extra,
  });
  const counts = async () =>
    (
      await ownerQuery<{ recommendations: number; follow_ups: number }>(
        app,
        `select (select count(*)::int from recommendations) as recommendations,
                (select count(*)::int from recommendation_follow_ups) as follow_ups`,
      )
    )[0];
  const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id).sort();

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const member = async (email: string, role: string, state: string | null = null) =>
      (
        await addMember(ds, acme, {
          email,
          name: email.split('@')[0] ?? email,
          password: PASSWORD,
          role: role as 'expert',
          memberStateAlpha3: state,
        })
      ).userId;
    officerId = await member('officer@acme.example', 'programme_officer');
    rapporteurId = await member('rapporteur@acme.example', 'expert');
    speakerId = await member('speaker@acme.example', 'expert');
    await member('outsider@acme.example', 'expert');
    await member('kenya@acme.example', 'focal_point', 'KEN');
    await member('uganda@acme.example', 'focal_point', 'UGA');
    await member('france@acme.example', 'focal_point', 'FRA');
    const signIn = (email: string) => app.client().signIn(email, PASSWORD);
    officer = await signIn('officer@acme.example');
    rapporteur = await signIn('rapporteur@acme.example');
    speaker = await signIn('speaker@acme.example');
    outsider = await signIn('outsider@acme.example');
    kenya = await signIn('kenya@acme.example');
    uganda = await signIn('uganda@acme.example');
    france = await signIn('france@acme.example');
    anonymous = app.client();
    held = await recommendationEvent(ds, acme, {
      title: 'EGM on electronic evidence',
      hostStates: ['KEN'],
      rapporteur: rapporteurId,
      speaker: speakerId,
      startsAt: '2026-03-10T07:00:00Z',
    });
    published = await recommendationEvent(ds, acme, {
      title: 'EGM on online propaganda',
      status: 'reported',
      isPublic: true,
      startsAt: '2025-10-06T07:00:00Z',
    });
    heldPublic = await recommendationEvent(ds, acme, {
      title: 'Public workshop still held',
      isPublic: true,
      startsAt: '2026-02-01T07:00:00Z',
    });
    planned = await recommendationEvent(ds, acme, { status: 'planned', hostStates: ['KEN'] });
  });

  afterAll(() => app.close());

  describe('writing', () => {
    it('numbers an officer’s and the rapporteur’s recommendations in the order they come', async () => {
      const first = await officer.post(`${base}/events/${held}/recommendations`, valid());
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        number: 1,
        text: valid().text,
        addressedStates: ['KEN', 'UGA'],
        addressedToOrganisation: false,
        addressedPartners: [],
        status: 'open',
        version: 1,
        createdBy: { id: officerId },
        event: { id: held, title: 'EGM on electronic evidence', status: 'held' },
        canEdit: true,
        canSetStatus: true,
        canAddNote: true,
        followUps: [{ fromStatus: null, toStatus: 'open', note: null, actor: { id: officerId } }],
      });
      const second = await rapporteur.post(
        `${base}/events/${held}/recommendations`,
        valid({
          text: 'UNODC should compile a directory of service providers’ law-enforcement portals.',
          thematicArea: 'private_sector_cooperation',
          addressedStates: [],
          addressedToOrganisation: true,
          addressedPartners: ['Tech Against Terrorism'],
        }),
      );
      expect(second.status).toBe(201);
      expect(second.body).toMatchObject({
        number: 2,
        createdBy: { id: rapporteurId },
        canEdit: true,
        canSetStatus: false,
        canAddNote: false,
      });
      const tab = await rapporteur.get(`${base}/events/${held}/recommendations`);
      expect(tab.body).toMatchObject({ canWrite: true, canReorder: true });
      expect(tab.body.items.map((item: { number: number }) => item.number)).toEqual([1, 2]);
    });

    it('refuses experts who are not the rapporteur, and focal points', async () => {
      const before = await counts();
      // The speaker sees the event but does not write its recommendations.
      expect((await speaker.get(`${base}/events/${held}/recommendations`)).body.canWrite).toBe(
        false,
      );
      const bySpeaker = await speaker.post(`${base}/events/${held}/recommendations`, valid());
      expect(bySpeaker.status).toBe(403);
      // An expert with nothing to do with the event: it does not exist for them.
      const byOutsider = await outsider.post(`${base}/events/${held}/recommendations`, valid());
      expect(byOutsider.status).toBe(404);
      const byFocalPoint = await kenya.post(`${base}/events/${held}/recommendations`, valid());
      expect(byFocalPoint.status).toBe(403);
      expect(await counts()).toEqual(before);
    });

    it('writes nothing before the meeting is held, and keeps numbers once it is reported', async () => {
      const before = await counts();
      const early = await officer.post(`${base}/events/${planned}/recommendations`, valid());
      expect(early.status).toBe(409);
      expect(early.body.type).toBe('/problems/recommendations-locked');
      const ds = app.running.databases.app;
      const r1 = await recommendationOf(ds, acme, published);
      const r2 = await recommendationOf(ds, acme, published);
      const reorder = await officer.put(`${base}/events/${published}/recommendations/order`, {
        recommendationIds: [r2, r1],
      });
      expect(reorder.status).toBe(409);
      expect(reorder.body.type).toBe('/problems/recommendations-locked');
      const numbers = await ownerQuery<{ id: string; position: number }>(
        app,
        `select id, position from recommendations where event_id = $1 order by position`,
        [published],
      );
      expect(numbers).toEqual([
        { id: r1, position: 1 },
        { id: r2, position: 2 },
      ]);
      expect((await counts())?.recommendations).toBe((before?.recommendations ?? 0) + 2);
    });

    it('reorders every recommendation of a held event, and refuses a partial order', async () => {
      const tab = await officer.get(`${base}/events/${held}/recommendations`);
      const [first, second] = tab.body.items.map((item: { id: string }) => item.id);
      const partial = await officer.put(`${base}/events/${held}/recommendations/order`, {
        recommendationIds: [second],
      });
      expect(partial.status).toBe(400);
      const swapped = await rapporteur.put(`${base}/events/${held}/recommendations/order`, {
        recommendationIds: [second, first],
      });
      expect(swapped.status).toBe(200);
      expect(swapped.body.items.map((item: { id: string; number: number }) => item.id)).toEqual([
        second,
        first,
      ]);
      expect(swapped.body.items.map((item: { number: number }) => item.number)).toEqual([1, 2]);
    });

    it('edits with the version read, and answers 409 to a stale one', async () => {
      const created = await officer.post(`${base}/events/${held}/recommendations`, valid());
      const id = created.body.id;
      const edited = await rapporteur.put(`${base}/recommendations/${id}`, {
        ...valid({ addressedStates: ['KEN'], thematicArea: 'legal_policy_frameworks' }),
        version: 1,
      });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({
        version: 2,
        addressedStates: ['KEN'],
        thematicArea: 'legal_policy_frameworks',
      });
      const stale = await officer.put(`${base}/recommendations/${id}`, { ...valid(), version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('/problems/stale-version');
      expect((await officer.get(`${base}/recommendations/${id}`)).body.addressedStates).toEqual([
        'KEN',
      ]);
    });

    it.each([
      ['a NUL byte in the text', { text: 'Share\u0000evidence' }],
      ['a control character in a partner', { addressedPartners: ['Tech\r\nAgainst'] }],
      ['an unknown thematic area', { thematicArea: 'cooking' }],
      ['an unknown State', { addressedStates: ['ZZZ'] }],
      ['a State twice', { addressedStates: ['KEN', 'ken'] }],
      ['nobody addressed', { addressedStates: [], addressedPartners: [] }],
      ['an empty text', { text: '   ' }],
      ['an unknown field', { priority: 'high' }],
      ['a text too long', { text: 'x'.repeat(4001) }],
    ])('refuses %s with problem+json and changes nothing', async (_, change) => {
      const before = await counts();
      const response = await officer.post(`${base}/events/${held}/recommendations`, valid(change));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toBe('/problems/validation');
      expect(await counts()).toEqual(before);
    });

    it('refuses a form-encoded body and a path that is no id', async () => {
      const before = await counts();
      const form = await officer.request('POST', `${base}/events/${held}/recommendations`, {
        rawBody: 'text=Share&thematicArea=financing&addressedStates=KEN',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBeGreaterThanOrEqual(400);
      expect(form.status).toBeLessThan(500);
      expect(form.headers.get('content-type')).toMatch(/problem\+json/);
      const notAnId = await officer.get(`${base}/recommendations/..%2F..%2Fevents`);
      expect(notAnId.status).toBe(404);
      expect(await counts()).toEqual(before);
    });
  });

  describe('following up', () => {
    let id: string;

    beforeAll(async () => {
      id = await recommendationOf(app.running.databases.app, acme, held, {
        text: 'Uganda should amend its evidence act to admit electronic records.',
        states: ['UGA'],
        thematicArea: 'legal_policy_frameworks',
      });
    });

    it('keeps every step with who, when and why', async () => {
      const moved = await officer.post(`${base}/recommendations/${id}/follow-ups`, {
        status: 'in_progress',
        note: 'A drafting committee met in May.',
        version: 1,
      });
      expect(moved.status).toBe(201);
      expect(moved.body).toMatchObject({ status: 'in_progress', version: 2 });
      const noted = await uganda.post(`${base}/recommendations/${id}/follow-ups`, {
        note: 'The bill is before Parliament.',
      });
      expect(noted.status).toBe(201);
      const done = await officer.post(`${base}/recommendations/${id}/follow-ups`, {
        status: 'implemented',
        note: 'The amended act came into force.',
        version: 2,
      });
      expect(done.status).toBe(201);
      expect(done.body.followUps).toEqual([
        expect.objectContaining({ fromStatus: null, toStatus: 'open', note: null, actor: null }),
        expect.objectContaining({
          fromStatus: 'open',
          toStatus: 'in_progress',
          note: 'A drafting committee met in May.',
          memberState: null,
          actor: { id: officerId, name: 'officer' },
        }),
        expect.objectContaining({
          fromStatus: null,
          toStatus: null,
          note: 'The bill is before Parliament.',
          memberState: 'UGA',
          actor: expect.objectContaining({ name: 'uganda' }),
        }),
        expect.objectContaining({ fromStatus: 'in_progress', toStatus: 'implemented' }),
      ]);
      const audit = await ownerQuery<{ action: string }>(
        app,
        `select action from audit_log where entity_id = $1 order by at, id`,
        [id],
      );
      expect(audit.map((row) => row.action)).toEqual([
        'recommendation.status_changed',
        'recommendation.noted',
        'recommendation.status_changed',
      ]);
    });

    it('lets only officers move the status, and only focal points of an addressed State add notes', async () => {
      const before = await counts();
      const byUganda = await uganda.post(`${base}/recommendations/${id}/follow-ups`, {
        status: 'open',
        note: 'Reopen please',
        version: 3,
      });
      expect(byUganda.status).toBe(403);
      // Kenya hosts the meeting, so sees the recommendation, but it is not addressed to Kenya.
      expect((await kenya.get(`${base}/recommendations/${id}`)).body.canAddNote).toBe(false);
      const byKenya = await kenya.post(`${base}/recommendations/${id}/follow-ups`, {
        note: 'We have views on this',
      });
      expect(byKenya.status).toBe(403);
      // France sees nothing of it.
      const byFrance = await france.post(`${base}/recommendations/${id}/follow-ups`, {
        note: 'Bonjour',
      });
      expect(byFrance.status).toBe(404);
      const stale = await officer.post(`${base}/recommendations/${id}/follow-ups`, {
        status: 'not_pursued',
        note: 'Too late',
        version: 1,
      });
      expect(stale.status).toBe(409);
      const same = await officer.post(`${base}/recommendations/${id}/follow-ups`, {
        status: 'implemented',
        note: 'Again',
        version: 3,
      });
      expect(same.status).toBe(409);
      const noVersion = await officer.post(`${base}/recommendations/${id}/follow-ups`, {
        status: 'open',
        note: 'Without version',
      });
      expect(noVersion.status).toBe(400);
      const nul = await uganda.post(`${base}/recommendations/${id}/follow-ups`, {
        note: 'Bad\u0000note',
      });
      expect(nul.status).toBe(400);
      expect(await counts()).toEqual(before);
    });
  });

  describe('who sees what', () => {
    let toKenya: string;
    let toUganda: string;
    let toOrganisation: string;
    let publicOne: string;
    let notYetPublic: string;

    beforeAll(async () => {
      const ds = app.running.databases.app;
      await ownerQuery(app, `delete from recommendations`);
      toKenya = await recommendationOf(ds, acme, held, { states: ['KEN'], text: 'Kenya alone' });
      toUganda = await recommendationOf(ds, acme, held, { states: ['UGA'], text: 'Uganda alone' });
      toOrganisation = await recommendationOf(ds, acme, held, {
        states: [],
        organisation: true,
        text: 'The organisation',
      });
      publicOne = await recommendationOf(ds, acme, published, {
        states: ['FRA'],
        text: 'France, in public',
        status: 'implemented',
      });
      notYetPublic = await recommendationOf(ds, acme, heldPublic, {
        states: ['EGY'],
        text: 'Not public while held',
      });
    });

    it('gives each person the recommendations of the events they see, and those addressed to their State', async () => {
      const listed = async (client: ApiClient) =>
        ids((await client.get(`${base}/recommendations`)).body);
      const sorted = (...values: string[]) => [...values].sort();
      expect(await listed(officer)).toEqual(
        sorted(toKenya, toUganda, toOrganisation, publicOne, notYetPublic),
      );
      // Kenya hosts the held meeting: all of its recommendations, and the public one.
      expect(await listed(kenya)).toEqual(sorted(toKenya, toUganda, toOrganisation, publicOne));
      // Uganda was not invited: only what is addressed to Uganda, and the public one.
      expect(await listed(uganda)).toEqual(sorted(toUganda, publicOne));
      // France: the public one only; the held public event's stays hidden until reported.
      expect(await listed(france)).toEqual(sorted(publicOne));
      // The event's experts see its recommendations.
      expect(await listed(rapporteur)).toEqual(
        sorted(toKenya, toUganda, toOrganisation, publicOne),
      );
      expect(await listed(outsider)).toEqual(sorted(publicOne));
      expect((await anonymous.get(`${base}/recommendations`)).status).toBe(401);
    });

    it('answers 404 for one outside the rule, and keeps it out of the event tab and the export', async () => {
      expect((await uganda.get(`${base}/recommendations/${toUganda}`)).status).toBe(200);
      const hidden = await uganda.get(`${base}/recommendations/${toKenya}`);
      expect(hidden.status).toBe(404);
      expect(hidden.text).not.toContain('Kenya alone');
      // Uganda cannot open the event itself.
      expect((await uganda.get(`${base}/events/${held}/recommendations`)).status).toBe(404);
      const csv = await uganda.get(`${base}/recommendations.csv`);
      expect(csv.status).toBe(200);
      expect(csv.text).toContain('Uganda alone');
      expect(csv.text).toContain('"France, in public"');
      expect(csv.text).not.toContain('Kenya alone');
      expect(csv.text).not.toContain('The organisation');
      expect(csv.text).not.toContain('Not public while held');
      const tab = await kenya.get(`${base}/events/${held}/recommendations`);
      expect(tab.body.items.map((item: { text: string }) => item.text)).toEqual([
        'Kenya alone',
        'Uganda alone',
        'The organisation',
      ]);
    });

    it('publishes those of public, reported meetings, without people or notes', async () => {
      const page = await anonymous.get('/api/public/acme/recommendations');
      expect(page.status).toBe(200);
      expect(page.body).toEqual({
        tenant: { name: 'Acme Academy' },
        items: [expect.objectContaining({ id: publicOne, text: 'France, in public', number: 1 })],
        nextCursor: null,
      });
      expect(page.body.items[0]).not.toHaveProperty('createdBy');
      expect(page.body.items[0]).not.toHaveProperty('followUps');
      expect((await anonymous.get('/api/public/platform/recommendations')).status).toBe(404);
      expect((await anonymous.get('/api/public/nobody/recommendations')).status).toBe(404);
    });
  });

  describe('the list across events', () => {
    beforeAll(async () => {
      const ds = app.running.databases.app;
      await ownerQuery(app, `delete from recommendations`);
      const older = await recommendationEvent(ds, acme, {
        title: 'Regional workshop for West Africa',
        status: 'closed',
        startsAt: '2024-11-04T08:00:00Z',
      });
      await recommendationOf(ds, acme, older, {
        states: ['GHA', 'NGA'],
        thematicArea: 'financing',
        text: 'Financial intelligence units should exchange typologies of crowdfunding abuse.',
        status: 'in_progress',
      });
      await recommendationOf(ds, acme, older, {
        states: ['FRA'],
        thematicArea: 'financing',
        text: '=HYPERLINK("http://evil.example") should never run in a spreadsheet',
      });
      await recommendationOf(ds, acme, held, {
        states: ['KEN'],
        thematicArea: 'human_rights',
        text: 'Oversight bodies should review interception of communications.',
      });
      await recommendationOf(ds, acme, held, {
        states: [],
        partners: ['INTERPOL'],
        thematicArea: 'international_cooperation',
        text: 'Partners should train first responders in preserving evidence.',
      });
    });

    const texts = async (query: string) => {
      const response = await officer.get(`${base}/recommendations${query}`);
      expect(response.status).toBe(200);
      return response.body.items.map((item: { text: string }) => item.text.slice(0, 20));
    };

    it('filters by area, State, regional group, status, event, year and words', async () => {
      expect(await texts('?thematicArea=financing')).toEqual([
        'Financial intelligen',
        '=HYPERLINK("http://e',
      ]);
      expect(await texts('?state=ken')).toEqual(['Oversight bodies sho']);
      expect(await texts('?region=african')).toEqual([
        'Oversight bodies sho',
        'Financial intelligen',
      ]);
      expect(await texts('?region=western_european_others')).toEqual(['=HYPERLINK("http://e']);
      expect(await texts('?status=in_progress')).toEqual(['Financial intelligen']);
      expect(await texts(`?eventId=${held}`)).toEqual([
        'Oversight bodies sho',
        'Partners should trai',
      ]);
      expect(await texts('?year=2024')).toEqual(['Financial intelligen', '=HYPERLINK("http://e']);
      expect(await texts('?q=interception')).toEqual(['Oversight bodies sho']);
      expect(await texts('?q=evidence%20-interception')).toEqual(['Partners should trai']);
    });

    it('pages through every row once, newest meetings first and in each meeting’s order', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 10; guard++) {
        const query = `?limit=1${after ? `&after=${encodeURIComponent(after)}` : ''}`;
        const page = await officer.get(`${base}/recommendations${query}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((item: { text: string }) => item.text.slice(0, 20)));
        after = page.body.nextCursor;
        if (!after) break;
      }
      expect(seen).toEqual([
        'Oversight bodies sho',
        'Partners should trai',
        'Financial intelligen',
        '=HYPERLINK("http://e',
      ]);
      const bad = await officer.get(`${base}/recommendations?after=not-a-cursor`);
      expect(bad.status).toBe(400);
      expect(bad.body.type).toBe('/problems/invalid-cursor');
      const unknownState = await officer.get(`${base}/recommendations?state=ZZZ`);
      expect(unknownState.status).toBe(400);
      const impossibleYear = await officer.get(`${base}/recommendations?year=0`);
      expect(impossibleYear.status).toBe(400);
    });

    it('exports what the list shows as CSV, formulas neutralised', async () => {
      const csv = await officer.get(`${base}/recommendations.csv?thematicArea=financing`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
      const lines = csv.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe(
        'number,event,event_date,thematic_area,addressed_states,addressed_to_organisation,addressed_partners,status,text,updated_at',
      );
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(
        /^R1,Regional workshop for West Africa,2024-11-04,financing,GHA NGA,no,,in_progress,/,
      );
      expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"")`);
    });
  });
});
