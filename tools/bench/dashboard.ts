// Measures the dashboard (GET /api/t/:tenant/dashboard) and the coverage map through the whole
// API against the same statements sent straight through `pg`, on 50,000 events (tools/seed-load)
// and 500,000 participations (invitations, nominations and check-ins written here in SQL): a
// closed loop of each at the same concurrency, with rates and p99 latencies, and the plan of the
// heaviest statement. The raw side sends what the API sends an officer: the figures of events and
// participants from the rollups the database keeps (migration 1764316800029); the plans of the
// statements that count every event and participation instead are printed beside them. Figures go in docs/performance.md
// ("Dashboard and map").
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { APP_ROLE } from '../../apps/api/src/db/app-role';
import {
  EVENTS_ROLLUP_STATEMENT,
  EVENTS_STATEMENT,
  MAP_PARTICIPANTS_ROLLUP_STATEMENT,
  PARTICIPANTS_ROLLUP_STATEMENT,
  PARTICIPANTS_STATEMENT,
} from '../../apps/api/src/reports/dashboard.query';
import { seedLoad } from '../seed-load/command';
import { signIn, startApiProcess } from './events';

export interface DashboardBenchOptions {
  events: number;
  participants: number;
  connections: number;
  durationSeconds: number;
  rounds: number;
  poolSize: number;
  log?: (line: string) => void;
}

const SCOPE = `select set_config('role', $1, true), set_config('app.tenant_id', $2, true),
                      set_config('app.user_id', $3, true)`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * Writes `participants` participations over the tenant's events: two invited States per event
 * (accepted), people spread over the invitations, every third a woman (one in thirty "other"),
 * institutions and audiences in turn, all approved; four in five of those at past events
 * checked in on the first day.
 */
async function seedParticipations(pool: pg.Pool, tenantId: string, participants: number) {
  const client = await pool.connect();
  try {
    await client.query(`set statement_timeout = 0`);
    await client.query(
      `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                      nomination_deadline, status)
       select e.tenant_id, e.id, s.alpha3, 100, (e.starts_at - interval '14 days')::date, 'accepted'
         from events e
         cross join lateral (
           select alpha3 from member_states
            order by hashtext(e.id::text || alpha3) limit 2) s
        where e.tenant_id = $1`,
      [tenantId],
    );
    await client.query(
      `insert into participants (tenant_id, email, full_name)
       select $1, 'load.' || g || '@participants.example', 'Participant ' || g
         from generate_series(1, $2::int) g`,
      [tenantId, participants],
    );
    await client.query(
      `with inv as (
         select id, event_id, member_state_code, (row_number() over (order by id) - 1)::int as n
           from event_invitations where tenant_id = $1
       ), total as (select count(*)::int as c from inv),
       person as (
         select id, (row_number() over (order by id) - 1)::int as n
           from participants where tenant_id = $1
       )
       insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                member_state_code, sex, institution_type, audience,
                                preferred_language, status, confirmation, check_in_code)
       select $1, inv.event_id, inv.id, person.id, inv.member_state_code,
              case when person.n % 30 = 0 then 'other' when person.n % 3 = 0 then 'female' else 'male' end,
              (array['ministry_policy','law_enforcement','prosecution','judiciary',
                     'central_authority','private_sector','civil_society','other'])[1 + person.n % 8],
              (array['policy_makers','investigators','prosecutors','judges',
                     'central_authorities','private_sector','civil_society'])[1 + person.n % 7],
              'en', 'approved', 'confirmed', upper(substr(md5(person.id::text), 1, 16))
         from person cross join total
         join inv on inv.n = person.n % total.c`,
      [tenantId],
    );
    await client.query(
      `insert into attendance (tenant_id, nomination_id, day, status)
       select n.tenant_id, n.id, (e.starts_at at time zone e.time_zone)::date, 'attended'
         from nominations n
         join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
        where n.tenant_id = $1 and e.starts_at < now() and hashtext(n.id::text) % 5 <> 0`,
      [tenantId],
    );
    await client.query(`analyze`);
  } finally {
    client.release();
  }
}

interface Loop {
  perSecond: number;
  p99: number;
}

/** `connections` loops of begin / scope / the statements / commit, for `seconds`. */
async function rawLoop(
  pool: pg.Pool,
  scope: unknown[],
  statements: { text: string; values: unknown[] }[],
  connections: number,
  seconds: number,
): Promise<Loop> {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query(SCOPE, scope);
          for (const statement of statements) await client.query(statement.text, statement.values);
          await client.query('commit');
        } finally {
          client.release();
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
  };
}

async function apiLoop(url: string, cookie: string, connections: number, seconds: number) {
  const result = await autocannon({ url, connections, duration: seconds, headers: { cookie } });
  if (result.non2xx + result.errors > 0) throw new Error(`${url}: errors under load`);
  return { perSecond: result['2xx'] / result.duration, p99: result.latency.p99 };
}

