import { checkRows, type RowSchema, sql } from './sql';
import pg, { escapeLiteral, type PoolClient, Query, type QueryResult } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { z } from 'zod';
import { APP_ROLE, MAILER_ROLE, PROVISIONER_ROLE, WORKER_ROLE } from './app-role';

export interface TransactionScope {
  tenantId?: string | null;
  userId?: string | null;
  /** Whom the transaction acts as: the application (default), the mail worker, provisioning. */
  as?: 'app' | 'mailer' | 'provisioner' | 'worker';
}

const ROLES = {
  app: APP_ROLE,
  mailer: MAILER_ROLE,
  provisioner: PROVISIONER_ROLE,
  worker: WORKER_ROLE,
} as const;

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
  // An own property in front of the prototype's method (or of inTransactionDeferred's own) for
  // the step, and what was there before put back after it.
  const before = Object.getOwnPropertyDescriptor(runner, 'query');
  Object.defineProperty(runner, 'query', {
    configurable: true,
    value: (query: string, ...rest: unknown[]) =>
      query === skipped ? Promise.resolve(undefined) : send(query, ...rest),
  });
  try {
    await step();
  } finally {
    if (before) Object.defineProperty(runner, 'query', before);
    else Reflect.deleteProperty(runner, 'query');
  }
}

/** The parts of pg's connection a statement writes to the wire with (pg/lib/connection.js). */
interface WireConnection {
  parsedStatements: Record<string, string | undefined>;
  submittedNamedStatements: Record<string, string | undefined>;
  parse(message: { text: string; name?: string }): void;
  bind(message: {
    portal?: string;
    statement?: string;
    values: unknown[];
    valueMapper?: (value: unknown) => unknown;
  }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal?: string; rows?: number }): void;
  sync(): void;
}

/** pg's own conversion of a parameter to what Bind carries (utils.prepareValue). */
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils
  .prepareValue;

/** One statement of a StatementGroup. */
interface Step {
  text: string;
  values: readonly unknown[];
  /** Prepared under this name (at most one step of a group). */
  name?: PreparedName;
  /** Whether it returns rows (Describe, so that pg can read them). */
  rows: boolean;
}

/**
 * Statements sent as one message group: Parse (unless prepared already)/Bind/(Describe)/Execute
 * of each, then one Sync, in one write (pg corks the socket around submit), answered in one
 * round trip, each statement's result in order. If one fails, PostgreSQL skips the rest up to
 * the Sync: nothing after it runs. A prepared step is parsed first, before anything runs, so
 * that the ParseComplete pg counts for the group's name is that statement's (pg then sends only
 * Bind/Execute for it on this connection).
 */
class StatementGroup extends Query {
  private readonly named: Step | undefined;

  constructor(
    private readonly steps: readonly Step[],
    callback: (error: Error | null | undefined, result: unknown) => void,
  ) {
    const named = steps.find((step) => step.name !== undefined);
    // pg reads text and name for its own bookkeeping of prepared statements (one per name).
    super(
      {
        text: named?.text ?? steps[0]?.text ?? '',
        values: [],
        ...(named?.name ? { name: named.name } : {}),
      },
      undefined,
      callback,
    );
    this.named = named;
    // The extended protocol even for a statement without parameters.
    Object.assign(this, { queryMode: 'extended' });
  }

  /** Called by pg's Query#submit, with the socket corked. */
  prepare(connection: WireConnection): void {
    // Converted before anything is written: a value pg cannot send throws here, not mid-group.
    const values = this.steps.map((step) => step.values.map(prepareValue));
    const named = this.named;
    if (
      named?.name &&
      connection.parsedStatements[named.name] === undefined &&
      connection.submittedNamedStatements[named.name] === undefined
    ) {
      connection.parse({ text: named.text, name: named.name });
      connection.submittedNamedStatements[named.name] = named.text;
    }
    this.steps.forEach((step, index) => {
      if (!step.name) connection.parse({ text: step.text, name: '' });
      connection.bind({ portal: '', statement: step.name ?? '', values: values[index] ?? [] });
      if (step.rows) connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '', rows: 0 });
    });
    connection.sync();
  }
}

/** Sends `steps` as one StatementGroup on `client`: one result per step, in order. */
function sendGroup(client: PoolClient, steps: readonly Step[]): Promise<QueryResult[]> {
  return new Promise<QueryResult[]>((resolve, reject) => {
    const group = new StatementGroup(steps, (error, result) => {
      if (error) {
        reject(error);
        return;
      }
      // pg gives one result unwrapped, several as an array.
      resolve(Array.isArray(result) ? (result as QueryResult[]) : [result as QueryResult]);
    });
    void client.query(group);
  });
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
 * In a transaction whose opening is still held back (inTransactionDeferred), `begin` and the
 * opening go first in the same group, and the rows are returned only once the opening's rows
 * have been confirmed: the whole request is then one round trip.
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
  const held = deferredOpenings.get(runner);
  const opening = held?.state === 'pending' ? held : undefined;
  const statement: Step = {
    text,
    values: parameters,
    rows: true,
    ...(prepared ? { name: prepared } : {}),
  };
  const steps: Step[] = opening
    ? [BEGIN, { ...opening.statement, rows: true }, statement, COMMIT]
    : [statement, COMMIT];
  if (opening) opening.state = 'sent';
  const results = await sendGroup(client, steps);
  const last = results[results.length - 1];
  if (results.length !== steps.length || last?.command !== 'COMMIT') {
    throw new Error('sqlThenCommit(): the commit did not run');
  }
  await settleTransaction(runner, 'COMMIT');
  // Nothing of what the statement read leaves before the opening's rows are confirmed.
  if (opening) confirm(opening, results[1]?.rows ?? []);
  return checkRows(results[results.length - 2]?.rows ?? [], rows, text);
}

