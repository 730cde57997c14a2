import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp, waitForMail } from '../testing/test-app';

const run = promisify(execFile);
const root = join(__dirname, '../../../..');

describe('npm run tenant:create', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  const createTenant = (...args: string[]) =>
    run(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        '--tsconfig',
        'tsconfig.base.json',
        'apps/api/src/cli/tenant-create.ts',
        ...args,
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: app.config.database.kind === 'postgres' ? app.config.database.ownerUrl : '',
          APP_SECRET: 'y'.repeat(32),
          APP_URL: app.baseUrl,
          SMTP_URL: `smtp://127.0.0.1:${app.mail.port}`,
        },
      },
    );

  it('creates a tenant and mails its first administrator an invitation that works', async () => {
    const { stdout } = await createTenant(
      '--slug',
      'unodc-tpb',
      '--name',
      'Terrorism Prevention Branch',
      '--admin-email',
      'Chief@Example.org',
    );
    expect(stdout).toContain('Created tenant "Terrorism Prevention Branch" (unodc-tpb).');
    const link = /invitation\/([\w-]+)/.exec(stdout)?.[1];
    // Queued by the command, sent by the running app's mail worker.
    const mail = await waitForMail(app.mail, 'chief@example.org');
    expect(mail.text).toContain(`invitation/${link}`);

    const chief = app.client();
    const accepted = await chief.post('/api/auth/invitations/accept', {
      token: link,
      name: 'The Chief',
      password: 'a long chief passphrase',
    });
    expect(accepted.status).toBe(200);
    expect((await chief.get('/api/t/unodc-tpb')).body).toMatchObject({
      name: 'Terrorism Prevention Branch',
      role: 'tenant_admin',
    });
  });

  it('refuses a slug that is taken or malformed, and bad arguments', async () => {
    await expect(
      createTenant('--slug', 'unodc-tpb', '--name', 'Again', '--admin-email', 'a@b.org'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('already exists'),
    });
    await expect(
      createTenant('--slug', 'Bad Slug', '--name', 'X', '--admin-email', 'a@b.org'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('slug'),
    });
    await expect(
      createTenant(
        '--slug',
        'ok-slug',
        '--name',
        'Evil\r\nX-Injected: 1',
        '--admin-email',
        'a@b.org',
      ),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('one line'),
    });
    await expect(
      createTenant('--slug', 'ok-slug', '--name', 'X', '--admin-email', 'not-an-email'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('usage'),
    });
  });
});
