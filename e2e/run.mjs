// Runs the browser tests: builds the app, starts it on a fresh PostgreSQL
// database in development mode (demo data, in-process SMTP catcher), runs
// the specs with Node's test runner, and cleans up whatever happens.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';

// `npm run test:e2e -- e2e/specs/calendars.spec.ts` runs some specs; every spec by default.
const specFiles = process.argv.length > 2 ? process.argv.slice(2) : ['e2e/specs/*.spec.ts'];
const server = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!process.env.E2E_SKIP_BUILD) {
  run('nx', ['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream']);
}

const database = `convene_e2e_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: `${server}/postgres` });
await admin.connect();
await admin.query(`create database ${database}`);

const port = await freePort();
const mailPort = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const app = spawn('node', ['dist/apps/api/main.js'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_URL: baseUrl,
    DATABASE_URL: `${server}/${database}`,
    DEV_MAIL_PORT: String(mailPort),
    APP_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    SMTP_URL: '',
    // Every browser test signs in from 127.0.0.1, several times a minute.
    LOGIN_RATE_LIMIT_PER_ADDRESS: '1000',
    API_RATE_LIMIT: '100000',
  },
});
let output = '';
app.stdout.on('data', (chunk) => (output += chunk));

let status = 1;
try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok && output.includes('Demo sign-ins')) break;
    } catch {
      // not listening yet
    }
    if (app.exitCode !== null) throw new Error(`the app exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the app did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const specs = spawnSync(
    'node',
    ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specFiles],
    // E2E_DATABASE_URL: fixtures the screens offer no route to yet (the owner's connection).
    {
      stdio: 'inherit',
      env: { ...process.env, BASE_URL: baseUrl, E2E_DATABASE_URL: `${server}/${database}` },
    },
  );
  status = specs.status ?? 1;
} catch (error) {
  console.error(error);
} finally {
  app.kill('SIGTERM');
  await new Promise((resolve) => (app.exitCode !== null ? resolve() : app.once('exit', resolve)));
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
}
process.exit(status);
