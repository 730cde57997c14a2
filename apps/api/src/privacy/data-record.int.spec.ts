import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { type Databases, openDatabases } from '../db/data-source.factory';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { DATA_RECORD, type TableRecord } from './data-record';

const root = join(__dirname, '../../../..');
const RECORD: Readonly<Record<string, TableRecord>> = DATA_RECORD;

/** In JavaScript, not SQL: the database's collation may order underscores differently. */
const sorted = (names: Iterable<string>) => [...names].sort();

const personalTables = () =>
  Object.entries(RECORD)
    .filter(([, table]) =>
      Object.values(table.columns).some((column) => column.classification === 'personal'),
    )
    .map(([name]) => name);

/**
 * The record of what we hold is written by hand beside hand-written migrations: nothing else
 * keeps the two in step. So every column of a freshly migrated database must be classified,
 * every column the record names must exist, and every table holding personal data must be
 * described to people in docs/privacy.md. A failure names the table.column to look at.
 */
describe('the record of what we hold', () => {
  let database: TestDatabase;
  let databases: Databases;
  /** Every table.column of the public schema but TypeORM's own bookkeeping. */
  let catalog: Set<string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    databases = await openDatabases(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, APP_SECRET: 'e'.repeat(32) }),
    );
    await databases.migrate();
    // Which migrations ran, not data we hold; TypeORM names it `migrations` unless told otherwise.
    const bookkeeping = databases.app.options.migrationsTableName ?? 'migrations';
    const rows = await database.query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
        where table_schema = 'public'`,
    );
    expect(rows.some((row) => row.table_name === bookkeeping)).toBe(true);
    catalog = new Set(
      rows
        .filter((row) => row.table_name !== bookkeeping)
        .map((row) => `${row.table_name}.${row.column_name}`),
    );
  });

  afterAll(async () => {
    await databases.close();
    await database.drop();
  });

  const recorded = () =>
    new Set(
      Object.entries(RECORD).flatMap(([table, { columns }]) =>
        Object.keys(columns).map((column) => `${table}.${column}`),
      ),
    );

  it('classifies every column the migrations create', () => {
    const inRecord = recorded();
    const unclassified = sorted([...catalog].filter((column) => !inRecord.has(column)));
    expect(unclassified).toEqual([]);
  });

  it('names no table or column the migrations do not create', () => {
    const tables = new Set([...catalog].map((column) => column.split('.')[0]));
    const gone = sorted([
      ...Object.keys(RECORD)
        .filter((table) => !tables.has(table))
        .map((table) => `${table} (table)`),
      ...[...recorded()].filter(
        (column) => tables.has(column.split('.')[0] ?? '') && !catalog.has(column),
      ),
    ]);
    expect(gone).toEqual([]);
  });

  it('describes every table holding personal data in docs/privacy.md', () => {
    const doc = readFileSync(join(root, 'docs/privacy.md'), 'utf8');
    const missing = personalTables().filter((table) => !doc.includes(`\`${table}\``));
    expect(missing).toEqual([]);
  });

  it('says whose data a table holds exactly when it has a personal column', () => {
    const personal = new Set(personalTables());
    const wrong = Object.entries(RECORD)
      .filter(([name, table]) => personal.has(name) === table.subjects.includes('none'))
      .map(([name, table]) => `${name}: subjects ${table.subjects.join(', ')}`);
    expect(wrong).toEqual([]);
  });
});
