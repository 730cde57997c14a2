import type { EntityManager } from 'typeorm';
import { z } from 'zod';

/**
 * Whether rows are checked against their schema. Everywhere but production: the tests and the
 * development server run every statement they reach through the check, while production pays
 * nothing for it (the events list sends up to 51 rows per request; parsing them would cost CPU
 * on the busiest read, see docs/performance.md). Read once, from the process's own
 * environment rather than the app's configuration: sql() also serves the operator's commands
 * and the benchmarks, which have no Nest configuration.
 */
const CHECK_ROWS = process.env['NODE_ENV'] !== 'production';

/**
 * A row's shape, and the single source of its TypeScript type (`z.infer`). Its input and output
 * types are the same type, so a schema cannot transform or coerce: production, which skips the
 * check, then reads exactly the rows the tests checked.
 */
export type RowSchema<T> = z.ZodType<T, T>;

/**
 * Runs one parameterised statement in the manager's transaction and returns its rows, whatever
 * the command (TypeORM's own query() shapes UPDATE and DELETE results differently from SELECT).
 *
 * With a row schema, the rows' type comes from it and, outside production, every row is checked
 * against it: a statement whose columns drift from its type fails in the tests instead of
 * handing `undefined` or a string where a Date was declared to the code that reads it.
 * Without one, the rows are cast to `T`, unchecked (statements whose rows nothing reads).
 */
export async function sql<T>(
  manager: EntityManager,
  text: string,
  parameters: readonly unknown[],
  rows: RowSchema<T>,
): Promise<T[]>;
export async function sql<T = Record<string, unknown>>(
  manager: EntityManager,
  text: string,
  parameters?: readonly unknown[],
): Promise<T[]>;
export async function sql<T>(
  manager: EntityManager,
  text: string,
  parameters: readonly unknown[] = [],
  rows?: RowSchema<T>,
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('sql() must run inside a transaction');
  const result = await runner.query(text, [...parameters], true);
  const records: unknown[] = result.records ?? [];
  return rows ? checkRows(records, rows, text) : (records as T[]);
}

/**
 * Rows some other way than sql() received (the statement that opens a transaction), typed by
 * their schema and, outside production, checked against it as sql() does.
 */
export function checkRows<T>(records: unknown[], rows: RowSchema<T>, text: string): T[] {
  if (CHECK_ROWS) {
    const checked = z.array(rows).safeParse(records);
    if (!checked.success) {
      throw new Error(
        `The rows of \`${text.trim().split('\n')[0] ?? ''}…\` do not match their schema:\n` +
          z.prettifyError(checked.error),
      );
    }
  }
  return records as T[];
}
