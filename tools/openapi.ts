// npm run lint:openapi [-- --write-only]
// Builds the API as it runs (every controller, guard and contract) on an in-memory PGlite
// database, so no PostgreSQL server is needed, reads the OpenAPI document it serves, writes it
// to dist/openapi.json and lints it with Spectral (.spectral.yaml: spectral:oas and OWASP).
//
// Run by ts-node, not tsx: Nest's dependency injection reads the constructor types that only
// TypeScript's emitDecoratorMetadata writes, and esbuild (tsx) does not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { register } from 'tsconfig-paths';

const root = join(__dirname, '..');
const output = join(root, 'dist', 'openapi.json');

// The workspace's own packages (@convene/contracts, @convene/domain), as tsconfig.base.json
// maps them for the compiler, for Node's require.
const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: root, paths: base.compilerOptions.paths });

async function main(): Promise<number> {
  // Imported once the paths are registered: the app imports the workspace packages.
  const { createApp } = await import('../apps/api/src/app.factory');
  const { loadConfig } = await import('../apps/api/src/config/app-config');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    APP_SECRET: 'openapi-document-openapi-document-0123',
    WEB_DIST: '',
    DATA_DIR: 'memory://',
    // No mail goes anywhere while the document is read.
    MAIL_WORKER: 'off',
    DEV_MAIL_PORT: '0',
    MAIL_SCHEDULE_SECONDS: '0',
  });
  config.database = { kind: 'pglite', dataDir: 'memory://' };
  const running = await createApp(config, { silent: true });
  try {
    const answer = await running.app.inject({ method: 'GET', url: '/api/docs-json' });
    if (answer.statusCode !== 200) {
      throw new Error(`GET /api/docs-json answered ${answer.statusCode}`);
    }
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, JSON.stringify(JSON.parse(answer.body), null, 2) + '\n');
  } finally {
    await running.close();
  }
  if (process.argv.includes('--write-only')) return 0;
  const spectral = spawnSync(
    join(root, 'node_modules', '.bin', 'spectral'),
    ['lint', output, '--ruleset', join(root, '.spectral.yaml'), '--fail-severity', 'error'],
    { stdio: 'inherit', cwd: root },
  );
  return spectral.status ?? 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
