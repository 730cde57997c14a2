import type { AddressInfo } from 'node:net';
import { createApp, type RunningApp } from '../app.factory';
import { type AppConfig, loadConfig } from '../config/app-config';
import { DevMailCatcher } from '../mail/dev-mail-catcher';
import { ApiClient } from './http-client';
import { startTestS3, type TestS3 } from './s3-server';
import { openDatabases } from '../db/data-source.factory';
import { createMigratedTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  running: RunningApp;
  config: AppConfig;
  baseUrl: string;
  /** A real SMTP server on loopback receiving what the app sends. */
  mail: DevMailCatcher;
  /** A real S3-compatible server on loopback holding the documents' files. */
  s3: TestS3;
  /** The PostgreSQL database behind the app, for the owner's view (null on PGlite). */
  database: TestDatabase | null;
  client(): ApiClient;
  close(): Promise<void>;
}

/**
 * The whole API on a fresh PostgreSQL database (or an in-memory PGlite one),
 * listening on a free loopback port, sending mail to a real SMTP server.
 */
export async function startTestApp(
  options: { env?: Record<string, string>; driver?: 'postgres' | 'pglite' } = {},
): Promise<TestApp> {
  const database =
    options.driver === 'pglite' ? null : await createMigratedTestDatabase(migrateDatabase);
  const mail = new DevMailCatcher();
  const smtpPort = await mail.start(0);
  const s3 = await startTestS3();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    APP_SECRET: 'test-secret-test-secret-test-secret-0123',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    WEB_DIST: '',
    DATA_DIR: 'memory://',
    // Tests that want scheduled mail tick a MailScheduler themselves.
    MAIL_SCHEDULE_SECONDS: '0',
    // Every test signs in from 127.0.0.1; the per-address limit has tests of its own.
    LOGIN_RATE_LIMIT_PER_ADDRESS: '100000',
    API_RATE_LIMIT: '1000000',
    ...s3.env,
    // Tests drain the text extraction themselves (running.extraction), when they want it.
    EXTRACTION_WORKER: 'off',
    // Tests run retention themselves (privacy), on days they choose.
    RETENTION_WORKER: 'off',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  if (!database) config.database = { kind: 'pglite', dataDir: 'memory://' };
  const running = await createApp(config, { silent: true });
  await running.app.listen({ port: 0, host: '127.0.0.1' });
  const address = running.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    running,
    config,
    baseUrl,
    mail,
    s3,
    database,
    client: () => new ApiClient(baseUrl),
    async close() {
      await running.close();
      await mail.stop();
      await s3.close();
      await database?.drop();
    },
  };
}

/** Waits for a message to `to` to arrive at the SMTP server. */
export async function waitForMail(mail: DevMailCatcher, to: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mail.list().find((message) => message.to.includes(to));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One statement as the database owner, for fixtures the API offers no route to (PostgreSQL only). */
export function ownerQuery<T = Record<string, unknown>>(
  app: TestApp,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  if (!app.database) throw new Error('ownerQuery needs the PostgreSQL driver');
  return app.database.query<T>(text, values);
}

/** The app's migration run on a database of the test server (the template's). */
async function migrateDatabase(url: string): Promise<void> {
  const databases = await openDatabases(
    loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      APP_SECRET: 'test-secret-test-secret-test-secret-0123',
      SMTP_URL: 'smtp://127.0.0.1:1',
      DATABASE_URL: url,
    }),
  );
  try {
    await databases.migrate();
  } finally {
    await databases.close();
  }
}
