// npm run seed:load -- --events 50000 [--tenant load] [--database-url URL]
// Fills one tenant with many realistic events, for benchmarks and for trying the lists by hand.
// The tenant (and a programme officer who can sign in) is created if missing.
import { parseArgs } from 'node:util';
import {
  type EventFormat,
  type EventStatus,
  type EventType,
  type Language,
  type RegionalGroup,
  TARGET_AUDIENCES,
  type TargetAudience,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@convene/contracts';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../apps/api/src/config/app-config';
import { openDatabases } from '../apps/api/src/db/data-source.factory';
import { sql } from '../apps/api/src/db/sql';
import { applyScope, inTransaction } from '../apps/api/src/db/transaction';
import { addMember, createTenant } from '../apps/api/src/tenants/tenant-provisioning';

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

interface LoadEvent {
  type: EventType;
  title: string;
  summary: string;
  description: string;
  thematicAreas: ThematicArea[];
  targetAudiences: TargetAudience[];
  format: EventFormat;
  venueName: string | null;
  venueCity: string | null;
  venueCountry: string | null;
  meetingLink: string | null;
  /** Wall-clock times at the venue ('YYYY-MM-DD HH:MM'), turned into instants by PostgreSQL. */
  localStart: string;
  localEnd: string;
  timeZone: string;
  workingLanguages: Language[];
  interpretation: boolean;
  capacity: number | null;
  hostStates: string[];
  organisers: string[];
  partnerOrganisations: string[];
  isPublic: boolean;
  status: EventStatus;
  cancelReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

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

// ---------------------------------------------------------------------------------------------
// The distribution.

interface StateRow {
  alpha3: string;
  regional_group: RegionalGroup | null;
  name_en: string;
}

/** Where events are held most: the State's IANA zone and the usual venue city. */
const VENUES: Record<string, [zone: string, city: string]> = {
  // African States
  DZA: ['Africa/Algiers', 'Algiers'],
  BFA: ['Africa/Ouagadougou', 'Ouagadougou'],
  CMR: ['Africa/Douala', 'Yaoundé'],
  TCD: ['Africa/Ndjamena', "N'Djamena"],
  CIV: ['Africa/Abidjan', 'Abidjan'],
  EGY: ['Africa/Cairo', 'Cairo'],
  ETH: ['Africa/Addis_Ababa', 'Addis Ababa'],
  GHA: ['Africa/Accra', 'Accra'],
  KEN: ['Africa/Nairobi', 'Nairobi'],
  MLI: ['Africa/Bamako', 'Bamako'],
  MRT: ['Africa/Nouakchott', 'Nouakchott'],
  MAR: ['Africa/Casablanca', 'Rabat'],
  MOZ: ['Africa/Maputo', 'Maputo'],
  NER: ['Africa/Niamey', 'Niamey'],
  NGA: ['Africa/Lagos', 'Abuja'],
  RWA: ['Africa/Kigali', 'Kigali'],
  SEN: ['Africa/Dakar', 'Dakar'],
  SOM: ['Africa/Mogadishu', 'Mogadishu'],
  ZAF: ['Africa/Johannesburg', 'Pretoria'],
  TUN: ['Africa/Tunis', 'Tunis'],
  UGA: ['Africa/Kampala', 'Kampala'],
  TZA: ['Africa/Dar_es_Salaam', 'Dar es Salaam'],
  // Asia-Pacific States
  BGD: ['Asia/Dhaka', 'Dhaka'],
  CHN: ['Asia/Shanghai', 'Beijing'],
  IND: ['Asia/Kolkata', 'New Delhi'],
  IDN: ['Asia/Jakarta', 'Jakarta'],
  IRQ: ['Asia/Baghdad', 'Baghdad'],
  JPN: ['Asia/Tokyo', 'Tokyo'],
  JOR: ['Asia/Amman', 'Amman'],
  KAZ: ['Asia/Almaty', 'Astana'],
  KGZ: ['Asia/Bishkek', 'Bishkek'],
  LBN: ['Asia/Beirut', 'Beirut'],
  MYS: ['Asia/Kuala_Lumpur', 'Kuala Lumpur'],
  NPL: ['Asia/Kathmandu', 'Kathmandu'],
  PAK: ['Asia/Karachi', 'Islamabad'],
  PHL: ['Asia/Manila', 'Manila'],
  QAT: ['Asia/Qatar', 'Doha'],
  SAU: ['Asia/Riyadh', 'Riyadh'],
  LKA: ['Asia/Colombo', 'Colombo'],
  TJK: ['Asia/Dushanbe', 'Dushanbe'],
  THA: ['Asia/Bangkok', 'Bangkok'],
  ARE: ['Asia/Dubai', 'Abu Dhabi'],
  UZB: ['Asia/Tashkent', 'Tashkent'],
  // Eastern European States
  ALB: ['Europe/Tirane', 'Tirana'],
  ARM: ['Asia/Yerevan', 'Yerevan'],
  AZE: ['Asia/Baku', 'Baku'],
  BIH: ['Europe/Sarajevo', 'Sarajevo'],
  GEO: ['Asia/Tbilisi', 'Tbilisi'],
  MDA: ['Europe/Chisinau', 'Chișinău'],
  MNE: ['Europe/Podgorica', 'Podgorica'],
  MKD: ['Europe/Skopje', 'Skopje'],
  POL: ['Europe/Warsaw', 'Warsaw'],
  ROU: ['Europe/Bucharest', 'Bucharest'],
  RUS: ['Europe/Moscow', 'Moscow'],
  SRB: ['Europe/Belgrade', 'Belgrade'],
  UKR: ['Europe/Kyiv', 'Kyiv'],
  // Latin American and Caribbean States
  ARG: ['America/Argentina/Buenos_Aires', 'Buenos Aires'],
  BRA: ['America/Sao_Paulo', 'Brasília'],
  CHL: ['America/Santiago', 'Santiago'],
  COL: ['America/Bogota', 'Bogotá'],
  CRI: ['America/Costa_Rica', 'San José'],
  DOM: ['America/Santo_Domingo', 'Santo Domingo'],
  ECU: ['America/Guayaquil', 'Quito'],
  JAM: ['America/Jamaica', 'Kingston'],
  MEX: ['America/Mexico_City', 'Mexico City'],
  PAN: ['America/Panama', 'Panama City'],
  PRY: ['America/Asuncion', 'Asunción'],
  PER: ['America/Lima', 'Lima'],
  TTO: ['America/Port_of_Spain', 'Port of Spain'],
  // Western European and other States
  AUS: ['Australia/Sydney', 'Canberra'],
  AUT: ['Europe/Vienna', 'Vienna'],
  BEL: ['Europe/Brussels', 'Brussels'],
  CAN: ['America/Toronto', 'Ottawa'],
  FRA: ['Europe/Paris', 'Paris'],
  DEU: ['Europe/Berlin', 'Berlin'],
  GRC: ['Europe/Athens', 'Athens'],
  ITA: ['Europe/Rome', 'Rome'],
  NLD: ['Europe/Amsterdam', 'The Hague'],
  NOR: ['Europe/Oslo', 'Oslo'],
  PRT: ['Europe/Lisbon', 'Lisbon'],
  ESP: ['Europe/Madrid', 'Madrid'],
  SWE: ['Europe/Stockholm', 'Stockholm'],
  CHE: ['Europe/Zurich', 'Geneva'],
  TUR: ['Europe/Istanbul', 'Ankara'],
  GBR: ['Europe/London', 'London'],
  USA: ['America/New_York', 'New York'],
};

/** Recent years are busier; the planning horizon thins out after the current year. */
const YEAR_WEIGHTS: [number, number][] = [
  [2020, 3],
  [2021, 4],
  [2022, 5],
  [2023, 6],
  [2024, 7],
  [2025, 8],
  [2026, 9],
  [2027, 6],
  [2028, 3],
];

const TYPE_WEIGHTS: Record<EventType, number> = {
  national_workshop: 30,
  regional_workshop: 18,
  webinar: 18,
  training_course: 12,
  expert_group_meeting: 8,
  training_of_trainers: 6,
  launch_event: 5,
  study_visit: 3,
};

const TYPE_LABELS: Record<EventType, string> = {
  expert_group_meeting: 'Expert group meeting',
  national_workshop: 'National workshop',
  regional_workshop: 'Regional workshop',
  training_course: 'Training course',
  training_of_trainers: 'Training of trainers',
  study_visit: 'Study visit',
  webinar: 'Webinar',
  launch_event: 'Launch',
};

/** Days and hours an event of each type lasts: [min days, max days] or hours for one-day ones. */
const DURATION: Record<EventType, { days: [number, number] } | { hours: [number, number] }> = {
  expert_group_meeting: { days: [2, 3] },
  national_workshop: { days: [2, 5] },
  regional_workshop: { days: [3, 5] },
  training_course: { days: [3, 10] },
  training_of_trainers: { days: [4, 8] },
  study_visit: { days: [3, 6] },
  webinar: { hours: [1.5, 3] },
  launch_event: { hours: [2, 4] },
};

const TOPICS: Record<ThematicArea, string[]> = {
  propaganda: [
    'countering terrorist propaganda online',
    'content moderation and removal orders',
    'terrorist use of video-sharing platforms',
    'deepfakes and synthetic terrorist content',
  ],
  radicalization_recruitment: [
    'online radicalization of young people',
    'recruitment through gaming platforms',
    'prevention of violent extremism in schools',
    'online grooming by terrorist groups',
  ],
  financing: [
    'terrorist financing through virtual assets',
    'crowdfunding and the financing of terrorism',
    'cryptocurrency tracing for financial intelligence units',
    'hawala networks and informal value transfer',
  ],
  training: [
    'online manuals and the training of terrorists',
    'detecting instructional material online',
    '3D-printed weapons and online blueprints',
  ],
  planning_secret_communication: [
    'encrypted messaging and lawful access',
    'the dark web and terrorist planning',
    'steganography and covert channels',
  ],
  execution_of_attacks: [
    'cyber attacks on critical infrastructure',
    'drones and unmanned aircraft systems',
    'livestreamed attacks and crisis response',
  ],
  investigations_digital_evidence: [
    'electronic evidence in terrorism investigations',
    'open-source intelligence for investigators',
    'mobile device forensics',
    'preservation requests to service providers',
  ],
  prosecution_adjudication: [
    'prosecuting terrorism cases with digital evidence',
    'admissibility of electronic evidence in court',
    'trial management of complex terrorism cases',
  ],
  international_cooperation: [
    'mutual legal assistance for electronic evidence',
    'direct cooperation with foreign service providers',
    'joint investigation teams',
    'extradition in terrorism cases',
  ],
  private_sector_cooperation: [
    'public-private partnerships against terrorist content',
    'emergency disclosure requests',
    'transparency reporting by technology companies',
  ],
  legal_policy_frameworks: [
    'criminalization of online terrorist offences',
    'legislative drafting on cybercrime and terrorism',
    'data protection in counter-terrorism legislation',
  ],
  human_rights: [
    'human rights compliant counter-terrorism online',
    'freedom of expression and terrorist content',
    'gender dimensions of online radicalization',
  ],
};

const AUDIENCE_WORDS: Record<TargetAudience, string> = {
  policy_makers: 'policy makers',
  investigators: 'investigators',
  prosecutors: 'prosecutors',
  judges: 'judges',
  central_authorities: 'central authorities',
  private_sector: 'technology companies',
  civil_society: 'civil society organizations',
};

const PUBLICATIONS = [
  'practical guide on electronic evidence',
  'handbook on terrorist financing through virtual assets',
  'model legislative provisions on online terrorist content',
  'toolkit on preventing online radicalization',
  'digest of terrorism cases involving the internet',
];

const PARTNERS = [
  'INTERPOL',
  'Council of Europe',
  'OSCE',
  'African Union',
  'European Union',
  'Global Counterterrorism Forum',
  'Tech Against Terrorism',
  'Counter-Terrorism Committee Executive Directorate',
  'UN Office of Counter-Terrorism',
  'Financial Action Task Force',
];

const VENUE_NAMES = [
  'National Police Academy',
  'Ministry of Justice Training Centre',
  'Judicial Training Institute',
  'UN House',
  'Conference Centre',
  'Radisson Blu',
  'Hilton Conference Hall',
  'Prosecutors Training School',
];

const CANCEL_REASONS = [
  'Security situation in the host country',
  'Postponed at the request of the host government',
  'Funding not confirmed in time',
  'Travel restrictions',
  'Too few nominations received',
];

const REGION_LANGUAGES: Record<RegionalGroup, Language[]> = {
  african: ['en', 'fr', 'ar'],
  asia_pacific: ['en', 'ar', 'zh', 'ru'],
  eastern_european: ['en', 'ru'],
  latin_american_caribbean: ['es', 'en'],
  western_european_others: ['en', 'fr'],
};

const REGION_NAMES: Record<RegionalGroup, string> = {
  african: 'African States',
  asia_pacific: 'Asia-Pacific States',
  eastern_european: 'Eastern European States',
  latin_american_caribbean: 'Latin America and the Caribbean',
  western_european_others: 'Western European and other States',
};

const DAY_MS = 86_400_000;

/** A small seeded generator (mulberry32): the same seed gives the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const isKnownZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

class EventGenerator {
  private readonly next: () => number;
  private readonly byRegion = new Map<RegionalGroup, StateRow[]>();
  /** Venues: States in VENUES four times as likely as the others. */
  private readonly venueStates: StateRow[] = [];
  /** Each State's zone and venue city, checked once (a zone the runtime lacks means UTC). */
  private readonly venues = new Map<string, { zone: string; city: string | null }>();
  private readonly codes: string[];

  constructor(
    private readonly states: StateRow[],
    seed: number,
    private readonly now: Date,
  ) {
    this.next = random(seed);
    for (const state of states) {
      if (state.regional_group) {
        const list = this.byRegion.get(state.regional_group) ?? [];
        list.push(state);
        this.byRegion.set(state.regional_group, list);
      }
      const known = VENUES[state.alpha3];
      const usable = !!known && isKnownZone(known[0]);
      this.venues.set(state.alpha3, {
        zone: usable ? known[0] : 'UTC',
        city: usable ? known[1] : null,
      });
      for (let i = 0; i < (usable ? 4 : 1); i++) this.venueStates.push(state);
    }
    this.codes = states.map((state) => state.alpha3);
  }

  batch(size: number): LoadEvent[] {
    return Array.from({ length: size }, () => this.event());
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  private chance(p: number): boolean {
    return this.next() < p;
  }
  private pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  private weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }
  private some<T>(items: readonly T[], min: number, max: number): T[] {
    const chosen = new Set<T>();
    const count = Math.min(items.length, this.int(min, max));
    while (chosen.size < count) chosen.add(this.pick(items));
    return [...chosen];
  }

  private event(): LoadEvent {
    const type = this.weighted(Object.entries(TYPE_WEIGHTS) as [EventType, number][]);
    const format: EventFormat =
      type === 'webinar'
        ? 'virtual'
        : type === 'study_visit'
          ? 'in_person'
          : this.weighted<EventFormat>([
              ['in_person', 70],
              ['hybrid', 20],
              ['virtual', 10],
            ]);
    const venueState = this.pick(this.venueStates);
    const region = venueState.regional_group ?? 'western_european_others';
    const hostStates = this.hosts(type, venueState, region);
    const venue = this.venues.get(venueState.alpha3) ?? { zone: 'UTC', city: null };
    const zone = venue.zone;
    // A virtual event keeps the time of its first host (or of the organisers in Vienna).
    const timeZone = format === 'virtual' ? (hostStates.length > 0 ? zone : 'Europe/Vienna') : zone;

    const thematicAreas = this.some(THEMATIC_AREAS, 1, 3);
    const targetAudiences = this.some(TARGET_AUDIENCES, 1, 3);
    const { start, end } = this.dates(type);
    const { status, cancelReason } = this.status(start, end);
    const languages = this.some(REGION_LANGUAGES[region], 1, 2);
    const title = this.title(type, thematicAreas, targetAudiences, venueState, region, start);
    const createdAt = new Date(
      Math.min(this.now.getTime(), start.getTime() - this.int(20, 300) * DAY_MS),
    );
    const updatedAt = new Date(
      Math.min(
        this.now.getTime(),
        createdAt.getTime() + this.next() * (end.getTime() + 60 * DAY_MS - createdAt.getTime()),
      ),
    );
    return {
      type,
      title,
      summary: this.summary(type, thematicAreas, targetAudiences, venueState),
      description: this.description(thematicAreas, targetAudiences),
      thematicAreas,
      targetAudiences,
      format,
      venueName: format === 'virtual' ? null : this.pick(VENUE_NAMES),
      venueCity:
        format === 'virtual' ? null : (venue.city ?? `${venueState.name_en} (capital city)`),
      venueCountry: format === 'virtual' ? null : venueState.alpha3,
      meetingLink:
        format === 'in_person'
          ? null
          : `https://meet.convene.example/${Math.floor(this.next() * 1e10).toString(36)}`,
      localStart: wallClock(start),
      localEnd: wallClock(end),
      timeZone,
      workingLanguages: languages,
      interpretation: languages.length > 1,
      capacity:
        format === 'virtual'
          ? this.int(10, 50) * 10
          : format === 'hybrid'
            ? this.int(30, 120)
            : this.int(15, 60),
      hostStates,
      organisers: this.chance(0.2)
        ? ['UNODC Terrorism Prevention Branch', 'UNODC Global Programme on Cybercrime']
        : ['UNODC Terrorism Prevention Branch'],
      partnerOrganisations: this.chance(0.6) ? this.some(PARTNERS, 1, 2) : [],
      isPublic: status !== 'draft' && this.chance(0.35),
      status,
      cancelReason,
      version: status === 'draft' ? 1 : this.int(2, 8),
      createdAt,
      updatedAt,
    };
  }

  private hosts(type: EventType, venue: StateRow, region: RegionalGroup): string[] {
    const neighbours = (this.byRegion.get(region) ?? []).map((state) => state.alpha3);
    switch (type) {
      case 'national_workshop':
      case 'training_of_trainers':
        return [venue.alpha3];
      case 'regional_workshop':
        return [venue.alpha3, ...this.some(neighbours, 2, 6).filter((c) => c !== venue.alpha3)];
      case 'study_visit': {
        // Officials of one State visit another.
        const visitor = this.pick(this.states).alpha3;
        return visitor === venue.alpha3 ? [venue.alpha3] : [visitor, venue.alpha3];
      }
      case 'training_course':
        return [venue.alpha3, ...this.some(neighbours, 0, 2).filter((c) => c !== venue.alpha3)];
      case 'expert_group_meeting':
        return this.some(this.codes, 3, 10);
      case 'webinar':
      case 'launch_event':
        return this.chance(0.4) ? [] : this.some(neighbours, 1, 8);
    }
  }

  /** Wall-clock start and end at the venue, as if UTC (converted in SQL with the zone). */
  private dates(type: EventType): { start: Date; end: Date } {
    const year = this.weighted(YEAR_WEIGHTS);
    const yearStart = Date.UTC(year, 0, 1);
    const days = (Date.UTC(year + 1, 0, 1) - yearStart) / DAY_MS;
    let day = new Date(yearStart + this.int(0, days - 1) * DAY_MS);
    // Meetings start on working days; the summer and the year's end are quieter.
    const month = day.getUTCMonth();
    if ((month === 7 || month === 11) && this.chance(0.5)) {
      day = new Date(day.getTime() - this.int(20, 40) * DAY_MS);
    }
    // Saturday or Sunday: the next Monday, or the Friday before if that is next year.
    const weekday = day.getUTCDay();
    if (weekday === 6 || weekday === 0) {
      const monday = new Date(day.getTime() + (weekday === 6 ? 2 : 1) * DAY_MS);
      const friday = new Date(day.getTime() - (weekday === 6 ? 1 : 2) * DAY_MS);
      day = monday.getUTCFullYear() === year ? monday : friday;
    }
    const duration = DURATION[type];
    if ('hours' in duration) {
      const startHour = this.pick([9, 10, 11, 13, 14, 15]);
      const start = new Date(day.getTime() + startHour * 3_600_000);
      const hours = duration.hours[0] + this.next() * (duration.hours[1] - duration.hours[0]);
      return { start, end: new Date(start.getTime() + Math.round(hours * 2) * 1_800_000) };
    }
    const start = new Date(day.getTime() + this.pick([8.5, 9, 9, 9.5, 10]) * 3_600_000);
    const length = this.int(duration.days[0], duration.days[1]);
    const end = new Date(
      day.getTime() + (length - 1) * DAY_MS + this.pick([16, 17, 17, 17.5, 18]) * 3_600_000,
    );
    return { start, end };
  }

  /** A status that fits the dates, as seen from `now`. */
  private status(start: Date, end: Date): { status: EventStatus; cancelReason: string | null } {
    const now = this.now.getTime();
    const cancelled = () => ({
      status: 'cancelled' as const,
      cancelReason: this.pick(CANCEL_REASONS),
    });
    const as = (status: EventStatus) => ({ status, cancelReason: null });
    if (end.getTime() < now) {
      if (this.chance(0.08)) return cancelled();
      const daysAgo = (now - end.getTime()) / DAY_MS;
      if (daysAgo < 30)
        return as(
          this.weighted<EventStatus>([
            ['held', 70],
            ['reported', 30],
          ]),
        );
      if (daysAgo < 180) {
        return as(
          this.weighted<EventStatus>([
            ['held', 20],
            ['reported', 55],
            ['closed', 25],
          ]),
        );
      }
      return as(
        this.weighted<EventStatus>([
          ['held', 5],
          ['reported', 15],
          ['closed', 80],
        ]),
      );
    }
    if (start.getTime() <= now) return as('confirmed');
    if (this.chance(0.04)) return cancelled();
    const daysAhead = (start.getTime() - now) / DAY_MS;
    if (daysAhead < 14) {
      return as(
        this.weighted<EventStatus>([
          ['confirmed', 70],
          ['nominations_closed', 20],
          ['open_for_nominations', 10],
        ]),
      );
    }
    if (daysAhead < 60) {
      return as(
        this.weighted<EventStatus>([
          ['open_for_nominations', 40],
          ['nominations_closed', 35],
          ['confirmed', 25],
        ]),
      );
    }
    if (daysAhead < 180) {
      return as(
        this.weighted<EventStatus>([
          ['planned', 50],
          ['open_for_nominations', 40],
          ['draft', 10],
        ]),
      );
    }
    if (daysAhead < 365) {
      return as(
        this.weighted<EventStatus>([
          ['planned', 60],
          ['draft', 35],
          ['open_for_nominations', 5],
        ]),
      );
    }
    return as(
      this.weighted<EventStatus>([
        ['draft', 55],
        ['planned', 45],
      ]),
    );
  }

  private title(
    type: EventType,
    areas: ThematicArea[],
    audiences: TargetAudience[],
    venue: StateRow,
    region: RegionalGroup,
    start: Date,
  ): string {
    const topic = this.pick(TOPICS[this.pick(areas)]);
    const audience = AUDIENCE_WORDS[this.pick(audiences)];
    switch (type) {
      case 'national_workshop':
        return `National workshop on ${topic} for ${audience} of ${venue.name_en}`;
      case 'regional_workshop':
        return `Regional workshop for ${REGION_NAMES[region]} on ${topic}`;
      case 'expert_group_meeting':
        return `Expert group meeting on ${topic} (${start.getUTCFullYear()})`;
      case 'training_course':
        return `Training course for ${audience}: ${topic}`;
      case 'training_of_trainers':
        return `Training of trainers on ${topic} in ${venue.name_en}`;
      case 'study_visit':
        return `Study visit of ${audience} to ${venue.name_en} on ${topic}`;
      case 'webinar':
        return `Webinar: ${topic[0]?.toUpperCase()}${topic.slice(1)}`;
      case 'launch_event':
        return `Launch of the ${this.pick(PUBLICATIONS)}`;
    }
  }

  private summary(
    type: EventType,
    areas: ThematicArea[],
    audiences: TargetAudience[],
    venue: StateRow,
  ): string {
    const topics = areas.map((area) => this.pick(TOPICS[area]));
    const who = audiences.map((audience) => AUDIENCE_WORDS[audience]).join(', ');
    return (
      `${TYPE_LABELS[type]} bringing together ${who} to strengthen capacities on ` +
      `${topics.join('; ')}. ` +
      (type === 'webinar' || type === 'launch_event'
        ? 'Open to practitioners from all regions.'
        : `Hosted in ${venue.name_en} with experts from partner States.`)
    );
  }

  private description(areas: ThematicArea[], audiences: TargetAudience[]): string {
    const paragraphs = [
      'The activity is delivered under the project on the use of the internet for terrorist ' +
        'purposes, which supports Member States in preventing and countering terrorism ' +
        'in line with international human rights law.',
      `Sessions cover ${areas.flatMap((area) => TOPICS[area]).join(', ')}.`,
      `Participants (${audiences.map((a) => AUDIENCE_WORDS[a]).join(', ')}) work through ` +
        'case studies, exchange national practice and draft recommendations for follow-up.',
      'Nominations are made through the focal points; the organisers confirm participation ' +
        'in writing and share the agenda, logistics note and reading material in advance.',
    ];
    return paragraphs.slice(0, this.int(2, paragraphs.length)).join('\n\n');
  }
}

/** 'YYYY-MM-DD HH:MM' of a Date read as UTC. */
const wallClock = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

async function main() {
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

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
