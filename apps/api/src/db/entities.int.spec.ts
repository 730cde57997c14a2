import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { loadConfig } from '../config/app-config';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { type Databases, openDatabases } from './data-source.factory';
import { ENTITIES } from './entities';

interface CatalogColumn {
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
  character_maximum_length: number | null;
  has_default: boolean;
}

/** TypeORM's spelling of a type → PostgreSQL's udt_name, for the types the entities use. */
const UDT: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  bytea: 'bytea',
  timestamptz: 'timestamptz',
  boolean: 'bool',
  char: 'bpchar',
  jsonb: 'jsonb',
  integer: 'int4',
};

/** What an entity column says, in the catalog's terms, so one equality compares them. */
function declared(column: ColumnMetadata) {
  const type = typeof column.type === 'string' ? column.type : column.type.name;
  const udt = UDT[type] ?? `unmapped:${type}`;
  return {
    column: column.databaseName,
    type: column.isArray ? `_${udt}` : udt,
    nullable: column.isNullable,
    length: column.length === '' ? null : Number(column.length),
    // Inserts through the entity leave such a column out and rely on the table's default.
    hasDefault: column.default !== undefined || column.isGenerated,
  };
}

/** In JavaScript, not SQL: the database's collation may order underscores differently. */
const byColumn = (a: { column: string }, b: { column: string }) =>
  a.column < b.column ? -1 : a.column > b.column ? 1 : 0;

/**
 * The entities are written by hand beside hand-written migrations: nothing else keeps the two
 * in step, so every entity is compared with its table on a migrated database, both ways (a
 * column the entity lacks is drift as much as one it invents). Defaults are compared by their
 * presence, not their text, which PostgreSQL rewrites.
 */
describe('entities match the migrated tables', () => {
  let database: TestDatabase;
  let databases: Databases;

  beforeAll(async () => {
    database = await createTestDatabase();
    databases = await openDatabases(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, APP_SECRET: 'e'.repeat(32) }),
    );
    await databases.migrate();
  });

  afterAll(async () => {
    await databases.close();
    await database.drop();
  });

  it.each(ENTITIES.map((entity) => [entity.name, entity] as const))(
    '%s: columns, types, nullability, defaults and primary key',
    async (_name, entity) => {
      const metadata = databases.app.getMetadata(entity);
      const table = metadata.tableName;
      const catalog = await database.query<CatalogColumn>(
        `select column_name, udt_name, is_nullable, character_maximum_length,
                column_default is not null as has_default
           from information_schema.columns
          where table_schema = 'public' and table_name = $1
`,
        [table],
      );
      expect(catalog.length).toBeGreaterThan(0);
      const inTable = catalog
        .map((c) => ({
          column: c.column_name,
          type: c.udt_name,
          nullable: c.is_nullable === 'YES',
          length: c.character_maximum_length,
          hasDefault: c.has_default,
        }))
        .sort(byColumn);
      const inEntity = metadata.columns.map(declared).sort(byColumn);
      expect(inEntity).toEqual(inTable);

      const primaryKey = await database.query<{ column_name: string }>(
        `select a.attname as column_name
           from pg_index i
           join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
          where i.indrelid = $1::regclass and i.indisprimary
          order by array_position(i.indkey::int2[], a.attnum)`,
        [table],
      );
      expect(metadata.primaryColumns.map((c) => c.databaseName)).toEqual(
        primaryKey.map((c) => c.column_name),
      );
    },
  );
});
