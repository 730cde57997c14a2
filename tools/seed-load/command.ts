// npm run seed:load -- --events 50000 [--tenant load] [--database-url URL]
// Fills one tenant with many realistic events, for benchmarks and for trying the lists by hand.
// The tenant (and a programme officer who can sign in) is created if missing. This file holds
// the command: its arguments and the database writes; ./generator makes the events.
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { openDatabases } from '../../apps/api/src/db/data-source.factory';
import { sql } from '../../apps/api/src/db/sql';
import { applyScope, inTransaction } from '../../apps/api/src/db/transaction';
import { addMember, createTenant } from '../../apps/api/src/tenants/tenant-provisioning';
import { EventGenerator, type LoadEvent, type StateRow } from './generator';

/** The officer's password: load data is for benchmarks and local trials, never production. */
export const LOAD_PASSWORD = 'Convene-load-2026';

export interface SeedLoadOptions {
  /** Owner connection (runs migrations, creates the tenant). */
  databaseUrl: string;
  events: number;
  tenantSlug?: string;
  /** Rows per INSERT; each is one statement over unnest() arrays. */
  batchSize?: number;
  /** The same seed gives the same events (ids aside). */
  seed?: number;
  /** Where "past" ends: statuses follow the dates as seen from here. */
  now?: Date;
  log?: (line: string) => void;
}

export interface SeedLoadResult {
  tenantId: string;
  tenantSlug: string;
  officer: { id: string; email: string; password: string };
  inserted: number;
  seconds: number;
  rowsPerSecond: number;
}

/** Migrates, makes sure the tenant and its officer exist, inserts the events, analyzes. */
export async function seedLoad(options: SeedLoadOptions): Promise<SeedLoadResult> {
  const slug = options.tenantSlug ?? 'load';
  const batchSize = options.batchSize ?? 5000;
  const log = options.log ?? (() => undefined);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    APP_SECRET: 'seed-load-'.repeat(4),
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: '2',
  });
  // Migrations run as the owner; the tenant is made as npm run tenant:create makes it.
  const databases = await openDatabases(config);
  try {
    await databases.migrate();
    const dataSource = databases.app;
    const { tenantId, officer } = await ensureTenant(dataSource, slug);
    const states = await inTransaction(dataSource, {}, (manager) =>
      sql<StateRow>(
        manager,
        `select trim(alpha3) as alpha3, regional_group, name_en from member_states order by alpha3`,
      ),
    );
    if (states.length === 0) throw new Error('member_states is empty: are migrations applied?');
    const generator = new EventGenerator(states, options.seed ?? 42, options.now ?? new Date());

    const insert = (rows: LoadEvent[]) =>
      // As the application does: the application role, inside the tenant, so row-level
      // security checks every row whether or not the owner is a superuser.
      dataSource.transaction(async (manager) => {
        await applyScope(manager, { tenantId, userId: officer.id });
        // The three GIN indexes (search, themes, hosts) cost most of an insert. A long pending
        // list lets them take the batches in bulk; VACUUM below merges it.
        await sql(manager, `set local gin_pending_list_limit = 65536`);
        await sql(manager, INSERT, insertParameters(tenantId, officer.id, rows));
      });

    const started = performance.now();
    let generated = 0;
    let inserted = 0;
    let inFlight: Promise<void> | null = null;
    while (generated < options.events) {
      // The next batch is generated while the database writes the previous one.
      const rows = generator.batch(Math.min(batchSize, options.events - generated));
      generated += rows.length;
      await inFlight;
      inFlight = insert(rows).then(() => {
        inserted += rows.length;
        log(`  ${inserted} / ${options.events} events`);
      });
    }
    await inFlight;
    // VACUUM as well as ANALYZE: it merges the GIN pending lists and sets the visibility map and
    // hint bits, so the first reads (a benchmark's, say) do not pay for the bulk load.
    // Only the owner may vacuum; the API's pool logs in as a role that owns nothing.
    const owner = new Client({ connectionString: options.databaseUrl });
    await owner.connect();
    try {
      await owner.query('vacuum (analyze) events');
    } finally {
      await owner.end();
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      tenantId,
      tenantSlug: slug,
      officer: { ...officer, password: LOAD_PASSWORD },
      inserted,
      seconds,
      rowsPerSecond: inserted / seconds,
    };
  } finally {
    await databases.close();
  }
}

