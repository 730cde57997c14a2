import type { EntityManager } from 'typeorm';

/**
 * Runs one parameterised statement in the manager's transaction and returns
 * its rows, whatever the command (TypeORM's own query() shapes UPDATE and
 * DELETE results differently from SELECT).
 */
export async function sql<T = Record<string, unknown>>(
  manager: EntityManager,
  text: string,
  parameters: readonly unknown[] = [],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('sql() must run inside a transaction');
  const result = await runner.query(text, [...parameters], true);
  return (result.records ?? []) as T[];
}
