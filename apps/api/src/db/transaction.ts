import { sql } from './sql';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { APP_ROLE, MAILER_ROLE, PROVISIONER_ROLE } from './app-role';

export interface TransactionScope {
  tenantId?: string | null;
  userId?: string | null;
  /** Whom the transaction acts as: the application (default), the mail worker, provisioning. */
  as?: 'app' | 'mailer' | 'provisioner';
}

const ROLES = { app: APP_ROLE, mailer: MAILER_ROLE, provisioner: PROVISIONER_ROLE } as const;

/**
 * inTenant's one round trip: the tenant setting before (null when the session never set it)
 * and what set_config returns, the new one, which the statement selects unnamed.
 */
const PreviousTenantRow = z.strictObject({
  tenant: z.string().nullable(),
  set_config: z.string(),
});

/**
 * Sets who the transaction acts for: the one place that changes the role, tenant or user of a
 * transaction (lint refuses set_config anywhere else). Transaction-local (`true`), so a pooled
 * connection, or PgBouncer in transaction mode, forgets it at commit. The pool's login role can
 * read nothing until this has run.
 */
export async function applyScope(manager: EntityManager, scope: TransactionScope): Promise<void> {
  await sql(
    manager,
    `select set_config('role', $1, true),
            set_config('app.tenant_id', $2, true),
            set_config('app.user_id', $3, true)`,
    [ROLES[scope.as ?? 'app'], scope.tenantId ?? '', scope.userId ?? ''],
  );
}

/**
 * Runs `work` acting in another tenant (e.g. writing mail to the platform's outbox during a
 * request), then puts the transaction's own tenant back.
 */
export async function inTenant<T>(
  manager: EntityManager,
  tenantId: string,
  work: () => Promise<T>,
): Promise<T> {
  const [previous] = await sql(
    manager,
    `select current_setting('app.tenant_id', true) as tenant,
            set_config('app.tenant_id', $1, true)`,
    [tenantId],
    PreviousTenantRow,
  );
  try {
    return await work();
  } finally {
    await sql(manager, `select set_config('app.tenant_id', $1, true)`, [previous?.tenant ?? '']);
  }
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
