import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { PLATFORM_TENANT_ID } from '../db/app-role';
import { type Databases, openDatabases } from '../db/data-source.factory';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { SmtpSink } from '../testing/smtp-sink';
import { createTestDatabase } from '../testing/test-database';
import { createTenant } from '../tenants/tenant-provisioning';
import {
  MAIL_BATCH_SIZE,
  MAIL_SMTP_CONNECTIONS,
  MailWorker,
  type MailWorkerOptions,
} from './mail-worker';
import { enqueueMail, type OutgoingMail } from './outbox.service';

const root = join(__dirname, '../../../..');

const reset = (to: string, n = 0): OutgoingMail => ({
  tenantId: PLATFORM_TENANT_ID,
  recipient: to,
  language: 'en',
  message: {
    kind: 'password_reset',
    name: `Person ${n}`,
    link: `https://convene.example/reset/${n}`,
    minutes: 60,
  },
});

describe('the mail outbox and its worker', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let databases: Databases;
  let ds: DataSource;
  let sink: SmtpSink;
  let tenantId: string;
  const workers: MailWorker[] = [];

  const worker = (options: Partial<MailWorkerOptions> = {}) => {
    const created = new MailWorker(ds, {
      smtpUrl: sink.url,
      from: 'Convene <no-reply@convene.example>',
      appUrl: 'https://convene.example',
      pollMs: 20,
      backoffMs: 50,
      ...options,
    });
    workers.push(created);
    return created;
  };

  const statuses = async () =>
    inTransaction(ds, { as: 'mailer' }, (m) =>
      sql<{ status: string; count: number }>(
        m,
        `select status, count(*)::int as count from mail_outbox group by status order by status`,
      ),
    );

  const clearOutbox = () => database.query(`delete from mail_outbox`);

  beforeAll(async () => {
    database = await createTestDatabase();
    databases = await openDatabases(
      loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        APP_SECRET: 'm'.repeat(32),
        DATABASE_POOL_SIZE: '6',
      }),
    );
    await databases.migrate();
    ds = databases.app;
    tenantId = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    sink = new SmtpSink();
    await sink.start();
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    sink.received.splice(0);
    sink.rejections.clear();
    await clearOutbox();
  });

  afterAll(async () => {
    await sink.stop();
    await databases.close();
    await database.drop();
  });

  it('enqueues nothing when the transaction rolls back', async () => {
    await expect(
      inTransaction(ds, {}, async (m) => {
        await enqueueMail(m, reset('rolled@back.example'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await worker().drainOnce();
    expect(sink.received).toEqual([]);
    expect(await statuses()).toEqual([]);
  });

  it('sends one mail for an idempotency key enqueued twice', async () => {
    for (let i = 0; i < 2; i++) {
      await inTransaction(ds, { tenantId }, (m) =>
        enqueueMail(m, { ...reset('once@example.org'), tenantId, idempotencyKey: 'invite-42' }),
      );
    }
    await worker().drainOnce();
    expect(sink.received.map((mail) => mail.to)).toEqual([['once@example.org']]);
  });

  it('writes no optional notification a person turned off, but always their security mail', async () => {
    await database.query(
      `insert into users (email, name, muted_mail_kinds) values ('muted@example.org', 'Muted', '{admin_digest}')`,
    );
    const digest: OutgoingMail = {
      tenantId,
      recipient: 'MUTED@example.org',
      language: 'en',
      message: {
        kind: 'admin_digest',
        name: 'Muted',
        tenantName: 'Acme Academy',
        expiringInvitations: [],
        failedMails: 2,
        link: 'https://convene.example/t/acme/mail',
      },
    };
    await inTransaction(ds, { tenantId }, async (m) => {
      await enqueueMail(m, digest);
      await enqueueMail(m, { ...digest, recipient: 'listening@example.org' });
      await enqueueMail(m, { ...reset('muted@example.org'), tenantId });
    });
    await worker().drainOnce();
    expect(sink.received.map((mail) => [mail.to[0], mail.subject]).sort()).toEqual([
      ['listening@example.org', 'Waiting for a decision in Acme Academy'],
      ['muted@example.org', 'Reset your Convene password'],
    ]);
    await database.query(`delete from users where email = 'muted@example.org'`);
  });

  it('forgets the link (and its token) of a message once it is sent', async () => {
    await inTransaction(ds, {}, (m) => enqueueMail(m, reset('forget@example.org', 7)));
    await worker().drainOnce();
    expect(sink.received[0]?.text).toContain('https://convene.example/reset/7');
    const [row] = await database.query(`select status, payload from mail_outbox`);
    expect(row?.status).toBe('sent');
    expect(row?.payload).toEqual({ kind: 'password_reset', name: 'Person 7', minutes: 60 });
  });

  it('keeps each tenant’s outbox to itself', async () => {
    const other = await createTenant(ds, { slug: `other-${Date.now()}`, name: 'Other' });
    await inTransaction(ds, { tenantId }, (m) =>
      enqueueMail(m, { ...reset('a@acme.example'), tenantId }),
    );
    await inTransaction(ds, { tenantId: other }, (m) =>
      enqueueMail(m, { ...reset('b@other.example'), tenantId: other }),
    );
    const seen = await inTransaction(ds, { tenantId: other }, (m) =>
      sql<{ recipient: string }>(m, 'select recipient from mail_outbox'),
    );
    expect(seen.map((row) => row.recipient)).toEqual(['b@other.example']);
  });

  it('never sends a message twice with two workers at once', async () => {
    await inTransaction(ds, {}, async (m) => {
      for (let i = 0; i < 120; i++) await enqueueMail(m, reset(`p${i}@example.org`, i));
    });
    const [one, two] = [worker(), worker()];
    one.start();
    two.start();
    await sink.waitForCount(120);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const counts = sink.countsByMessageId();
    expect(counts.size).toBe(120);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(await statuses()).toEqual([{ status: 'sent', count: 120 }]);
  });

  it('marks a message failed on a 5xx answer without retrying, and retries a 4xx', async () => {
    sink.rejections.set('gone@example.org', 550);
    sink.rejections.set('busy@example.org', 451);
    await inTransaction(ds, {}, async (m) => {
      await enqueueMail(m, reset('gone@example.org'));
      await enqueueMail(m, reset('busy@example.org'));
    });
    const w = worker();
    await w.drainOnce();
    const rows = () =>
      database.query(
        `select recipient, status, attempts, last_error from mail_outbox order by recipient`,
      ) as Promise<{ recipient: string; status: string; attempts: number; last_error: string }[]>;
    expect((await rows()).map((r) => [r.recipient, r.status, r.attempts])).toEqual([
      ['busy@example.org', 'queued', 1],
      ['gone@example.org', 'failed', 1],
    ]);
    // The server recovers for the busy mailbox; the retry goes through after the backoff.
    sink.rejections.delete('busy@example.org');
    w.start();
    await sink.waitForCount(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await rows()).map((r) => [r.recipient, r.status])).toEqual([
      ['busy@example.org', 'sent'],
      ['gone@example.org', 'failed'],
    ]);
    expect(sink.received.map((mail) => mail.to[0])).toEqual(['busy@example.org']);
  });

  it('delivers every message exactly once after the mail server was down during a burst of 200', async () => {
    const port = sink.port;
    await sink.stop();
    const w = worker({ backoffMs: 100 });
    w.start();
    await inTransaction(ds, {}, async (m) => {
      for (let i = 0; i < 200; i++) await enqueueMail(m, reset(`burst${i}@example.org`, i));
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const [queued] = await statuses();
    expect(queued).toEqual({ status: 'queued', count: 200 });
    await sink.start(port);
    await sink.waitForCount(200, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const counts = sink.countsByMessageId();
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(await statuses()).toEqual([{ status: 'sent', count: 200 }]);
  });

  it('sends a burst of 50 over the pool’s few SMTP connections, not one connection each', async () => {
    await inTransaction(ds, {}, async (m) => {
      for (let i = 0; i < 50; i++) await enqueueMail(m, reset(`pool${i}@example.org`, i));
    });
    sink.resetConnectionCounts();
    expect(await worker().drainOnce()).toBe(50);
    expect(sink.received).toHaveLength(50);
    // The default pool holds MAIL_SMTP_CONNECTIONS; before, each message opened its own (50).
    expect(sink.connections).toBeGreaterThan(0);
    expect(sink.connections).toBeLessThanOrEqual(MAIL_SMTP_CONNECTIONS);
    sink.received.splice(0);
    await clearOutbox();

    await inTransaction(ds, {}, async (m) => {
      for (let i = 0; i < 50; i++) await enqueueMail(m, reset(`small${i}@example.org`, i));
    });
    sink.resetConnectionCounts();
    expect(await worker({ maxConnections: 3 }).drainOnce()).toBe(50);
    expect(sink.received).toHaveLength(50);
    expect(sink.connections).toBeLessThanOrEqual(3);
  });

  it('keeps retrying through an outage longer than eight attempts, then delivers each message once', async () => {
    const port = sink.port;
    await sink.stop();
    await inTransaction(ds, {}, async (m) => {
      for (let i = 0; i < 40; i++) await enqueueMail(m, reset(`outage${i}@example.org`, i));
    });
    // Time travel: the mail has waited 23 hours already, still inside the day a server retries.
    await database.query(`update mail_outbox set created_at = now() - interval '23 hours'`);
    const progress = async () => {
      const [row] = await database.query<{ attempts: number; failed: number; sent: number }>(
        `select min(attempts)::int as attempts,
                count(*) filter (where status = 'failed')::int as failed,
                count(*) filter (where status = 'sent')::int as sent
           from mail_outbox`,
      );
      if (!row) throw new Error('no progress row');
      return row;
    };
    // Whatever backoff the worker chose, the next attempt is due now.
    const fastForward = () =>
      database.query(`update mail_outbox set next_attempt_at = now() where status = 'queued'`);
    const w = worker({ backoffMs: 10 });
    w.start();
    const deadline = Date.now() + 30_000;
    for (let p = await progress(); p.attempts < 12 && p.failed === 0; p = await progress()) {
      if (Date.now() > deadline) throw new Error(`stuck at ${JSON.stringify(p)}`);
      await fastForward();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    // Twelve connection failures each, more than the eight that used to be final: still queued.
    expect(await progress()).toMatchObject({ failed: 0, sent: 0 });
    const [errors] = await database.query<{ count: number }>(
      `select count(*)::int as count from mail_outbox where last_error is not null`,
    );
    expect(errors?.count).toBe(40);

    await sink.start(port);
    const recovered = Date.now() + 30_000;
    while ((await progress()).sent < 40) {
      if (Date.now() > recovered) throw new Error(`only ${(await progress()).sent} sent`);
      await fastForward();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const counts = sink.countsByMessageId();
    expect(counts.size).toBe(40);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(await statuses()).toEqual([{ status: 'sent', count: 40 }]);
  });

  it('gives up on a transient failure only once the message is a day old', async () => {
    const port = sink.port;
    await sink.stop();
    try {
      await inTransaction(ds, {}, async (m) => {
        await enqueueMail(m, reset('young@example.org'));
        await enqueueMail(m, reset('old@example.org'));
      });
      await database.query(
        `update mail_outbox set created_at = now() - interval '25 hours'
          where recipient = 'old@example.org'`,
      );
      await worker().drainOnce();
      const rows = await database.query<{ recipient: string; status: string; last_error: string }>(
        `select recipient, status, last_error from mail_outbox order by recipient`,
      );
      expect(rows.map((r) => [r.recipient, r.status])).toEqual([
        ['old@example.org', 'failed'],
        ['young@example.org', 'queued'],
      ]);
      expect(rows[0]?.last_error).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await sink.start(port);
    }
  });

  it('gives each outbox row a stable Message-ID', async () => {
    await inTransaction(ds, {}, (m) => enqueueMail(m, reset('stable@example.org')));
    await worker().drainOnce();
    const [row] = await database.query(`select id, tenant_id from mail_outbox`);
    expect(sink.received[0]?.messageId).toBe(`<${row?.id}.${row?.tenant_id}@outbox.convene>`);
  });
});

describe('a mail worker process killed mid-batch', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let databases: Databases;
  let sink: SmtpSink;

  beforeAll(async () => {
    database = await createTestDatabase();
    databases = await openDatabases(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, APP_SECRET: 'k'.repeat(32) }),
    );
    await databases.migrate();
    sink = new SmtpSink();
    await sink.start();
    sink.delayMs = 20;
  });

  afterAll(async () => {
    await sink.stop();
    await databases.close();
    await database.drop();
  });

  // The worker itself, with tsx's loader in-process: tsx's CLI would run it in a child of its
  // own, and SIGKILL to the CLI would orphan that child, still sending (and holding the pipes
  // that kept jest from exiting).
  const startWorker = () =>
    spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/mail-worker.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: 'tsconfig.base.json',
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        APP_SECRET: 'k'.repeat(32),
        SMTP_URL: sink.url,
        MAIL_LEASE_SECONDS: '1',
      },
    });

  it('loses nothing, and duplicates at most what was in flight, recognisably', async () => {
    await inTransaction(databases.app, {}, async (m) => {
      for (let i = 0; i < 100; i++) await enqueueMail(m, reset(`k${i}@example.org`, i));
    });
    const first = startWorker();
    await sink.waitForCount(15);
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    // What was on the wire when it died lands now (the sink takes 20 ms a message, longer on a
    // busy machine): wait until nothing has arrived for half a second. After that, a dead worker
    // sends nothing.
    for (let last = -1; last !== sink.received.length; ) {
      last = sink.received.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const beforeRestart = sink.received.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(sink.received.length).toBe(beforeRestart);
    expect(beforeRestart).toBeLessThan(100);

    const second = startWorker();
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const counts = sink.countsByMessageId();
        if (counts.size === 100) break;
        if (Date.now() > deadline) throw new Error(`only ${counts.size} distinct messages arrived`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }
    const counts = sink.countsByMessageId();
    const duplicated = [...counts.values()].filter((count) => count > 1);
    expect(counts.size).toBe(100);
    // Only what the killed worker had claimed (one batch at most) can arrive twice.
    expect(duplicated.length).toBeLessThanOrEqual(MAIL_BATCH_SIZE);
    expect(duplicated.every((count) => count === 2)).toBe(true);
  });
});
