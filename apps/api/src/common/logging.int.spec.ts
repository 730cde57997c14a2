import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { startDevelopmentApp } from '../testing/development-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { loggerParams } from './logging';

describe('logging in development', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('starts quietly, keeps requests out of sight, and writes warnings as readable lines', async () => {
    const { running, baseUrl, output } = await startDevelopmentApp(database);
    try {
      // Nothing before main.ts prints the address and the sign-ins.
      expect(output()).toBe('');
      expect((await fetch(`${baseUrl}/api/me`)).status).toBe(401);
      new Logger('Mail').warn('smtp.example.org refused the connection');

      expect(output().trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^\[\d\d:\d\d:\d\d\] WARN: Mail: smtp.example.org refused/),
      ]);
    } finally {
      await running.close();
    }
  });
});

describe('logging in production', () => {
  it('stays one JSON line per request, at info, with no readable stream', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      APP_SECRET: 'production-secret-production-secret-0123',
      DATABASE_URL: 'postgres://convene@db.example/convene',
    });
    const options = loggerParams(config).pinoHttp;
    if (!options || Array.isArray(options) || 'write' in options)
      throw new Error('production passes pino-http options alone');
    expect(options.level).toBe('info');
    expect(options.customLogLevel).toBeUndefined();
    expect(options.customSuccessMessage).toBeUndefined();
    expect(options.redact).toEqual([
      'req.headers.cookie',
      'req.headers["x-xsrf-token"]',
      'res.headers["set-cookie"]',
    ]);
  });
});
