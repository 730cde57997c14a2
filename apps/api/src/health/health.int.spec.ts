import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { createTenant } from '../tenants/tenant-provisioning';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('GET /api/health', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  /** An outbox row as the worker would leave it; queued ones are not due, so they stay queued. */
  const row = (
    tenantId: string,
    status: string,
    fields: { created?: string; failed?: string } = {},
  ) =>
    inTransaction(app.running.databases.app, { tenantId }, (m) =>
      sql(
        m,
        `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status,
                                  next_attempt_at, created_at, failed_at)
         values ($1, 'invitation', 'private.person@example.org', 'en', '{}', $2,
                 now() + interval '1 hour', now() - $3::interval, now() - $4::interval)`,
        [tenantId, status, fields.created ?? '0 seconds', fields.failed ?? '0 seconds'],
      ),
    );

  it('says how the mail is doing across every tenant, in counts only', async () => {
    const empty = await app.client().get('/api/health');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      status: 'ok',
      database: 'up',
      mail: { queued: 0, failed24h: 0, oldestQueuedSeconds: 0 },
    });

    const acme = await createTenant(app.running.databases.app, { slug: 'acme', name: 'Acme' });
    const other = await createTenant(app.running.databases.app, { slug: 'other', name: 'Other' });
    await row(acme, 'queued', { created: '2 hours' });
    await row(other, 'queued', { created: '5 minutes' });
    await row(acme, 'failed', { failed: '1 hour' });
    await row(other, 'failed', { failed: '23 hours' });
    await row(other, 'failed', { failed: '3 days' });
    await row(acme, 'sent');

    const response = await app.client().get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body.mail).toMatchObject({ queued: 2, failed24h: 2 });
    expect(response.body.mail.oldestQueuedSeconds).toBeGreaterThanOrEqual(7_200);
    expect(response.body.mail.oldestQueuedSeconds).toBeLessThan(7_300);
    // Public: nothing about anyone, nor which organisations have mail.
    expect(JSON.stringify(response.body)).not.toMatch(/@|acme|other|invitation/);
  });
});
