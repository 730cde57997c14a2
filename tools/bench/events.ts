// Measures the events list (GET /api/t/:tenant/events) through the whole API against the same
// SQL sent straight through `pg`: a fresh database seeded with tools/seed-load/, the built API
// (dist/apps/api/main.js, as `npm start` runs it) in its own process, autocannon against it,
// then a closed-loop driver with a bare pg Pool of the same size at the same concurrency for
// the same time (and once more opening as the API does, begin and scope in one message). The
// gap is what the API costs on top of the query: HTTP, Nest, the session and membership
// lookups, JSON. Then an open-loop latency run (open-loop.ts) for each of the list, an event's
// page and a filtered list at half that read's own measured maximum, against a p99 target.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { waitForHealth } from './api-health';
import { decodeCursor, encodeCursor } from '../../apps/api/src/common/cursor';
import { defaultPoolSize } from '../../apps/api/src/config/app-config';
import { APP_ROLE } from '../../apps/api/src/db/app-role';
import {
  type EventListStatement,
  eventListStatement,
} from '../../apps/api/src/events/event-list.query';
import { EventQuery } from '@convene/contracts';
import { seedLoad } from '../seed-load/command';
import { openLoop, type OpenLoopResult } from './open-loop';

export interface EventsBenchOptions {
  events: number;
  connections: number;
  durationSeconds: number;
  /** How many times API and raw alternate per scenario. */
  rounds: number;
  /** DATABASE_POOL_SIZE for the API, and the size of the bare pg Pool. */
  poolSize: number;
  /** LOG_LEVEL for the API; 'silent' unless investigating the cost of request logs. */
  logLevel?: string;
  /** Seconds of each open-loop latency run (0: none), after openLoopWarmupSeconds. */
  openLoopSeconds: number;
  openLoopWarmupSeconds: number;
  log?: (line: string) => void;
}

const SCOPE = `select set_config('role', $1, true), set_config('app.tenant_id', $2, true),
                      set_config('app.user_id', $3, true)`;

/**
 * The same scope with `begin` in one simple-protocol message, as the API now opens a request
 * (apps/api/src/db/transaction.ts): values written in as escaped literals.
 */
function oneMessageScope(scope: unknown[]): string {
  const [role, tenant, user] = scope.map((value) => pg.escapeLiteral(String(value)));
  return `begin; select set_config('role', ${role}, true), set_config('app.tenant_id', ${tenant}, true),
                        set_config('app.user_id', ${user}, true)`;
}

interface Scenario {
  name: string;
  query: Record<string, string>;
}

export interface Measurement {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Requests completed. */
  count: number;
  /** Share of the machine's CPU that processes outside the benchmark used meanwhile. */
  others?: number;
  /** CPU milliseconds per request: load generator or driver, API process, database sessions. */
  cpu?: { load: number; api: number; db: number };
}

export interface EventsBenchRow {
  scenario: string;
  /** Medians over the rounds; CPU per request over all of them. */
  api: Measurement;
  raw: Measurement;
  /** Raw with begin and the scope in one message, as the API opens its transaction. */
  rawOne: Measurement;
  /** API req/s ÷ raw req/s in each round, and the same against rawOne. */
  ratios: number[];
  ratiosOne: number[];
}

export interface OpenLoopRow {
  scenario: string;
  /** Requests per arrival (the event page: two). */
  perArrival: number;
  /** The scenario's own closed-loop maximum, in requests per second, measured just before. */
  maximum: Measurement;
  result: OpenLoopResult;
}

/** The open-loop target: p99 under this many milliseconds at half the API's maximum. */
export const OPEN_LOOP_P99_TARGET_MS = 25;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Rounds of one side as one: median rates and latencies, CPU weighted by requests. */
function combine(rounds: Measurement[]): Measurement {
  const count = rounds.reduce((sum, one) => sum + one.count, 0);
  const weighted = (pick: (cpu: NonNullable<Measurement['cpu']>) => number) =>
    rounds.reduce((sum, one) => sum + (one.cpu ? pick(one.cpu) * one.count : 0), 0) /
    Math.max(1, count);
  return {
    perSecond: median(rounds.map((one) => one.perSecond)),
    p50: median(rounds.map((one) => one.p50)),
    p99: median(rounds.map((one) => one.p99)),
    errors: rounds.reduce((sum, one) => sum + one.errors, 0),
    count,
    others: Math.max(...rounds.map((one) => one.others ?? 0)),
    cpu: rounds.every((one) => one.cpu)
      ? {
          load: weighted((cpu) => cpu.load),
          api: weighted((cpu) => cpu.api),
          db: weighted((cpu) => cpu.db),
        }
      : undefined,
  };
}

