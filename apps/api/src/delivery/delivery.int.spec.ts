import { randomUUID } from 'node:crypto';
import { seedRequest } from '../requests/requests.fixtures';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { deliveryEvent, seedEdition } from './delivery.fixtures';
import { iatiSchemaErrors } from './iati-schema.testing';

const PASSWORD = 'delivery passphrase 2026';

describe('tool editions, deliveries, coverage and the IATI file', () => {
  let app: TestApp;
  let acme: string;
  let admin: ApiClient;
  let officer: ApiClient;
  let kenya: ApiClient;
  let expert: ApiClient;
  let anonymous: ApiClient;
  /** Held in Nairobi: two Kenyans attended (a woman, a man), one Ugandan; a Tanzanian was absent. */
  let workshop: string;
  /** Planned: nothing can be handed out yet. */
  let planned: string;
  /** Held, but nobody attended. */
  let empty: string;
  let frenchPdf: string;
  let englishPrint: string;

  const base = '/api/t/acme';
  const deliveryCount = async () =>
    (
      await ownerQuery<{ count: number }>(
        app,
        `select count(*)::int as count from tool_deliveries where tenant_id = $1`,
        [acme],
      )
    )[0]?.count;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const member = async (email: string, role: string, state: string | null = null) => {
      await addMember(ds, acme, {
        email,
        name: email.split('@')[0] ?? email,
        password: PASSWORD,
        role: role as 'expert',
        memberStateAlpha3: state,
      });
      return app.client().signIn(email, PASSWORD);
    };
    admin = await member('admin@acme.example', 'tenant_admin');
    officer = await member('officer@acme.example', 'programme_officer');
    kenya = await member('kenya@acme.example', 'focal_point', 'KEN');
    expert = await member('expert@acme.example', 'expert');
    anonymous = app.client();
    workshop = await deliveryEvent(ds, acme, {
      title: 'Regional workshop on online investigations',
      attendees: [
        { state: 'KEN', sex: 'female', attended: true },
        { state: 'KEN', sex: 'male', attended: true },
        { state: 'UGA', sex: 'female', attended: true },
        { state: 'TZA', sex: 'male', attended: false },
      ],
    });
    planned = await deliveryEvent(ds, acme, { title: 'Planned seminar', status: 'planned' });
    empty = await deliveryEvent(ds, acme, {
      title: 'Held, nobody came',
      attendees: [{ state: 'KEN', sex: 'female', attended: false }],
    });
    frenchPdf = await seedEdition(ds, acme, { language: 'fr', format: 'pdf', title: 'Manuel' });
    englishPrint = await seedEdition(ds, acme, { language: 'en', format: 'print' });
  });

  afterAll(() => app.close());

  describe('editions', () => {
    it('adds an edition with a checked ISBN, once per ISBN', async () => {
      const body = {
        title: 'Utilización de Internet con fines terroristas',
        language: 'es',
        format: 'print',
        editionYear: 2013,
        versionLabel: '1.ª edición',
        isbn: '978-92-1-133796-9',
        salesNumber: 'S.12.V.2',
      };
      const created = await officer.post(`${base}/tool-editions`, body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        isbn: '9789211337969',
        language: 'es',
        deliveries: 0,
        isExample: false,
        version: 1,
      });
      const again = await officer.post(`${base}/tool-editions`, { ...body, title: 'Copy' });
      expect(again.status).toBe(409);
      const wrongDigit = await officer.post(`${base}/tool-editions`, {
        ...body,
        isbn: '978-92-1-133796-8',
      });
      expect(wrongDigit.status).toBe(400);
      expect(wrongDigit.headers.get('content-type')).toMatch(/problem\+json/);
    });

    it('refuses a stale edit with what changed, and an event document as its file', async () => {
      const created = await officer.post(`${base}/tool-editions`, {
        title: 'Руководство',
        language: 'ru',
        format: 'pdf',
        editionYear: 2014,
      });
      const id = created.body.id as string;
      const first = await officer.put(`${base}/tool-editions/${id}`, {
        ...created.body,
        document: undefined,
        deliveries: undefined,
        copies: undefined,
        isExample: undefined,
        updatedAt: undefined,
        id: undefined,
        title: 'Руководство (2-е изд.)',
      });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(2);
      const stale = await officer.put(`${base}/tool-editions/${id}`, {
        title: 'Other',
        language: 'ru',
        format: 'pdf',
        editionYear: 2014,
        version: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('/problems/stale-version');
      expect(stale.body.errors).toEqual([
        { path: 'title', message: 'is now Руководство (2-е изд.)' },
      ]);
      const notALibraryDocument = await officer.put(`${base}/tool-editions/${id}`, {
        title: 'Руководство (2-е изд.)',
        language: 'ru',
        format: 'pdf',
        editionYear: 2014,
        version: 2,
        documentId: randomUUID(),
      });
      expect(notALibraryDocument.status).toBe(422);
    });
  });

  describe('the register', () => {
    it('registers one delivery and shows focal points only their own State’s, read-only', async () => {
      const toKenya = await officer.post(`${base}/deliveries`, {
        editionId: englishPrint,
        quantity: 40,
        channel: 'official_transmission',
        memberState: 'ken',
        institution: 'Office of the Director of Public Prosecutions',
        deliveredOn: '2026-01-15',
      });
      expect(toKenya.status).toBe(201);
      expect(toKenya.body).toMatchObject({ memberState: 'KEN', quantity: 40, bulk: false });
      const toFrance = await officer.post(`${base}/deliveries`, {
        editionId: frenchPdf,
        quantity: 5,
        channel: 'download',
        memberState: 'FRA',
        deliveredOn: '2026-01-20',
      });
      expect(toFrance.status).toBe(201);

      const mine = await kenya.get(`${base}/deliveries`);
      expect(mine.status).toBe(200);
      expect(mine.body.canRegister).toBe(false);
      expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(toKenya.body.id);
      expect(
        mine.body.items.every((item: { memberState: string }) => item.memberState === 'KEN'),
      ).toBe(true);
      expect(mine.text).not.toContain(toFrance.body.id);

      const all = await officer.get(`${base}/deliveries?state=FRA`);
      expect(all.body.items.map((item: { id: string }) => item.id)).toEqual([toFrance.body.id]);
      expect(all.body.canRegister).toBe(true);

      expect((await kenya.post(`${base}/deliveries`, { ...toKenya.body })).status).toBe(403);
      expect((await expert.get(`${base}/deliveries`)).status).toBe(403);
      expect((await anonymous.get(`${base}/deliveries`)).status).toBe(401);
    });

    it('links a delivery only to a sent request of the same State, and says no alike for the rest', async () => {
      const ds = app.running.databases.app;
      const store = app.running.store;
      const { requestId: kenyan } = await seedRequest(ds, store, acme, { state: 'KEN' });
      const { requestId: ugandan } = await seedRequest(ds, store, acme, { state: 'UGA' });
      const { requestId: draft } = await seedRequest(ds, store, acme, {
        state: 'KEN',
        status: 'draft',
      });
      const delivery = (requestId: string) => ({
        editionId: englishPrint,
        quantity: 10,
        channel: 'official_transmission',
        memberState: 'KEN',
        deliveredOn: '2026-02-01',
        requestId,
      });
      const before = await deliveryCount();
      for (const requestId of [ugandan, draft, randomUUID()]) {
        const refused = await officer.post(`${base}/deliveries`, delivery(requestId));
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({
          type: '/problems/validation',
          errors: [{ path: 'requestId' }],
        });
      }
      expect(await deliveryCount()).toBe(before);
      const linked = await officer.post(`${base}/deliveries`, delivery(kenyan));
      expect(linked.status).toBe(201);
      expect(linked.body.requestId).toBe(kenyan);
    });

    it('pages the register by keyset, newest first', async () => {
      const first = await officer.get(`${base}/deliveries?limit=1`);
      expect(first.body.items).toHaveLength(1);
      const second = await officer.get(
        `${base}/deliveries?limit=1&after=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0].deliveredOn <= first.body.items[0].deliveredOn).toBe(true);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    });
  });

  describe('a bulk hand-out from a held workshop', () => {
    it('previews who attended per State', async () => {
      const preview = await officer.get(`${base}/events/${workshop}/delivery-preview`);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        eligible: true,
        states: [
          { memberState: 'KEN', attending: 2 },
          { memberState: 'UGA', attending: 1 },
        ],
        registered: [],
      });
      expect(preview.body.event.endsOn).toBe('2026-03-12');
    });

    it('registers each edition per State in one go, and a repeated submission changes nothing', async () => {
      const before = await deliveryCount();
      const key = randomUUID();
      const body = {
        key,
        editions: [
          { editionId: frenchPdf, perParticipant: 1 },
          { editionId: englishPrint, perParticipant: 2 },
        ],
        deliveredOn: '2026-03-12',
      };
      const first = await officer.post(`${base}/events/${workshop}/deliveries`, body);
      expect(first.status).toBe(201);
      expect(first.body.created).toBe(true);
      const rows = first.body.items.map(
        (item: { edition: { id: string }; memberState: string; quantity: number }) => [
          item.edition.id === frenchPdf ? 'fr-pdf' : 'en-print',
          item.memberState,
          item.quantity,
        ],
      );
      expect(rows.sort()).toEqual([
        ['en-print', 'KEN', 4],
        ['en-print', 'UGA', 2],
        ['fr-pdf', 'KEN', 2],
        ['fr-pdf', 'UGA', 1],
      ]);
      expect(await deliveryCount()).toBe((before ?? 0) + 4);

      const again = await officer.post(`${base}/events/${workshop}/deliveries`, body);
      expect(again.status).toBe(201);
      expect(again.body.created).toBe(false);
      expect(again.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
        first.body.items.map((item: { id: string }) => item.id).sort(),
      );
      expect(await deliveryCount()).toBe((before ?? 0) + 4);

      // A new submission of an edition already handed out there is refused, whole.
      const second = await officer.post(`${base}/events/${workshop}/deliveries`, {
        ...body,
        key: randomUUID(),
      });
      expect(second.status).toBe(409);
      expect(await deliveryCount()).toBe((before ?? 0) + 4);

      const preview = await officer.get(`${base}/events/${workshop}/delivery-preview`);
      expect(preview.body.registered).toHaveLength(2);
    });

    it('lets the database decide between two submissions racing each other', async () => {
      const edition = await seedEdition(app.running.databases.app, acme, {
        language: 'ar',
        format: 'elearning',
      });
      const body = () => ({
        key: randomUUID(),
        editions: [{ editionId: edition, perParticipant: 1 }],
        deliveredOn: '2026-03-12',
      });
      const answers = await Promise.all([
        officer.post(`${base}/events/${workshop}/deliveries`, body()),
        admin.post(`${base}/events/${workshop}/deliveries`, body()),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      const [{ count } = { count: 0 }] = await ownerQuery<{ count: number }>(
        app,
        `select count(*)::int as count from tool_deliveries where edition_id = $1`,
        [edition],
      );
      expect(count).toBe(2);
    });

    it('refuses a meeting that has not taken place, or that nobody attended', async () => {
      const before = await deliveryCount();
      const body = () => ({
        key: randomUUID(),
        editions: [{ editionId: frenchPdf, perParticipant: 1 }],
        deliveredOn: '2026-03-12',
      });
      const early = await officer.post(`${base}/events/${planned}/deliveries`, body());
      expect(early.status).toBe(409);
      const nobody = await officer.post(`${base}/events/${empty}/deliveries`, body());
      expect(nobody.status).toBe(422);
      const unknownEdition = await officer.post(`${base}/events/${workshop}/deliveries`, {
        ...body(),
        editions: [{ editionId: randomUUID(), perParticipant: 1 }],
      });
      expect(unknownEdition.status).toBe(404);
      expect(await deliveryCount()).toBe(before);
      const preview = await officer.get(`${base}/events/${planned}/delivery-preview`);
      expect(preview.body.eligible).toBe(false);
    });
  });

  describe('coverage', () => {
    it('says per State which languages and formats reached it, through which events', async () => {
      const coverage = await officer.get(`${base}/coverage`);
      expect(coverage.status).toBe(200);
      const kenyaRow = coverage.body.states.find(
        (state: { memberState: string }) => state.memberState === 'KEN',
      );
      expect(kenyaRow).toMatchObject({
        regionalGroup: 'african',
        region: 'africa',
        lastDeliveredOn: '2026-03-12',
        events: [{ id: workshop, title: 'Regional workshop on online investigations' }],
      });
      expect(kenyaRow.languages).toEqual(expect.arrayContaining(['en', 'fr']));
      expect(kenyaRow.formats).toEqual(expect.arrayContaining(['print', 'pdf']));
      // Tanzania's participant was absent: nothing reached it.
      expect(coverage.body.neverReached).toContain('TZA');
      expect(coverage.body.neverReached).not.toContain('KEN');
      const african = coverage.body.byRegionalGroup.find(
        (group: { regionalGroup: string }) => group.regionalGroup === 'african',
      );
      expect(african.statesReached).toBe(2);
    });

    it('filters by regional group and period', async () => {
      const weog = await officer.get(`${base}/coverage?regionalGroup=western_european_others`);
      expect(weog.body.states.map((state: { memberState: string }) => state.memberState)).toEqual([
        'FRA',
      ]);
      const before = await officer.get(`${base}/coverage?to=2026-01-16`);
      expect(before.body.states.map((state: { memberState: string }) => state.memberState)).toEqual(
        ['KEN'],
      );
      expect((await kenya.get(`${base}/coverage`)).status).toBe(403);
    });
  });

  describe('correcting and deleting a delivery', () => {
    const ghana = async () => {
      const coverage = await officer.get(`${base}/coverage?regionalGroup=african`);
      expect(coverage.status).toBe(200);
      return {
        row: coverage.body.states.find(
          (state: { memberState: string }) => state.memberState === 'GHA',
        ),
        neverReached: coverage.body.neverReached as string[],
        african: coverage.body.byRegionalGroup.find(
          (group: { regionalGroup: string }) => group.regionalGroup === 'african',
        ),
      };
    };
    const stored = async (id: string) =>
      ownerQuery<{ quantity: number; version: number; member_state_code: string }>(
        app,
        `select quantity, version, member_state_code from tool_deliveries where id = $1`,
        [id],
      );
    const audited = (id: string) =>
      ownerQuery<{ action: string; before: Record<string, unknown>; after: unknown }>(
        app,
        `select action, before, after from audit_log where entity_id = $1 order by at, id`,
        [id],
      );
    const body = {
      editionId: '',
      quantity: 12,
      channel: 'official_transmission',
      memberState: 'GHA',
      institution: 'Ministry of Justice',
      deliveredOn: '2026-03-03',
    };
    let id = '';

    it('corrects a quantity with the version read, and coverage counts the new one', async () => {
      const created = await officer.post(`${base}/deliveries`, { ...body, editionId: frenchPdf });
      expect(created.status).toBe(201);
      expect(created.body.version).toBe(1);
      id = created.body.id;
      const before = await ghana();
      expect(before.row).toMatchObject({ copies: 12, deliveries: 1 });

      const corrected = await officer.put(`${base}/deliveries/${id}`, {
        ...body,
        editionId: frenchPdf,
        quantity: 30,
        version: 1,
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ id, quantity: 30, version: 2, memberState: 'GHA' });
      const after = await ghana();
      expect(after.row).toMatchObject({ copies: 30, deliveries: 1 });
      expect(after.african.copies).toBe(before.african.copies + 18);
      expect((await officer.get(`${base}/deliveries/${id}`)).body.quantity).toBe(30);

      const [entry] = (await audited(id)).filter((row) => row.action === 'tool_delivery.updated');
      expect(entry?.before).toMatchObject({ quantity: 12, memberState: 'GHA', version: 1 });
      expect(entry?.after).toMatchObject({ quantity: 30, memberState: 'GHA', version: 2 });
    });

    it('refuses a stale correction with what changed, and bad input, changing nothing', async () => {
      const stale = await admin.put(`${base}/deliveries/${id}`, {
        ...body,
        editionId: frenchPdf,
        quantity: 5,
        institution: 'Attorney General',
        version: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('/problems/stale-version');
      expect(stale.body.errors).toEqual([
        { path: 'quantity', message: 'is now 30' },
        { path: 'institution', message: 'is now Ministry of Justice' },
      ]);
      for (const bad of [
        { quantity: 0 },
        { memberState: 'ZZZ' },
        { deliveredOn: '2026-02-30' },
        { version: undefined },
        { bulk: true },
      ]) {
        const refused = await officer.put(`${base}/deliveries/${id}`, {
          ...body,
          editionId: frenchPdf,
          version: 2,
          ...bad,
        });
        expect(refused.status).toBe(400);
        expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
      }
      const unknownEdition = await officer.put(`${base}/deliveries/${id}`, {
        ...body,
        editionId: randomUUID(),
        version: 2,
      });
      expect(unknownEdition.status).toBe(404);
      expect(await stored(id)).toEqual([{ quantity: 30, version: 2, member_state_code: 'GHA' }]);
      expect(
        (
          await officer.put(`${base}/deliveries/${randomUUID()}`, {
            ...body,
            editionId: frenchPdf,
            version: 1,
          })
        ).status,
      ).toBe(404);
    });

    it('keeps corrections and deletions with officers, and outside a focal point’s State away', async () => {
      // Kenya's focal point: not their State's delivery, and not theirs to change anyway.
      expect((await kenya.get(`${base}/deliveries/${id}`)).status).toBe(404);
      const put = await kenya.put(`${base}/deliveries/${id}`, {
        ...body,
        editionId: frenchPdf,
        version: 2,
      });
      expect(put.status).toBe(403);
      expect((await kenya.delete(`${base}/deliveries/${id}?version=2`)).status).toBe(403);
      expect((await expert.delete(`${base}/deliveries/${id}?version=2`)).status).toBe(403);
      expect((await anonymous.delete(`${base}/deliveries/${id}?version=2`)).status).toBe(401);
      expect(await stored(id)).toEqual([{ quantity: 30, version: 2, member_state_code: 'GHA' }]);
    });

    it('deletes with the version read, and coverage no longer counts it', async () => {
      const stale = await officer.delete(`${base}/deliveries/${id}?version=1`);
      expect(stale.status).toBe(409);
      expect(stale.body.type).toBe('/problems/stale-version');
      expect((await officer.delete(`${base}/deliveries/${id}`)).status).toBe(400);
      expect(await stored(id)).toHaveLength(1);

      const before = await ghana();
      const deleted = await officer.delete(`${base}/deliveries/${id}?version=2`);
      expect(deleted.status).toBe(204);
      expect(await stored(id)).toEqual([]);
      const after = await ghana();
      expect(after.row).toBeUndefined();
      expect(after.neverReached).toContain('GHA');
      expect(after.african.copies).toBe(before.african.copies - 30);
      expect(after.african.statesReached).toBe(before.african.statesReached - 1);
      expect((await officer.get(`${base}/deliveries/${id}`)).status).toBe(404);
      expect((await officer.delete(`${base}/deliveries/${id}?version=2`)).status).toBe(404);

      const deletion = (await audited(id)).find((row) => row.action === 'tool_delivery.deleted');
      expect(deletion?.before).toMatchObject({ quantity: 30, memberState: 'GHA', version: 2 });
      expect(deletion?.after).toBeNull();
    });

    it('lets a bulk hand-out’s quantity change, never its edition, State or event', async () => {
      const page = await officer.get(`${base}/deliveries?eventId=${workshop}&state=UGA`);
      const handedOut = page.body.items.find(
        (item: { edition: { id: string } }) => item.edition.id === englishPrint,
      );
      expect(handedOut).toMatchObject({ bulk: true, quantity: 2, memberState: 'UGA' });
      const sent = {
        editionId: englishPrint,
        quantity: handedOut.quantity,
        channel: handedOut.channel,
        memberState: 'UGA',
        institution: '',
        deliveredOn: handedOut.deliveredOn,
        eventId: workshop,
        version: handedOut.version,
      };
      for (const change of [{ memberState: 'KEN' }, { editionId: frenchPdf }, { eventId: null }]) {
        const refused = await officer.put(`${base}/deliveries/${handedOut.id}`, {
          ...sent,
          ...change,
        });
        expect(refused.status).toBe(422);
        expect(refused.body.errors).toEqual([
          { path: Object.keys(change)[0], message: 'cannot change on a bulk hand-out' },
        ]);
      }
      const ugandaCopies = async () =>
        (await officer.get(`${base}/coverage`)).body.states.find(
          (state: { memberState: string }) => state.memberState === 'UGA',
        ).copies as number;
      const before = await ugandaCopies();
      const corrected = await officer.put(`${base}/deliveries/${handedOut.id}`, {
        ...sent,
        quantity: 3,
        institution: 'Uganda Police Force',
      });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ quantity: 3, bulk: true, memberState: 'UGA' });
      expect(await ugandaCopies()).toBe(before + 1);
    });
  });

  describe('the IATI 2.03 file', () => {
    const settings = {
      organisationIdentifier: 'XM-DAC-41146',
      organisationName: 'Acme Academy & Partners <UN>',
      organisationType: '40',
      sectorCodes: ['15130', '15210', '15220'],
      aidType: 'D02',
      flowType: '10',
      publicFile: false,
    };

    it('asks for the settings before it writes a file', async () => {
      const missing = await officer.get(`${base}/iati/activities.xml`);
      expect(missing.status).toBe(409);
      expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    });

    it('keeps the settings with admins, versioned', async () => {
      expect((await officer.put(`${base}/iati/settings`, settings)).status).toBe(403);
      const saved = await admin.put(`${base}/iati/settings`, settings);
      expect(saved.status).toBe(200);
      expect(saved.body.settings).toMatchObject({
        version: 1,
        sectorCodes: ['15130', '15210', '15220'],
      });
      expect(saved.body.publicPath).toBe('/api/public/acme/iati-activities.xml');
      const stale = await admin.put(`${base}/iati/settings`, { ...settings, version: 7 });
      expect(stale.status).toBe(409);
      const noVersion = await admin.put(`${base}/iati/settings`, settings);
      expect(noVersion.status).toBe(409);
    });

    it('exports every event past draft, with statuses, countries and results by sex', async () => {
      const ds = app.running.databases.app;
      const cancelled = await deliveryEvent(ds, acme, {
        title: 'Cancelled seminar',
        status: 'cancelled',
      });
      const draft = await deliveryEvent(ds, acme, { title: 'Draft idea', status: 'draft' });
      const file = await officer.get(`${base}/iati/activities.xml`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/^application\/xml/);
      expect(file.headers.get('content-disposition')).toMatch(/attachment/);
      const xml = file.text;
      expect(await iatiSchemaErrors(xml)).toEqual([]);
      expect(xml).toContain('<iati-activities version="2.03"');
      expect(xml).toContain(`<iati-identifier>XM-DAC-41146-${workshop}</iati-identifier>`);
      expect(xml).not.toContain(draft);
      // Escaped, never raw.
      expect(xml).toContain('Acme Academy &amp; Partners &lt;UN&gt;');
      const activity = (id: string) => {
        const start = xml.indexOf(`<iati-identifier>XM-DAC-41146-${id}<`);
        return xml.slice(start, xml.indexOf('</iati-activity>', start));
      };
      expect(activity(cancelled)).toContain('<activity-status code="5"/>');
      expect(activity(planned)).toContain('<activity-status code="1"/>');
      expect(activity(planned)).not.toContain('<result');
      const held = activity(workshop);
      expect(held).toContain('<activity-status code="3"/>');
      expect(held).toContain('<activity-date type="2" iso-date="2026-03-10"/>');
      expect(held).toContain('<activity-date type="4" iso-date="2026-03-12"/>');
      // Host Kenya, approved participants from Kenya, Uganda and Tanzania: alpha-2, shares of 100.
      expect(held).toContain('<recipient-country code="KE" percentage="33.34"/>');
      expect(held).toContain('<recipient-country code="TZ" percentage="33.33"/>');
      expect(held).toContain('<recipient-country code="UG" percentage="33.33"/>');
      expect(held).toContain('<sector vocabulary="1" code="15130" percentage="33.34"/>');
      // Three attended (two women, one man; the absent Tanzanian does not count), two States.
      expect(held).toMatch(/<actual value="3"\/>/);
      expect(held).toMatch(
        /<actual value="2">\s*<dimension name="sex" value="female"\/>\s*<\/actual>/,
      );
      expect(held).toMatch(
        /<actual value="1">\s*<dimension name="sex" value="male"\/>\s*<\/actual>/,
      );
      expect(held).toMatch(
        /<actual value="0">\s*<dimension name="sex" value="other"\/>\s*<\/actual>/,
      );
      expect(held).toMatch(/States reached<\/narrative>[\s\S]*<actual value="2"\/>/);
      // No personal data: no participant's name or email.
      expect(xml).not.toMatch(/Attendee|gov\.example/);
    });

    it('validates against the XSD with text in Arabic and Chinese, marked by language', async () => {
      const ds = app.running.databases.app;
      const tenant = await createTenant(ds, { slug: 'asia', name: 'منظمة 亚洲' });
      await addMember(ds, tenant, {
        email: 'officer@asia.example',
        name: 'Officer',
        password: PASSWORD,
        role: 'tenant_admin',
      });
      const asia = await app.client().signIn('officer@asia.example', PASSWORD);
      await deliveryEvent(ds, tenant, {
        title: 'حلقة عمل وطنية بشأن التحقيقات في الإنترنت',
        summary: 'تدريب المدعين العامين على الأدلة الرقمية',
        partners: ['مكتب الأمم المتحدة', '联合国毒品和犯罪问题办公室'],
        hostStates: ['EGY'],
        attendees: [{ state: 'EGY', sex: 'female', attended: true }],
      });
      await deliveryEvent(ds, tenant, {
        title: '关于利用互联网进行恐怖主义活动的区域讲习班',
        summary: '数字证据 & 国际合作 <第二阶段>',
        status: 'confirmed',
        hostStates: ['CHN'],
      });
      // Nothing to report before any event is announced is covered below, on the public file.
      const saved = await asia.put('/api/t/asia/iati/settings', {
        ...settings,
        organisationName: 'منظمة آسيا 亚洲组织',
        publicFile: true,
      });
      expect(saved.status).toBe(200);
      const file = await asia.get('/api/t/asia/iati/activities.xml');
      expect(file.status).toBe(200);
      expect(await iatiSchemaErrors(file.text)).toEqual([]);
      expect(file.text).toContain(
        '<narrative xml:lang="ar">حلقة عمل وطنية بشأن التحقيقات في الإنترنت</narrative>',
      );
      expect(file.text).toContain(
        '<narrative xml:lang="zh">数字证据 &amp; 国际合作 &lt;第二阶段&gt;</narrative>',
      );
      expect(file.text).toContain('<recipient-country code="EG" percentage="100.00"/>');
    });

    it('serves the public file only where the tenant enables it, with its public events only', async () => {
      // Acme's file is not public.
      expect((await anonymous.get('/api/public/acme/iati-activities.xml')).status).toBe(404);
      expect((await anonymous.get('/api/public/nobody/iati-activities.xml')).status).toBe(404);
      // Asia's is, but none of its events is public: nothing to report.
      const nothing = await anonymous.get('/api/public/asia/iati-activities.xml');
      expect(nothing.status).toBe(422);
      expect(nothing.body.type).toBe('/problems/unprocessable');
      const ds = app.running.databases.app;
      await admin.put(`${base}/iati/settings`, {
        ...settings,
        publicFile: true,
        version: (await admin.get(`${base}/iati/settings`)).body.settings.version,
      });
      const open = await deliveryEvent(ds, acme, { title: 'Open day', isPublic: true });
      const file = await anonymous.get('/api/public/acme/iati-activities.xml');
      expect(file.status).toBe(200);
      expect(await iatiSchemaErrors(file.text)).toEqual([]);
      expect(file.text).toContain(open);
      expect(file.text).not.toContain(workshop);
    });
  });
});
