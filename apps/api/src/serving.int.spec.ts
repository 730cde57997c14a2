import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { addMember, createTenant } from './tenants/tenant-provisioning';
import { IMMUTABLE, REVALIDATE, webCacheControl } from './serving';
import { startTestApp, type TestApp } from './testing/test-app';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent, not decoded. */
  body: Buffer;
}

/** A GET whose body is read as it came over the wire (fetch would decode it). */
function rawGet(baseUrl: string, path: string, headers: Record<string, string>) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<RawResponse>((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

function decoded(response: RawResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(response.body).toString('utf8');
  if (encoding === undefined) return response.body.toString('utf8');
  throw new Error(`unexpected content-encoding ${String(encoding)}`);
}

const varies = (response: RawResponse) =>
  String(response.headers['vary'] ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding');

const INDEX = `<!doctype html><html><head><title>Convene</title></head><body><cv-root></cv-root>${'<!-- padding -->'.repeat(40)}</body></html>`;
const MAIN = `console.log(${JSON.stringify('the app '.repeat(400))});`;
const CHUNK = `export const chunk = ${JSON.stringify('a lazy chunk '.repeat(300))};`;
const EN = JSON.stringify({ greeting: 'Hello', farewell: 'Goodbye' });
const FONT = Buffer.from('wOF2 pretend font bytes');

/** A built web app as `nx build web` leaves it: hashed files, their .br and .gz, public files. */
function fakeWebDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'convene-web-'));
  mkdirSync(join(root, 'media'));
  mkdirSync(join(root, 'i18n'));
  const files: Record<string, string | Buffer> = {
    'index.html': INDEX,
    'main-AB12CD34.js': MAIN,
    'chunk-dPBU-wmY.js': CHUNK,
    'i18n/en.json': EN,
    'media/roboto-latin-400-normal-MIORRAJE.woff2': FONT,
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  // The build compresses what gains from it; marks in each variant show which file was sent.
  writeFileSync(join(root, 'index.html.br'), brotliCompressSync(`${INDEX}<!-- br -->`));
  writeFileSync(join(root, 'index.html.gz'), gzipSync(`${INDEX}<!-- gz -->`));
  writeFileSync(join(root, 'main-AB12CD34.js.br'), brotliCompressSync(`${MAIN}// br`));
  writeFileSync(join(root, 'main-AB12CD34.js.gz'), gzipSync(`${MAIN}// gz`));
  writeFileSync(join(root, 'chunk-dPBU-wmY.js.gz'), gzipSync(`${CHUNK}// gz`));
  return root;
}

describe('serving the web app and compressing the API', () => {
  let app: TestApp;
  let webDist: string;

  beforeAll(async () => {
    webDist = fakeWebDist();
    app = await startTestApp({ env: { WEB_DIST: webDist } });
  });

  afterAll(async () => {
    await app.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  describe('the web app', () => {
    it('sends the brotli variant to a browser that takes it, cached for a year', async () => {
      const response = await rawGet(app.baseUrl, '/main-AB12CD34.js', {
        'accept-encoding': 'gzip, deflate, br, zstd',
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(decoded(response)).toBe(`${MAIN}// br`);
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
      expect(response.headers['cache-control']).toBe(IMMUTABLE);
      expect(response.headers['etag']).toBeDefined();
      expect(varies(response)).toBe(true);
      // A copy kept by a shared cache must not carry anyone's cookie.
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it('issues the CSRF token with the page, not with its hashed files', async () => {
      const page = await rawGet(app.baseUrl, '/t/demo/events', { 'accept-encoding': 'br' });
      expect(page.headers['cache-control']).toBe(REVALIDATE);
      const cookies = [page.headers['set-cookie'] ?? []].flat();
      expect(cookies.some((cookie) => cookie.startsWith('XSRF-TOKEN='))).toBe(true);
      const font = await rawGet(app.baseUrl, '/media/roboto-latin-400-normal-MIORRAJE.woff2', {});
      expect(font.headers['cache-control']).toBe(IMMUTABLE);
      expect(font.headers['set-cookie']).toBeUndefined();
    });

    it('sends gzip when brotli is not accepted, and the plain file when neither is', async () => {
      const gzip = await rawGet(app.baseUrl, '/main-AB12CD34.js', { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(decoded(gzip)).toBe(`${MAIN}// gz`);
      expect(varies(gzip)).toBe(true);

      const plain = await rawGet(app.baseUrl, '/main-AB12CD34.js', {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString('utf8')).toBe(MAIN);
      expect(plain.headers['cache-control']).toBe(IMMUTABLE);
      // A shared cache must not hand this plain copy to a browser that takes brotli.
      expect(varies(plain)).toBe(true);
    });

    it('falls back to the next variant the build wrote when the preferred one is missing', async () => {
      const response = await rawGet(app.baseUrl, '/chunk-dPBU-wmY.js', {
        'accept-encoding': 'br, gzip',
      });
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(decoded(response)).toBe(`${CHUNK}// gz`);
      expect(response.headers['cache-control']).toBe(IMMUTABLE);
    });

    it('does not compress again per request what the build left plain', async () => {
      const font = await rawGet(app.baseUrl, '/media/roboto-latin-400-normal-MIORRAJE.woff2', {
        'accept-encoding': 'br, gzip',
      });
      expect(font.status).toBe(200);
      expect(font.headers['content-encoding']).toBeUndefined();
      expect(font.body.equals(FONT)).toBe(true);
      expect(font.headers['cache-control']).toBe(IMMUTABLE);

      const translation = await rawGet(app.baseUrl, '/i18n/en.json', {
        'accept-encoding': 'br, gzip',
      });
      expect(translation.headers['content-encoding']).toBeUndefined();
      expect(translation.body.toString('utf8')).toBe(EN);
    });

    it('has the translations (not hashed) revalidated, answering 304 while unchanged', async () => {
      const first = await rawGet(app.baseUrl, '/i18n/en.json', {});
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe(REVALIDATE);
      const etag = first.headers['etag'];
      expect(typeof etag).toBe('string');
      const again = await rawGet(app.baseUrl, '/i18n/en.json', { 'if-none-match': String(etag) });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    });

    it.each(['/', '/sign-in', '/t/acme/events/0b7c2f7e-6a43-4d8e-9d53-3a1f3c1f0a10'])(
      'answers the SPA path %s with index.html, compressed and never cached unrevalidated',
      async (path) => {
        const response = await rawGet(app.baseUrl, path, { 'accept-encoding': 'gzip, br' });
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(/^text\/html/);
        expect(response.headers['content-encoding']).toBe('br');
        expect(decoded(response)).toBe(`${INDEX}<!-- br -->`);
        expect(response.headers['cache-control']).toBe(REVALIDATE);
        expect(varies(response)).toBe(true);

        const plain = await rawGet(app.baseUrl, path, {});
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.body.toString('utf8')).toBe(INDEX);
        expect(plain.headers['cache-control']).toBe(REVALIDATE);
      },
    );

    it('keeps the security headers on files', async () => {
      const response = await rawGet(app.baseUrl, '/main-AB12CD34.js', { 'accept-encoding': 'br' });
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('serves no variant as a file of its own', async () => {
      const response = await rawGet(app.baseUrl, '/main-AB12CD34.js.br', {});
      // The SPA's fallback: the page, not brotli bytes labelled as something else.
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body.toString('utf8')).toBe(INDEX);
    });

    it('leaves unknown API paths to the problem answer', async () => {
      const response = await rawGet(app.baseUrl, '/api/no-such-thing', {
        'accept-encoding': 'br, gzip',
      });
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(decoded(response))).toMatchObject({ status: 404 });
    });
  });

  describe('the API', () => {
    it('compresses a large JSON answer with brotli, keeping its type and the CSRF cookie', async () => {
      const response = await rawGet(app.baseUrl, '/api/docs-json', {
        'accept-encoding': 'gzip, deflate, br, zstd',
      });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(varies(response)).toBe(true);
      const document = JSON.parse(decoded(response)) as { openapi: string };
      expect(document.openapi).toMatch(/^3\./);
      expect(response.body.length).toBeLessThan(decoded(response).length / 3);
      const cookies = [response.headers['set-cookie'] ?? []].flat();
      expect(cookies.some((cookie) => cookie.startsWith('XSRF-TOKEN='))).toBe(true);
    });

    it('compresses with gzip for a client without brotli, and not at all for one without either', async () => {
      const gzip = await rawGet(app.baseUrl, '/api/docs-json', { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(decoded(gzip))).toHaveProperty('paths');

      const plain = await rawGet(app.baseUrl, '/api/docs-json', {});
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(plain.body.toString('utf8'))).toHaveProperty('paths');
    });

    it('leaves a small answer as it is', async () => {
      const response = await rawGet(app.baseUrl, '/api/health', { 'accept-encoding': 'br, gzip' });
      expect(response.status).toBe(200);
      expect(response.body.length).toBeLessThan(1024);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(response.body.toString('utf8'))).toBeDefined();
    });

    it('compresses a signed-in list, and a refusal stays problem+json', async () => {
      const ds = app.running.databases.app;
      const tenant = await createTenant(ds, { slug: 'acme', name: 'Acme' });
      await addMember(ds, tenant, {
        email: 'officer@acme.example',
        name: 'Officer',
        password: 'serving the app compressed',
        role: 'programme_officer',
      });
      const client = await app
        .client()
        .signIn('officer@acme.example', 'serving the app compressed');
      // The client's fetch asks for br and gzip and decodes what it receives.
      const states = await client.get('/api/member-states');
      expect(states.status).toBe(200);
      expect(states.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
      expect(Array.isArray(states.body) ? states.body.length : 0).toBeGreaterThan(190);

      const refused = await client.request('PATCH', '/api/me', {
        body: { name: 'x'.repeat(5000) },
        csrf: false,
      });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });
  });

  it('names every file the build hashes immutable, and nothing else', () => {
    expect(webCacheControl('main-IKA5CU4H.js')).toBe(IMMUTABLE);
    expect(webCacheControl('chunk-BdRsIDU02.js.br')).toBe(IMMUTABLE);
    expect(webCacheControl('styles-NXN5CJUM.css.gz')).toBe(IMMUTABLE);
    expect(webCacheControl('media/material-symbols-outlined-A1B2C3D4.woff2')).toBe(IMMUTABLE);
    expect(webCacheControl('index.html')).toBe(REVALIDATE);
    expect(webCacheControl('index.html.br')).toBe(REVALIDATE);
    expect(webCacheControl('i18n/en.json')).toBe(REVALIDATE);
    expect(webCacheControl('favicon.ico')).toBe(REVALIDATE);
    expect(webCacheControl('i18n/main-IKA5CU4H.js')).toBe(REVALIDATE);
  });
});
