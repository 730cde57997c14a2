import type { EntityManager } from 'typeorm';
import { z } from 'zod';

/** A manager whose transaction answers `records` to any statement. */
const answering = (records: unknown[]) =>
  ({ queryRunner: { query: () => Promise.resolve({ records }) } }) as unknown as EntityManager;

const Row = z.strictObject({ id: z.guid(), at: z.date() });
const id = '6f1c2a9e-3b7d-4c1e-9a2f-0d8e7b6c5a41';

/** sql() as loaded under a given NODE_ENV, which it reads once. */
async function sqlUnder(environment: string) {
  const saved = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = environment;
  try {
    let loaded: typeof import('./sql') | undefined;
    await jest.isolateModulesAsync(async () => {
      loaded = await import('./sql');
    });
    if (!loaded) throw new Error('sql.ts did not load');
    return loaded.sql;
  } finally {
    process.env['NODE_ENV'] = saved;
  }
}

describe('sql() with a row schema', () => {
  it('returns rows that match', async () => {
    const sql = await sqlUnder('test');
    const at = new Date();
    await expect(sql(answering([{ id, at }]), 'select', [], Row)).resolves.toEqual([{ id, at }]);
  });

  it('refuses, outside production, a row whose column has another type, is missing or extra', async () => {
    const sql = await sqlUnder('test');
    const at = new Date();
    await expect(
      sql(answering([{ id, at: at.toISOString() }]), 'select id, at::text as at', [], Row),
    ).rejects.toThrow(/select id, at::text as at.*do not match their schema[\s\S]*at/);
    await expect(sql(answering([{ id }]), 'select id', [], Row)).rejects.toThrow(/schema/);
    await expect(sql(answering([{ id, at, more: 1 }]), 'select *', [], Row)).rejects.toThrow(
      /more/,
    );
  });

  it('checks nothing in production, where the hot path must not pay for it', async () => {
    const sql = await sqlUnder('production');
    const rows = [{ id, at: 'not a date' }];
    await expect(sql(answering(rows), 'select', [], Row)).resolves.toBe(rows);
  });
});
