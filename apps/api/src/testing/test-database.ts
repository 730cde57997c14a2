import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** The PostgreSQL server the tests use; CI makes sure it is up. */
export const TEST_SERVER_URL =
  process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';

/** A fresh, empty database per test file, dropped at the end. */
export interface TestDatabase {
  url: string;
  /** Runs one statement as the owner, outside the app and its row-level security. */
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  options: { template?: string } = {},
): Promise<TestDatabase> {
  const name = `convene_test_${randomBytes(6).toString('hex')}`;
  await asAdmin((admin) =>
    admin.query(
      `create database ${name}${options.template ? ` template ${options.template}` : ''}`,
    ),
  );
  return {
    url: `${TEST_SERVER_URL}/${name}`,
    async query<T>(text: string, values: unknown[] = []) {
      const client = new Client({ connectionString: `${TEST_SERVER_URL}/${name}` });
      await client.connect();
      try {
        return (await client.query(text, values)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async drop() {
      const client = new Client({ connectionString: `${TEST_SERVER_URL}/postgres` });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

async function asAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: `${TEST_SERVER_URL}/postgres` });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** The migrations' own text: a template is good for exactly these. */
function migrationsHash(): string {
  const folder = join(__dirname, '..', 'db', 'migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).sort()) {
    hash.update(file).update(readFileSync(join(folder, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

let template: Promise<string> | null = null;

/**
 * A database with every migration applied, cloned from a template migrated once per set of
 * migrations (`convene_template_<hash of their text>`, kept on the test server for the next
 * run): each test file's app then starts without replaying two dozen migrations. The template
 * is built under a name of its own and renamed when complete, so two test workers building it
 * at once both end up cloning one finished template. `migrate` is the app's own migration run,
 * passed in so this module stays free of the app's code.
 */
export async function createMigratedTestDatabase(
  migrate: (url: string) => Promise<void>,
): Promise<TestDatabase> {
  template ??= (async () => {
    const name = `convene_template_${migrationsHash()}`;
    const exists = async () =>
      (
        await asAdmin((admin) =>
          admin.query('select 1 from pg_database where datname = $1', [name]),
        )
      ).rowCount === 1;
    if (await exists()) return name;
    const building = await createTestDatabase();
    try {
      await migrate(building.url);
      const built = building.url.slice(building.url.lastIndexOf('/') + 1);
      await asAdmin((admin) => admin.query(`alter database ${built} rename to ${name}`));
    } catch (error) {
      await building.drop();
      // Another worker finished it first: theirs will do.
      if (!(await exists())) throw error;
    }
    return name;
  })();
  return createTestDatabase({ template: await template });
}
