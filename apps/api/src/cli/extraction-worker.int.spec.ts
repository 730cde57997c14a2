import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pdfWith } from '../documents/documents.testing';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const run = promisify(execFile);
const root = join(__dirname, '../../../..');

describe('npm run worker:documents: the document worker as its own process', () => {
  let app: TestApp;

  beforeAll(async () => {
    // The API's own worker is off (EXTRACTION_WORKER=off, as in every test app).
    app = await startTestApp();
    const tenantId = await createTenant(app.running.databases.app, { slug: 'works', name: 'W' });
    await addMember(app.running.databases.app, tenantId, {
      email: 'officer@works.example',
      name: 'Officer',
      password: 'worker passphrase 2026',
      role: 'programme_officer',
      memberStateAlpha3: null,
    });
  });

  afterAll(() => app.close());

  it('extracts the text of an upload the API queued, then exits with --once', async () => {
    const officer = await app.client().signIn('officer@works.example', 'worker passphrase 2026');
    const uploaded = await officer.request(
      'POST',
      `/api/t/works/documents?${new URLSearchParams({
        title: 'Edition',
        kind: 'other',
        visibility: 'public',
        language: 'en',
        fileName: 'edition.pdf',
      })}`,
      {
        rawBody: await pdfWith('Interoperable biometric databases'),
        headers: { 'content-type': 'application/octet-stream' },
      },
    );
    expect(uploaded.status).toBe(201);
    const before = await officer.get('/api/t/works/documents/search?q=biometric');
    expect(before.body.items).toEqual([]);

    const { stdout } = await run(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        '--tsconfig',
        'tsconfig.base.json',
        'apps/api/src/cli/extraction-worker.ts',
        '--once',
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: app.config.database.kind === 'postgres' ? app.config.database.ownerUrl : '',
          APP_SECRET: app.config.secret,
          ...app.s3.env,
        },
      },
    );
    expect(stdout).toContain('Document worker: 1 job(s) done');
    const [job] = await ownerQuery<{ status: string }>(
      app,
      `select status from document_text_jobs`,
    );
    expect(job?.status).toBe('done');
    const after = await officer.get('/api/t/works/documents/search?q=biometric');
    expect(after.body.items).toHaveLength(1);
  });
});
