import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { LOGIN_ROLE } from '../db/app-role';

/**
 * The API's pool, unless DATABASE_POOL_SIZE says otherwise: twice this host's cores, PostgreSQL's
 * rule of thumb for a pool (twice the database server's cores, plus its disks) when the database
 * runs on the same host, as `docker-compose.yml` and a one-machine install run it. More
 * connections than that only take turns on the same cores: on two cores the events bench served
 * the list's first page 13 % faster with 4 than with 10, with shorter tails (docs/performance.md).
 * A database on a server of its own: size the pool for that server.
 */
export function defaultPoolSize(): number {
  return 2 * availableParallelism();
}

const Environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where to listen. Development listens on loopback only: its mail catcher shows reset links. */
  HOST: z.string().optional(),
  /**
   * The proxies whose X-Forwarded-For is believed: a hop count (1 = the nearest proxy) or a
   * comma-separated list of addresses and CIDR ranges. Unset: none, so the client's address is
   * the socket's and a forged header changes nothing.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(\d{1,2}|[0-9a-fA-F.:/,\s]+)$/, 'a hop count, or addresses and CIDR ranges')
    .optional(),
  /** Public address of the app, used in links sent by email. */
  APP_URL: z.url().optional(),
  /** Owner connection: runs migrations. Unset → embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  /**
   * The API pool's own login. Unset: the owner's URL with the login role convene_api, whose
   * password (derived from APP_SECRET) the owner sets at boot. Set: used as given, and the
   * role's password is left to whoever manages it.
   */
  APP_DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(defaultPoolSize),
  DATA_DIR: z.string().default('.data'),
  /** Signs CSRF tokens; required in production so every replica agrees. */
  APP_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Convene <no-reply@convene.example>'),
  /** in-process: the API also runs the mail worker; off: run \`npm run worker\` instead. */
  MAIL_WORKER: z.enum(['in-process', 'off']).default('in-process'),
  /** How long a worker's claim on a message lasts before another worker may take it. */
  MAIL_LEASE_SECONDS: z.coerce.number().positive().default(60),
  /** How long a transient delivery failure (4xx, connection trouble) is retried before it is final. */
  MAIL_GIVE_UP_HOURS: z.coerce.number().positive().default(24),
  /** The longest wait between two delivery attempts of one message. */
  MAIL_BACKOFF_MAX_SECONDS: z.coerce.number().positive().default(900),
  /** SMTP connections each mail worker keeps open (its pool); every message shares them. */
  MAIL_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(10),
  /** How often a mail worker computes scheduled mail (digests, reminders); 0 turns it off. */
  MAIL_SCHEDULE_SECONDS: z.coerce.number().min(0).default(60),
  /** The hour (UTC, 0–23) from which the day's digests for administrators go out. */
  MAIL_DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
  /** In development without SMTP_URL, an in-process SMTP catcher on this port (0 = any free port). */
  DEV_MAIL_PORT: z.coerce.number().int().min(0).max(65535).default(1025),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  INVITATION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 7),
  RESET_TTL_MINUTES: z.coerce.number().positive().default(60),
  /** Sign-in attempts per account per minute, from any number of addresses. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Sign-in attempts per client address per minute, across any number of accounts. */
  LOGIN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(30),
  /** Requests per minute one caller (a session, or an address signed out) may make to this process. */
  API_RATE_LIMIT: z.coerce.number().int().positive().default(600),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  WEB_DIST: z.string().default('dist/apps/web/browser'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Where documents' files live: a folder under DATA_DIR (default), or an S3-compatible store. */
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  /** The local driver's folder; default DATA_DIR/files. */
  STORAGE_DIR: z.string().optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().default('us-east-1'),
  /** Path-style addressing (endpoint/bucket/key): what MinIO, Ceph and local emulators expect. */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** The largest upload any tenant may send; each tenant's own limit is at most this. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(100 * 1024 * 1024),
  /** How long a signed download link works. */
  DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /** in-process: the API also extracts documents' text; off: another process does. */
  EXTRACTION_WORKER: z.enum(['in-process', 'off']).default('in-process'),
  /** in-process: the API also runs the daily retention runs (docs/privacy.md); off: another process does. */
  RETENTION_WORKER: z.enum(['in-process', 'off']).default('in-process'),
  /** Days ended sessions and used or expired password-reset tokens are kept before the platform's run deletes them. */
  SESSION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

export interface AppConfig {
  environment: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Fastify's trustProxy: false, a hop count, or addresses and CIDR ranges. */
  trustProxy: false | number | string[];
  appUrl: string;
  database:
    | {
        kind: 'postgres';
        ownerUrl: string;
        appUrl: string;
        poolSize: number;
        /** Set at boot by the owner when the app URL is derived rather than given. */
        loginPassword: string | null;
      }
    | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  secret: string;
  smtpUrl: string | null;
  mailFrom: string;
  mailWorker: 'in-process' | 'off';
  mailLeaseMs: number;
  mailGiveUpMs: number;
  mailBackoffMaxMs: number;
  mailSmtpConnections: number;
  /** Null when this process computes no scheduled mail. */
  mailScheduleMs: number | null;
  digestHourUtc: number;
  /** null: no development mail catcher. */
  devMailPort: number | null;
  sessionTtlMs: number;
  invitationTtlMs: number;
  resetTtlMs: number;
  loginRateLimit: number;
  loginRateLimitPerAddress: number;
  apiRateLimit: number;
  seedDemo: boolean;
  webDist: string | null;
  logLevel: string;
  bodyLimitBytes: number;
  secureCookies: boolean;
  storage:
    | { driver: 'local'; dir: string }
    | {
        driver: 's3';
        endpoint: string | null;
        bucket: string;
        region: string;
        forcePathStyle: boolean;
        accessKeyId: string | null;
        secretAccessKey: string | null;
      };
  uploadMaxBytes: number;
  downloadUrlTtlMs: number;
  extractionWorker: 'in-process' | 'off';
  retentionWorker: 'in-process' | 'off';
  /** Days ended sessions and used or expired reset tokens are kept (docs/privacy.md). */
  sessionRetentionDays: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Reads and checks the environment once, at boot; a bad value stops the process. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = Environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const secret = e.APP_SECRET ?? localSecret(dataDir);
  const production = e.NODE_ENV === 'production';
  if (production && !e.APP_SECRET) {
    throw new Error('APP_SECRET (32+ characters) is required in production');
  }
  if (production && !e.DATABASE_URL) {
    throw new Error('DATABASE_URL is required in production');
  }
  return {
    environment: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (e.NODE_ENV === 'development' ? '127.0.0.1' : '0.0.0.0'),
    trustProxy: trustProxy(e.TRUST_PROXY),
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          ownerUrl: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          ...(e.APP_DATABASE_URL
            ? { appUrl: e.APP_DATABASE_URL, loginPassword: null }
            : loginUrl(e.DATABASE_URL, secret)),
        }
      : { kind: 'pglite', dataDir: join(dataDir, 'pglite') },
    dataDir,
    secret,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    mailWorker: e.MAIL_WORKER,
    mailLeaseMs: e.MAIL_LEASE_SECONDS * 1000,
    mailGiveUpMs: e.MAIL_GIVE_UP_HOURS * 3_600_000,
    mailBackoffMaxMs: e.MAIL_BACKOFF_MAX_SECONDS * 1000,
    mailSmtpConnections: e.MAIL_SMTP_CONNECTIONS,
    mailScheduleMs: e.MAIL_SCHEDULE_SECONDS > 0 ? e.MAIL_SCHEDULE_SECONDS * 1000 : null,
    digestHourUtc: e.MAIL_DIGEST_HOUR_UTC,
    devMailPort: e.NODE_ENV === 'development' ? e.DEV_MAIL_PORT : null,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    invitationTtlMs: e.INVITATION_TTL_HOURS * 3_600_000,
    resetTtlMs: e.RESET_TTL_MINUTES * 60_000,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    loginRateLimitPerAddress: e.LOGIN_RATE_LIMIT_PER_ADDRESS,
    apiRateLimit: e.API_RATE_LIMIT,
    seedDemo: e.SEED_DEMO ?? e.NODE_ENV === 'development',
    webDist: e.WEB_DIST ? resolve(e.WEB_DIST) : null,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    secureCookies: production,
    storage: storageOf(e, dataDir),
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    downloadUrlTtlMs: e.DOWNLOAD_URL_TTL_SECONDS * 1000,
    extractionWorker: e.EXTRACTION_WORKER,
    retentionWorker: e.RETENTION_WORKER,
    sessionRetentionDays: e.SESSION_RETENTION_DAYS,
  };
}

