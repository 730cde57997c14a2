import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp, waitForMail } from '../testing/test-app';

const PASSWORD = 'members passphrase';

describe('a tenant’s people and invitations', () => {
  let app: TestApp;
  let admin: ApiClient;
  let adminMembership: string;

  const linkIn = (text: string) => /invitation\/([\w-]+)/.exec(text)?.[1];

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    const acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    const other = await createTenant(ds, { slug: 'other', name: 'Other Org' });
    adminMembership = (
      await addMember(ds, acme, {
        email: 'admin@acme.example',
        name: 'Ada Admin',
        password: PASSWORD,
        role: 'tenant_admin',
      })
    ).membershipId;
    await addMember(ds, other, {
      email: 'dual@other.example',
      name: 'Dana Dual',
      password: PASSWORD,
      role: 'programme_officer',
    });
    for (let i = 0; i < 7; i++) {
      await addMember(ds, acme, {
        email: `expert${i}@acme.example`,
        name: `Expert ${String.fromCharCode(71 - i)}`,
        password: PASSWORD,
        role: 'expert',
      });
    }
    admin = await app.client().signIn('admin@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  it('invites a new person who sets a password and lands in the tenant', async () => {
    const invited = await admin.post('/api/t/acme/invitations', {
      email: 'New.Person@Example.org',
      role: 'focal_point',
      memberStateAlpha3: 'ken',
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: 'new.person@example.org',
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
      invitedBy: 'Ada Admin',
    });

    const mail = await waitForMail(app.mail, 'new.person@example.org');
    expect(mail.subject).toContain('Acme Academy');
    const token = linkIn(mail.text);
    expect(token).toBeDefined();

    const visitor = app.client();
    const preview = await visitor.get(`/api/auth/invitations/${token}`);
    expect(preview.body).toMatchObject({
      email: 'new.person@example.org',
      accountExists: false,
      tenant: { slug: 'acme' },
    });
    const missingName = await visitor.post('/api/auth/invitations/accept', {
      token,
      password: 'a long new passphrase',
    });
    expect(missingName.status).toBe(400);
    const accepted = await visitor.post('/api/auth/invitations/accept', {
      token,
      name: 'Nia Person',
      password: 'a long new passphrase',
      preferredLanguage: 'fr',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships).toEqual([
      expect.objectContaining({ role: 'focal_point', memberStateAlpha3: 'KEN' }),
    ]);
    expect((await visitor.get('/api/t/acme')).body).toMatchObject({
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
    });

    // Single use.
    expect((await app.client().get(`/api/auth/invitations/${token}`)).status).toBe(404);
    expect(
      (
        await app.client().post('/api/auth/invitations/accept', {
          token,
          name: 'X',
          password: 'a long new passphrase',
        })
      ).status,
    ).toBe(404);
  });

  it('adds an existing account to a second tenant after checking its password, and lets it switch', async () => {
    await admin.post('/api/t/acme/invitations', { email: 'dual@other.example', role: 'expert' });
    const token = linkIn((await waitForMail(app.mail, 'dual@other.example')).text);
    const visitor = app.client();
    expect((await visitor.get(`/api/auth/invitations/${token}`)).body.accountExists).toBe(true);
    expect(
      (await visitor.post('/api/auth/invitations/accept', { token, password: 'wrong password' }))
        .status,
    ).toBe(401);
    const accepted = await visitor.post('/api/auth/invitations/accept', {
      token,
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect(
      accepted.body.memberships.map(
        (m: { tenant: { slug: string }; role: string }) => `${m.tenant.slug}:${m.role}`,
      ),
    ).toEqual(['acme:expert', 'other:programme_officer']);
    expect((await visitor.get('/api/t/acme')).body.role).toBe('expert');
    expect((await visitor.get('/api/t/other')).body.role).toBe('programme_officer');
    // Listing one tenant never shows the caller's own rows from the other.
    const otherMembers = await visitor.get('/api/t/other/members?limit=100');
    expect(otherMembers.body.items.map((m: { role: string }) => m.role)).toEqual([
      'programme_officer',
    ]);
  });

  it('lists pending invitations, replaces a repeated one, and revokes', async () => {
    await admin.post('/api/t/acme/invitations', { email: 'twice@example.org', role: 'expert' });
    const second = await admin.post('/api/t/acme/invitations', {
      email: 'twice@example.org',
      role: 'programme_officer',
    });
    const pending = await admin.get('/api/t/acme/invitations');
    const forTwice = pending.body.items.filter(
      (i: { email: string }) => i.email === 'twice@example.org',
    );
    expect(forTwice).toEqual([
      expect.objectContaining({ id: second.body.id, role: 'programme_officer' }),
    ]);
    expect((await admin.delete(`/api/t/acme/invitations/${second.body.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/t/acme/invitations/${second.body.id}`)).status).toBe(404);
    const token = linkIn(
      app.mail.list().find((m) => m.to.includes('twice@example.org'))?.text ?? '',
    );
    expect((await app.client().get(`/api/auth/invitations/${token}`)).status).toBe(404);
  });

  it('refuses to invite someone who is already an active member', async () => {
    const response = await admin.post('/api/t/acme/invitations', {
      email: 'expert1@acme.example',
      role: 'expert',
    });
    expect(response.status).toBe(409);
  });

  it('pages through people by name with no row skipped or repeated', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { body: { items: { name: string }[]; nextCursor: string | null } } =
        await admin.get(`/api/t/acme/members?limit=3${after ? `&after=${after}` : ''}`);
      seen.push(...page.body.items.map((m) => m.name));
      after = page.body.nextCursor;
    } while (after);
    const all = (await admin.get('/api/t/acme/members?limit=100')).body.items.map(
      (m: { name: string }) => m.name,
    );
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(all).toEqual(
      [...all].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
  });

  it('filters by role and searches by name or email', async () => {
    const experts = await admin.get('/api/t/acme/members?role=expert&limit=100');
    expect(experts.body.items.every((m: { role: string }) => m.role === 'expert')).toBe(true);
    const found = await admin.get('/api/t/acme/members?q=expert3%40');
    expect(found.body.items.map((m: { email: string }) => m.email)).toEqual([
      'expert3@acme.example',
    ]);
  });

  it('changes a role, deactivates and reactivates, and audits each change', async () => {
    const target = (await admin.get('/api/t/acme/members?q=expert2%40')).body.items[0];
    const changed = await admin.patch(`/api/t/acme/members/${target.membershipId}`, {
      role: 'focal_point',
      memberStateAlpha3: 'FRA',
    });
    expect(changed.body).toMatchObject({ role: 'focal_point', memberStateAlpha3: 'FRA' });

    const expertClient = await app.client().signIn('expert2@acme.example', PASSWORD);
    expect(
      (await admin.post(`/api/t/acme/members/${target.membershipId}/deactivate`)).body.status,
    ).toBe('deactivated');
    expect((await expertClient.get('/api/t/acme')).status).toBe(404);
    expect(
      (await admin.post(`/api/t/acme/members/${target.membershipId}/reactivate`)).body.status,
    ).toBe('active');
    expect((await expertClient.get('/api/t/acme')).status).toBe(200);

    const audit = await admin.get('/api/t/acme/audit-log?limit=10');
    expect(audit.body.items.slice(0, 3).map((e: { action: string }) => e.action)).toEqual([
      'membership.reactivated',
      'membership.deactivated',
      'membership.updated',
    ]);
    expect(audit.body.items[2]).toMatchObject({
      actor: { name: 'Ada Admin' },
      before: { role: 'expert', memberStateAlpha3: null },
      after: { role: 'focal_point', memberStateAlpha3: 'FRA' },
    });
  });

  it('keeps at least one administrator and forbids deactivating oneself', async () => {
    expect(
      (await admin.patch(`/api/t/acme/members/${adminMembership}`, { role: 'expert' })).status,
    ).toBe(409);
    expect((await admin.post(`/api/t/acme/members/${adminMembership}/deactivate`)).status).toBe(
      409,
    );
  });

  it('queues no mail when an invitation is refused', async () => {
    const outboxRows = async () =>
      Number((await ownerQuery(app, `select count(*)::int as n from mail_outbox`))[0]?.n);
    const before = await outboxRows();
    expect(before).toBeGreaterThan(0); // the earlier invitations' mail is visible to this count
    const response = await admin.post('/api/t/acme/invitations', {
      email: 'expert4@acme.example',
      role: 'expert',
    });
    expect(response.status).toBe(409);
    expect(await outboxRows()).toBe(before);
  });
});
