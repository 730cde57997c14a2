import { ownerQuery, type TestApp } from './test-app';

interface TextColumn {
  table_name: string;
  column_name: string;
}

/**
 * Where in the whole database any of `needles` (a name, an email) still appears: every text,
 * character, array and JSON column of every table of the public schema (hashes, in bytea, hold
 * nothing readable), as the owner (past
 * row-level security), case-insensitively. Returns `table.column` for each column that holds one;
 * an empty list is what a privacy test wants. Only for tests.
 */
export async function findPersonalData(
  app: TestApp,
  needles: readonly string[],
): Promise<string[]> {
  const columns = await ownerQuery<TextColumn>(
    app,
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t
         on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
      order by 1, 2`,
  );
  const patterns = needles.map((needle) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [hit] = await ownerQuery<{ hit: boolean }>(
      app,
      `select exists (select 1 from "${table}" where "${column}"::text ilike any ($1::text[])) as hit`,
      [patterns],
    );
    if (hit?.hit) found.push(`${table}.${column}`);
  }
  return found;
}
