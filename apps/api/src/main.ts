import { createApp } from './app.factory';
import { loadConfig } from './config/app-config';
import { seedDemo, DEMO_PASSWORD, DEMO_SIGN_INS } from './cli/demo-seed';

async function main() {
  const config = loadConfig();
  const running = await createApp(config);
  if (config.seedDemo) {
    await seedDemo(running.databases.app, running.store);
    // Only now, with the demo's history all written: its oldest years are due at once.
    running.retention?.start();
  }
  await running.app.listen({ port: config.port, host: config.host });

  const lines = [
    '',
    `  Convene is running at ${config.appUrl}`,
    `  API docs:   ${config.appUrl}/api/docs`,
    running.devMail ? `  Caught mail: ${config.appUrl}/dev/mail` : '',
    config.database.kind === 'pglite'
      ? `  Database:   embedded PGlite in ${config.database.dataDir}`
      : '  Database:   PostgreSQL (DATABASE_URL)',
  ];
  if (config.seedDemo) {
    lines.push('', `  Demo sign-ins (password: ${DEMO_PASSWORD}):`);
    for (const demo of DEMO_SIGN_INS)
      lines.push(`    ${demo.email.padEnd(28)} ${demo.description}`);
  }
  process.stdout.write(lines.filter((line) => line !== '').join('\n') + '\n\n');

  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Convene failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