export async function benchEvents(options: EventsBenchOptions) {
  const log = options.log ?? ((line: string) => console.log(line));
  const server = process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';
  const name = `convene_bench_${randomBytes(4).toString('hex')}`;
  const url = `${server}/${name}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  let api: Awaited<ReturnType<typeof startApiProcess>> | null = null;
  // As the API's pool (data-source.factory.ts): idle connections live 30 s.
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize,
    idleTimeoutMillis: 30_000,
  });
  // pool.end() resolves before its connections have closed; the forced drop at the end can
  // terminate one still closing, whose error would otherwise crash the run after its results.
  pool.on('error', () => undefined);
  try {
    const seed = await seedLoad({ databaseUrl: url, events: options.events });
    log(
      `  seeded ${seed.inserted} events in ${seed.seconds.toFixed(1)} s ` +
        `(${seed.rowsPerSecond.toFixed(0)} rows/s, unnest batches of 5 000, VACUUM ANALYZE included)`,
    );

    api = await startApiProcess({
      NODE_ENV: 'production',
      LOG_LEVEL: options.logLevel ?? 'silent',
      APP_SECRET: 'bench-secret-'.repeat(3),
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(options.poolSize),
      MAIL_WORKER: 'off',
      MAIL_SCHEDULE_SECONDS: '0',
      WEB_DIST: '',
      // One signed-in caller sends every request here: the per-caller ceiling (600 a minute by
      // default) would measure the limiter, not the list. The counting still runs on each request.
      API_RATE_LIMIT: String(2 ** 31 - 1),
    });
    const cookie = await signIn(api.baseUrl, seed.officer.email, seed.officer.password);

    // The row `depth` deep in the list's order; its key is the cursor the API would hand out.
    const depth = Math.min(20_000, Math.floor(options.events * 0.4));
    const deep = await pool.query<{ starts_key: string; id: string }>(
      `select starts_at::text as starts_key, id from events
        where tenant_id = $1 order by starts_at, id offset $2 limit 1`,
      [seed.tenantId, depth - 1],
    );
    const deepRow = deep.rows[0];
    if (!deepRow) throw new Error('the seeded tenant has too few events');
    const scenarios: Scenario[] = [
      { name: 'first page', query: { limit: '50' } },
      {
        name: `page ${depth.toLocaleString('en').replace(/,/g, ' ')} rows deep`,
        query: { limit: '50', after: encodeCursor([deepRow.starts_key, deepRow.id]) },
      },
      {
        name: 'first page, 3 filters',
        query: { limit: '50', status: 'planned', type: 'national_workshop', region: 'african' },
      },
    ];

    const rows: EventsBenchRow[] = [];
    const plans: { scenario: string; plan: string[] }[] = [];
    for (const scenario of scenarios) {
      const path = `/api/t/${seed.tenantSlug}/events?${new URLSearchParams(scenario.query)}`;
      const statement = listStatement(seed.officer.id, scenario.query);
      const scope = [APP_ROLE, seed.tenantId, seed.officer.id];
      await checkSameAnswer(api.baseUrl, path, cookie, pool, scope, statement);

      // API and raw alternate, round after round: the machine's speed drifts by 20 % over
      // minutes (a shared host), and a ratio of two measurements taken far apart shows it.
      const target = api.baseUrl + path;
      const apiRounds: Measurement[] = [];
      const rawRounds: Measurement[] = [];
      const rawOneRounds: Measurement[] = [];
      for (let round = 0; round < options.rounds; round++) {
        apiRounds.push(
          await measured(admin, name, [api.pid], log, (seconds) =>
            runAutocannon(target, cookie, options.connections, seconds ?? options.durationSeconds),
          ),
        );
        rawRounds.push(
          await measured(admin, name, [], log, (seconds) =>
            closedLoop(
              pool,
              scope,
              statement,
              options.connections,
              seconds ?? options.durationSeconds,
            ),
          ),
        );
        rawOneRounds.push(
          await measured(admin, name, [], log, (seconds) =>
            closedLoop(
              pool,
              scope,
              statement,
              options.connections,
              seconds ?? options.durationSeconds,
              true,
            ),
          ),
        );
      }
      rows.push({
        scenario: scenario.name,
        api: combine(apiRounds),
        raw: combine(rawRounds),
        rawOne: combine(rawOneRounds),
        ratios: apiRounds.map((one, i) => one.perSecond / (rawRounds[i]?.perSecond ?? NaN)),
        ratiosOne: apiRounds.map((one, i) => one.perSecond / (rawOneRounds[i]?.perSecond ?? NaN)),
      });
      plans.push({ scenario: scenario.name, plan: await explain(pool, scope, statement) });
    }

    printTable(log, rows);
    printCpu(log, rows);
    let latency: OpenLoopRow[] = [];
    if (options.openLoopSeconds > 0) {
      const apiPid = api.pid;
      latency = await openLoopScenarios(
        api.baseUrl,
        cookie,
        seed.tenantSlug,
        pool,
        [APP_ROLE, seed.tenantId, seed.officer.id],
        {
          seconds: options.openLoopSeconds,
          warmupSeconds: options.openLoopWarmupSeconds,
        },
        // Each scenario's own maximum: a closed loop of its requests, just before its run.
        (paths) =>
          measured(admin, name, [apiPid], log, (seconds) =>
            runAutocannon(
              api?.baseUrl ?? '',
              cookie,
              options.connections,
              seconds ?? options.durationSeconds,
              paths,
            ),
          ),
      );
      printOpenLoop(log, options, latency);
    }
    log('  EXPLAIN (ANALYZE, BUFFERS) of the same statement, as the application role:');
    for (const { scenario, plan } of plans) log(`    ${scenario}: ${summarisePlan(plan)}`);
    const deepPlan = plans[1]?.plan ?? [];
    if (!deepPlan.some((line) => line.includes('events_starts_idx'))) {
      log('  warning: the deep page does not use events_starts_idx (tenant_id, starts_at, id)');
    }
    log('  deep page plan:');
    for (const line of deepPlan) log(`    | ${line}`);
    return { seed, rows, plans, latency };
  } finally {
    await api?.stop();
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * Waits for the machine to be quiet (other people's builds may share it), runs `work` for 3 s
 * to warm up (JIT, pools, caches), then for real, telling how much CPU each side used per
 * request and how much processes outside the benchmark took meanwhile.
 */
export async function measured(
  admin: pg.Client,
  database: string,
  apiPids: number[],
  log: (line: string) => void,
  work: (seconds?: number) => Promise<Measurement>,
): Promise<Measurement> {
  if (!existsSync('/proc/stat')) {
    await work(3);
    return work();
  }
  const deadline = Date.now() + idleWaitMs();
  let busy = await machineBusy(1000);
  while (busy > 0.15 && Date.now() < deadline) busy = await machineBusy(2000);
  if (busy > 0.15) {
    log(`  (the machine stayed ${(busy * 100).toFixed(0)} % busy; measuring anyway)`);
  }
  await work(3);
  const sessions = await admin.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = $1`,
    [database],
  );
  const groups = {
    load: [process.pid],
    api: apiPids,
    db: sessions.rows.map((row) => row.pid),
  };
  const start = {
    machine: machineTicks(),
    load: groups.load.map(processTicks),
    api: groups.api.map(processTicks),
    db: groups.db.map(processTicks),
  };
  const result = await work();
  const machine = machineTicks();
  // Per process, and never below zero: a pooled connection that closed meanwhile reads 0.
  const since = (pids: number[], before: number[]) =>
    pids.reduce((sum, pid, i) => sum + Math.max(0, processTicks(pid) - (before[i] ?? 0)), 0);
  const used = {
    load: since(groups.load, start.load),
    api: since(groups.api, start.api),
    db: since(groups.db, start.db),
  };
  const total = machine.total - start.machine.total;
  const busyTicks = total - (machine.idle - start.machine.idle);
  // /proc counts in USER_HZ, 100 a second on Linux: one tick is 10 ms.
  const perRequest = (value: number) => (value * 10) / Math.max(1, result.count);
  return {
    ...result,
    others: Math.max(0, busyTicks - used.load - used.api - used.db) / total,
    cpu: { load: perRequest(used.load), api: perRequest(used.api), db: perRequest(used.db) },
  };
}

