/**
 * npm run bench:web — the web app's first load, against a bare Angular app built the same way.
 *
 * Builds the API, the web app and the bare app (tools/bench/web/bare: Angular + Material + NgRx +
 * Transloco, one sign-in-like form), serves each through the built API's own static serving
 * (`dist/apps/api/main.js`, precompressed files, on a fresh PostgreSQL database with the demo
 * data), and loads pages in headless Chromium on a throttled line with the cache off. Each page
 * is a cold load (a new tab, nothing cached, the session cookie kept), as for someone opening a
 * link; "after signing in" is the sign-in form's own navigation, in the same tab. Prints the bytes
 * on the wire per page (bodies as sent, compressed, by kind; headers apart), the requests and the time until
 * the page's main heading shows, then checks the targets of issue 11 and exits 1 on a miss.
 *
 * BENCH_WEB_SKIP_BUILD=1 measures what dist/ holds; BENCH_WEB_FILES=1 also lists each page's
 * responses (bytes as sent, kind, path), largest first.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { waitForHealth } from '../api-health';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { precompress } from '../../precompress';

const ROOT = resolve(__dirname, '../../..');
const OUR_DIST = join(ROOT, 'dist/apps/web/browser');
const BARE_DIST = join(ROOT, 'dist/tools/bench/web/bare/browser');
const DEMO_EMAIL = 'officer@demo.example';
const DEMO_PASSWORD = 'Convene-demo-2026';
/** The officer's own tenant (they are an expert in northwind). */
const DEMO_TENANT = 'demo';

/** Slow 4G: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (CDP takes bytes per second). */
export const THROTTLE = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};

/** Issue 11: sign-in and home each within 1.5 × the bare app's JS+CSS and 125 kB; 300 kB in all. */
export const TARGETS = { jsCssFactor: 1.5, jsCssMaxBytes: 125_000, totalMaxBytes: 300_000 };

export type Kind = 'jsCss' | 'fonts' | 'other';

/** What a page loaded: bodies as sent (compressed) by kind, and the response headers apart. */
export type Bytes = Record<Kind | 'headers', number>;

export interface PageLoad {
  app: 'bare' | 'ours';
  page: string;
  /** Response bodies as sent (compressed) by kind, and all response headers. */
  bytes: Bytes;
  /** Everything received: bodies and headers. */
  total: number;
  requests: number;
  /** From the start of the navigation until the first h1 is visible. */
  headingMs: number;
  /** Checked against the targets. */
  checked: boolean;
}

/** CDP's resource type (or the MIME type) → the split the figures use. */
export function kindOf(resourceType: string | undefined, mimeType: string | undefined): Kind {
  if (resourceType === 'Script' || resourceType === 'Stylesheet') return 'jsCss';
  if (resourceType === 'Font') return 'fonts';
  const mime = mimeType ?? '';
  if (/javascript|ecmascript|text\/css/.test(mime)) return 'jsCss';
  if (/^font\/|woff|opentype|truetype/.test(mime)) return 'fonts';
  return 'other';
}

