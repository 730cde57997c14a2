import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import type { ObjectStore } from './storage';

/**
 * Deleting stored objects without a half state (docs/documents.md). The rows that name the
 * objects are deleted in the request's transaction together with one `storage_deletions` row
 * per object; once that commits the objects are deleted and their rows with them. If the store
 * fails then (or the process stops), the rows stay and `sweepStorageDeletions` (the document
 * worker) retries: an object may outlive its rows for a while, a row never names a missing
 * object. Deleting an object twice is harmless.
 */
export async function deleteObjectsAfterCommit(
  manager: EntityManager,
  dataSource: DataSource,
  store: ObjectStore,
  tenantId: string,
  keys: readonly string[],
): Promise<void> {
  const unique = await recordStorageDeletions(manager, tenantId, keys);
  if (unique.length === 0) return;
  requestContext.afterCommit(() => deleteRecordedObjects(dataSource, store, tenantId, unique));
}

/**
 * The first half, for work outside a request (a background job): the `storage_deletions` rows,
 * in the caller's transaction. Returns the keys, once each; after the commit the caller hands
 * them to deleteRecordedObjects.
 */
export async function recordStorageDeletions(
  manager: EntityManager,
  tenantId: string,
  keys: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return unique;
  await sql(
    manager,
    `insert into storage_deletions (tenant_id, storage_key)
     select $1, key from unnest($2::text[]) key
     on conflict do nothing`,
    [tenantId, unique],
  );
  return unique;
}

/** The second half, once committed: the objects, then their rows; a failure is the sweep's. */
export async function deleteRecordedObjects(
  dataSource: DataSource,
  store: ObjectStore,
  tenantId: string,
  keys: readonly string[],
): Promise<void> {
  const deleted: string[] = [];
  for (const key of keys) {
    try {
      await store.delete(key);
      deleted.push(key);
    } catch {
      // Left for the sweep.
    }
  }
  if (deleted.length === 0) return;
  await inTransaction(dataSource, { tenantId }, (m) =>
    sql(m, `delete from storage_deletions where storage_key = any ($1::text[])`, [deleted]),
  );
}

const Claimed = z.strictObject({ tenant_id: z.guid(), storage_key: z.string() });

/**
 * The objects left to delete (a store that failed after a commit), claimed with SKIP LOCKED
 * under a lease by the worker role, as the text jobs: any number of workers may sweep. Rows
 * younger than `graceMs` are the request's own to delete. Returns how many objects it deleted.
 */
export async function sweepStorageDeletions(
  dataSource: DataSource,
  store: ObjectStore,
  options: { batchSize?: number; leaseMs?: number; graceMs?: number } = {},
): Promise<number> {
  const claimed = await inTransaction(dataSource, { as: 'worker' }, (manager) =>
    sql(
      manager,
      `with due as (
         select tenant_id, storage_key from storage_deletions
          where created_at < now() - make_interval(secs => $3)
            and (locked_until is null or locked_until < now())
          order by created_at
          limit $1
          for update skip locked)
       update storage_deletions s
          set locked_until = now() + make_interval(secs => $2), attempts = s.attempts + 1
         from due
        where s.tenant_id = due.tenant_id and s.storage_key = due.storage_key
       returning s.tenant_id, s.storage_key`,
      [
        options.batchSize ?? 20,
        (options.leaseMs ?? 60_000) / 1000,
        (options.graceMs ?? 30_000) / 1000,
      ],
      Claimed,
    ),
  );
  let deleted = 0;
  for (const row of claimed) {
    let error: string | null = null;
    try {
      await store.delete(row.storage_key);
    } catch (failure) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 1000);
    }
    await inTransaction(dataSource, { as: 'worker' }, (manager) =>
      error === null
        ? sql(manager, `delete from storage_deletions where tenant_id = $1 and storage_key = $2`, [
            row.tenant_id,
            row.storage_key,
          ])
        : sql(
            manager,
            `update storage_deletions set last_error = $3, locked_until = null
              where tenant_id = $1 and storage_key = $2`,
            [row.tenant_id, row.storage_key, error],
          ),
    );
    if (error === null) deleted++;
  }
  return deleted;
}