/** How long to wait for a quiet machine before each measurement (BENCH_IDLE_WAIT_SECONDS). */
function idleWaitMs(): number {
  return Number(process.env['BENCH_IDLE_WAIT_SECONDS'] ?? 120) * 1000;
}

/** Total and idle CPU ticks of the whole machine, from /proc/stat. */
function machineTicks(): { total: number; idle: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { total, idle: (fields[3] ?? 0) + (fields[4] ?? 0) };
}

/** User and system CPU ticks of one process (0 once it is gone). */
function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

async function machineBusy(ms: number): Promise<number> {
  const before = machineTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = machineTicks();
  const total = after.total - before.total;
  return total > 0 ? 1 - (after.idle - before.idle) / total : 0;
}

/** The service's statement for an officer (sees every event) and a page query. */
function listStatement(userId: string, query: Record<string, string>): EventListStatement {
  const page = EventQuery.parse(query);
  const cursor = decodeCursor(page.after, ['timestamp', 'uuid'] as const);
  return eventListStatement([userId, null, true], page, cursor);
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const index = pair.indexOf('=');
      if (index > 0) cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([key, value]) => `${key}=${value}`).join('; ');
  keep(await fetch(`${baseUrl}/api/health`));
  const xsrf = cookies.get('XSRF-TOKEN');
  if (!xsrf) throw new Error('the API set no XSRF-TOKEN cookie');
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookieHeader(),
      'x-xsrf-token': decodeURIComponent(xsrf),
    },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  }
  keep(response);
  // Both cookies, as a browser sends them: without XSRF-TOKEN every GET would mint a new one.
  return cookieHeader();
}

