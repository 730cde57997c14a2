import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { type Databases, openDatabases } from '../db/data-source.factory';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { addMember, createTenant, inviteToTenant } from '../tenants/tenant-provisioning';
import { createTestDatabase } from '../testing/test-database';
import { MailScheduler } from './mail-scheduler';

const HOUR = 3_600_000;

describe('scheduled mail: digests and reminders', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let databases: Databases;
  let ds: DataSource;
  let acme: string;
  let quiet: string;

  const scheduler = () =>
    new MailScheduler(ds, { appUrl: 'https://convene.example', digestHourUtc: 7 });

  /** The digests in the outbox, as (tenant slug, recipient, payload). */
  const digests = () =>
    database.query(
      `select t.slug, o.recipient, o.payload, o.idempotency_key
         from mail_outbox o join tenants t on t.id = o.tenant_id
        where o.kind = 'admin_digest' order by o.recipient, o.idempotency_key`,
    ) as Promise<
      {
        slug: string;
        recipient: string;
        payload: Record<string, unknown>;
        idempotency_key: string;
      }[]
    >;

  beforeAll(async () => {
    database = await createTestDatabase();
    databases = await openDatabases(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        APP_SECRET: 's'.repeat(32),
        DATABASE_POOL_SIZE: '6',
      }),
    );
    await databases.migrate();
    ds = databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    quiet = await createTenant(ds, { slug: 'quiet', name: 'Quiet Org' });
    const person = { password: 'scheduler passphrase', role: 'tenant_admin' as const };
    await addMember(ds, acme, { ...person, email: 'ada@acme.example', name: 'Ada' });
    await addMember(ds, acme, { ...person, email: 'muted@acme.example', name: 'Mute' });
    await addMember(ds, acme, { ...person, email: 'gone@acme.example', name: 'Gone' });
    await addMember(ds, acme, {
      ...person,
      role: 'programme_officer',
      email: 'officer@acme.example',
      name: 'Otto',
    });
    await addMember(ds, quiet, { ...person, email: 'admin@quiet.example', name: 'Quinn' });
    await database.query(
      `update users set muted_mail_kinds = '{admin_digest}' where email = 'muted@acme.example'`,
    );
    await inTransaction(ds, { tenantId: acme }, (m) =>
      sql(
        m,
        `update memberships set status = 'deactivated'
          where user_id = (select id from users where email = 'gone@acme.example')`,
      ),
    );
  });

  afterEach(() => database.query(`delete from mail_outbox; delete from mail_schedule_runs`));

  afterAll(async () => {
    await databases.close();
    await database.drop();
  });

  const dueInvitation = (email: string, ttlMs: number) =>
    inviteToTenant(ds, acme, { email, role: 'expert', ttlMs });

  it('tells each active administrator who wants it, once, of invitations about to lapse', async () => {
    await dueInvitation('soon@example.org', 30 * HOUR);
    await dueInvitation('later@example.org', 10 * 24 * HOUR);
    const now = new Date();
    now.setUTCHours(9);

    // Several workers tick at once: one of them computes the day.
    const counts = await Promise.all([1, 2, 3].map(() => scheduler().tick(now)));
    expect(counts.reduce((a, b) => a + b)).toBe(1);

    const sent = await digests();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      slug: 'acme',
      recipient: 'ada@acme.example',
      payload: {
        kind: 'admin_digest',
        name: 'Ada',
        tenantName: 'Acme Academy',
        failedMails: 0,
        link: 'https://convene.example/t/acme/users',
        expiringInvitations: [{ email: 'soon@example.org', role: 'expert' }],
      },
    });
    // A restarted worker finds the day done.
    expect(await scheduler().tick(new Date(now.getTime() + HOUR))).toBe(0);
    expect(await digests()).toHaveLength(1);
  });

  /** A message of the tenant that became undeliverable at `failedAt`. */
  const failedMail = (tenantId: string, failedAt: Date) =>
    inTransaction(ds, { tenantId }, (m) =>
      sql(
        m,
        `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status,
                                  failed_at)
         values ($1, 'password_reset', 'bounced@example.org', 'en', '{}', 'failed', $2)`,
        [tenantId, failedAt],
      ),
    );

  it('waits for the digest hour, and sends again the next day while something new waits', async () => {
    await failedMail(acme, new Date(Date.UTC(2030, 0, 15, 6, 0)));
    await failedMail(acme, new Date(Date.UTC(2030, 0, 16, 5, 0)));
    const early = new Date(Date.UTC(2030, 0, 15, 6, 59));
    expect(await scheduler().tick(early)).toBe(0);
    expect(await scheduler().tick(new Date(Date.UTC(2030, 0, 15, 7, 0)))).toBe(1);
    expect(await scheduler().tick(new Date(Date.UTC(2030, 0, 16, 8, 0)))).toBe(1);
    const sent = await digests();
    expect(sent.map((row) => row.idempotency_key)).toEqual([
      expect.stringMatching(/^admin_digest:2030-01-15:/),
      expect.stringMatching(/^admin_digest:2030-01-16:/),
    ]);
    expect(sent[0]?.payload).toMatchObject({
      failedMails: 1,
      expiringInvitations: [],
      link: 'https://convene.example/t/acme/mail?status=failed',
    });
  });

  it('reports the mail that failed in the last day, and links to the failed mail', async () => {
    const now = new Date(Date.UTC(2030, 2, 10, 7, 30));
    const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
    await failedMail(acme, ago(1));
    await failedMail(acme, ago(23));
    // Reported in an earlier digest already; another tenant's failure is not acme's business.
    await failedMail(acme, ago(30));
    await failedMail(quiet, ago(50));
    expect(await scheduler().tick(now)).toBe(1);
    const sent = await digests();
    expect(sent.map((row) => [row.slug, row.recipient])).toEqual([['acme', 'ada@acme.example']]);
    expect(sent[0]?.payload).toMatchObject({
      failedMails: 2,
      link: 'https://convene.example/t/acme/mail?status=failed',
    });
  });

  it('reminds the officer and the speakers of a live event a week ahead, once per start date', async () => {
    const [officer] = await database.query(
      `select id from users where email = 'officer@acme.example'`,
    );
    const [speaker] = await database.query(`select id from users where email = 'ada@acme.example'`);
    if (!officer || !speaker) throw new Error('the seeded officer or speaker is missing');
    const now = new Date(Date.UTC(2031, 4, 1, 8));
    const addEvent = (title: string, daysAhead: number, status: string) =>
      inTransaction(ds, { tenantId: acme }, async (m) => {
        const [event] = await sql<{ id: string }>(
          m,
          `insert into events (tenant_id, type, title, thematic_areas, format, venue_name,
                               venue_city, venue_country, starts_at, ends_at, time_zone,
                               working_languages, status, responsible_officer_id)
           values ($1, 'national_workshop', $2, '{financing}', 'in_person', 'UN Gigiri',
                   'Nairobi', 'KEN', $3, $4, 'Africa/Nairobi', '{en}', $5, $6)
           returning id`,
          [
            acme,
            title,
            new Date(now.getTime() + daysAhead * 24 * HOUR),
            new Date(now.getTime() + (daysAhead + 1) * 24 * HOUR),
            status,
            officer.id,
          ],
        );
        await sql(
          m,
          `with speaking as (
             insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at)
             select tenant_id, id, 1, 'Opening', starts_at, starts_at + interval '1 hour'
               from events where id = $1
             returning tenant_id, event_id, id)
           insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
           select tenant_id, event_id, id, $2::uuid, 'speaker', 'accepted', now() from speaking`,
          [event?.id, speaker.id],
        );
        return event?.id as string;
      });
    const soon = await addEvent('In three days', 3, 'confirmed');
    await addEvent('In ten days', 10, 'planned');
    await addEvent('Cancelled soon', 2, 'cancelled');
    await addEvent('Still a draft', 2, 'draft');

    expect(await scheduler().tick(now)).toBe(2);
    const reminders = (await database.query(
      `select recipient, payload from mail_outbox where kind = 'event_reminder' order by recipient`,
    )) as { recipient: string; payload: Record<string, string> }[];
    expect(reminders.map((row) => [row.recipient, row.payload['eventTitle']])).toEqual([
      ['ada@acme.example', 'In three days'],
      ['officer@acme.example', 'In three days'],
    ]);
    expect(reminders[0]?.payload).toMatchObject({
      timeZone: 'Africa/Nairobi',
      place: 'UN Gigiri, Nairobi',
      link: `https://convene.example/t/acme/events/${soon}`,
    });
    expect(reminders[0]?.payload['ics']).toContain(`UID:${soon}@events.convene`);

    // The next day nothing new, unless the event moved.
    const tomorrow = new Date(now.getTime() + 24 * HOUR);
    expect(await scheduler().tick(tomorrow)).toBe(0);
    await inTransaction(ds, { tenantId: acme }, (m) =>
      sql(
        m,
        `update events set starts_at = starts_at + interval '1 day', ends_at = ends_at + interval '1 day'
            where id = $1`,
        [soon],
      ),
    );
    expect(await scheduler().tick(new Date(tomorrow.getTime() + 24 * HOUR))).toBe(2);
    await inTransaction(ds, { tenantId: acme }, (m) => sql(m, `delete from events`));
  });

  it('sends nothing when nothing waits for a decision', async () => {
    await database.query(`update invitations set revoked_at = now()`);
    expect(await scheduler().tick(new Date(Date.UTC(2030, 1, 1, 12)))).toBe(0);
    expect(await digests()).toEqual([]);
  });
});
