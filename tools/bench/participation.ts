// Participation's benchmarks (docs/performance.md, "Participation"):
// 1. An event with 500 participants: its figures (GET /api/t/:tenant/events/:id/figures, the
//    read the Participation tab makes on every decision) through the whole API against the
//    same statement sent straight through `pg`, alternating, as the events list bench does.
// 2. The same event's Participation tab (GET /api/t/:tenant/events/:id/participation: the
//    event, then its 40 invited States with their counts) against the same two statements
//    through `pg`, alternating likewise.
// 3. The participant list export as XLSX for 1 000 and 5 000 participants: time to the last
//    byte and the API process's resident memory (sampled from /proc) above its level before the
//    export, to show the streamed export stays flat as the list grows.
// Alone: npx nx build api && npx tsx --tsconfig tsconfig.base.json tools/bench/participation.ts
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { APP_ROLE } from '../../apps/api/src/db/app-role';
import { FIGURES_STATEMENT } from '../../apps/api/src/participation/figures.query';
import {
  invitationEventStatement,
  PARTICIPATION_ROWS,
} from '../../apps/api/src/participation/invitations.query';
import { seedLoad } from '../seed-load/command';
import { signIn, startApiProcess } from './events';

export interface ParticipationBenchOptions {
  /** Participants of the event whose figures are read. */
  participants: number;
  /** Sizes of the exported lists. */
  exportSizes: number[];
  /** Exports per size (the median is reported). */
  exportRuns: number;
  connections: number;
  durationSeconds: number;
  rounds: number;
  poolSize: number;
  log?: (line: string) => void;
}

const SCOPE = `select set_config('role', $1, true), set_config('app.tenant_id', $2, true),
                      set_config('app.user_id', $3, true)`;

/** Alpha-3 codes of States spread over the five regional groups, for realistic breakdowns. */
const STATES = [
  'KEN', 'UGA', 'TZA', 'NGA', 'SEN', 'EGY', 'MAR', 'ZAF', 'ETH', 'GHA',
  'IND', 'IDN', 'PHL', 'JOR', 'PAK', 'CHN', 'JPN', 'VNM', 'BGD', 'THA',
  'UKR', 'POL', 'ROU', 'SRB', 'GEO', 'BRA', 'MEX', 'COL', 'ARG', 'PER',
  'FRA', 'DEU', 'ITA', 'ESP', 'AUT', 'NOR', 'CAN', 'AUS', 'TUR', 'USA',
]; // prettier-ignore

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * An event with `count` nominees over 40 States: invitations, participants, nominations in a
 * realistic mix (most approved and confirmed, some pending, waitlisted, declined), and
 * attendance on its two days. Written as the owner; row-level security is the API's concern.
 */