function storageOf(e: z.infer<typeof Environment>, dataDir: string): AppConfig['storage'] {
  if (e.STORAGE_DRIVER === 'local') {
    return { driver: 'local', dir: resolve(e.STORAGE_DIR ?? join(dataDir, 'files')) };
  }
  if (!e.S3_BUCKET) throw new Error('S3_BUCKET is required with STORAGE_DRIVER=s3');
  return {
    driver: 's3',
    endpoint: e.S3_ENDPOINT ?? null,
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
    accessKeyId: e.S3_ACCESS_KEY_ID ?? null,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? null,
  };
}

/** The owner's URL with the login role in it, and that role's password, made from the secret. */
function loginUrl(ownerUrl: string, secret: string): { appUrl: string; loginPassword: string } {
  const url = new URL(ownerUrl);
  if (!url.hostname) {
    throw new Error('DATABASE_URL names no host: set APP_DATABASE_URL for the API pool too');
  }
  const loginPassword = createHmac('sha256', secret).update(LOGIN_ROLE).digest('base64url');
  url.username = LOGIN_ROLE;
  url.password = loginPassword;
  return { appUrl: url.toString(), loginPassword };
}

function trustProxy(value: string | undefined): AppConfig['trustProxy'] {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  return trimmed
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Outside production a secret is made once and kept beside the local data. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