async function ensureTenant(dataSource: DataSource, slug: string) {
  const email = `officer@${slug}.example`;
  const existing = await inTransaction(dataSource, {}, (manager) =>
    sql<{ id: string }>(manager, `select id from tenants where slug = $1`, [slug]),
  );
  const tenantId =
    existing[0]?.id ?? (await createTenant(dataSource, { slug, name: `Load test (${slug})` }));
  const members = await dataSource.transaction(async (manager) => {
    await applyScope(manager, { tenantId });
    return sql<{ id: string }>(
      manager,
      `select u.id from memberships m join users u on u.id = m.user_id
        where lower(u.email) = lower($1) and m.status = 'active'
          and m.role in ('programme_officer', 'tenant_admin')`,
      [email],
    );
  });
  const officerId =
    members[0]?.id ??
    (
      await addMember(dataSource, tenantId, {
        email,
        name: 'Lena Okafor',
        password: LOAD_PASSWORD,
        role: 'programme_officer',
      })
    ).userId;
  return { tenantId, officer: { id: officerId, email } };
}

// ---------------------------------------------------------------------------------------------
// The insert: one statement per batch, every column an array, zipped by unnest().
// Arrays of arrays travel as array literals and are cast per row.

const INSERT = `
  insert into events (tenant_id, type, title, summary, description, thematic_areas,
    target_audiences, format, venue_name, venue_city, venue_country, meeting_link, starts_at,
    ends_at, time_zone, working_languages, interpretation, capacity, host_states, organisers,
    partner_organisations, responsible_officer_id, is_public, status, cancel_reason, version,
    created_by, created_at, updated_at)
  select $1::uuid, r.type, r.title, r.summary, r.description, r.thematic_areas::text[],
         r.target_audiences::text[], r.format, r.venue_name, r.venue_city, r.venue_country,
         r.meeting_link, r.local_start::timestamp at time zone r.time_zone,
         r.local_end::timestamp at time zone r.time_zone, r.time_zone,
         r.working_languages::text[], r.interpretation, r.capacity, r.host_states::char(3)[],
         r.organisers::text[], r.partner_organisations::text[], $2::uuid, r.is_public, r.status,
         r.cancel_reason, r.version, $2::uuid, r.created_at, r.updated_at
    from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                $15::text[], $16::text[], $17::text[], $18::boolean[], $19::integer[],
                $20::text[], $21::text[], $22::text[], $23::boolean[], $24::text[], $25::text[],
                $26::integer[], $27::timestamptz[], $28::timestamptz[])
      as r(type, title, summary, description, thematic_areas, target_audiences, format,
           venue_name, venue_city, venue_country, meeting_link, local_start, local_end,
           time_zone, working_languages, interpretation, capacity, host_states, organisers,
           partner_organisations, is_public, status, cancel_reason, version, created_at,
           updated_at)`;

function insertParameters(tenantId: string, officerId: string, rows: LoadEvent[]): unknown[] {
  const column = <T>(pick: (row: LoadEvent) => T) => rows.map(pick);
  return [
    tenantId,
    officerId,
    column((r) => r.type),
    column((r) => r.title),
    column((r) => r.summary),
    column((r) => r.description),
    column((r) => arrayLiteral(r.thematicAreas)),
    column((r) => arrayLiteral(r.targetAudiences)),
    column((r) => r.format),
    column((r) => r.venueName),
    column((r) => r.venueCity),
    column((r) => r.venueCountry),
    column((r) => r.meetingLink),
    column((r) => r.localStart),
    column((r) => r.localEnd),
    column((r) => r.timeZone),
    column((r) => arrayLiteral(r.workingLanguages)),
    column((r) => r.interpretation),
    column((r) => r.capacity),
    column((r) => arrayLiteral(r.hostStates)),
    column((r) => arrayLiteral(r.organisers)),
    column((r) => arrayLiteral(r.partnerOrganisations)),
    column((r) => r.isPublic),
    column((r) => r.status),
    column((r) => r.cancelReason),
    column((r) => r.version),
    column((r) => r.createdAt),
    column((r) => r.updatedAt),
  ];
}

/** A PostgreSQL array literal, every element quoted. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** The command line: parse, load, report. */
export async function main() {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '50000' },
      tenant: { type: 'string', default: 'load' },
      'database-url': { type: 'string' },
      'batch-size': { type: 'string', default: '5000' },
      seed: { type: 'string', default: '42' },
    },
  });
  const events = Number(values.events);
  const batchSize = Number(values['batch-size']);
  const databaseUrl = values['database-url'] ?? process.env['DATABASE_URL'];
  if (!Number.isInteger(events) || events < 1 || !Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(
      'usage: npm run seed:load -- --events <n> [--tenant <slug>] [--database-url <url>]',
    );
  }
  if (!databaseUrl) throw new Error('Set DATABASE_URL or pass --database-url');
  const result = await seedLoad({
    databaseUrl,
    events,
    tenantSlug: values.tenant,
    batchSize,
    seed: Number(values.seed),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    `Inserted ${result.inserted} events into "${result.tenantSlug}" in ` +
      `${result.seconds.toFixed(2)} s, VACUUM (ANALYZE) included: ` +
      `${result.rowsPerSecond.toFixed(0)} rows/s.\n` +
      `Sign in as ${result.officer.email} / ${result.officer.password}\n`,
  );
}