/** Loads on one tab, from `navigate` until its h1 shows and the network has been quiet for 1 s. */
async function measure(
  page: Page,
  load: { app: PageLoad['app']; page: string; checked?: boolean },
  navigate: () => Promise<void>,
): Promise<PageLoad> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  const kinds = new Map<string, Kind>();
  const finished = new Map<string, number>();
  const headerBytes = new Map<string, number>();
  const urls = new Map<string, string>();
  const inFlight = new Set<string>();
  let lastActivity = performance.now();
  cdp.on('Network.requestWillBeSent', (event) => {
    inFlight.add(event.requestId);
    kinds.set(event.requestId, kindOf(event.type, undefined));
    urls.set(event.requestId, event.request.url);
    lastActivity = performance.now();
  });
  cdp.on('Network.responseReceived', (event) => {
    kinds.set(event.requestId, kindOf(event.type, event.response.mimeType));
    // Over HTTP/1.1, what had arrived when the response began: its status line and headers.
    headerBytes.set(event.requestId, event.response.encodedDataLength);
  });
  cdp.on('Network.loadingFinished', (event) => {
    inFlight.delete(event.requestId);
    finished.set(event.requestId, event.encodedDataLength);
    lastActivity = performance.now();
  });
  cdp.on('Network.loadingFailed', (event) => {
    inFlight.delete(event.requestId);
    lastActivity = performance.now();
  });

  const started = performance.now();
  await navigate();
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 120_000 });
  const headingMs = performance.now() - started;
  const deadline = Date.now() + 120_000;
  while (inFlight.size > 0 || performance.now() - lastActivity < 1000) {
    if (Date.now() > deadline) throw new Error(`${load.page}: the network never went quiet`);
    await new Promise((done) => setTimeout(done, 100));
  }
  await cdp.detach();

  if (process.env['BENCH_WEB_FILES']) {
    const files = [...finished].map(([id, length]) => ({
      length,
      kind: kinds.get(id) ?? 'other',
      path: new URL(urls.get(id) ?? 'about:blank').pathname,
    }));
    files.sort((a, b) => b.length - a.length);
    console.log(`${load.app} ${load.page}:`);
    for (const file of files)
      console.log(`  ${kB(file.length).padStart(9)}  ${file.kind.padEnd(6)} ${file.path}`);
  }

  const bytes: Bytes = { jsCss: 0, fonts: 0, other: 0, headers: 0 };
  for (const [id, length] of finished) {
    const headers = Math.min(headerBytes.get(id) ?? 0, length);
    bytes.headers += headers;
    bytes[kinds.get(id) ?? 'other'] += length - headers;
  }
  return {
    app: load.app,
    page: load.page,
    bytes,
    total: bytes.jsCss + bytes.fonts + bytes.other + bytes.headers,
    requests: finished.size,
    headingMs,
    checked: load.checked ?? false,
  };
}

/** A cold load of `url` in a new tab of `context` (cookies kept, nothing cached). */
async function coldLoad(
  context: BrowserContext,
  url: string,
  load: { app: PageLoad['app']; page: string; checked?: boolean },
): Promise<{ result: PageLoad; page: Page }> {
  const page = await context.newPage();
  const result = await measure(page, load, async () => {
    await page.goto(url, { waitUntil: 'commit' });
  });
  return { result, page };
}

async function ourPages(context: BrowserContext, baseUrl: string): Promise<PageLoad[]> {
  const loads: PageLoad[] = [];
  const signIn = await coldLoad(context, `${baseUrl}/sign-in`, {
    app: 'ours',
    page: 'sign-in',
    checked: true,
  });
  loads.push(signIn.result);
  const page = signIn.page;
  loads.push(
    await measure(page, { app: 'ours', page: 'home, after signing in' }, async () => {
      await page.getByLabel(/email/i).fill(DEMO_EMAIL);
      await page
        .getByLabel(/password/i)
        .first()
        .fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 120_000 });
    }),
  );
  await page.close();

  const home = `${baseUrl}/t/${DEMO_TENANT}`;
  const homeLoad = await coldLoad(context, home, { app: 'ours', page: 'home', checked: true });
  loads.push(homeLoad.result);
  await homeLoad.page.close();

  const eventsUrl = `${home}/events`;
  const events = await coldLoad(context, eventsUrl, { app: 'ours', page: 'events' });
  loads.push(events.result);
  const eventLinks = await events.page
    .locator('a[href*="/events/"]')
    .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  const eventUrl = eventLinks.find((href) => /\/events\/[0-9a-f-]{36}$/.test(href));
  await events.page.close();
  if (!eventUrl) throw new Error(`no event link on ${eventsUrl}`);

  const event = await coldLoad(context, eventUrl, { app: 'ours', page: 'an event' });
  loads.push(event.result);
  await event.page.close();
  return loads;
}

