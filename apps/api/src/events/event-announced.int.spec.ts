import { DataSource } from 'typeorm';
import { EventAnnounced1764316800011 } from '../db/migrations/1764316800011-event-announced';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'announced passphrase';

describe('when an event was announced', () => {
  let app: TestApp;
  let officer: ApiClient;
  let officerId: string;

  const event = async (title: string, actions: string[]) => {
    const created = await officer.post('/api/t/acme/events', {
      type: 'webinar',
      title,
      thematicAreas: ['financing'],
      format: 'virtual',
      meetingLink: 'https://meet.example.org/x',
      startsAt: '2030-05-01T08:00:00Z',
      endsAt: '2030-05-01T10:00:00Z',
      timeZone: 'UTC',
      workingLanguages: ['en'],
      responsibleOfficerId: officerId,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const action of actions) {
      const moved = await officer.post(`/api/t/acme/events/${id}/transitions`, {
        action,
        ...(action === 'cancel' ? { reason: 'Called off' } : {}),
      });
      expect(moved.status).toBe(200);
    }
    return id;
  };

  /**
   * Whether each event has announced_at, and whether it falls in the transaction of its first
   * step out of draft to a live status: after the event was created, and no later than that
   * step's history row (written after the update, at clock time).
   */
  const announcements = async () =>
    (await ownerQuery(
      app,
      `select e.title, e.announced_at is not null as announced,
              e.announced_at > e.created_at
                and e.announced_at <= (select min(h.at) from event_history h
                                        where h.event_id = e.id and h.from_status = 'draft'
                                          and h.to_status <> 'cancelled') as at_first_step
         from events e order by e.title`,
    )) as { title: string; announced: boolean; at_first_step: boolean | null }[];

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    const acme = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    officerId = (
      await addMember(ds, acme, {
        email: 'officer@acme.example',
        name: 'Olga',
        password: PASSWORD,
        role: 'programme_officer',
      })
    ).userId;
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
    await event('a draft', []);
    await event('b cancelled draft', ['cancel']);
    await event('c planned', ['plan']);
    await event('d announced then cancelled', ['plan', 'cancel']);
    await event('e confirmed', ['plan', 'open_nominations', 'close_nominations', 'confirm']);
  });

  afterAll(() => app.close());

  const expected = [
    { title: 'a draft', announced: false, at_first_step: null },
    { title: 'b cancelled draft', announced: false, at_first_step: null },
    { title: 'c planned', announced: true, at_first_step: true },
    { title: 'd announced then cancelled', announced: true, at_first_step: true },
    { title: 'e confirmed', announced: true, at_first_step: true },
  ];

  it('is stamped by the first move from draft to a live status, and never by a cancel', async () => {
    expect(await announcements()).toEqual(expected);
  });

  it('is backfilled from the history for events that existed before the column', async () => {
    // Migrations run as the owner, as the API's boot runs them.
    const owner = new DataSource({ type: 'postgres', url: app.database?.url ?? '' });
    await owner.initialize();
    const runner = owner.createQueryRunner();
    try {
      const migration = new EventAnnounced1764316800011();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
      await owner.destroy();
    }
    expect(await announcements()).toEqual(expected);
  });
});
