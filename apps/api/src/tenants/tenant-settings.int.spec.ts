import { pdfWith } from '../documents/documents.testing';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { addMember, createTenant } from './tenant-provisioning';

const PASSWORD = 'settings passphrase 2026';
const MiB = 1024 * 1024;

describe('the tenant settings: the upload size limit', () => {
  let app: TestApp;
  const clients: Record<string, ApiClient> = {};
  const client = (who: string): ApiClient => {
    const found = clients[who];
    if (!found) throw new Error(`${who} is not signed in`);
    return found;
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { UPLOAD_MAX_BYTES: String(50 * MiB) } });
    const ds = app.running.databases.app;
    const tenantId = await createTenant(ds, { slug: 'limits', name: 'Limits' });
    await createTenant(ds, { slug: 'other-limits', name: 'Other limits' });
    for (const [who, role] of [
      ['admin', 'tenant_admin'],
      ['officer', 'programme_officer'],
      ['focal', 'focal_point'],
    ] as const) {
      const email = `${who}@limits.example`;
      await addMember(ds, tenantId, {
        email,
        name: `Limits ${who}`,
        password: PASSWORD,
        role,
        memberStateAlpha3: role === 'focal_point' ? 'KEN' : null,
      });
      clients[who] = await app.client().signIn(email, PASSWORD);
    }
  });

  afterAll(() => app.close());

  it('shows the limit and the server’s ceiling to admins only', async () => {
    const settings = await client('admin').get('/api/t/limits/settings');
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({
      documentMaxBytes: 25 * MiB,
      serverMaxBytes: 50 * MiB,
      version: 1,
    });
    for (const who of ['officer', 'focal']) {
      expect((await client(who).get('/api/t/limits/settings')).status).toBe(403);
      const put = await client(who).put('/api/t/limits/settings', {
        documentMaxBytes: 2 * MiB,
        version: 1,
      });
      expect(put.status).toBe(403);
    }
  });

  it('bounds the limit: at least 1 MiB, at most the server’s, and refuses a stale version', async () => {
    for (const documentMaxBytes of [MiB - 1, 0, -5, 2 ** 31, 1.5 * MiB + 0.5]) {
      const refused = await client('admin').put('/api/t/limits/settings', {
        documentMaxBytes,
        version: 1,
      });
      expect(refused.status).toBe(400);
    }
    const above = await client('admin').put('/api/t/limits/settings', {
      documentMaxBytes: 51 * MiB,
      version: 1,
    });
    expect(above.status).toBe(422);
    expect(above.headers.get('content-type')).toContain('application/problem+json');

    const saved = await client('admin').put('/api/t/limits/settings', {
      documentMaxBytes: MiB,
      version: 1,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ documentMaxBytes: MiB, version: 2 });
    const stale = await client('admin').put('/api/t/limits/settings', {
      documentMaxBytes: 3 * MiB,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('/problems/stale-version');
    const rows = await ownerQuery<{ slug: string; document_max_bytes: number }>(
      app,
      `select slug, document_max_bytes from tenants where slug like '%limits' order by slug`,
    );
    // The other tenant keeps its own.
    expect(rows).toEqual([
      { slug: 'limits', document_max_bytes: MiB },
      { slug: 'other-limits', document_max_bytes: 25 * MiB },
    ]);
    const [audit] = await ownerQuery<{ n: string }>(
      app,
      `select count(*) as n from audit_log where action = 'tenant.settings_updated'`,
    );
    expect(audit?.n).toBe('1');
  });

  it('holds uploads to the new limit', async () => {
    const pdf = await pdfWith('Library edition');
    const upload = (bytes: Buffer) =>
      client('officer').request(
        'POST',
        `/api/t/limits/documents?${new URLSearchParams({
          title: 'Edition',
          kind: 'other',
          visibility: 'public',
          language: 'en',
          fileName: 'edition.pdf',
        })}`,
        { rawBody: bytes, headers: { 'content-type': 'application/octet-stream' } },
      );
    const tooLarge = await upload(Buffer.concat([pdf, Buffer.alloc(MiB)]));
    expect(tooLarge.status).toBe(413);
    const fits = await upload(Buffer.concat([pdf, Buffer.alloc(MiB / 2)]));
    expect(fits.status).toBe(201);
  });
});
