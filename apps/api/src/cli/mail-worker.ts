import { loadConfig } from '../config/app-config';
import { openDatabases } from '../db/data-source.factory';
import { mailWorkerFor } from '../mail/mail-worker';

/**
 * npm run worker: the mail worker as its own process, beside API replicas
 * started with MAIL_WORKER=off. Any number may run at once. Needs a
 * PostgreSQL server (DATABASE_URL): the embedded database belongs to one process.
 */
async function main() {
  const config = loadConfig();
  if (config.database.kind !== 'postgres') throw new Error('npm run worker needs DATABASE_URL');
  if (!config.smtpUrl) throw new Error('npm run worker needs SMTP_URL');
  const databases = await openDatabases(config);
  await databases.open();
  const worker = mailWorkerFor(databases.app, config, config.smtpUrl, (message) =>
    process.stderr.write(`${message}\n`),
  );
  worker.start();
  process.stdout.write('Mail worker started\n');
  const stop = async () => {
    await worker.stop();
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
