import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import {
  type FixtureEvent,
  type FixtureNominee,
  nominee,
  participationEvent,
} from './attendance.fixtures';

const PASSWORD = 'attendance passphrase';

describe('attendance per event day', () => {
  let app: TestApp;
  let tenantId: string;
  let officer: ApiClient;
  let focalPoint: ApiClient;
  let foreigner: ApiClient;
  let event: FixtureEvent;
  let other: FixtureEvent;
  const people: Record<string, FixtureNominee> = {};

  const base = () => `/api/t/acme/events/${event.id}`;
  const rows = () =>
    ownerQuery<{ nomination_id: string; day: string; status: string }>(
      app,
      `select nomination_id, day::text as day, status from attendance order by nomination_id, day`,
    );

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    tenantId = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    const beta = await createTenant(ds, { slug: 'beta', name: 'Beta' });
    await addMember(ds, tenantId, {
      email: 'officer@acme.example',
      name: 'Olga',
      password: PASSWORD,
      role: 'programme_officer',
    });
    await addMember(ds, tenantId, {
      email: 'focal@acme.example',
      name: 'Femi',
      password: PASSWORD,
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
    });
    await addMember(ds, beta, {
      email: 'admin@beta.example',
      name: 'Bea',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
    focalPoint = await app.client().signIn('focal@acme.example', PASSWORD);
    foreigner = await app.client().signIn('admin@beta.example', PASSWORD);
    event = await participationEvent(ds, tenantId, { title: 'Workshop on evidence' });
    other = await participationEvent(ds, tenantId, { title: 'Another workshop' });
    const add = async (key: string, person: Parameters<typeof nominee>[3], on = event) => {
      people[key] = await nominee(ds, tenantId, on, person);
    };
    await add('amina', { name: 'Amina Diallo', institution: 'Supreme Court' });
    await add('boris', { name: 'Boris Petrov', confirmation: 'pending' });
    await add('chen', { name: 'Chen Wei', institution: 'Ministry of Justice' });
    await add('dora', { name: 'Dora 50%_Smith' });
    await add('declined', { name: 'Dan Declined', confirmation: 'declined' });
    await add('waitlisted', { name: 'Wanda Waitlisted', status: 'waitlisted' });
    await add('withdrawn', { name: 'Will Withdrawn', status: 'withdrawn' });
    await add('elsewhere', { name: 'Eli Elsewhere' }, other);
  });

  afterAll(() => app.close());

  describe('the check-in list', () => {
    it('holds the approved participants who did not decline, by name, with the days of the event', async () => {
      const response = await officer.get(`${base()}/check-in?day=2027-05-10`);
      expect(response.status).toBe(200);
      expect(response.body.event).toEqual({
        id: event.id,
        title: 'Workshop on evidence',
        timeZone: 'Africa/Nairobi',
        days: ['2027-05-10', '2027-05-11', '2027-05-12'],
      });
      expect(response.body.day).toBe('2027-05-10');
      expect(response.body.items.map((item: { name: string }) => item.name)).toEqual([
        'Amina Diallo',
        'Boris Petrov',
        'Chen Wei',
        'Dora 50%_Smith',
      ]);
      expect(response.body.items[0]).toEqual({
        nominationId: people['amina']?.id,
        name: 'Amina Diallo',
        memberStateCode: 'KEN',
        institution: 'Supreme Court',
        confirmation: 'confirmed',
        day: '2027-05-10',
        status: null,
        recordedAt: null,
        daysAttended: 0,
        certified: false,
      });
      // The code on the QR code is the participant's own: the list never hands it out.
      expect(response.text).not.toContain(people['amina']?.checkInCode ?? '-');
      expect(response.body.totals).toEqual({ expected: 4, attended: 0, partly: 0, absent: 0 });
    });

    it('searches by name or institution, and takes a percent sign literally', async () => {
      const names = async (q: string) =>
        (
          await officer.get(`${base()}/check-in?day=2027-05-10&q=${encodeURIComponent(q)}`)
        ).body.items.map((item: { name: string }) => item.name);
      expect(await names('chen')).toEqual(['Chen Wei']);
      expect(await names('court')).toEqual(['Amina Diallo']);
      expect(await names('50%')).toEqual(['Dora 50%_Smith']);
      expect(await names('%')).toEqual(['Dora 50%_Smith']);
      expect(await names('_')).toEqual(['Dora 50%_Smith']);
      expect(await names('nobody')).toEqual([]);
    });

    it('pages by name with a cursor, with no one twice or missed', async () => {
      const first = await officer.get(`${base()}/check-in?day=2027-05-10&limit=3`);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await officer.get(
        `${base()}/check-in?day=2027-05-10&limit=3&after=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(second.body.items.map((item: { name: string }) => item.name)).toEqual([
        'Dora 50%_Smith',
      ]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('refuses a day outside the event, in its time zone', async () => {
      for (const day of ['2027-05-09', '2027-05-13']) {
        const response = await officer.get(`${base()}/check-in?day=${day}`);
        expect(response.status).toBe(422);
        expect(response.body.type).toBe('/problems/unprocessable');
      }
    });

    it('is for officers: a focal point is refused, another tenant finds nothing', async () => {
      expect((await focalPoint.get(`${base()}/check-in?day=2027-05-10`)).status).toBe(403);
      expect((await foreigner.get(`${base()}/check-in?day=2027-05-10`)).status).toBe(404);
      expect(
        (await foreigner.get(`/api/t/beta/events/${event.id}/check-in?day=2027-05-10`)).status,
      ).toBe(404);
    });
  });

  describe('recording attendance', () => {
    it('records, replaces, and counts each day', async () => {
      const amina = people['amina']?.id ?? '';
      const first = await officer.put(`${base()}/attendance/${amina}`, {
        day: '2027-05-10',
        status: 'partly',
      });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: 'partly', daysAttended: 1, day: '2027-05-10' });
      const replaced = await officer.put(`${base()}/attendance/${amina}`, {
        day: '2027-05-10',
        status: 'attended',
      });
      expect(replaced.body).toMatchObject({ status: 'attended', daysAttended: 1 });
      await officer.put(`${base()}/attendance/${amina}`, { day: '2027-05-11', status: 'absent' });
      expect((await rows()).filter((row) => row.nomination_id === amina)).toEqual([
        { nomination_id: amina, day: '2027-05-10', status: 'attended' },
        { nomination_id: amina, day: '2027-05-11', status: 'absent' },
      ]);
      const list = await officer.get(`${base()}/check-in?day=2027-05-11`);
      expect(list.body.totals).toEqual({ expected: 4, attended: 0, partly: 0, absent: 1 });
      const audit = await ownerQuery<{ action: string }>(
        app,
        `select action from audit_log where entity_id = $1 order by at`,
        [amina],
      );
      expect(audit.map((row) => row.action)).toEqual([
        'attendance.recorded',
        'attendance.recorded',
        'attendance.recorded',
      ]);
    });

    it('refuses a day outside the event and changes nothing', async () => {
      const before = await rows();
      const response = await officer.put(`${base()}/attendance/${people['boris']?.id}`, {
        day: '2027-05-13',
        status: 'attended',
      });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect(await rows()).toEqual(before);
    });

    it.each(['declined', 'waitlisted', 'withdrawn', 'elsewhere'])(
      'finds no %s nominee on the list',
      async (key) => {
        const before = await rows();
        const response = await officer.put(`${base()}/attendance/${people[key]?.id}`, {
          day: '2027-05-10',
          status: 'attended',
        });
        expect(response.status).toBe(404);
        expect(await rows()).toEqual(before);
      },
    );

    it('refuses bad input with a problem', async () => {
      for (const body of [
        { day: '2027-02-30', status: 'attended' },
        { day: '2027-05-10', status: 'present' },
        { day: '2027-05-10', status: 'attended', extra: true },
        {},
      ]) {
        const response = await officer.put(`${base()}/attendance/${people['boris']?.id}`, body);
        expect(response.status).toBe(400);
      }
      expect(
        (
          await officer.put(`${base()}/attendance/not-a-uuid`, {
            day: '2027-05-10',
            status: 'attended',
          })
        ).status,
      ).toBe(404);
    });
  });

  describe('checking in by code', () => {
    it('checks in the participant whose code is typed, forgiving case, spaces and look-alike letters', async () => {
      const chen = people['chen'];
      const code = chen?.checkInCode ?? '';
      // As a person might type it: lower case, in two halves, an O for a 0 and an l for a 1.
      const typed = `${code.slice(0, 5)} ${code.slice(5)}`
        .toLowerCase()
        .replace(/0/g, 'o')
        .replace(/1/g, 'l');
      const response = await officer.post(`${base()}/check-in`, { day: '2027-05-12', code: typed });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        nominationId: chen?.id,
        name: 'Chen Wei',
        status: 'attended',
        day: '2027-05-12',
      });
      // Scanning twice is harmless.
      const again = await officer.post(`${base()}/check-in`, { day: '2027-05-12', code });
      expect(again.body.status).toBe('attended');
      expect((await rows()).filter((row) => row.nomination_id === chen?.id)).toEqual([
        { nomination_id: chen?.id, day: '2027-05-12', status: 'attended' },
      ]);
    });

    it('answers 404 for an unknown code, another event’s code and a declined participant’s', async () => {
      const before = await rows();
      for (const code of [
        'ZZZZZZZZZZ',
        people['elsewhere']?.checkInCode,
        people['declined']?.checkInCode,
      ]) {
        const response = await officer.post(`${base()}/check-in`, { day: '2027-05-10', code });
        expect({ code, status: response.status, type: response.body.type }).toEqual({
          code,
          status: 404,
          type: '/problems/not-found',
        });
      }
      expect(await rows()).toEqual(before);
    });

    it('refuses a code that cannot be one, and a day outside the event', async () => {
      expect(
        (await officer.post(`${base()}/check-in`, { day: '2027-05-10', code: 'short' })).status,
      ).toBe(400);
      const outside = await officer.post(`${base()}/check-in`, {
        day: '2027-06-01',
        code: people['boris']?.checkInCode,
      });
      expect(outside.status).toBe(422);
    });

    it("is another tenant's business: its officers cannot check anyone in here", async () => {
      const response = await foreigner.post(`/api/t/beta/events/${event.id}/check-in`, {
        day: '2027-05-10',
        code: people['boris']?.checkInCode,
      });
      expect(response.status).toBe(404);
    });
  });
});
