// Measures the documents' full-text search (GET /api/t/:tenant/documents/search) over
// BENCH_DOCUMENTS documents (100 000 by default), each with about 100 words of extracted text,
// through the whole API (the built dist/apps/api/main.js in its own process, autocannon) against
// the same statement sent straight through `pg` (documentSearchSql, in the same scope), round
// after round in the same run. The gap is what the API adds: HTTP, the session, the second
// statement that reads the hits' files, signing their download links, JSON. EXPLAIN (ANALYZE)
// says whether the GIN index on the text is used. Figures go in docs/performance.md.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { APP_ROLE } from '../../apps/api/src/db/app-role';
import { documentSearchSql } from '../../apps/api/src/documents/document-search.query';
import { seedLoad } from '../seed-load/command';
import { closedLoop, type Measurement, runAutocannon, signIn, startApiProcess } from './events';

export interface DocumentSearchBenchOptions {
  documents: number;
  connections: number;
  durationSeconds: number;
  rounds: number;
  log?: (line: string) => void;
}

/** Made-up words from syllables: a vocabulary large enough that most words are rare. */
function vocabulary(size: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vel', 'dor', 'ni', 'pa', 'qu', 'ex'];
  const words = new Set<string>();
  let seed = 7;
  // A 32-bit xorshift: exact in JavaScript's numbers, and its period is long.
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % 1_000_003;
  };
  while (words.size < size) {
    let word = '';
    for (let i = 0; i < 2 + (next() % 3); i++) word += syllables[next() % syllables.length];
    words.add(word);
  }
  return [...words];
}

const QUERIES = [
  // About one document in ten says "evidence" (it is 5 of the vocabulary's 5 000 slots).
  { name: 'common word (~10 % of documents)', q: 'evidence' },
  // One document in a thousand says "biometric".
  { name: 'rare word (0.1 %)', q: 'biometric' },
  { name: 'both words', q: 'evidence biometric' },
  { name: 'no match', q: 'zzyzx' },
];