/** The API and the raw statement must return the same events, or the comparison means nothing. */
async function checkSameAnswer(
  baseUrl: string,
  path: string,
  cookie: string,
  pool: pg.Pool,
  scope: unknown[],
  statement: EventListStatement,
) {
  const response = await fetch(baseUrl + path, { headers: { cookie } });
  if (response.status !== 200) {
    throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  }
  const page = (await response.json()) as { items: { id: string }[] };
  const rows = await inScope(pool, scope, (client) =>
    client.query<{ id: string }>(statement.text, statement.values),
  );
  const apiIds = page.items.map((item) => item.id).join();
  const rawIds = rows.rows
    .slice(0, page.items.length)
    .map((row) => row.id)
    .join();
  if (page.items.length === 0 || apiIds !== rawIds) {
    throw new Error(`GET ${path} and the raw query disagree (${page.items.length} items)`);
  }
}

async function inScope<T>(
  pool: pg.Pool,
  scope: unknown[],
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(SCOPE, scope);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** inScope with begin and the scope as one message (oneMessageScope). */
async function inScopeOneMessage<T>(
  pool: pg.Pool,
  opening: string,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(opening);
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

export async function runAutocannon(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
  /** Paths each connection asks for in turn (default: the URL's own). */
  paths?: string[],
): Promise<Measurement> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { cookie },
    ...(paths ? { requests: paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
  });
  return {
    count: result['2xx'],
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * `connections` loops, each BEGIN / set_config / the list / COMMIT on the pool, for `seconds`;
 * with `oneMessage`, BEGIN and set_config travel as one message, as the API's do.
 */
export async function closedLoop(
  pool: pg.Pool,
  scope: unknown[],
  statement: EventListStatement,
  connections: number,
  seconds: number,
  oneMessage = false,
): Promise<Measurement> {
  const opening = oneMessageScope(scope);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const begun = performance.now();
      try {
        if (oneMessage) {
          await inScopeOneMessage(pool, opening, (client) =>
            client.query(statement.text, statement.values),
          );
        } else {
          await inScope(pool, scope, (client) => client.query(statement.text, statement.values));
        }
        latencies.push(performance.now() - begun);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    count: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    errors,
  };
}

/**
 * The three reads a person waits on, each at half its own maximum arrival rate: the first page
 * of the list; an event's page, which loads the event (detail and history) and its agenda at
 * once, its latency being the later of the two; and the list filtered by status, a Member State
 * and a word of the title. Each arrival is one request, or two for the event page. Each
 * scenario's maximum is measured by `maximumOf` (autocannon, closed loop, the same requests)
 * just before its open-loop run, so a heavier read is not driven at a lighter one's rate.
 */
async function openLoopScenarios(
  baseUrl: string,
  cookie: string,
  tenant: string,
  pool: pg.Pool,
  scope: unknown[],
  schedule: { seconds: number; warmupSeconds: number },
  maximumOf: (paths: string[]) => Promise<Measurement>,
): Promise<OpenLoopRow[]> {
  const list = `/api/t/${tenant}/events`;
  const first = await fetch(`${baseUrl}${list}?limit=50`, { headers: { cookie } });
  const ids = ((await first.json()) as { items: { id: string }[] }).items.map((item) => item.id);
  if (ids.length === 0) throw new Error('the list is empty');
  // What a planner filters by: the planned events, in the Member State that hosts most of them,
  // with the title word most of those share.
  const picked = await inScope(pool, scope, (client) =>
    client.query<{ status: string; country: string; word: string }>(
      `select status, venue_country as country, split_part(title, ' ', 1) as word
         from events where venue_country is not null and status = 'planned'
        group by 1, 2, 3 order by count(*) desc limit 1`,
    ),
  );
  const filter = picked.rows[0];
  if (!filter) throw new Error('no event has a venue country');
  const filtered = `${list}?${new URLSearchParams({
    limit: '50',
    status: filter.status,
    country: filter.country.trim(),
    q: filter.word,
  })}`;
  const found = await fetch(baseUrl + filtered, { headers: { cookie } });
  const items = ((await found.json()) as { items?: unknown[] }).items ?? [];
  if (found.status !== 200 || items.length === 0) {
    throw new Error(`GET ${filtered}: ${found.status}, ${items.length} events`);
  }
  const eventPage = (index: number) => {
    const id = ids[index % ids.length] ?? '';
    return [`${list}/${id}`, `${list}/${id}/agenda`];
  };
  const scenarios: {
    scenario: string;
    arrival: (index: number) => string[];
  }[] = [
    { scenario: 'events list, first page', arrival: () => [`${list}?limit=50`] },
    { scenario: 'event page (event + agenda)', arrival: eventPage },
    { scenario: `list: status, country, text (${items.length} found)`, arrival: () => [filtered] },
  ];
  const rows: OpenLoopRow[] = [];
  for (const { scenario, arrival } of scenarios) {
    const perArrival = arrival(0).length;
    // The closed loop asks for the same requests: every event's page in turn for the event page.
    const paths = Array.from({ length: ids.length }, (_, index) => arrival(index)).flat();
    const maximum = await maximumOf(paths);
    if (maximum.errors > 0 || maximum.perSecond <= 0) {
      throw new Error(`${scenario}: ${maximum.errors} errors measuring its maximum`);
    }
    const rate = maximum.perSecond / 2 / perArrival;
    rows.push({
      scenario,
      perArrival,
      maximum,
      result: await openLoop({ baseUrl, cookie, ...schedule, rate, arrival }),
    });
  }
  return rows;
}

function printOpenLoop(
  log: (line: string) => void,
  options: EventsBenchOptions,
  rows: OpenLoopRow[],
) {
  log(
    `  Open loop: each scenario at half its own maximum (autocannon, ${options.connections} ` +
      `connections, ${options.durationSeconds} s, just before), ${options.openLoopSeconds} s after ` +
      `${options.openLoopWarmupSeconds} s of warm-up; latency from each arrival's scheduled time, ms; ` +
      `target p99 < ${OPEN_LOOP_P99_TARGET_MS} ms`,
  );
  const width = Math.max(...rows.map((row) => row.scenario.length), 10);
  const ms = (value: number) => value.toFixed(1).padStart(7);
  log(
    `  ${''.padEnd(width)}  ${'max req/s'.padStart(9)}  ${'p50'.padStart(7)} ${'p95'.padStart(7)} ` +
      `${'p99'.padStart(7)} ${'max'.padStart(7)}  arrivals/s  arrivals  errors  send lag p99` +
      `  client delay p99`,
  );
  for (const { scenario, maximum, result } of rows) {
    const pass = result.errors === 0 && result.p99 < OPEN_LOOP_P99_TARGET_MS;
    const others = maximum.others ?? 0;
    log(
      `  ${scenario.padEnd(width)}  ${maximum.perSecond.toFixed(0).padStart(9)}  ${ms(result.p50)} ` +
        `${ms(result.p95)} ${ms(result.p99)} ` +
        `${ms(result.max)}  ${result.rate.toFixed(0).padStart(10)}  ${String(result.count).padStart(8)}` +
        `  ${String(result.errors).padStart(6)}` +
        `  ${ms(result.sendLagP99).padStart(12)}  ${ms(result.clientDelayP99).padStart(16)}` +
        `  ${pass ? 'PASS' : 'FAIL'}` +
        (others > 0.05
          ? `  (other processes took ${(others * 100).toFixed(0)} % of the CPU while its maximum was measured)`
          : ''),
    );
  }
}

async function explain(pool: pg.Pool, scope: unknown[], statement: EventListStatement) {
  const result = await inScope(pool, scope, (client) =>
    client.query<{ 'QUERY PLAN': string }>(
      `explain (analyze, buffers) ${statement.text}`,
      statement.values,
    ),
  );
  return result.rows.map((row) => row['QUERY PLAN']);
}

/** The access path on the events table, the rows it read, buffers and execution time. */
function summarisePlan(plan: string[]): string {
  const scan = plan.find((line) => /Scan.* on events e/.test(line)) ?? '';
  const path =
    /(Index Only Scan|Index Scan|Bitmap Heap Scan|Seq Scan)( Backward)?( using \w+)?/.exec(scan);
  const rows = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(scan)?.[1];
  const removed = plan
    .slice(plan.indexOf(scan) + 1)
    .find((line) => line.includes('Rows Removed by Filter'));
  const buffers = plan.find((line) => line.includes('Buffers:'))?.trim();
  const execution = plan.find((line) => line.startsWith('Execution Time'));
  return [
    path?.[0] ?? 'no scan on events?',
    rows !== undefined ? `${rows} rows from events` : '',
    removed ? removed.trim().toLowerCase() : '',
    buffers?.toLowerCase() ?? '',
    execution?.toLowerCase() ?? '',
  ]
    .filter(Boolean)
    .join(', ');
}

function printCpu(log: (line: string) => void, rows: EventsBenchRow[]) {
  if (!rows.every((row) => row.api.cpu && row.raw.cpu && row.rawOne.cpu)) return;
  const width = Math.max(...rows.map((row) => row.scenario.length), 10);
  const ms = (value = 0) => value.toFixed(2).padStart(6);
  log('  CPU ms per request: load generator (autocannon or pg driver) + API process + PostgreSQL');
  for (const { scenario, api, raw, rawOne } of rows) {
    const sum = (cpu = { load: 0, api: 0, db: 0 }) => cpu.load + cpu.api + cpu.db;
    const ratio = `${((100 * sum(raw.cpu)) / Math.max(0.001, sum(api.cpu))).toFixed(0)} %`;
    log(
      `  ${scenario.padEnd(width)}  raw/API in CPU ${ratio.padStart(5)}   ` +
        `API ${ms(api.cpu?.load)} + ${ms(api.cpu?.api)} + ` +
        `${ms(api.cpu?.db)} = ${ms(sum(api.cpu))}   raw ${ms(raw.cpu?.load)} + ` +
        `${ms(raw.cpu?.db)} = ${ms(sum(raw.cpu))}   raw 1-msg ${ms(rawOne.cpu?.load)} + ` +
        `${ms(rawOne.cpu?.db)} = ${ms(sum(rawOne.cpu))}`,
    );
  }
}

function printTable(log: (line: string) => void, rows: EventsBenchRow[]) {
  const width = Math.max(...rows.map((row) => row.scenario.length), 10);
  const num = (value: number, digits = 0) => value.toFixed(digits).padStart(7);
  const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
  log(
    `  ${''.padEnd(width)}  ${'API req/s'.padStart(9)} ${'p50'.padStart(9)} ${'p99'.padStart(9)}` +
      `  ${'raw req/s'.padStart(9)} ${'p50'.padStart(9)} ${'p99'.padStart(9)}  API/raw (rounds)` +
      `  ${'raw 1-msg'.padStart(9)}  API/raw 1-msg (rounds)`,
  );
  const percent = (value: number) => `${(100 * value).toFixed(0)} %`;
  for (const { scenario, api, raw, rawOne, ratios, ratiosOne } of rows) {
    const errors = api.errors + raw.errors + rawOne.errors;
    const others = Math.max(api.others ?? 0, raw.others ?? 0);
    log(
      `  ${scenario.padEnd(width)}  ${num(api.perSecond).padStart(9)} ${ms(api.p50)} ${ms(api.p99)}` +
        `  ${num(raw.perSecond).padStart(9)} ${ms(raw.p50)} ${ms(raw.p99)}` +
        `  ${percent(median(ratios)).padStart(7)} (${ratios.map(percent).join(', ')})` +
        `  ${num(rawOne.perSecond).padStart(9)}  ${percent(median(ratiosOne)).padStart(7)} ` +
        `(${ratiosOne.map(percent).join(', ')})` +
        (errors > 0 ? `  (${api.errors} API / ${raw.errors + rawOne.errors} raw errors)` : '') +
        (others > 0.05
          ? `  (other processes took ${((api.others ?? 0) * 100).toFixed(0)} % / ` +
            `${((raw.others ?? 0) * 100).toFixed(0)} % of the CPU meanwhile)`
          : ''),
    );
  }
}

/** The built API (dist/apps/api/main.js, what `npm start` runs), on a free loopback port. */
export async function startApiProcess(env: Record<string, string>) {
  // BENCH_API_MAIN: another build to measure (e.g. a copy of an earlier commit's, side by side).
  const main = process.env['BENCH_API_MAIN'] ?? join(__dirname, '../../dist/apps/api/main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: build the API first (npx nx build api)`);
  }
  const port = await freePort();
  // BENCH_API_PROFILE=dir writes a V8 CPU profile of the API process there, for investigation.
  const profile = process.env['BENCH_API_PROFILE'];
  // BENCH_API_LOG=file keeps the API's log there (with BENCH_LOG_LEVEL=info, each request's
  // responseTime: the server's side of a latency), instead of sending it to /dev/null.
  const logFile = process.env['BENCH_API_LOG'];
  const log = logFile ? openSync(logFile, 'a') : undefined;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      // BENCH_API_NODE_FLAGS: Node or V8 flags for the API process (e.g. its heap's sizes).
      ...(process.env['BENCH_API_NODE_FLAGS'] ?? '').split(/\s+/).filter(Boolean),
      main,
    ],
    {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      // Request logs (BENCH_LOG_LEVEL=info) go to /dev/null unless BENCH_API_LOG names a file:
      // written, as in production, not shown.
      stdio: ['ignore', log ?? 'ignore', 'inherit'],
    },
  );
  // The child has its own copy of the file's descriptor.
  if (log !== undefined) closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(child, baseUrl, 60_000);
  return {
    baseUrl,
    pid: child.pid ?? 0,
    async stop() {
      // main.ts closes the app (and its pool) on SIGTERM, then exits.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A port nothing listens on now (the OS's pick, released at once for the API to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Alone: npx nx build api && npx tsx --tsconfig tsconfig.base.json tools/bench/events.ts */
export function eventsOptionsFromEnv(): EventsBenchOptions {
  return {
    events: Number(process.env['BENCH_EVENTS'] ?? 50_000),
    connections: Number(process.env['BENCH_CONNECTIONS'] ?? 32),
    durationSeconds: Number(process.env['BENCH_SECONDS'] ?? 8),
    rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
    // The API's own default (twice the cores), for both sides.
    poolSize: Number(process.env['BENCH_POOL_SIZE'] ?? defaultPoolSize()),
    logLevel: process.env['BENCH_LOG_LEVEL'] ?? 'silent',
    openLoopSeconds: Number(process.env['BENCH_OPEN_LOOP_SECONDS'] ?? 25),
    openLoopWarmupSeconds: Number(process.env['BENCH_OPEN_LOOP_WARMUP_SECONDS'] ?? 5),
  };
}

export function eventsHeading(options: EventsBenchOptions): string {
  return (
    `Events: GET /api/t/load/events?limit=50 vs the same SQL through pg, ` +
    `${options.events} events, ${options.connections} connections, ` +
    `${options.rounds} rounds of ${options.durationSeconds} s each, pools of ${options.poolSize}`
  );
}

if (require.main === module) {
  const options = eventsOptionsFromEnv();
  console.log(eventsHeading(options));
  benchEvents(options).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