const BEGIN: Step = { text: 'begin', values: [], rows: false };
const COMMIT: Step = { text: 'commit', values: [], rows: false };

/**
 * Thrown when a transaction run ahead of its opening (inTransactionDeferred) cannot be kept:
 * the opening found a scope other than the one the work was run under, or the work failed
 * before the opening's rows were confirmed. Nothing the work produced may be used; the caller
 * runs it again the ordinary way. `cause` is the work's own error, if any.
 */
export class UnconfirmedOpening extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`The transaction's opening was not confirmed: ${reason}`, options);
  }
}

/** A parameterised opening statement (its rows are checked by `confirm`). */
export interface OpeningStatement {
  text: string;
  values: readonly unknown[];
}

/**
 * An opening held back to travel with the transaction's first statement. `confirm` receives
 * its rows and says whether they are the scope the work was run under.
 */
export interface DeferredOpening {
  statement: OpeningStatement;
  confirm(rows: unknown[]): boolean;
}

interface HeldOpening extends DeferredOpening {
  /** pending: not sent; sent: on the wire; confirmed or refused: its rows were read. */
  state: 'pending' | 'sent' | 'confirmed' | 'refused';
}

const deferredOpenings = new WeakMap<QueryRunner, HeldOpening>();

function confirm(opening: HeldOpening, rows: unknown[]): void {
  opening.state = opening.confirm(rows) ? 'confirmed' : 'refused';
  if (opening.state === 'refused') throw new UnconfirmedOpening('another scope was found');
}

/**
 * Runs `work` in one transaction whose `begin` and opening statement are held back until its
 * first statement, and then travel in the same write as that statement: with sqlThenCommit
 * (the events list) the whole request is one round trip; any other first statement (sql(),
 * TypeORM) goes with them too, and the later ones follow as usual. The work runs before anyone has
 * seen the opening's rows, under a scope its caller expects them to confirm (the scope the same
 * session had on its previous request); every statement still runs after the opening, in the
 * transaction it scoped. The result is returned only when `opening.confirm` accepted the rows
 * (the opening is sent at the end if the work sent nothing). Otherwise, and for any error
 * before that, UnconfirmedOpening is thrown and the caller must run the work again the ordinary
 * way: what the work computed under an unconfirmed scope is never used. So only work without
 * effects outside its transaction may run this way (reads).
 */
export async function inTransactionDeferred<T>(
  dataSource: DataSource,
  deferred: DeferredOpening,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const held: HeldOpening = { ...deferred, state: 'pending' };
  const runner = dataSource.createQueryRunner();
  let client: PoolClient | undefined;
  let broken = false;
  try {
    client = (await runner.connect()) as PoolClient;
    const connection = client;
    // pg's own Client#query, for what this function and sqlThenCommit send themselves.
    const send = connection.query.bind(connection) as (...args: unknown[]) => Promise<unknown>;
    const sendOpening = async () => {
      held.state = 'sent';
      const results = await sendGroup(connection, [BEGIN, { ...held.statement, rows: true }]);
      confirm(held, results[1]?.rows ?? []);
    };
    deferredOpenings.set(runner, held);
    // Every statement TypeORM sends (sql(), entities, query builders: all call the client's
    // query(text, values)) takes `begin` and the opening along while they are held back, and
    // its result is handed back only once the opening's rows are confirmed. Removed before the
    // connection goes back to the pool.
    Object.defineProperty(connection, 'query', {
      configurable: true,
      value: async (...args: unknown[]) => {
        if (held.state !== 'pending' || args[0] instanceof Query) return send(...args);
        const [text, values = []] = args;
        if (typeof text !== 'string' || !Array.isArray(values) || args.length > 2) {
          throw new Error('A statement sent with a held-back opening must be (text, values)');
        }
        held.state = 'sent';
        const results = await sendGroup(connection, [
          BEGIN,
          { ...held.statement, rows: true },
          { text, values, rows: true },
        ]);
        confirm(held, results[1]?.rows ?? []);
        return results[2];
      },
    });
    try {
      await adoptTransaction(runner);
      const result = await work(runner.manager);
      if (held.state === 'pending') await sendOpening();
      if (held.state !== 'confirmed') throw new UnconfirmedOpening('the work went on unconfirmed');
      if (runner.isTransactionActive) await runner.commitTransaction();
      return result;
    } catch (error) {
      const unsent = held.state === 'pending';
      const confirmed = held.state === 'confirmed';
      // Nothing more goes out with the opening: the rollback must not send it.
      held.state = unsent ? 'refused' : held.state;
      if (unsent) {
        // Only TypeORM's bookkeeping: PostgreSQL never saw a begin.
        if (runner.isTransactionActive) {
          await withoutSending(runner, 'ROLLBACK', () => runner.rollbackTransaction());
        }
      } else if (runner.isTransactionActive) {
        await runner.rollbackTransaction().catch(() => {
          broken = true;
        });
      }
      // Otherwise sqlThenCommit's commit ended the transaction: nothing is left to roll back.
      if (confirmed || error instanceof UnconfirmedOpening) throw error;
      throw new UnconfirmedOpening('the work failed first', { cause: error });
    }
  } finally {
    deferredOpenings.delete(runner);
    if (client) Reflect.deleteProperty(client, 'query');
    if (broken) await client?.end().catch(() => undefined);
    await runner.release();
  }
}
