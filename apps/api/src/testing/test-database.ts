import { randomBytes } from 'node:crypto';
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

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `convene_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: `${TEST_SERVER_URL}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
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
