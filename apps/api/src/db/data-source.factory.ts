import { mkdirSync } from 'node:fs';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { LOGIN_ROLE } from './app-role';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

const common = {
  type: 'postgres',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTransactionMode: 'each',
  synchronize: false,
  uuidExtension: 'pgcrypto',
  // gen_random_uuid() is built in since PostgreSQL 13: no extension to install.
  installExtensions: false,
  logging: false,
} as const;

export interface Databases {
  /** The API's pool: every transaction runs as the application role. */
  app: DataSource;
  /** Runs migrations as the owner, then opens the pool. */
  migrate(): Promise<void>;
  /** Opens the pool without migrating (a worker process beside the API). */
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The few prepared statements (the events list, sqlThenCommit's `prepared`) are planned for their
 * values on every use, as an unprepared statement is: their optional filters are written
 * `($n is null or …)`, which only a plan for the actual values turns into an index condition (a
 * generic plan would walk the whole start-time index for a deep page or a rare search term).
 * Preparing them still saves parsing and rewriting them on every request.
 */
const CUSTOM_PLANS = 'plan_cache_mode=force_custom_plan';

/**
 * Two drivers, one behaviour: a PostgreSQL server when DATABASE_URL is set,
 * otherwise PGlite (PostgreSQL in WebAssembly) kept in DATA_DIR, through
 * PGlite's own node-postgres adapter with a pool of one connection.
 */
export async function openDatabases(config: AppConfig): Promise<Databases> {
  const db = config.database;
  if (db.kind === 'postgres') {
    const app = new DataSource({
      ...common,
      url: db.appUrl,
      extra: { max: db.poolSize, idleTimeoutMillis: 30_000, options: `-c ${CUSTOM_PLANS}` },
    } as DataSourceOptions);
    return {
      app,
      async migrate() {
        const owner = new DataSource({
          ...common,
          url: db.ownerUrl,
          extra: { max: 1 },
        } as DataSourceOptions);
        await owner.initialize();
        try {
          await owner.runMigrations();
          if (db.loginPassword !== null) {
            // Tolerates another process of this cluster setting it at the same moment.
            await owner.query(`
              do $$ begin
                execute format('alter role ${LOGIN_ROLE} password %L', ${literal(db.loginPassword)});
              exception when others then
                if sqlstate <> 'XX000' then raise; end if;
              end $$`);
          }
        } finally {
          await owner.destroy();
        }
        if (!app.isInitialized) await app.initialize();
      },
      async open() {
        if (!app.isInitialized) await app.initialize();
      },
      async close() {
        if (app.isInitialized) await app.destroy();
      },
    };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const dataDir = db.dataDir;
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // PGlite has one user session: it migrates as the superuser it starts as, then the session
  // becomes the login role, as the server's pool logs in (see lockDown).
  const pglite = await PGlite.create(dataDir);
  const pgConfig = createPgConfig(pglite);
  const app = new DataSource({
    ...common,
    // The adapter's connection object stands in for a socket; one client only.
    extra: { ...pgConfig, max: 1, idleTimeoutMillis: 0 },
  } as DataSourceOptions);
  return {
    app,
    async migrate() {
      if (!app.isInitialized) await app.initialize();
      await app.runMigrations();
      await app.query(`set session authorization ${LOGIN_ROLE}`);
      await app.query(`set ${CUSTOM_PLANS}`);
    },
    async open() {
      if (!app.isInitialized) await app.initialize();
      await app.query(`set session authorization ${LOGIN_ROLE}`);
      await app.query(`set ${CUSTOM_PLANS}`);
    },
    async close() {
      if (app.isInitialized) await app.destroy();
      await pglite.close();
    },
  };
}

/** A SQL string literal; the value is ours (base64url), quoted all the same. */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
