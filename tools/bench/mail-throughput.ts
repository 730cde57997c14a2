// Measures mail throughput from the outbox to a real SMTP sink on loopback:
// N messages enqueued, W workers started, time until the sink has them all.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import pg from 'pg';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { PLATFORM_TENANT_ID } from '../../apps/api/src/db/app-role';
import { openDatabases } from '../../apps/api/src/db/data-source.factory';
import { inTransaction } from '../../apps/api/src/db/transaction';
import { MAIL_SMTP_CONNECTIONS, MailWorker } from '../../apps/api/src/mail/mail-worker';
import { enqueueMail } from '../../apps/api/src/mail/outbox.service';

export async function benchMailThroughput(options: { messages: number; workers: number }) {
  const server = process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';
  const name = `convene_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const databases = await openDatabases(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: `${server}/${name}`,
      APP_SECRET: 'b'.repeat(32),
      DATABASE_POOL_SIZE: '10',
    }),
  );
  const sink = await startSinkProcess();
  try {
    await databases.migrate();
    await inTransaction(databases.app, {}, async (manager) => {
      for (let i = 0; i < options.messages; i++) {
        await enqueueMail(manager, {
          tenantId: PLATFORM_TENANT_ID,
          recipient: `bench${i}@example.org`,
          language: i % 3 === 0 ? 'fr' : 'en',
          message: {
            kind: 'password_reset',
            name: `Person ${i}`,
            link: `https://convene.example/r/${i}`,
            minutes: 60,
          },
        });
      }
    });
    const workers = Array.from(
      { length: options.workers },
      () =>
        new MailWorker(databases.app, {
          smtpUrl: sink.url,
          from: 'Convene <no-reply@convene.example>',
          appUrl: 'https://convene.example',
          pollMs: 10,
        }),
    );
    const started = performance.now();
    for (const worker of workers) worker.start();
    let counts = await sink.count();
    while (counts.received < options.messages) {
      if (performance.now() - started > 300_000) throw new Error('the sink did not get every mail');
      await new Promise((resolve) => setTimeout(resolve, 20));
      counts = await sink.count();
    }
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(workers.map((worker) => worker.stop()));
    const duplicates = counts.received - counts.unique;
    return {
      messages: options.messages,
      workers: options.workers,
      seconds,
      perSecond: options.messages / seconds,
      duplicates,
      // Each worker's pool holds MAIL_SMTP_CONNECTIONS at most: more would mean no pooling.
      connections: counts.connections,
    };
  } finally {
    await sink.stop();
    await databases.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

interface SinkCounts {
  received: number;
  unique: number;
  /** SMTP connections the sink accepted. */
  connections: number;
}

async function startSinkProcess() {
  const child: ChildProcess = fork(join(__dirname, 'smtp-sink-process.ts'), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message: { type: string; port: number }) => resolve(message.port));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () =>
      new Promise<SinkCounts>((resolve) => {
        child.once('message', (message: SinkCounts) => resolve(message));
        child.send({ type: 'count' });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

/** The ceiling: nodemailer straight to the same sink, no database, same concurrency. */
export async function benchRawSmtp(options: { messages: number }) {
  const sink = await startSinkProcess();
  // Pool options go in the first argument (the second holds message defaults only).
  const transport = createTransport({
    url: sink.url,
    pool: true,
    maxConnections: MAIL_SMTP_CONNECTIONS,
    maxMessages: Infinity,
  });
  try {
    const started = performance.now();
    for (let sent = 0; sent < options.messages; sent += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, options.messages - sent) }, (_, i) =>
          transport.sendMail({
            from: 'Convene <no-reply@convene.example>',
            to: `raw${sent + i}@example.org`,
            subject: 'Reset your Convene password',
            text: 'A plain text body of about the size of a rendered mail. '.repeat(20),
            html: `<p>${'An HTML body of about the size of a rendered mail. '.repeat(40)}</p>`,
          }),
        ),
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const { connections } = await sink.count();
    return { seconds, perSecond: options.messages / seconds, connections };
  } finally {
    transport.close();
    await sink.stop();
  }
}
