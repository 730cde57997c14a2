import type { Language } from '@convene/contracts';
import type { MailMessage } from '../mail/templates/mail-message';
import { renderMail } from '../mail/templates/mail-renderer';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'announcement passphrase';

interface OutboxRow {
  tenant: string;
  recipient: string;
  language: Language;
  payload: MailMessage;
  idempotency_key: string;
}

describe('planning an event announces it to the focal points of its host States', () => {
  let app: TestApp;
  let officer: ApiClient;
  let officerId: string;
  let acme: string;

  const create = async (title: string, hostStates: string[]) => {
    const response = await officer.post('/api/t/acme/events', {
      type: 'regional_workshop',
      title,
      thematicAreas: ['financing'],
      format: 'in_person',
      venue: { name: 'UN Gigiri', city: 'Nairobi', countryAlpha3: 'KEN' },
      startsAt: '2027-03-10T06:00:00Z',
      endsAt: '2027-03-12T14:00:00Z',
      timeZone: 'Africa/Nairobi',
      workingLanguages: ['en', 'fr'],
      hostStates,
      responsibleOfficerId: officerId,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; version: number };
  };

  const move = (id: string, body: Record<string, unknown>) =>
    officer.post(`/api/t/acme/events/${id}/transitions`, body);

  /** The announcements in the outbox, of every tenant, read as the owner. */
  const announcements = (eventId?: string) =>
    ownerQuery<OutboxRow>(
      app,
      `select t.slug as tenant, o.recipient, o.language, o.payload, o.idempotency_key
         from mail_outbox o join tenants t on t.id = o.tenant_id
        where o.kind = 'event_announced' and ($1::text is null or o.payload ->> 'link' like '%' || $1)
        order by o.recipient`,
      [eventId ?? null],
    );

  beforeAll(async () => {
    // No mail worker: the rows stay in the outbox as the transition wrote them.
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const globex = await createTenant(ds, { slug: 'globex', name: 'Globex' });
    const people: [
      string,
      string,
      'programme_officer' | 'focal_point' | 'expert',
      string | null,
      Language,
    ][] = [
      [acme, 'officer@acme.example', 'programme_officer', null, 'en'],
      [acme, 'kenya-fr@acme.example', 'focal_point', 'KEN', 'fr'],
      [acme, 'kenya-zh@acme.example', 'focal_point', 'KEN', 'zh'],
      [acme, 'austria-ar@acme.example', 'focal_point', 'AUT', 'ar'],
      [acme, 'france@acme.example', 'focal_point', 'FRA', 'en'],
      [acme, 'kenya-gone@acme.example', 'focal_point', 'KEN', 'en'],
      [acme, 'kenya-muted@acme.example', 'focal_point', 'KEN', 'ru'],
      [acme, 'expert@acme.example', 'expert', null, 'es'],
      // Kenya's focal point in another organisation hears nothing of Acme's events.
      [globex, 'kenya@globex.example', 'focal_point', 'KEN', 'es'],
    ];
    for (const [tenant, email, role, state, language] of people) {
      const member = await addMember(ds, tenant, {
        email,
        name: email.split('@')[0] ?? email,
        password: PASSWORD,
        role,
        memberStateAlpha3: state,
        preferredLanguage: language,
      });
      if (email === 'officer@acme.example') officerId = member.userId;
    }
    await ownerQuery(
      app,
      `update memberships set status = 'deactivated'
        where user_id = (select id from users where email = 'kenya-gone@acme.example')`,
    );
    await ownerQuery(
      app,
      `update users set muted_mail_kinds = '{event_announced}' where email = 'kenya-muted@acme.example'`,
    );
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  it('enqueues one mail per active focal point of the host States, in their language', async () => {
    const event = await create('Regional workshop on crypto-assets', ['KEN', 'AUT']);
    expect(await announcements(event.id)).toEqual([]);

    const planned = await move(event.id, { action: 'plan', version: event.version });
    expect(planned.status).toBe(200);

    const rows = await announcements(event.id);
    expect(rows.map((row) => [row.tenant, row.recipient, row.language])).toEqual([
      ['acme', 'austria-ar@acme.example', 'ar'],
      ['acme', 'kenya-fr@acme.example', 'fr'],
      ['acme', 'kenya-zh@acme.example', 'zh'],
    ]);
    expect(rows[1]?.payload).toEqual({
      kind: 'event_announced',
      name: 'kenya-fr',
      tenantName: 'Acme Academy',
      eventTitle: 'Regional workshop on crypto-assets',
      startsAt: '2027-03-10T06:00:00.000Z',
      endsAt: '2027-03-12T14:00:00.000Z',
      timeZone: 'Africa/Nairobi',
      place: 'UN Gigiri, Nairobi',
      link: `${app.config.appUrl}/t/acme/events/${event.id}`,
    });
    expect(new Set(rows.map((row) => row.idempotency_key)).size).toBe(3);

    // As the worker renders them: each in its reader's language, dates on Nairobi's clock.
    const rendered = rows.map((row) =>
      renderMail(row.payload, row.language, {
        tenantName: 'Acme Academy',
        appUrl: app.config.appUrl,
      }),
    );
    expect(rendered.map((mail) => mail.subject)).toEqual([
      'فعالية جديدة: Regional workshop on crypto-assets',
      'Nouvel événement\u00a0: Regional workshop on crypto-assets',
      '新活动：Regional workshop on crypto-assets',
    ]);
    expect(rendered[1]?.text).toContain('mercredi 10 mars 2027 à 09:00');
    expect(rendered[0]?.html).toContain('<html lang="ar" dir="rtl">');

    // Only those the one rule lets see the event were told; each of them now sees it.
    for (const email of ['kenya-fr@acme.example', 'austria-ar@acme.example']) {
      const focal = await app.client().signIn(email, PASSWORD);
      expect((await focal.get(`/api/t/acme/events/${event.id}`)).status).toBe(200);
    }
    const france = await app.client().signIn('france@acme.example', PASSWORD);
    expect((await france.get(`/api/t/acme/events/${event.id}`)).status).toBe(404);
  });

  it('enqueues nothing when the transition fails, and nothing twice', async () => {
    const event = await create('Workshop planned twice', ['KEN']);
    const stale = await move(event.id, { action: 'plan', version: event.version + 1 });
    expect(stale.status).toBe(409);
    expect(await announcements(event.id)).toEqual([]);

    expect((await move(event.id, { action: 'plan' })).status).toBe(200);
    expect((await announcements(event.id)).length).toBe(2);
    const again = await move(event.id, { action: 'plan' });
    expect(again.status).toBe(409);
    expect((await announcements(event.id)).length).toBe(2);
  });

  it('enqueues nothing for other transitions or an event without host States', async () => {
    const cancelled = await create('Called off before planning', ['KEN']);
    expect((await move(cancelled.id, { action: 'cancel', reason: 'No budget' })).status).toBe(200);
    expect(await announcements(cancelled.id)).toEqual([]);

    const unhosted = await create('Hosted by nobody', []);
    expect((await move(unhosted.id, { action: 'plan' })).status).toBe(200);
    expect(await announcements(unhosted.id)).toEqual([]);

    // Nobody outside the host States' focal points got an announcement, in any tenant.
    const everyone = new Set((await announcements()).map((row) => row.recipient));
    expect([...everyone].sort()).toEqual([
      'austria-ar@acme.example',
      'kenya-fr@acme.example',
      'kenya-zh@acme.example',
    ]);
  });
});
