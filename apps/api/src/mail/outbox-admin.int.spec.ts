import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'outbox admin passphrase';

describe('the mail page’s API', () => {
  let app: TestApp;
  let admin: ApiClient;
  let acme: string;

  const statusOf = async (id: string) => {
    const page = await admin.get('/api/t/acme/mail?limit=100');
    return page.body.items.find((item: { id: string }) => item.id === id)?.status;
  };

  const waitForStatus = async (id: string, status: string) => {
    const deadline = Date.now() + 10_000;
    while ((await statusOf(id)) !== status) {
      if (Date.now() > deadline) throw new Error(`${id} never became ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  /** Writes an outbox row directly, in a given state, as the worker would leave it. */
  const row = (fields: { status: string; recipient: string; lockedFor?: string }) =>
    inTransaction(app.running.databases.app, { tenantId: acme }, async (m) => {
      const [created] = await sql<{ id: string }>(
        m,
        `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status,
                                  attempts, last_error, locked_until, next_attempt_at)
         values ($1, 'password_reset', $2, 'en', $3, $4, 1, '421 try later',
                 now() + $5::interval, now() + interval '1 hour')
         returning id`,
        [
          acme,
          fields.recipient,
          JSON.stringify({
            kind: 'password_reset',
            name: 'Row',
            link: 'https://convene.example/reset-password/secret-token',
            minutes: 60,
          }),
          fields.status,
          fields.lockedFor ?? '-1 second',
        ],
      );
      if (!created) throw new Error('no row');
      return created.id;
    });

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    await addMember(ds, acme, {
      email: 'admin@acme.example',
      name: 'Ada Admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    admin = await app.client().signIn('admin@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  it('shows a refused invitation as failed, sends it again on retry, and cancels it', async () => {
    const invited = await admin.post('/api/t/acme/invitations', {
      email: 'nobody@bounce.invalid',
      role: 'expert',
    });
    expect(invited.status).toBe(201);

    const find = async () =>
      (await admin.get('/api/t/acme/mail?status=failed')).body.items.find(
        (item: { recipient: string }) => item.recipient === 'nobody@bounce.invalid',
      );
    const deadline = Date.now() + 10_000;
    while (!(await find())) {
      if (Date.now() > deadline) throw new Error('the refused invitation never failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const failed = await find();
    expect(failed).toMatchObject({
      kind: 'invitation',
      status: 'failed',
      attempts: 1,
      sentAt: null,
      nextAttemptAt: null,
    });
    expect(failed.lastError).toMatch(/550/);
    // The content, with its invitation link, never leaves the server.
    expect(JSON.stringify(failed)).not.toMatch(/payload|invitation\//);
    expect((await admin.get('/api/t/acme/mail/counts')).body).toMatchObject({ failed: 1 });

    const retried = await admin.post(`/api/t/acme/mail/${failed.id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0 });
    // Refused again by the server: back in the failed list, after one more attempt.
    await waitForStatus(failed.id, 'failed');

    const cancelled = await admin.post(`/api/t/acme/mail/${failed.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await admin.post(`/api/t/acme/mail/${failed.id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);

    const audit = await admin.get('/api/t/acme/audit-log?limit=3');
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'mail.cancel',
      'mail.retry',
      'invitation.created',
    ]);
    expect(audit.body.items[1]).toMatchObject({
      entity: 'mail',
      entityId: failed.id,
      before: { status: 'failed' },
      after: { status: 'queued', attempts: 0 },
    });
  });

  it('refuses what cannot be done to a message, and changes nothing', async () => {
    const sent = await row({ status: 'sent', recipient: 'sent@example.org' });
    const inFlight = await row({
      status: 'queued',
      recipient: 'in-flight@example.org',
      lockedFor: '1 minute',
    });
    const waiting = await row({ status: 'queued', recipient: 'waiting@example.org' });

    for (const [id, action] of [
      [sent, 'retry'],
      [sent, 'cancel'],
      [inFlight, 'cancel'],
      [waiting, 'retry'],
    ] as const) {
      const response = await admin.post(`/api/t/acme/mail/${id}/${action}`, {});
      expect({ id, action, status: response.status }).toEqual({ id, action, status: 409 });
      expect(response.body.detail).toEqual(expect.any(String));
    }
    expect(await statusOf(sent)).toBe('sent');
    expect(await statusOf(inFlight)).toBe('queued');

    const cancelled = await admin.post(`/api/t/acme/mail/${waiting}/cancel`, {});
    expect(cancelled.body.status).toBe('cancelled');

    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      expect((await admin.post(`/api/t/acme/mail/${id}/retry`, {})).status).toBe(404);
    }
  });

  it('pages newest first by status with no row skipped or repeated', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add(await row({ status: 'failed', recipient: `p${i}@x.org` }));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const query: string = after ? `&after=${after}` : '';
      const page = await admin.get(`/api/t/acme/mail?status=failed&limit=3${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      for (const item of page.body.items) expect(item.status).toBe('failed');
      after = page.body.nextCursor;
    } while (after);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    const created = (await admin.get('/api/t/acme/mail?limit=100')).body.items.map(
      (item: { createdAt: string }) => item.createdAt,
    );
    expect([...created].sort().reverse()).toEqual(created);

    expect((await admin.get('/api/t/acme/mail?status=lost')).status).toBe(400);
    expect((await admin.get('/api/t/acme/mail?after=garbage')).status).toBe(400);
  });

  it('sends every failed message matching a filter back to the queue in one go, audited', async () => {
    const ds = app.running.databases.app;
    await inTransaction(ds, { tenantId: acme }, (m) =>
      sql(m, `update mail_outbox set status = 'cancelled' where status <> 'sent'`),
    );
    const other = await createTenant(ds, { slug: 'other-org', name: 'Other Org' });
    // Messages the worker can render: once retried it may send them while the test goes on, and
    // an unrenderable one would fail again at once and be counted by the next retry.
    const payloads: Record<string, object> = {
      invitation: {
        kind: 'invitation',
        tenantName: 'Acme',
        inviterName: null,
        role: 'expert',
        link: 'https://convene.example/invitation/x',
        expiresAt: '2026-12-31T00:00:00Z',
      },
      password_reset: {
        kind: 'password_reset',
        name: 'Someone',
        link: 'https://convene.example/reset-password/x',
        minutes: 60,
      },
    };
    const failed = (tenantId: string, kind: string, recipient: string, created: string) =>
      inTransaction(ds, { tenantId }, (m) =>
        sql(
          m,
          `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status,
                                    attempts, last_error, created_at, failed_at)
           values ($1, $2, $3, 'en', $5, 'failed', 9, 'connection refused', $4, $4)`,
          [tenantId, kind, recipient, created, JSON.stringify(payloads[kind])],
        ),
      );
    for (let i = 0; i < 3; i++) {
      await failed(acme, 'invitation', `inv${i}@x.org`, '2026-11-20T10:00:00Z');
      await failed(acme, 'password_reset', `reset${i}@x.org`, '2026-11-25T10:00:00Z');
    }
    await failed(other, 'invitation', 'theirs@x.org', '2026-11-20T10:00:00Z');

    const byKind = await admin.post('/api/t/acme/mail/retry', {
      status: 'failed',
      kind: 'invitation',
    });
    expect(byKind.status).toBe(200);
    expect(byKind.body).toEqual({ retried: 3 });
    const byDate = await admin.post('/api/t/acme/mail/retry', {
      status: 'failed',
      createdFrom: '2026-11-24T00:00:00Z',
      createdTo: '2026-11-26T00:00:00Z',
    });
    expect(byDate.body).toEqual({ retried: 3 });
    expect((await admin.post('/api/t/acme/mail/retry', { status: 'failed' })).body).toEqual({
      retried: 0,
    });

    // Back in the queue, due now, with a fresh day of retries; another tenant's mail untouched.
    // (The app's own worker may have sent them already: the dev catcher accepts these.)
    const rows = (await ownerQuery(
      app,
      `select tenant_id, status, retried_at is not null as retried, failed_at
         from mail_outbox where recipient like 'inv%' or recipient like 'reset%'
            or recipient = 'theirs@x.org'`,
    )) as { tenant_id: string; status: string; retried: boolean; failed_at: Date | null }[];
    expect(rows).toHaveLength(7);
    for (const row of rows.filter((r) => r.tenant_id === acme)) {
      expect(['queued', 'sent']).toContain(row.status);
      expect(row).toMatchObject({ retried: true, failed_at: null });
    }
    expect(rows.find((r) => r.tenant_id === other)).toMatchObject({ status: 'failed' });

    const audit = await admin.get('/api/t/acme/audit-log?limit=3');
    expect(audit.body.items.slice(0, 2)).toMatchObject([
      { action: 'mail.retry_all', entity: 'mail', after: { retried: 3, status: 'failed' } },
      {
        action: 'mail.retry_all',
        after: { retried: 3, status: 'failed', kind: 'invitation' },
      },
    ]);

    for (const body of [
      {},
      { status: 'sent' },
      { status: 'failed', kind: 'spam' },
      { status: 'failed', recipient: 'x@y.org' },
      { status: 'failed', createdFrom: 'yesterday' },
      { status: 'failed', createdFrom: '2026-11-26T00:00:00Z', createdTo: '2026-11-24T00:00:00Z' },
    ]) {
      const refused = await admin.post('/api/t/acme/mail/retry', body);
      expect({ body, status: refused.status }).toEqual({ body, status: 400 });
    }
  });

  it('lets people turn the digest off, and never security mail', async () => {
    const muted = await admin.patch('/api/me', { mutedMailKinds: ['admin_digest'] });
    expect(muted.status).toBe(200);
    expect(muted.body.mutedMailKinds).toEqual(['admin_digest']);
    expect((await admin.get('/api/me')).body.mutedMailKinds).toEqual(['admin_digest']);
    expect((await admin.get('/api/auth/session')).body.user.mutedMailKinds).toEqual([
      'admin_digest',
    ]);
    const security = await admin.patch('/api/me', { mutedMailKinds: ['password_reset'] });
    expect(security.status).toBe(400);
    expect((await admin.get('/api/me')).body.mutedMailKinds).toEqual(['admin_digest']);
    const cleared = await admin.patch('/api/me', { mutedMailKinds: [] });
    expect(cleared.body.mutedMailKinds).toEqual([]);
  });
});