export async function benchDocumentSearch(options: DocumentSearchBenchOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const server = process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';
  const name = `convene_bench_${randomBytes(4).toString('hex')}`;
  const url = `${server}/${name}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
  pool.on('error', () => undefined);
  let api: Awaited<ReturnType<typeof startApiProcess>> | null = null;
  try {
    const seed = await seedLoad({ databaseUrl: url, events: 100 });
    const started = performance.now();
    const words = [...vocabulary(4_995), ...Array<string>(5).fill('evidence')];
    const owner = new pg.Client({ connectionString: url });
    await owner.connect();
    try {
      // The text index is built once after the load, as a bulk load would (much faster than
      // maintaining it row by row); its definition is the migration's.
      await owner.query('drop index document_versions_text_idx');
      const batch = 10_000;
      for (let from = 1; from <= options.documents; from += batch) {
        const to = Math.min(options.documents, from + batch - 1);
        // As extraction leaves them: a library document, its current English version, the text
        // and its english tsvector. One row in a thousand also says "biometric".
        await owner.query(
          `with made as (
             insert into documents (tenant_id, title, kind, visibility, published_at)
             select $1, 'Paper ' || g || ' on ' || ($2::text[])[1 + (g * 7919) % cardinality($2::text[])],
                    'background_paper', 'public', now()
               from generate_series($3::int, $4::int) g
             returning id),
           texts as (
             select m.id,
                    (select string_agg(($2::text[])[1 + floor(random() * cardinality($2::text[]))::int], ' ')
                       from generate_series(1, 100) where m.id is not null)
                    || case when random() < 0.001 then ' biometric' else '' end as body
               from made m)
           insert into document_versions (tenant_id, document_id, language, number, storage_key,
                                          file_name, content_type, size_bytes, sha256,
                                          extracted_text, text_search, extracted_at)
           select $1, t.id, 'en', 1, 'tenant/' || $1 || '/documents/' || t.id || '/' || t.id,
                  'paper.pdf', 'application/pdf', 1000, '\\x00', t.body,
                  to_tsvector('english', t.body), now()
             from texts t`,
          [seed.tenantId, words, from, to],
        );
        log(`  ${to} / ${options.documents} documents`);
      }
      await owner.query(
        `create index document_versions_text_idx on document_versions using gin (text_search)
          where is_current`,
      );
      await owner.query('vacuum (analyze) documents, document_versions');
    } finally {
      await owner.end();
    }
    log(
      `  seeded ${options.documents} documents with ~100 words each in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const counts = await pool.query<{ q: string; n: string }>(
      `select q, (select count(*) from document_versions
                   where text_search @@ websearch_to_tsquery('english', q))::text as n
         from unnest($1::text[]) q`,
      [QUERIES.map((query) => query.q)],
    );

    api = await startApiProcess({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      APP_SECRET: 'bench-secret-'.repeat(3),
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: '10',
      MAIL_WORKER: 'off',
      EXTRACTION_WORKER: 'off',
      MAIL_SCHEDULE_SECONDS: '0',
      WEB_DIST: '',
      API_RATE_LIMIT: String(2 ** 31 - 1),
    });
    const cookie = await signIn(api.baseUrl, seed.officer.email, seed.officer.password);
    // The officer: the staff read every document, so the rule's own subqueries do not run and
    // the figures are the search's.
    const scope = [APP_ROLE, seed.tenantId, seed.officer.id];
    const rows: { name: string; hits: string; api: Measurement; raw: Measurement; plan: string }[] =
      [];
    for (const query of QUERIES) {
      const statement = {
        text: documentSearchSql(),
        values: [seed.officer.id, null, true, true, false, query.q, 20],
        name: 'convene_bench_document_search' as const,
      };
      const path = `/api/t/${seed.tenantSlug}/documents/search?q=${encodeURIComponent(query.q)}&limit=20`;
      const apis: Measurement[] = [];
      const raws: Measurement[] = [];
      for (let round = 0; round < options.rounds; round++) {
        await runAutocannon(api.baseUrl + path, cookie, options.connections, 2);
        apis.push(
          await runAutocannon(
            api.baseUrl + path,
            cookie,
            options.connections,
            options.durationSeconds,
          ),
        );
        raws.push(
          await closedLoop(pool, scope, statement, options.connections, options.durationSeconds),
        );
      }
      const client = await pool.connect();
      let plan: string[] = [];
      try {
        await client.query('begin');
        await client.query(
          `select set_config('role', $1, true), set_config('app.tenant_id', $2, true),
                  set_config('app.user_id', $3, true)`,
          scope,
        );
        plan = (
          await client.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, buffers) ${statement.text}`,
            statement.values,
          )
        ).rows.map((row) => row['QUERY PLAN']);
        await client.query('rollback');
      } finally {
        client.release();
      }
      const best = (list: Measurement[]) =>
        list.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
      rows.push({
        name: query.name,
        hits: counts.rows.find((row) => row.q === query.q)?.n ?? '?',
        api: best(apis),
        raw: best(raws),
        plan: [
          plan.some((line) => line.includes('document_versions_text_idx'))
            ? 'GIN document_versions_text_idx'
            : 'no text index',
          plan.find((line) => line.startsWith('Execution Time'))?.toLowerCase() ?? '',
        ].join(', '),
      });
    }
    log(
      '  | query | matching versions | API req/s | API p50 / p99 ms | raw pg req/s | raw p50 / p99 ms | API / raw |',
    );
    log('  | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      log(
        `  | ${row.name} | ${row.hits} | ${row.api.perSecond.toFixed(0)} | ${row.api.p50.toFixed(1)} / ${row.api.p99.toFixed(1)} | ` +
          `${row.raw.perSecond.toFixed(0)} | ${row.raw.p50.toFixed(1)} / ${row.raw.p99.toFixed(1)} | ` +
          `${(row.api.perSecond / row.raw.perSecond).toFixed(2)} |`,
      );
    }
    log('  EXPLAIN (ANALYZE, BUFFERS) of the raw statement, as the application role:');
    for (const row of rows) log(`    ${row.name}: ${row.plan}`);
  } finally {
    await api?.stop();
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

export function documentSearchOptionsFromEnv(): DocumentSearchBenchOptions {
  return {
    documents: Number(process.env['BENCH_DOCUMENTS'] ?? 100_000),
    connections: Number(process.env['BENCH_SEARCH_CONNECTIONS'] ?? 4),
    durationSeconds: Number(process.env['BENCH_SEARCH_SECONDS'] ?? 8),
    rounds: Number(process.env['BENCH_SEARCH_ROUNDS'] ?? 2),
  };
}

export function documentSearchHeading(options: DocumentSearchBenchOptions): string {
  return `Document search: ${options.documents} documents, the API against the same SQL through pg, ${options.connections} connections, ${options.durationSeconds} s × ${options.rounds} rounds`;
}
