import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { ObjectMissing } from '../storage/storage';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { seedDocument } from './documents.fixtures';
import { TextExtractionWorker } from './text-extraction-worker';

const PASSWORD = 'deleting passphrase 2026';

describe('deleting a document', () => {
  let app: TestApp;
  let tenantId: string;
  let eventId: string;
  const clients: Record<string, ApiClient> = {};
  const client = (who: string): ApiClient => {
    const found = clients[who];
    if (!found) throw new Error(`${who} is not signed in`);
    return found;
  };
  const keysOf = (documentId: string) =>
    ownerQuery<{ storage_key: string }>(
      app,
      `select storage_key from document_versions where document_id = $1`,
      [documentId],
    ).then((rows) => rows.map((row) => row.storage_key));
  const exists = (key: string) =>
    app.running.store.read(key).then(
      () => true,
      (error: unknown) => {
        if (error instanceof ObjectMissing) return false;
        throw error;
      },
    );
  const pending = () =>
    ownerQuery<{ storage_key: string; attempts: number; last_error: string | null }>(
      app,
      `select storage_key, attempts, last_error from storage_deletions order by storage_key`,
    );

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.running.databases.app;
    tenantId = await createTenant(ds, { slug: 'shred', name: 'Shred' });
    for (const [who, role] of [
      ['officer', 'programme_officer'],
      ['expert', 'expert'],
      ['focal', 'focal_point'],
    ] as const) {
      const email = `${who}@shred.example`;
      await addMember(ds, tenantId, {
        email,
        name: `Shred ${who}`,
        password: PASSWORD,
        role,
        memberStateAlpha3: role === 'focal_point' ? 'KEN' : null,
      });
      clients[who] = await app.client().signIn(email, PASSWORD);
    }
    const [expert] = await ownerQuery<{ id: string }>(
      app,
      `select id from users where email = 'expert@shred.example'`,
    );
    eventId = await inTransaction(ds, { tenantId }, async (m) => {
      const [event] = await sql<{ id: string }>(
        m,
        `insert into events (tenant_id, type, title, format, starts_at, ends_at, time_zone,
                             host_states, status, announced_at)
         values ($1, 'national_workshop', 'Shredding workshop', 'virtual', '2026-05-10T06:00:00Z',
                 '2026-05-12T14:00:00Z', 'UTC', '{KEN}', 'held', now())
         returning id`,
        [tenantId],
      );
      if (!event) throw new Error('no event');
      await sql(
        m,
        `insert into expert_assignments (tenant_id, event_id, user_id, role, status, answered_at)
         values ($1, $2, $3, 'speaker', 'accepted', now())`,
        [tenantId, event.id, expert?.id],
      );
      return event.id;
    });
  });

  afterAll(() => app.close());

  it('removes the document, every version and their files, and audits it', async () => {
    const seeded = await seedDocument(app.running.databases.app, app.running.store, tenantId, {
      eventId,
      title: 'Old slides',
      versions: 3,
    });
    const keys = await keysOf(seeded.documentId);
    expect(keys).toHaveLength(3);
    for (const key of keys) expect(await exists(key)).toBe(true);

    const stale = await client('officer').request(
      'DELETE',
      `/api/t/shred/documents/${seeded.documentId}?version=2`,
    );
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(await keysOf(seeded.documentId)).toHaveLength(3);

    const deleted = await client('officer').request(
      'DELETE',
      `/api/t/shred/documents/${seeded.documentId}?version=1`,
    );
    expect(deleted.status).toBe(204);
    expect(await keysOf(seeded.documentId)).toEqual([]);
    for (const key of keys) expect(await exists(key)).toBe(false);
    expect(await pending()).toEqual([]);
    const [audit] = await ownerQuery<{ before: { title: string; versions: number } }>(
      app,
      `select before from audit_log where action = 'document.deleted' and entity_id = $1`,
      [seeded.documentId],
    );
    expect(audit?.before).toMatchObject({ title: 'Old slides', versions: 3 });
    const again = await client('officer').get(`/api/t/shred/documents/${seeded.documentId}`);
    expect(again.status).toBe(404);
  });

  it('lets only the staff delete: an expert of the event and a focal point cannot', async () => {
    const seeded = await seedDocument(app.running.databases.app, app.running.store, tenantId, {
      eventId,
      title: 'Kept paper',
    });
    for (const who of ['expert', 'focal']) {
      const refused = await client(who).request(
        'DELETE',
        `/api/t/shred/documents/${seeded.documentId}?version=1`,
      );
      expect(refused.status).toBe(403);
    }
    expect(await keysOf(seeded.documentId)).toHaveLength(1);
    for (const bad of ['version=0', 'version=x', '', 'version=1&extra=1']) {
      const refused = await client('officer').request(
        'DELETE',
        `/api/t/shred/documents/${seeded.documentId}?${bad}`,
      );
      expect(refused.status).toBe(400);
    }
    expect(await keysOf(seeded.documentId)).toHaveLength(1);
  });

  it('keeps a restored version’s shared file until the document goes, then deletes it once', async () => {
    const seeded = await seedDocument(app.running.databases.app, app.running.store, tenantId, {
      eventId,
      title: 'Restored note',
      versions: 2,
    });
    const restored = await client('officer').post(
      `/api/t/shred/documents/${seeded.documentId}/versions/${seeded.versionIds[0]}/restore`,
    );
    expect(restored.status).toBe(200);
    const keys = await keysOf(seeded.documentId);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(2);
    const deleted = await client('officer').request(
      'DELETE',
      `/api/t/shred/documents/${seeded.documentId}?version=${restored.body.version}`,
    );
    expect(deleted.status).toBe(204);
    for (const key of keys) expect(await exists(key)).toBe(false);
  });

  it('sweeps an object a failed deletion left, in the document worker', async () => {
    const seeded = await seedDocument(app.running.databases.app, app.running.store, tenantId, {
      eventId: null,
      title: 'Orphan',
    });
    const [key] = await keysOf(seeded.documentId);
    if (!key) throw new Error('no key');
    // As if the store had failed after the commit: the rows gone, the object and its row left.
    await ownerQuery(app, `delete from documents where id = $1`, [seeded.documentId]);
    await ownerQuery(
      app,
      `insert into storage_deletions (tenant_id, storage_key, created_at)
       values ($1, $2, now() - interval '1 hour')`,
      [tenantId, key],
    );
    const worker = new TextExtractionWorker(app.running.databases.app, app.running.store);
    expect(await worker.drainOnce()).toBe(1);
    expect(await exists(key)).toBe(false);
    expect(await pending()).toEqual([]);
  });

  it('commits the deletion when the store is down, and keeps the files to delete for the sweep', async () => {
    const seeded = await seedDocument(app.running.databases.app, app.running.store, tenantId, {
      eventId,
      title: 'Deleted in an outage',
      versions: 2,
    });
    const keys = (await keysOf(seeded.documentId)).sort();
    await app.s3.close();
    const deleted = await client('officer').request(
      'DELETE',
      `/api/t/shred/documents/${seeded.documentId}?version=1`,
    );
    expect(deleted.status).toBe(204);
    expect(await keysOf(seeded.documentId)).toEqual([]);
    expect((await pending()).map((row) => row.storage_key)).toEqual(keys);
    // The sweep tries (once the grace is over) and keeps them, with the error, for later.
    const worker = new TextExtractionWorker(app.running.databases.app, app.running.store, {
      sweepGraceMs: 0,
    });
    expect(await worker.drainOnce()).toBe(0);
    const left = await pending();
    expect(left).toHaveLength(2);
    for (const row of left) {
      expect(row.attempts).toBe(1);
      expect(row.last_error).toBeTruthy();
    }
  });
});