export async function benchDashboard(options: DashboardBenchOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const server = process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';
  const name = `convene_bench_${randomBytes(4).toString('hex')}`;
  const url = `${server}/${name}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize });
  pool.on('error', () => undefined);
  let api: Awaited<ReturnType<typeof startApiProcess>> | null = null;
  try {
    const started = performance.now();
    const seed = await seedLoad({ databaseUrl: url, events: options.events });
    await seedParticipations(pool, seed.tenantId, options.participants);
    const { rows: counted } = await pool.query<{
      events: number;
      trained: number;
      rollup: number;
    }>(
      `select (select count(*)::int from events) as events,
              (select count(distinct nomination_id)::int from attendance) as trained,
              (select count(*)::int from dashboard_rollups)
                + (select count(*)::int from dashboard_event_rollups) as rollup`,
    );
    log(
      `  ${counted[0]?.events} events, ${options.participants} participations ` +
        `(${counted[0]?.trained} trained, ${counted[0]?.rollup} rows in the rollups), ` +
        `seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    api = await startApiProcess({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      APP_SECRET: 'bench-secret-'.repeat(3),
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(options.poolSize),
      MAIL_WORKER: 'off',
      MAIL_SCHEDULE_SECONDS: '0',
      WEB_DIST: '',
      API_RATE_LIMIT: String(2 ** 31 - 1),
    });
    const cookie = await signIn(api.baseUrl, seed.officer.email, seed.officer.password);
    const scope = [APP_ROLE, seed.tenantId, seed.officer.id];
    const year = new Date().getUTCFullYear();
    const scenarios = [
      {
        name: 'dashboard, last 5 years',
        path: `/api/t/${seed.tenantSlug}/dashboard?from=${year - 4}&to=${year}`,
        values: [seed.officer.id, null, true, null, null, year - 4, year],
        statements: [EVENTS_ROLLUP_STATEMENT, PARTICIPANTS_ROLLUP_STATEMENT],
      },
      {
        name: 'dashboard, 15 years, African Group',
        path: `/api/t/${seed.tenantSlug}/dashboard?from=${year - 14}&to=${year}&regionalGroup=african`,
        values: [seed.officer.id, null, true, 'african', null, year - 14, year],
        statements: [EVENTS_ROLLUP_STATEMENT, PARTICIPANTS_ROLLUP_STATEMENT],
      },
      {
        name: 'map, participants, last 5 years',
        path: `/api/t/${seed.tenantSlug}/dashboard/map?from=${year - 4}&to=${year}`,
        values: [seed.officer.id, null, true, null, null, year - 4, year],
        statements: [MAP_PARTICIPANTS_ROLLUP_STATEMENT],
      },
    ];
    for (const scenario of scenarios) {
      const answer = await fetch(api.baseUrl + scenario.path, { headers: { cookie } });
      if (answer.status !== 200) throw new Error(`${scenario.path}: ${answer.status}`);
      const statements = scenario.statements.map((text) => ({ text, values: scenario.values }));
      const apiRounds: Loop[] = [];
      const rawRounds: Loop[] = [];
      for (let round = 0; round < options.rounds; round++) {
        apiRounds.push(
          await apiLoop(
            api.baseUrl + scenario.path,
            cookie,
            options.connections,
            options.durationSeconds,
          ),
        );
        rawRounds.push(
          await rawLoop(pool, scope, statements, options.connections, options.durationSeconds),
        );
      }
      const apiRate = median(apiRounds.map((one) => one.perSecond));
      const rawRate = median(rawRounds.map((one) => one.perSecond));
      log(
        `  ${scenario.name}: API ${apiRate.toFixed(1)} req/s ` +
          `(p99 ${median(apiRounds.map((one) => one.p99)).toFixed(0)} ms), raw pg ` +
          `${rawRate.toFixed(1)} req/s (p99 ${median(rawRounds.map((one) => one.p99)).toFixed(0)} ms), ` +
          `API/raw ${(apiRate / Math.max(rawRate, 0.001)).toFixed(2)}`,
      );
    }
    const client = await pool.connect();
    try {
      for (const [label, statement] of [
        ['participants from the rollup', PARTICIPANTS_ROLLUP_STATEMENT],
        ['participants counted from every participation', PARTICIPANTS_STATEMENT],
        ['events from the rollup', EVENTS_ROLLUP_STATEMENT],
        ['events counted from every event', EVENTS_STATEMENT],
      ] as const) {
        await client.query('begin');
        await client.query(SCOPE, scope);
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers off, timing off, summary on) ${statement}`,
          scenarios[0]?.values,
        );
        await client.query('commit');
        const lines = rows.map((row) => row['QUERY PLAN']);
        log(`  ${label}, last 5 years: ${lines.at(-1)?.trim()}`);
      }
    } finally {
      client.release();
    }
  } finally {
    await api?.stop();
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export function dashboardOptionsFromEnv(): DashboardBenchOptions {
  return {
    events: Number(process.env['BENCH_DASHBOARD_EVENTS'] ?? 50_000),
    participants: Number(process.env['BENCH_DASHBOARD_PARTICIPANTS'] ?? 500_000),
    connections: Number(process.env['BENCH_DASHBOARD_CONNECTIONS'] ?? 4),
    durationSeconds: Number(process.env['BENCH_SECONDS'] ?? 8),
    rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
    poolSize: Number(process.env['BENCH_POOL_SIZE'] ?? 10),
  };
}

export function dashboardHeading(options: DashboardBenchOptions): string {
  return `Dashboard and map: ${options.events} events, ${options.participants} participations (API vs the same SQL through pg)`;
}

if (require.main === module) {
  const options = dashboardOptionsFromEnv();
  console.log(dashboardHeading(options));
  benchDashboard(options).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
