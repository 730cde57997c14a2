import { checkRows, type RowSchema, sql } from './sql';
import { escapeLiteral, type PoolClient, Query, type QueryResult } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
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
export async function inTransaction<T>(
  dataSource: DataSource,
  scope: TransactionScope,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return await inTransactionOpenedBy(dataSource, scopeStatement(scope), (manager) => work(manager));
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** applyScope's statement with its values written in, for inTransactionOpenedBy. */
function scopeStatement(scope: TransactionScope): string {
  const id = (value: string | null | undefined) => {
    if (!value) return sqlLiteral('');
    if (!UUID_TEXT.test(value)) throw new Error('A transaction scope takes uuids only');
    return sqlLiteral(value);
  };
  return `select set_config('role', ${sqlLiteral(ROLES[scope.as ?? 'app'])}, true),
            set_config('app.tenant_id', ${id(scope.tenantId)}, true),
            set_config('app.user_id', ${id(scope.userId)}, true)`;
}

/**
 * A value written into a statement that travels without parameters: the statement that opens a
 * transaction shares its round trip with `begin`, and PostgreSQL's simple protocol, the only one
 * that carries two statements in one message, takes no parameters. Strings go through pg's
 * escapeLiteral (quotes doubled, backslashes in an E'' string), bytes as hex through decode(),
 * numbers only when finite. Callers still validate what they pass (uuids, slugs, role names):
 * this is the second fence, not the first.
 */
export function sqlLiteral(value: string | number | Buffer | null): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('Only a finite number can be a literal');
    return String(value);
  }
  if (Buffer.isBuffer(value)) return `decode('${value.toString('hex')}', 'hex')`;
  if (value.includes('\0')) throw new Error('A literal cannot contain NUL');
  return escapeLiteral(value);
}

/**
 * Runs `work` in one transaction whose first statement, `opening` (values written in with
 * sqlLiteral, no parameters), travels with `begin` in one round trip: `begin; <opening>` as one
 * simple-protocol message. Every request pays this once, and on this machine a round trip's
 * socket write is most of what the API spends on a statement (docs/performance.md). `work`
 * receives the opening statement's rows. The transaction commits when `work` resolves and rolls
 * back when it throws; the connection goes back to the pool either way, or is destroyed if even
 * the rollback failed, so nothing of the transaction outlives it on a pooled connection.
 */
export async function inTransactionOpenedBy<T>(
  dataSource: DataSource,
  opening: string,
  work: (manager: EntityManager, rows: unknown[]) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  let client: PoolClient | undefined;
  let broken = false;
  try {
    client = (await runner.connect()) as PoolClient;
    const connection = client;
    // Two statements, two results (pg answers a multi-statement query with an array).
    const results = (await connection.query(`begin; ${opening}`).catch(async (error: unknown) => {
      // begin ran, the opening failed: the transaction is aborted and must end here.
      await connection.query('rollback').catch(() => {
        broken = true;
      });
      throw error;
    })) as unknown as QueryResult[];
    try {
      await adoptTransaction(runner);
      const result = await work(runner.manager, results[1]?.rows ?? []);
      // Unless the last statement committed already (sqlThenCommit).
      if (runner.isTransactionActive) await runner.commitTransaction();
      return result;
    } catch (error) {
      // Whatever failed, the transaction ends here. When TypeORM does not count it as open
      // (its bookkeeping failed, or sqlThenCommit ended it), a plain rollback is sent: harmless
      // (a warning) if nothing is open.
      const ended = runner.isTransactionActive
        ? runner.rollbackTransaction()
        : connection.query('rollback');
      await ended.catch(() => {
        broken = true;
      });
      throw error;
    }
  } finally {
    // A connection whose transaction could not be ended is closed, which the pool sees on
    // release: it drops the connection instead of handing it, still in the transaction, on.
    if (broken) await client?.end().catch(() => undefined);
    await runner.release();
  }
}

/**
 * Tells TypeORM's runner that the transaction `begin` opened is its own (so entity saves do not
 * open another, nested ones use savepoints, and commit or rollback end it) without sending a
 * second `START TRANSACTION`.
 */
