import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { createApp, type RunningApp } from '../app.factory';
import { loadConfig } from '../config/app-config';
import type { TestDatabase } from './test-database';

/**
 * The API as `npm start` runs it (NODE_ENV=development), on a test database, with its log
 * lines caught instead of printed. One per test file: the pino root logger lives as long as
 * the process.
 */
export async function startDevelopmentApp(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<{ running: RunningApp; baseUrl: string; output: () => string }> {
  const config = loadConfig({
    NODE_ENV: 'development',
    APP_SECRET: 'development-secret-development-secret-01',
    DATABASE_URL: database.url,
    DEV_MAIL_PORT: '0',
    WEB_DIST: '',
    SEED_DEMO: 'false',
    MAIL_WORKER: 'off',
    ...env,
  });
  let text = '';
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const running = await createApp(config, { logTo: sink });
  await running.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = running.app.getHttpServer().address() as AddressInfo;
  return { running, baseUrl: `http://127.0.0.1:${port}`, output: () => text };
}