export async function seedEvent(
  pool: pg.Pool,
  tenantId: string,
  count: number,
  title: string,
): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query<{ id: string }>(
      `insert into events (tenant_id, type, title, thematic_areas, format, venue_name, venue_city,
                           venue_country, starts_at, ends_at, time_zone, working_languages,
                           host_states, status, capacity)
       values ($1, 'regional_workshop', $2, '{financing}', 'in_person', 'UN Gigiri', 'Nairobi',
               'KEN', now() - interval '3 days', now() - interval '2 days', 'Africa/Nairobi',
               '{en}', '{KEN}', 'held', 10000)
       returning id`,
      [tenantId, title],
    );
    const eventId = rows[0]?.id;
    if (!eventId) throw new Error('no event');
    await client.query(
      `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                      nomination_deadline, status)
       select $1, $2, code, 1000, current_date, 'accepted' from unnest($3::text[]) code`,
      [tenantId, eventId, STATES],
    );
    const tag = randomBytes(3).toString('hex');
    await client.query(
      `with people as (
         insert into participants (tenant_id, email, full_name)
         select $1, 'p' || g || '.${tag}@bench.example',
                (array['Amina','Peter','Grace','Olena','Wang','Claire','Priya','Juan'])[1 + g % 8]
                || ' ' || (array['Odhiambo','Souza','Kowalski','Dubois','Raghavan','Li'])[1 + g % 6]
                || ' ' || g
           from generate_series(1, $3::int) g
         returning id, (regexp_match(email, '^p(\\d+)\\.'))[1]::int as g)
       insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                member_state_code, sex, institution_type, audience,
                                preferred_language, status, confirmation, function_title,
                                institution, languages, dietary_needs, waitlisted_at,
                                check_in_code)
       select $1, $2, i.id, p.id, i.member_state_code,
              (array['female','male','other'])[1 + p.g % 3],
              (array['ministry_policy','law_enforcement','prosecution','judiciary',
                     'central_authority','private_sector','civil_society','other'])[1 + p.g % 8],
              (array['policy_makers','investigators','prosecutors','judges',
                     'central_authorities','private_sector','civil_society'])[1 + p.g % 7],
              'en', s.status, s.confirmation, 'Officer', 'Ministry of Justice', '{en,fr}',
              case when p.g % 10 = 0 then 'Vegetarian' else '' end,
              case when s.status = 'waitlisted' then now() end,
              case when s.status = 'approved' then upper(substr(md5(p.id::text), 1, 10)) end
         from people p
         join event_invitations i on i.event_id = $2
          and i.member_state_code = ($4::text[])[1 + p.g % array_length($4::text[], 1)]
         cross join lateral (select case when p.g % 10 < 7 then 'approved'
                                         when p.g % 10 = 7 then 'nominated'
                                         when p.g % 10 = 8 then 'waitlisted'
                                         else 'declined' end as status,
                                    case when p.g % 10 < 5 then 'confirmed'
                                         when p.g % 10 < 7 then 'pending' end as confirmation) s`,
      [tenantId, eventId, count, STATES],
    );
    await client.query(
      `insert into attendance (tenant_id, nomination_id, day, status)
       select n.tenant_id, n.id, d::date, case when random() < 0.9 then 'attended' else 'absent' end
         from nominations n
        cross join generate_series(now() - interval '3 days', now() - interval '2 days',
                                   interval '1 day') d
        where n.event_id = $1 and n.status = 'approved'`,
      [eventId],
    );
    await client.query('commit');
    await client.query('analyze nominations, participants, attendance, event_invitations');
    return eventId;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** Resident memory of a process, in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

interface ExportMeasurement {
  rows: number;
  seconds: number;
  bytes: number;
  /** Resident memory before, and its peak during the export (sampled every 5 ms). */
  rssBefore: number;
  rssPeak: number;
}

async function measureExport(
  baseUrl: string,
  cookie: string,
  pid: number,
  path: string,
  rows: number,
): Promise<ExportMeasurement> {
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1] ?? '';
  // Let the previous export's garbage settle, as a quiet server's would.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const rssBefore = rssMiB(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMiB(pid));
  }, 5);
  const started = performance.now();
  try {
    const response = await fetch(baseUrl + path, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/json',
        'x-xsrf-token': decodeURIComponent(xsrf),
      },
      body: JSON.stringify({ format: 'xlsx', scope: 'all', reason: 'Benchmark of the export' }),
    });
    if (response.status !== 200 || !response.body) {
      throw new Error(`export: ${response.status} ${await response.text()}`);
    }
    let bytes = 0;
    for await (const chunk of response.body) bytes += (chunk as Uint8Array).byteLength;
    return {
      rows,
      seconds: (performance.now() - started) / 1000,
      bytes,
      rssBefore,
      rssPeak: Math.max(rssPeak, rssMiB(pid)),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** A read's statements sent as is through a bare pg pool, scoped as the API scopes a request. */
interface RawRead {
  statements: { text: string; values: unknown[] }[];
}

/** A read's statements in one transaction through a bare pg pool, as fast as they go. */
async function rawReads(
  pool: pg.Pool,
  scope: unknown[],
  read: RawRead,
  connections: number,
  seconds: number,
): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const begun = performance.now();
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query(SCOPE, scope);
        for (const statement of read.statements) {
          await client.query(statement.text, statement.values);
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      } finally {
        client.release();
      }
      latencies.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return {
    perSecond: latencies.length / ((performance.now() - started) / 1000),
    p50: at(0.5),
    p99: at(0.99),
  };
}