function adoptTransaction(runner: QueryRunner): Promise<void> {
  return withoutSending(runner, 'START TRANSACTION', () => runner.startTransaction());
}

/** Tells the runner its transaction has ended by a COMMIT already sent (sqlThenCommit). */
function settleTransaction(runner: QueryRunner, sent: 'COMMIT'): Promise<void> {
  return withoutSending(runner, sent, () => runner.commitTransaction());
}

/** Runs one of TypeORM's transaction steps for its bookkeeping, minus the statement `skipped`. */
async function withoutSending(
  runner: QueryRunner,
  skipped: string,
  step: () => Promise<void>,
): Promise<void> {
  const send = runner.query.bind(runner) as (query: string, ...rest: unknown[]) => Promise<unknown>;
  // An own property in front of the prototype's method for the step, removed after it.
  Object.defineProperty(runner, 'query', {
    configurable: true,
    value: (query: string, ...rest: unknown[]) =>
      query === skipped ? Promise.resolve(undefined) : send(query, ...rest),
  });
  try {
    await step();
  } finally {
    Reflect.deleteProperty(runner, 'query');
  }
}

/** The parts of pg's connection a statement writes to the wire with (pg/lib/connection.js). */
interface WireConnection {
  execute(message: { portal?: string; rows?: number }): void;
  parse(message: { text: string; name?: string }): void;
  bind(message: { portal?: string; statement?: string; values: unknown[] }): void;
  sync(): void;
}

/**
 * A statement followed by `commit` in the same message group: Parse/Bind/Describe/Execute of the
 * statement, then Parse/Bind/Execute of `commit`, then one Sync, so both go in one write (pg
 * corks the socket around a statement) and come back in one round trip. If the statement fails,
 * PostgreSQL skips to the Sync: the commit does not run and the transaction stays aborted for
 * the caller to roll back. pg's Query sends the Execute and Sync in _getRows, which this
 * replaces; the rows of both statements come back as two results.
 */
class QueryThenCommit extends Query {
  _getRows(connection: WireConnection): void {
    connection.execute({ portal: '', rows: 0 });
    connection.parse({ text: 'commit', name: '' });
    connection.bind({ portal: '', statement: '', values: [] });
    connection.execute({ portal: '', rows: 0 });
    connection.sync();
  }
}

/**
 * The name of a prepared statement, for a hot statement whose text is one of a few constants.
 * The server keeps it per connection (pg remembers which connections have parsed it and sends
 * only Bind/Execute afterwards), so it is parsed and rewritten once per connection instead of
 * once per request. A prepared statement holds a plan, never a row or a setting: row-level
 * security is part of the plan, PostgreSQL replans it if the role it was planned for changes,
 * and the policies read the transaction's settings when it runs, so each use is scoped by its
 * own transaction exactly as an unprepared statement is. pg refuses one name for two texts.
 */
export type PreparedName = `convene_${string}`;

/**
 * The request's last statement, committed in its own round trip instead of one more: for a
 * read whose answer is all the request needs (the events list). The transaction ends here;
 * the runner is told so, the interceptor then sends no COMMIT, and a statement after this one
 * would run as the login role, which may read nothing, so it fails rather than run unscoped.
 */
export async function sqlThenCommit<T>(
  manager: EntityManager,
  text: string,
  parameters: readonly unknown[],
  rows: RowSchema<T>,
  prepared?: PreparedName,
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('sqlThenCommit() must run in a transaction');
  const client = (await runner.connect()) as PoolClient;
  const results = await new Promise<QueryResult[]>((resolve, reject) => {
    const query = new QueryThenCommit(
      { text, values: [...parameters], ...(prepared ? { name: prepared } : {}) },
      undefined,
      (error: Error | null | undefined, result: unknown) =>
        error ? reject(error) : resolve(result as QueryResult[]),
    );
    // The extended protocol even without parameters: _getRows is where the commit goes.
    Object.assign(query, { queryMode: 'extended' });
    void client.query(query);
  });
  if (results.length !== 2 || results[1]?.command !== 'COMMIT') {
    throw new Error('sqlThenCommit(): the commit did not run');
  }
  await settleTransaction(runner, 'COMMIT');
  return checkRows(results[0]?.rows ?? [], rows, text);
}
