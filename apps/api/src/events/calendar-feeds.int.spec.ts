import ICAL from 'ical.js';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'feeds passphrase';

describe('calendar feeds', () => {
  let app: TestApp;
  let olga: ApiClient;
  let other: ApiClient;
  let olgaId: string;
  let otherId: string;

  const create = async (
    client: ApiClient,
    tenant: string,
    title: string,
    officerId: string,
    extra: Record<string, unknown> = {},
  ) => {
    const response = await client.post(`/api/t/${tenant}/events`, {
      type: 'webinar',
      title,
      summary: `About ${title}`,
      thematicAreas: ['propaganda'],
      format: 'virtual',
      meetingLink: 'https://meet.example.org/secret-room',
      startsAt: '2030-02-01T13:00:00Z',
      endsAt: '2030-02-01T15:00:00Z',
      timeZone: 'Africa/Nairobi',
      workingLanguages: ['en'],
      responsibleOfficerId: officerId,
      ...extra,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const summaries = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent).summary)
      .sort();

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    const acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const beta = await createTenant(ds, { slug: 'beta', name: 'Beta Bureau' });
    const officer = { password: PASSWORD, role: 'programme_officer' as const };
    olgaId = (await addMember(ds, acme, { ...officer, email: 'olga@x.example', name: 'Olga' }))
      .userId;
    await addMember(ds, beta, { ...officer, email: 'olga@x.example', name: 'Olga' });
    otherId = (await addMember(ds, acme, { ...officer, email: 'otto@x.example', name: 'Otto' }))
      .userId;
    olga = await app.client().signIn('olga@x.example', PASSWORD);
    other = await app.client().signIn('otto@x.example', PASSWORD);
  });

  afterAll(() => app.close());

  it('gives each person a secret feed of what they organise, across their organisations', async () => {
    await create(olga, 'acme', 'Olga in Acme', olgaId);
    await create(olga, 'beta', 'Olga in Beta', olgaId);
    await create(other, 'acme', 'Otto only', otherId);

    expect((await olga.get('/api/me/calendar-feed')).body).toEqual({
      active: false,
      createdAt: null,
    });
    const made = await olga.post('/api/me/calendar-feed', {});
    expect(made.status).toBe(201);
    const url = new URL(made.body.url);
    expect((await olga.get('/api/me/calendar-feed')).body.active).toBe(true);

    // Fetched as a calendar app does: no cookie.
    const feed = await app.client().get(url.pathname);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(summaries(feed.text)).toEqual(['Olga in Acme', 'Olga in Beta']);

    // A new URL retires the old one; revoking retires both.
    const again = new URL((await olga.post('/api/me/calendar-feed', {})).body.url);
    expect((await app.client().get(url.pathname)).status).toBe(404);
    expect((await app.client().get(again.pathname)).status).toBe(200);
    expect((await olga.delete('/api/me/calendar-feed')).status).toBe(204);
    expect((await app.client().get(again.pathname)).status).toBe(404);
    expect(
      (await app.client().get('/api/calendar/forged-token-forged-token-00/events.ics')).status,
    ).toBe(404);
  });

  it('publishes a tenant’s public events, without people or meeting links', async () => {
    const shown = await create(olga, 'acme', 'Public launch', olgaId, { isPublic: true });
    await create(olga, 'acme', 'Public but draft', olgaId, { isPublic: true });
    const internal = await create(olga, 'acme', 'Internal only', olgaId);
    for (const id of [shown, internal]) {
      expect(
        (await olga.post(`/api/t/acme/events/${id}/transitions`, { action: 'plan' })).status,
      ).toBe(200);
    }
    const page = await app.client().get('/api/public/acme/events');
    expect(page.status).toBe(200);
    expect(page.body.tenant).toEqual({ name: 'Acme Academy' });
    expect(page.body.items.map((e: { title: string }) => e.title)).toEqual(['Public launch']);
    const text = JSON.stringify(page.body);
    expect(text).not.toMatch(/Olga|olga@|secret-room|responsible/);

    const ics = await app.client().get('/api/public/acme/events.ics');
    expect(summaries(ics.text)).toEqual(['Public launch']);
    expect(ics.text).not.toMatch(/secret-room|Olga/);
    expect((await app.client().get('/api/public/nowhere/events')).status).toBe(404);
    expect((await app.client().get('/api/public/platform/events')).status).toBe(404);
  });

  describe('text that tries to break out of its line', () => {
    /** A line break, a property of its own, and every character RFC 5545 TEXT escapes. */
    const HOSTILE = '\r\nX-INJECTED:1;a,b\\c';
    /** Line breaks read back as \n (CRLF, CR and LF alike). */
    const READ_BACK = '\nX-INJECTED:1;a,b\\c';

    /** The value of a TEXT property; ical.js leaves NAME and X-WR-CALNAME undecoded. */
    const text = (component: ICAL.Component, name: string): string => {
      const property = component.getFirstProperty(name);
      const value = property?.getFirstValue();
      if (typeof value !== 'string') throw new Error(`no ${name}`);
      const decode = ICAL.design.icalendar.value['text']?.fromICAL;
      return property?.type === 'text' || !decode ? value : decode(value);
    };

    const expectContained = (ics: string) => {
      expect(ics.split('\r\n').filter((line) => /^X-INJECTED/i.test(line))).toEqual([]);
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      return new ICAL.Component(ICAL.parse(ics));
    };

    it('escapes names, titles, summaries and places in every feed, and ends each line with CRLF', async () => {
      const ds = app.running.databases.app;
      // Provisioning now refuses such a name; one stored before that rule must still be escaped.
      const evil = await createTenant(ds, { slug: 'evil', name: 'Evil Org' });
      await ownerQuery(app, `update tenants set name = $1 where id = $2`, [
        `Evil Org${HOSTILE}`,
        evil,
      ]);
      const evan = (
        await addMember(ds, evil, {
          email: 'evan@x.example',
          name: 'Evan',
          password: PASSWORD,
          role: 'programme_officer',
        })
      ).userId;
      const client = await app.client().signIn('evan@x.example', PASSWORD);

      // The contracts refuse a line break in a title now; a row stored before them may hold one.
      expect(
        (
          await client.post('/api/t/evil/events', {
            type: 'webinar',
            title: `Launch${HOSTILE}`,
            thematicAreas: ['propaganda'],
            format: 'virtual',
            meetingLink: 'https://meet.example.org/x',
            startsAt: '2030-02-01T13:00:00Z',
            endsAt: '2030-02-01T15:00:00Z',
            timeZone: 'Africa/Nairobi',
            workingLanguages: ['en'],
            responsibleOfficerId: evan,
          })
        ).status,
      ).toBe(400);
      const id = await create(client, 'evil', 'Launch;a,b\\c', evan, {
        format: 'in_person',
        meetingLink: null,
        venue: { name: 'Hall;a,b\\c', city: 'Nairobi', countryAlpha3: 'KEN' },
        summary: `Summary${HOSTILE}`,
        isPublic: true,
      });
      expect(
        (await client.post(`/api/t/evil/events/${id}/transitions`, { action: 'plan' })).status,
      ).toBe(200);
      await ownerQuery(app, `update events set title = $1 where id = $2`, [`Launch${HOSTILE}`, id]);

      const feedUrl = new URL((await client.post('/api/me/calendar-feed', {})).body.url);
      const feeds = {
        private: { path: feedUrl.pathname, name: 'Convene' },
        public: { path: '/api/public/evil/events.ics', name: `Evil Org${READ_BACK}` },
        event: { path: `/api/t/evil/events/${id}/calendar.ics`, name: `Launch${READ_BACK}` },
      };
      for (const [kind, { path, name }] of Object.entries(feeds)) {
        const response = await (kind === 'event' ? client : app.client()).get(path);
        expect({ kind, status: response.status }).toEqual({ kind, status: 200 });
        const calendar = expectContained(response.text);
        expect({ kind, name: text(calendar, 'name') }).toEqual({ kind, name });
        expect({ kind, name: text(calendar, 'x-wr-calname') }).toEqual({ kind, name });
        const vevents = calendar.getAllSubcomponents('vevent');
        expect(vevents).toHaveLength(1);
        const vevent = vevents[0] as ICAL.Component;
        expect({ kind, summary: text(vevent, 'summary') }).toEqual({
          kind,
          summary: `Launch${READ_BACK}`,
        });
        expect(text(vevent, 'location')).toBe('Hall;a,b\\c, Nairobi, KEN');
        expect(text(vevent, 'description')).toMatch(
          new RegExp(`^Summary\\nX-INJECTED:1;a,b\\\\c\\n\\n`),
        );
      }
    });
  });
});
