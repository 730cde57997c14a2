import { randomUUID } from 'node:crypto';
import { RETENTION_DEFAULTS } from '@convene/contracts';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { participantLink } from '../participation/attendance.fixtures';
import { seedParticipation } from '../participation/figures.fixtures';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { findPersonalData } from '../testing/personal-data-scan';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { RetentionWorker } from './retention-worker';

const PASSWORD = 'retention passphrase 2026';
const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();
const today = () => new Date().toISOString().slice(0, 10);

describe('retention: periods, a preview, and runs that anonymise what is due once', () => {
  let app: TestApp;
  let acme: string;
  let admin: ApiClient;
  let officer: ApiClient;
  let oldEvent: string;
  let newEvent: string;
  let expertId: string;
  const base = '/api/t/acme/privacy/retention';
  const gone = {
    amina: { name: 'Amina Wanjiru Otieno', email: 'amina.otieno@ke-gov.example' },
    boris: { name: 'Boris Kato Mugisha', email: 'boris.mugisha@ug-gov.example' },
  };
  const kept = { name: 'Carla Njeri Kamau', email: 'carla.kamau@ke-gov.example' };
  let cvKey: string;

  beforeAll(async () => {
    app = await startTestApp({
      // The platform's period for sessions, read from the configuration and shown read-only.
      env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off', SESSION_RETENTION_DAYS: '45' },
    });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    cvKey = `tenant/${acme}/experts/${randomUUID()}`;
    const member = async (email: string, role: string) =>
      (
        await addMember(ds, acme, {
          email,
          name: email.split('@')[0] ?? email,
          password: PASSWORD,
          role: role as 'expert',
        })
      ).userId;
    await member('admin@acme.example', 'tenant_admin');
    await member('officer@acme.example', 'programme_officer');
    expertId = await member('olga.expert@acme.example', 'expert');
    admin = await app.client().signIn('admin@acme.example', PASSWORD);
    officer = await app.client().signIn('officer@acme.example', PASSWORD);

    const nominee = (
      person: { name: string; email: string },
      state: string,
      sex: 'female' | 'male',
      attendedOn: string,
    ) => ({
      ...person,
      state,
      sex,
      institutionType: 'prosecution' as const,
      audience: 'prosecutors' as const,
      status: 'approved' as const,
      confirmation: 'confirmed' as const,
      functionTitle: `Senior prosecutor, office of ${person.name}`,
      institution: 'Office of the Director of Public Prosecutions',
      dietaryNeeds: `Vegetarian (${person.name})`,
      attendance: { [attendedOn]: 'attended' as const },
    });
    // Five years ago: due under every period the form allows but the longest.
    const oldStart = day(-5 * 365);
    ({ eventId: oldEvent } = await seedParticipation(
      ds,
      acme,
      {
        title: 'Workshop five years ago',
        hostStates: ['KEN'],
        startsAt: oldStart,
        endsAt: day(-5 * 365 + 2),
        invitations: { KEN: 'accepted', UGA: 'accepted' },
      },
      [
        nominee(gone.amina, 'KEN', 'female', oldStart.slice(0, 10)),
        nominee(gone.boris, 'UGA', 'male', oldStart.slice(0, 10)),
        nominee(kept, 'KEN', 'female', oldStart.slice(0, 10)),
      ],
    ));
    // Carla comes back next month: her data stays until that event is old enough too.
    ({ eventId: newEvent } = await seedParticipation(
      ds,
      acme,
      {
        title: 'Workshop next month',
        hostStates: ['KEN'],
        startsAt: day(30),
        endsAt: day(32),
        invitations: { KEN: 'accepted' },
      },
      [{ ...nominee(kept, 'KEN', 'female', day(30).slice(0, 10)), attendance: {} }],
    ));
    await inTransaction(ds, { tenantId: acme }, async (m) => {
      await sql(m, `update events set status = 'reported' where id = $1`, [oldEvent]);
      await sql(m, `update events set status = 'planned' where id = $1`, [newEvent]);
      // Mail: to Amina long ago, to her focal point naming her, and one still queued to her.
      await sql(
        m,
        `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status, created_at)
         values ($1, 'nomination_decided', $2, 'en', $3, 'sent', now() - interval '5 years'),
                ($1, 'nomination_decided', 'focal@ke-gov.example', 'en', $4, 'sent', now() - interval '2 days'),
                ($1, 'event_reminder', $2, 'en', '{"event":"x"}', 'queued', now()),
                ($1, 'event_reminder', $5, 'en', '{"event":"y"}', 'sent', now() - interval '1 day')`,
        [
          acme,
          gone.amina.email,
          JSON.stringify({ participant: gone.amina.name }),
          JSON.stringify({ participants: [gone.amina.name, kept.name] }),
          kept.email,
        ],
      );
      // An expert who left the roster three years ago, with a profile, notes and a CV.
      await sql(
        m,
        `update memberships set status = 'deactivated', updated_at = now() - interval '3 years'
          where user_id = $1`,
        [expertId],
      );
      await sql(
        m,
        `insert into expert_profiles (tenant_id, user_id, organisation, bio, sex, nationality,
                                      thematic_areas, languages)
         values ($1, $2, 'Olga Consulting Ltd', 'Olga trained prosecutors for ten years.', 'female',
                 'FRA', '{financing}', '[{"language":"fr","level":"native"}]')`,
        [acme, expertId],
      );
      await sql(m, `insert into expert_notes (tenant_id, user_id, notes) values ($1, $2, $3)`, [
        acme,
        expertId,
        'Olga is reliable',
      ]);
      await sql(
        m,
        `insert into expert_cvs (tenant_id, user_id, storage_key, file_name, content_type,
                                 size_bytes, sha256)
         values ($1, $2, $3, 'Olga_CV.pdf', 'application/pdf', 4, '\\x00')`,
        [acme, expertId, cvKey],
      );
    });
    await app.running.store.put(cvKey, Buffer.from('%PDF'), 'application/pdf');
    const [amina] = await ownerQuery<{ id: string }>(
      app,
      `select n.id from nominations n join participants p on p.id = n.participant_id
        where p.email = $1`,
      [gone.amina.email],
    );
    // A page link that expired four years ago, and one of Carla's still working.
    await participantLink(ds, acme, amina?.id ?? '', app.config.secret, {
      expiresAt: new Date(Date.now() - 4 * 365 * DAY),
    });
  });

  afterAll(() => app.close());

  it('lets only tenant admins read and set the periods, with the version read', async () => {
    const defaults = await admin.get(base);
    expect(defaults.status).toBe(200);
    expect(defaults.body).toEqual({
      ...RETENTION_DEFAULTS,
      version: 0,
      updatedAt: null,
      updatedBy: null,
      sessionsDays: 45,
    });
    expect((await officer.get(base)).status).toBe(403);
    expect((await officer.put(base, { ...RETENTION_DEFAULTS, version: 0 })).status).toBe(403);

    // Out of bounds, or not a number: 400, and nothing saved.
    for (const body of [
      { ...RETENTION_DEFAULTS, mailDays: 1, version: 0 },
      { ...RETENTION_DEFAULTS, participantsMonths: 0, version: 0 },
      { ...RETENTION_DEFAULTS, linksDays: '30', version: 0 },
      { ...RETENTION_DEFAULTS, expertsMonths: 2.5, version: 0 },
    ]) {
      expect((await admin.put(base, body)).status).toBe(400);
    }
    expect((await admin.get(base)).body.version).toBe(0);

    const saved = await admin.put(base, {
      ...RETENTION_DEFAULTS,
      participantsMonths: 48,
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      participantsMonths: 48,
      version: 1,
      updatedBy: { name: 'admin' },
      sessionsDays: 45,
    });
    // Not the tenant's to set: a body that names it is refused.
    expect(
      (await admin.put(base, { ...RETENTION_DEFAULTS, sessionsDays: 7, version: 1 })).status,
    ).toBe(400);
    // A second first save, or a save of an older version: 409, as it was.
    const stale = await admin.put(base, { ...RETENTION_DEFAULTS, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: '/problems/stale-version', currentVersion: 1 });
    const back = await admin.put(base, { ...RETENTION_DEFAULTS, version: 1 });
    expect(back.body).toMatchObject({ participantsMonths: 36, version: 2 });
    const [audit] = await ownerQuery<{ before: unknown; after: unknown }>(
      app,
      `select before, after from audit_log where action = 'privacy.retention_updated'
        order by at desc limit 1`,
    );
    expect(audit).toEqual({
      before: { ...RETENTION_DEFAULTS, participantsMonths: 48 },
      after: RETENTION_DEFAULTS,
    });
  });

  it('previews a run: how many people of how many events, never a day gone by', async () => {
    const preview = await admin.get(`${base}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      on: today(),
      participants: { people: 2, events: 1 },
      experts: { profiles: 1 },
      mail: { messages: 1 },
      links: { links: 1 },
    });
    for (const on of ['2020-01-01', '2027-02-30', '9999-01-01', 'tomorrow', `${today()}T00:00`]) {
      const refused = await admin.get(`${base}/preview?on=${encodeURIComponent(on)}`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await officer.get(`${base}/preview`)).status).toBe(403);
  });

  it('anonymises what is due once, however many workers run, and every figure stays', async () => {
    const figures = () => admin.get(`/api/t/acme/events/${oldEvent}/figures`);
    const year = new Date(Date.now() - 5 * 365 * DAY).getUTCFullYear();
    const dashboard = () => admin.get(`/api/t/acme/dashboard?from=${year}&to=${year}`);
    // The IATI file, with only the moment it was generated taken out: every activity, date,
    // country and result (officials trained by sex, States reached) must stay as it was.
    const saved = await admin.put('/api/t/acme/iati/settings', {
      organisationIdentifier: 'XM-DAC-41146',
      organisationName: 'Acme Academy',
      organisationType: '40',
      sectorCodes: ['15130'],
      aidType: 'D02',
      flowType: '10',
      publicFile: false,
    });
    expect(saved.status).toBe(200);
    const iati = async () => {
      const file = await officer.get('/api/t/acme/iati/activities.xml');
      expect(file.status).toBe(200);
      return file.text.replace(/ generated-datetime="[^"]*"/, '');
    };
    // Participants by sex, per State, as the State pages show them.
    const states = async () =>
      Promise.all(
        ['KEN', 'UGA'].map(async (state) => {
          const overview = await admin.get(`/api/t/acme/state-overview?state=${state}`);
          expect(overview.status).toBe(200);
          return overview.body.participants;
        }),
      );
    const before = {
      figures: (await figures()).body,
      dashboard: (await dashboard()).body,
      iati: await iati(),
      states: await states(),
    };
    expect(before.figures).toBeTruthy();
    // Not an empty file: the old workshop's results, two women and a man who attended.
    expect(before.iati).toContain(`-${oldEvent}</iati-identifier>`);
    expect(before.iati).toMatch(
      /<actual value="2">\s*<dimension name="sex" value="female"\/>\s*<\/actual>/,
    );
    expect(before.iati).toMatch(
      /<actual value="1">\s*<dimension name="sex" value="male"\/>\s*<\/actual>/,
    );
    expect(before.states).toEqual([
      expect.objectContaining({ total: 2 }),
      expect.objectContaining({ total: 1 }),
    ]);
    const preview = (await admin.get(`${base}/preview`)).body;

    // Two workers at once, each scheduling the day and draining: one job, done once.
    const worker = () =>
      new RetentionWorker(app.running.databases.app, app.running.store, { today });
    const handled = await Promise.all([worker().drainOnce(), worker().drainOnce()]);
    // One job per tenant (acme and the platform's own), each done by one of the two, and the
    // platform's run of sessions and tokens (platform-retention.int.spec.ts).
    const [tenants] = await ownerQuery<{ count: number }>(
      app,
      `select count(*)::int as count from tenants`,
    );
    expect(handled.reduce((sum, n) => sum + n, 0)).toBe((tenants?.count ?? 0) + 1);
    const jobs = await ownerQuery<{ status: string; result: unknown }>(
      app,
      `select status, result from privacy_jobs where tenant_id = $1`,
      [acme],
    );
    expect(jobs).toEqual([
      {
        status: 'done',
        result: {
          participants: preview.participants.people,
          experts: preview.experts.profiles,
          mail: preview.mail.messages,
          links: preview.links.links,
        },
      },
    ]);
    // Once more: the day is done, nothing is due.
    expect(await worker().drainOnce()).toBe(0);
    expect((await admin.get(`${base}/preview`)).body).toMatchObject({
      participants: { people: 0, events: 0 },
      experts: { profiles: 0 },
      mail: { messages: 0 },
      links: { links: 0 },
    });

    // Nothing anywhere names Amina, Boris or the expert's private details; Carla is kept.
    expect(
      await findPersonalData(app, [
        gone.amina.name,
        gone.amina.email,
        gone.boris.name,
        gone.boris.email,
        'Olga Consulting',
        'Olga trained',
        'Olga is reliable',
        'Olga_CV',
      ]),
    ).toEqual([]);
    expect(await findPersonalData(app, [kept.email])).toEqual(
      expect.arrayContaining(['participants.email']),
    );
    const queued = await ownerQuery<{ status: string }>(
      app,
      `select status from mail_outbox where kind = 'event_reminder' and payload = '{}'::jsonb`,
    );
    expect(queued).toEqual([{ status: 'cancelled' }]);
    await expect(app.running.store.read(cvKey)).rejects.toThrow();
    const [profile] = await ownerQuery<Record<string, unknown>>(
      app,
      `select sex, nationality, thematic_areas, anonymised_at is not null as anonymised
         from expert_profiles where user_id = $1`,
      [expertId],
    );
    expect(profile).toEqual({
      sex: 'female',
      nationality: 'FRA',
      thematic_areas: [],
      anonymised: true,
    });

    // Every figure is what it was.
    expect((await figures()).body).toEqual(before.figures);
    expect((await dashboard()).body).toEqual(before.dashboard);
    expect(await iati()).toEqual(before.iati);
    expect(await states()).toEqual(before.states);

    const runs = await admin.get(`${base}/runs`);
    expect(runs.body.items).toEqual([
      expect.objectContaining({ runOn: today(), status: 'done', result: jobs[0]?.result }),
    ]);
  });
});
