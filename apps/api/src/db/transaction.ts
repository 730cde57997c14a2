import { sql } from './sql';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_ROLE } from './app-role';

export interface TransactionScope {
  tenantId?: string | null;
  userId?: string | null;
}

/**
 * Sets who the transaction acts for. Transaction-local (`true`), so a pooled
 * connection, or PgBouncer in transaction mode, forgets it at commit. The
 * role switch matters most under PGlite and a superuser owner, which would
 * otherwise bypass row-level security.
 */
export async function applyScope(manager: EntityManager, scope: TransactionScope): Promise<void> {
  await sql(
    manager,
    `select set_config('role', $1, true),
            set_config('app.tenant_id', $2, true),
            set_config('app.user_id', $3, true)`,
    [APP_ROLE, scope.tenantId ?? '', scope.userId ?? ''],
  );
}

export async function setTenant(manager: EntityManager, tenantId: string): Promise<void> {
  await sql(manager, `select set_config('app.tenant_id', $1, true)`, [tenantId]);
}

/** Runs `work` in one transaction as the application role, scoped as asked. */
export function inTransaction<T>(
  dataSource: DataSource,
  scope: TransactionScope,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await applyScope(manager, scope);
    return work(manager);
  });
}