async function barePages(context: BrowserContext, baseUrl: string): Promise<PageLoad[]> {
  const form = await coldLoad(context, `${baseUrl}/`, { app: 'bare', page: 'sign-in form' });
  await form.page.close();
  return [form.result];
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export function report(loads: PageLoad[]): { lines: string[]; failures: string[] } {
  const lines: string[] = [];
  const header = [
    'app',
    'page',
    'JS+CSS',
    'fonts',
    'other',
    'headers',
    'total',
    'requests',
    'h1 shown',
  ];
  const rows = loads.map((load) => [
    load.app,
    load.page,
    kB(load.bytes.jsCss),
    kB(load.bytes.fonts),
    kB(load.bytes.other),
    kB(load.bytes.headers),
    kB(load.total),
    String(load.requests),
    `${(load.headingMs / 1000).toFixed(2)} s`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  lines.push(line(header), ...rows.map(line));

  const bare = loads.find((load) => load.app === 'bare');
  if (!bare) throw new Error('the bare app was not measured');
  const jsCssLimit = Math.min(TARGETS.jsCssFactor * bare.bytes.jsCss, TARGETS.jsCssMaxBytes);
  lines.push(
    '',
    `Targets: JS+CSS ≤ ${kB(jsCssLimit)} (the lower of ${TARGETS.jsCssFactor} × the bare app's ` +
      `${kB(bare.bytes.jsCss)} and ${kB(TARGETS.jsCssMaxBytes)}), ≤ ${kB(TARGETS.totalMaxBytes)} in all`,
  );
  const failures: string[] = [];
  for (const load of loads.filter((candidate) => candidate.checked)) {
    const jsCssOk = load.bytes.jsCss <= jsCssLimit;
    const totalOk = load.total <= TARGETS.totalMaxBytes;
    lines.push(
      `  ${load.page}: JS+CSS ${kB(load.bytes.jsCss)} ${jsCssOk ? 'met' : 'MISSED'} ` +
        `(${(load.bytes.jsCss / bare.bytes.jsCss).toFixed(2)} × bare), ` +
        `total ${kB(load.total)} ${totalOk ? 'met' : 'MISSED'}`,
    );
    if (!jsCssOk) failures.push(`${load.page}: JS+CSS ${kB(load.bytes.jsCss)} > ${kB(jsCssLimit)}`);
    if (!totalOk) {
      failures.push(`${load.page}: ${kB(load.total)} in all > ${kB(TARGETS.totalMaxBytes)}`);
    }
  }
  return { lines, failures };
}

/** The built API on a free loopback port, serving `webDist`. */
async function startApi(env: Record<string, string>) {
  const main = join(ROOT, 'dist/apps/api/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build the API (npx nx build api)`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: baseUrl,
      APP_SECRET: randomBytes(32).toString('hex'),
      SMTP_URL: '',
      DEV_MAIL_PORT: '0',
      LOG_LEVEL: 'warn',
      API_RATE_LIMIT: '100000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await waitForHealth(child, baseUrl, 120_000);
  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

function build(): void {
  const result = spawnSync(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'web',
      'bench-web-bare',
      '--output-style=static',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0) throw new Error('the build failed (npx nx run-many -t build …)');
}

async function main(): Promise<void> {
  if (!process.env['BENCH_WEB_SKIP_BUILD']) {
    console.log('Building the API, the web app and the bare app…');
    build();
  }
  // The web app's build precompresses (tools/precompress.ts); the bare app's is done here, alike.
  await precompress(BARE_DIST);
  for (const dist of [OUR_DIST, BARE_DIST]) {
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing`);
  }

  const server = process.env['TEST_DATABASE_SERVER'] ?? 'postgres://postgres@127.0.0.1:5432';
  const database = `convene_bench_web_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const stops: (() => Promise<void>)[] = [];
  try {
    const ours = await startApi({ DATABASE_URL: `${server}/${database}`, WEB_DIST: OUR_DIST });
    stops.push(() => ours.stop());
    // The bare app through the same static serving: a second API process on the same database.
    const bare = await startApi({
      DATABASE_URL: `${server}/${database}`,
      WEB_DIST: BARE_DIST,
      SEED_DEMO: 'false',
    });
    stops.push(() => bare.stop());

    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    stops.push(() => browser.close());
    const version = browser.version();
    const loads = [
      ...(await barePages(await browser.newContext(), bare.baseUrl)),
      ...(await ourPages(await browser.newContext(), ours.baseUrl)),
    ];
    const { lines, failures } = report(loads);
    console.log(
      `\nWeb first load — Chromium ${version}, throttled to ${(THROTTLE.downloadThroughput * 8e-6).toFixed(1)} Mbit/s ` +
        `down, ${(THROTTLE.uploadThroughput * 8e-3).toFixed(0)} kbit/s up, ${THROTTLE.latency} ms latency, ` +
        `cache disabled; bodies as sent (compressed), headers apart, kB = 1000 bytes\n`,
    );
    for (const line of lines) console.log(line);
    if (failures.length > 0) {
      console.log(`\nMissed: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