export async function benchParticipation(options: ParticipationBenchOptions): Promise<void> {
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
    // A tenant with an officer (and a few events around the ones measured).
    const seed = await seedLoad({ databaseUrl: url, events: 200 });
    const figuresEvent = await seedEvent(
      pool,
      seed.tenantId,
      options.participants,
      'Figures bench',
    );
    const exportEvents = new Map<number, string>();
    for (const size of options.exportSizes) {
      exportEvents.set(size, await seedEvent(pool, seed.tenantId, size, `Export bench ${size}`));
    }
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
    const tenant = seed.tenantSlug;

    // 1. Figures: the API and the same statement through pg must agree before being timed.
    const path = `/api/t/${tenant}/events/${figuresEvent}/figures`;
    const answer = await fetch(api.baseUrl + path, { headers: { cookie } });
    if (answer.status !== 200) throw new Error(`figures: ${answer.status} ${await answer.text()}`);
    const body = (await answer.json()) as { totals: { approved: number; nominations: number } };
    const scope = [APP_ROLE, seed.tenantId, seed.officer.id];
    const values = [seed.officer.id, null, true, figuresEvent];
    const client = await pool.connect();
    let rawTotal: { approved: number; nominations: number } | undefined;
    try {
      await client.query('begin');
      await client.query(SCOPE, scope);
      const { rows } = await client.query<{
        dimension: string;
        approved: number;
        nominations: number;
      }>(FIGURES_STATEMENT, values);
      rawTotal = rows.find((row) => row.dimension === 'total');
      await client.query('commit');
    } finally {
      client.release();
    }
    if (
      !rawTotal ||
      rawTotal.approved !== body.totals.approved ||
      body.totals.nominations !== options.participants
    ) {
      throw new Error('the API and the raw figures statement disagree');
    }
    log(
      `  figures of an event with ${options.participants} nominees ` +
        `(${body.totals.approved} approved), ${options.connections} connections, ` +
        `${options.rounds} rounds of ${options.durationSeconds} s`,
    );
    const timing = { pool, scope, cookie, options, log };
    await apiAgainstRaw(timing, api.baseUrl + path, {
      statements: [{ text: FIGURES_STATEMENT, values }],
    });

    // 2. The Participation tab: the event, then every invited State's row with its counts, the
    // same two statements and parameters the service sends (invitations.query.ts). The API's
    // rows and the raw ones must agree before anything is timed.
    const tabPath = `/api/t/${tenant}/events/${figuresEvent}/participation`;
    const tabAnswer = await fetch(api.baseUrl + tabPath, { headers: { cookie } });
    if (tabAnswer.status !== 200) {
      throw new Error(`participation tab: ${tabAnswer.status} ${await tabAnswer.text()}`);
    }
    const tab = (await tabAnswer.json()) as {
      states: { id: string; counts: { nominated: number } }[];
    };
    const tabRead: RawRead = {
      statements: [
        { text: invitationEventStatement(false), values },
        // $1 event, $2–$3 the officer (no State, plans events), no ids wanted, no filters.
        { text: PARTICIPATION_ROWS, values: [figuresEvent, null, true, null, null, null, null] },
      ],
    };
    const rawTab = await pool.connect();
    let rawStates: { id: string; nominated: number }[] = [];
    try {
      await rawTab.query('begin');
      await rawTab.query(SCOPE, scope);
      const [event, rows] = tabRead.statements;
      if (!event || !rows) throw new Error('the tab reads two statements');
      if ((await rawTab.query(event.text, event.values)).rowCount !== 1) {
        throw new Error('participation tab: the raw statement finds no event');
      }
      rawStates = (await rawTab.query<{ id: string; nominated: number }>(rows.text, rows.values))
        .rows;
      await rawTab.query('commit');
    } finally {
      rawTab.release();
    }
    const summed = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
    if (
      tab.states.length !== STATES.length ||
      rawStates.map((row) => row.id).join() !== tab.states.map((row) => row.id).join() ||
      summed(tab.states.map((row) => row.counts.nominated)) !== options.participants ||
      summed(rawStates.map((row) => row.nominated)) !== options.participants
    ) {
      throw new Error('the API and the raw participation statements disagree');
    }
    log(
      `  Participation tab of the same event: ${tab.states.length} invited States, ` +
        `${options.participants} nominees, 2 statements`,
    );
    await apiAgainstRaw(timing, api.baseUrl + tabPath, tabRead);

    // 3. Exports: warm up once (code paths, pool), then measure each size.
    const first = exportEvents.get(options.exportSizes[0] ?? 0);
    if (first) {
      await measureExport(api.baseUrl, cookie, api.pid, exportPath(tenant, first), 0);
    }
    if (options.exportSizes.length > 0) {
      log(`  XLSX export, streamed (median of ${options.exportRuns}):`);
    }
    for (const size of options.exportSizes) {
      const eventId = exportEvents.get(size) ?? '';
      const runs: ExportMeasurement[] = [];
      for (let run = 0; run < options.exportRuns; run++) {
        runs.push(
          await measureExport(api.baseUrl, cookie, api.pid, exportPath(tenant, eventId), size),
        );
      }
      log(
        `    ${size} rows: ${median(runs.map((r) => r.seconds)).toFixed(2)} s, ` +
          `${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KiB, RSS ` +
          `${median(runs.map((r) => r.rssBefore)).toFixed(0)} MiB before, peak +` +
          `${median(runs.map((r) => r.rssPeak - r.rssBefore)).toFixed(1)} MiB`,
      );
    }
  } finally {
    await api?.stop();
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * One read through the whole API with autocannon against its statements through pg, round by
 * round alternating, as the events list bench does; the medians of the rounds are logged.
 */
async function apiAgainstRaw(
  timing: {
    pool: pg.Pool;
    scope: unknown[];
    cookie: string;
    options: ParticipationBenchOptions;
    log: (line: string) => void;
  },
  url: string,
  read: RawRead,
): Promise<void> {
  const { options } = timing;
  const apiRounds: number[] = [];
  const rawRounds: number[] = [];
  const apiP99: number[] = [];
  const rawP99: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const result = await autocannon({
      url,
      connections: options.connections,
      duration: options.durationSeconds,
      headers: { cookie: timing.cookie },
    });
    if (result.non2xx + result.errors > 0) throw new Error(`${url}: errors under load`);
    apiRounds.push(result['2xx'] / result.duration);
    apiP99.push(result.latency.p99);
    const raw = await rawReads(
      timing.pool,
      timing.scope,
      read,
      options.connections,
      options.durationSeconds,
    );
    rawRounds.push(raw.perSecond);
    rawP99.push(raw.p99);
  }
  timing.log(
    `    API ${median(apiRounds).toFixed(0)} req/s (p99 ${median(apiP99).toFixed(1)} ms), ` +
      `raw pg ${median(rawRounds).toFixed(0)} req/s (p99 ${median(rawP99).toFixed(1)} ms), ` +
      `API/raw ${(median(apiRounds) / median(rawRounds)).toFixed(2)}`,
  );
}

const exportPath = (tenant: string, eventId: string) =>
  `/api/t/${tenant}/events/${eventId}/participants/export`;

export function participationOptionsFromEnv(): ParticipationBenchOptions {
  return {
    participants: Number(process.env['BENCH_PARTICIPANTS'] ?? 500),
    // Empty: no export (to time the reads alone).
    exportSizes: (process.env['BENCH_EXPORT_SIZES'] ?? '1000,5000')
      .split(',')
      .map(Number)
      .filter((size) => size > 0),
    exportRuns: Number(process.env['BENCH_EXPORT_RUNS'] ?? 3),
    connections: Number(process.env['BENCH_CONNECTIONS'] ?? 32),
    durationSeconds: Number(process.env['BENCH_SECONDS'] ?? 8),
    rounds: Number(process.env['BENCH_ROUNDS'] ?? 3),
    poolSize: Number(process.env['BENCH_POOL_SIZE'] ?? 10),
  };
}

export function participationHeading(): string {
  return 'Participation: an event’s figures and its Participation tab (API vs the same SQL through pg), the XLSX export';
}

if (require.main === module) {
  console.log(participationHeading());
  benchParticipation(participationOptionsFromEnv()).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
