import { loadConfig } from '../config/app-config';
import { openDatabases } from '../db/data-source.factory';
import { TextExtractionWorker } from '../documents/text-extraction-worker';
import { RetentionWorker } from '../privacy/retention-worker';
import { storeFor } from '../storage/storage';

/**
 * npm run worker:documents: the document worker as its own process, beside API replicas started
 * with EXTRACTION_WORKER=off. It extracts uploaded files' text for search and deletes the
 * stored objects a deletion left behind (docs/documents.md), and does the tenants' daily retention
 * runs (docs/privacy.md) when the API runs with RETENTION_WORKER=off. Any number may run at once: jobs
 * are claimed with SKIP LOCKED. `--once` drains what is due and exits (a cron job, a check).
 * Needs a PostgreSQL server (DATABASE_URL) and the same storage settings as the API.
 */
async function main() {
  const once = process.argv.includes('--once');
  const config = loadConfig();
  if (config.database.kind !== 'postgres') {
    throw new Error('npm run worker:documents needs DATABASE_URL');
  }
  const databases = await openDatabases(config);
  await databases.open();
  const store = storeFor(config.storage);
  const worker = new TextExtractionWorker(databases.app, store, {
    log: (message) => process.stderr.write(`${message}\n`),
  });
  const retention = new RetentionWorker(databases.app, store, {
    sessionsDays: config.sessionRetentionDays,
    log: (message) => process.stderr.write(`${message}\n`),
  });
  if (once) {
    let total = 0;
    for (let handled = await worker.drainOnce(); handled > 0; handled = await worker.drainOnce()) {
      total += handled;
    }
    const runs = await retention.drainOnce();
    process.stdout.write(`Document worker: ${total} job(s) done\n`);
    process.stdout.write(`Retention: ${runs} run(s) done, the platform's included\n`);
    await databases.close();
    return;
  }
  worker.start();
  retention.start();
  process.stdout.write('Document worker started\n');
  const stop = async () => {
    await worker.stop();
    await retention.stop();
    await databases.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
