import ICAL from 'ical.js';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'agenda passphrase';

describe('an event’s agenda and calendar', () => {
  let app: TestApp;
  let officer: ApiClient;
  let expert: ApiClient;
  let officerId: string;
  let expertId: string;

  const newEvent = async (title: string, startsAt: string, endsAt: string) => {
    const response = await officer.post('/api/t/acme/events', {
      type: 'expert_group_meeting',
      title,
      summary: 'Experts meet on digital evidence',
      thematicAreas: ['investigations_digital_evidence'],
      format: 'in_person',
      venue: { name: 'Vienna International Centre', city: 'Vienna', countryAlpha3: 'AUT' },
      startsAt,
      endsAt,
      timeZone: 'Europe/Vienna',
      workingLanguages: ['en'],
      responsibleOfficerId: officerId,
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  const session = (title: string, startsAt: string, endsAt: string, extra = {}) => ({
    title,
    startsAt,
    endsAt,
    ...extra,
  });

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    const acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    officerId = (
      await addMember(ds, acme, {
        email: 'officer@acme.example',
        name: 'Olga Officer',
        password: PASSWORD,
        role: 'programme_officer',
      })
    ).userId;
    expertId = (
      await addMember(ds, acme, {
        email: 'expert@acme.example',
        name: 'Eli Expert',
        password: PASSWORD,
        role: 'expert',
      })
    ).userId;
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
    expert = await app.client().signIn('expert@acme.example', PASSWORD);
  });

  /** The officer asks the expert to speak at the session and the expert accepts. */
  const speaks = async (eventId: string, sessionId: string) => {
    const asked = await officer.post(`/api/t/acme/events/${eventId}/experts`, {
      userId: expertId,
      sessionId,
      role: 'speaker',
    });
    expect(asked.status).toBe(201);
    const accepted = await expert.post(`/api/t/acme/me/assignments/${asked.body.id}/accept`, {
      version: asked.body.version,
    });
    expect(accepted.status).toBe(200);
  };

  afterAll(() => app.close());

  it('keeps sessions in order, warns of a shared room and a double-booked speaker, and reorders', async () => {
    const id = await newEvent('EGM on evidence', '2027-06-01T07:00:00Z', '2027-06-02T15:00:00Z');
    const other = await newEvent('Other EGM', '2027-06-01T07:00:00Z', '2027-06-01T15:00:00Z');
    const agenda = `/api/t/acme/events/${id}/agenda`;

    const first = await officer.post(
      agenda,
      session('Opening', '2027-06-01T07:00:00Z', '2027-06-01T08:00:00Z', {
        room: 'Board room',
        guestSpeakers: ['Dr Ada Guest'],
      }),
    );
    expect(first.status).toBe(201);
    // The agenda names an expert once they accepted to speak, not before.
    expect(first.body.sessions[0].speakers).toEqual([]);
    await speaks(id, first.body.sessions[0].id);
    expect((await officer.get(agenda)).body).toMatchObject({
      sessions: [
        {
          position: 1,
          title: 'Opening',
          speakers: [{ id: expertId, name: 'Eli Expert' }],
          guestSpeakers: ['Dr Ada Guest'],
        },
      ],
      warnings: [],
    });
    const second = await officer.post(
      agenda,
      session('Panel', '2027-06-01T07:30:00Z', '2027-06-01T09:00:00Z', { room: 'board ROOM' }),
    );
    const [opening, panel] = second.body.sessions as { id: string }[];
    expect(second.body.warnings).toEqual([
      { kind: 'room_overlap', room: 'Board room', sessionIds: [opening?.id, panel?.id] },
    ]);

    // The expert also speaks at the same time in another event.
    const elsewhere = await officer.post(
      `/api/t/acme/events/${other}/agenda`,
      session('Keynote', '2027-06-01T07:15:00Z', '2027-06-01T07:45:00Z'),
    );
    const keynote = elsewhere.body.sessions[0].id;
    await speaks(other, keynote);
    const warnings = (await officer.get(agenda)).body.warnings;
    expect(warnings).toContainEqual({
      kind: 'speaker_double_booked',
      speaker: { id: expertId, name: 'Eli Expert' },
      sessionId: opening?.id,
      other: { hidden: false, sessionId: keynote, eventId: other, eventTitle: 'Other EGM' },
    });

    const reordered = await officer.put(`${agenda}/order`, {
      sessionIds: [panel?.id, opening?.id],
    });
    expect(reordered.status).toBe(200);
    expect(reordered.body.sessions.map((s: { title: string }) => s.title)).toEqual([
      'Panel',
      'Opening',
    ]);
    expect((await officer.put(`${agenda}/order`, { sessionIds: [panel?.id] })).status).toBe(400);

    const afterDelete = await officer.delete(`${agenda}/${panel?.id}`);
    expect(afterDelete.body.sessions).toMatchObject([{ title: 'Opening', position: 1 }]);
    expect(afterDelete.body.warnings).toHaveLength(1);
    expect((await officer.delete(`${agenda}/not-a-session`)).status).toBe(404);
  });

  it('refuses a session outside the event, or one that names its own speakers, and writes nothing', async () => {
    const id = await newEvent('Short one', '2027-07-01T07:00:00Z', '2027-07-01T15:00:00Z');
    const agenda = `/api/t/acme/events/${id}/agenda`;
    const outside = await officer.post(
      agenda,
      session('Too late', '2027-07-01T14:00:00Z', '2027-07-01T16:00:00Z'),
    );
    expect(outside.status).toBe(400);
    // Speakers come from accepted assignments only: a session cannot name them itself.
    const named = await officer.post(
      agenda,
      session('Officer talk', '2027-07-01T08:00:00Z', '2027-07-01T09:00:00Z', {
        speakerUserIds: [officerId],
      }),
    );
    expect(named.status).toBe(400);
    const backwards = await officer.post(
      agenda,
      session('Backwards', '2027-07-01T09:00:00Z', '2027-07-01T08:00:00Z'),
    );
    expect(backwards.status).toBe(400);
    expect((await officer.get(agenda)).body.sessions).toEqual([]);
  });

  it('exports a valid iCalendar in the venue’s zone, same UID after edits, SEQUENCE bumped', async () => {
    // Across Vienna's switch to summer time (28 March 2027): 09:00 CET, then 17:00 CEST.
    const id = await newEvent('Across the change', '2027-03-27T08:00:00Z', '2027-03-29T15:00:00Z');
    const parse = async () => {
      const response = await officer.get(`/api/t/acme/events/${id}/calendar.ics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(response.text));
      const timezone = calendar.getFirstSubcomponent('vtimezone');
      if (timezone) ICAL.TimezoneService.register(timezone);
      const vevent = calendar.getFirstSubcomponent('vevent');
      if (!vevent) throw new Error('no VEVENT');
      return { timezone, event: new ICAL.Event(vevent), vevent };
    };
    const before = await parse();
    expect(before.timezone?.getFirstPropertyValue('tzid')).toBe('Europe/Vienna');
    expect(before.event.summary).toBe('Across the change');
    expect(before.event.startDate.zone?.tzid).toBe('Europe/Vienna');
    expect(before.event.startDate.toString()).toBe('2027-03-27T09:00:00');
    expect(before.event.endDate.toString()).toBe('2027-03-29T17:00:00');
    expect(before.event.startDate.toJSDate().toISOString()).toBe('2027-03-27T08:00:00.000Z');
    expect(before.event.endDate.toJSDate().toISOString()).toBe('2027-03-29T15:00:00.000Z');
    expect(before.vevent.getFirstPropertyValue('status')).toBe('TENTATIVE');
    expect(before.event.sequence).toBe(0);

    const detail = (await officer.get(`/api/t/acme/events/${id}`)).body;
    const { id: _id, version, ...rest } = detail;
    void _id;
    const edit = {
      type: rest.type,
      title: 'Across the change (moved)',
      summary: rest.summary,
      thematicAreas: rest.thematicAreas,
      format: rest.format,
      venue: rest.venue,
      startsAt: '2027-03-27T08:00:00Z',
      endsAt: '2027-03-29T15:00:00Z',
      timeZone: rest.timeZone,
      workingLanguages: rest.workingLanguages,
      responsibleOfficerId: officerId,
      version,
    };
    expect((await officer.put(`/api/t/acme/events/${id}`, edit)).status).toBe(200);
    const after = await parse();
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.event.sequence).toBe(1);
    expect(after.event.summary).toBe('Across the change (moved)');
  });
});
