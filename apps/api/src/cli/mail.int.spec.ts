import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PLATFORM_TENANT_ID } from '../db/app-role';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { createTenant } from '../tenants/tenant-provisioning';
import { ownerQuery, startTestApp, type TestApp, waitForMail } from '../testing/test-app';

const run = promisify(execFile);
const root = join(__dirname, '../../../..');

describe('npm run mail: the operator’s view of the outbox, platform mail included', () => {
  let app: TestApp;
  let acme: string;

  beforeAll(async () => {
    app = await startTestApp();
    acme = await createTenant(app.running.databases.app, { slug: 'acme', name: 'Acme' });
  });

  afterAll(() => app.close());

  const mail = (...args: string[]) =>
    run(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        '--tsconfig',
        'tsconfig.base.json',
        'apps/api/src/cli/mail.ts',
        ...args,
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          // Not production: the command's statements then check their rows against their schemas.
          NODE_ENV: 'test',
          DATABASE_URL: app.config.database.kind === 'postgres' ? app.config.database.ownerUrl : '',
          // The app's own secret: the pool's login password derives from it.
          APP_SECRET: app.config.secret,
        },
      },
    );

  /** A message given up on, as the worker leaves it after a day of connection failures. */
  const failed = (tenantId: string, recipient: string, kind = 'password_reset') =>
    inTransaction(app.running.databases.app, { tenantId }, (m) =>
      sql(
        m,
        `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status,
                                  attempts, last_error, created_at, failed_at)
         values ($1, $2, $3, 'en', $4, 'failed', 97, 'connect ECONNREFUSED 127.0.0.1:25',
                 now() - interval '25 hours', now() - interval '1 hour')`,
        [
          tenantId,
          kind,
          recipient,
          JSON.stringify({
            kind: 'password_reset',
            name: 'Someone',
            link: 'https://convene.example/reset-password/token',
            minutes: 60,
          }),
        ],
      ),
    );

  it('lists failed platform mail that no tenant admin can see, and retries it', async () => {
    await failed(PLATFORM_TENANT_ID, 'reset1@example.org');
    await failed(PLATFORM_TENANT_ID, 'reset2@example.org');
    await failed(acme, 'tenant@example.org', 'invitation');

    const listed = await mail('list', '--status', 'failed', '--tenant', 'platform');
    expect(listed.stdout).toContain('reset1@example.org');
    expect(listed.stdout).toContain('reset2@example.org');
    expect(listed.stdout).toContain('ECONNREFUSED');
    expect(listed.stdout).not.toContain('tenant@example.org');
    expect(listed.stdout).toMatch(/2 messages/);

    const everywhere = await mail('list', '--status', 'failed');
    expect(everywhere.stdout).toMatch(/platform .*reset1@example\.org/);
    expect(everywhere.stdout).toMatch(/acme .*tenant@example\.org/);

    const retried = await mail('retry', '--status', 'failed', '--tenant', 'platform');
    expect(retried.stdout).toContain('platform: 2 messages back in the queue');
    // The running app's worker sends them now.
    await waitForMail(app.mail, 'reset1@example.org');
    await waitForMail(app.mail, 'reset2@example.org');
    const [acmeRow] = await ownerQuery(
      app,
      `select status from mail_outbox where recipient = 'tenant@example.org'`,
    );
    expect(acmeRow?.status).toBe('failed');
    const audit = await inTransaction(
      app.running.databases.app,
      { tenantId: PLATFORM_TENANT_ID },
      (m) =>
        sql<{ action: string; actor_id: string | null; after: unknown }>(
          m,
          `select action, actor_id, after from audit_log order by at desc limit 1`,
        ),
    );
    expect(audit).toEqual([
      {
        action: 'mail.retry_all',
        actor_id: null,
        after: { status: 'failed', retried: 2, by: 'operator' },
      },
    ]);

    // Without --tenant: every tenant's failed mail.
    const all = await mail('retry', '--status', 'failed');
    expect(all.stdout).toContain('acme: 1 message back in the queue');
    await waitForMail(app.mail, 'tenant@example.org');
  });

  it('refuses what it does not understand, and a tenant that does not exist', async () => {
    await expect(mail('resend')).rejects.toMatchObject({
      stderr: expect.stringContaining('usage'),
    });
    await expect(mail('retry', '--status', 'sent')).rejects.toMatchObject({
      stderr: expect.stringContaining('usage'),
    });
    await expect(mail('list', '--kind', 'spam')).rejects.toMatchObject({
      stderr: expect.stringContaining('usage'),
    });
    await expect(mail('list', '--tenant', 'nowhere')).rejects.toMatchObject({
      stderr: expect.stringContaining('No tenant "nowhere"'),
    });
  });
});
