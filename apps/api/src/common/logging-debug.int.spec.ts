import { startDevelopmentApp } from '../testing/development-app';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';

describe('logging in development with LOG_LEVEL=debug', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('shows start-up and one short line per request, never JSON', async () => {
    const { running, baseUrl, output } = await startDevelopmentApp(database, {
      LOG_LEVEL: 'debug',
    });
    try {
      expect((await fetch(`${baseUrl}/api/me`)).status).toBe(401);
      const lines = output().trimEnd().split('\n');
      expect(lines).toContainEqual(expect.stringMatching(/DEBUG: RouterExplorer: Mapped/));
      expect(lines).toContainEqual(expect.stringMatching(/DEBUG: GET \/api\/me 401 \(\d+ ms\)$/));
      expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
      // Nothing of the request's headers, cookies included, reaches the terminal.
      expect(output()).not.toMatch(/user-agent|cookie/i);
    } finally {
      await running.close();
    }
  });
});
