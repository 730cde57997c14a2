import { docxWith, pdfWith } from '../documents/documents.testing';
import { ObjectMissing } from '../storage/storage';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'curriculum passphrase 2026';

describe("an expert's CV", () => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  const clients: Record<string, ApiClient> = {};
  const client = (who: string): ApiClient => {
    const found = clients[who];
    if (!found) throw new Error(`${who} is not signed in`);
    return found;
  };
  const upload = (who: string, path: string, bytes: Uint8Array, fileName = 'cv.pdf') =>
    client(who).request('PUT', `${path}?${new URLSearchParams({ fileName })}`, {
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
  const storedKey = async (userId: string) =>
    (
      await ownerQuery<{ storage_key: string }>(
        app,
        `select storage_key from expert_cvs where user_id = $1`,
        [userId],
      )
    )[0]?.storage_key ?? null;
  const exists = (key: string) =>
    app.running.store.read(key).then(
      () => true,
      (error: unknown) => {
        if (error instanceof ObjectMissing) return false;
        throw error;
      },
    );

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.running.databases.app;
    const tenantId = await createTenant(ds, { slug: 'cvs', name: 'CVs' });
    for (const [who, role] of [
      ['officer', 'programme_officer'],
      ['expert', 'expert'],
      ['otherExpert', 'expert'],
      ['focal', 'focal_point'],
    ] as const) {
      const email = `${who.toLowerCase()}@cvs.example`;
      await addMember(ds, tenantId, {
        email,
        name: `CV ${who}`,
        password: PASSWORD,
        role,
        memberStateAlpha3: role === 'focal_point' ? 'KEN' : null,
      });
      const [user] = await ownerQuery<{ id: string }>(
        app,
        `select id from users where email = $1`,
        [email],
      );
      ids[who] = user?.id ?? '';
      clients[who] = await app.client().signIn(email, PASSWORD);
    }
  });

  afterAll(() => app.close());

  it('lets the expert upload their own, read it back and download it; the officer sees it', async () => {
    expect((await client('expert').get('/api/t/cvs/me/expert-profile/cv')).body).toEqual({
      cv: null,
    });
    const pdf = await pdfWith('Curriculum vitae of an expert');
    const saved = await upload('expert', '/api/t/cvs/me/expert-profile/cv', pdf, 'Mon CV.pdf');
    expect(saved.status).toBe(200);
    expect(saved.body.cv).toMatchObject({
      fileName: 'Mon CV.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.length,
      uploadedBy: 'CV expert',
    });
    const own = await client('expert').get('/api/t/cvs/me/expert-profile/cv/file');
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toMatch(/^attachment; filename="Mon CV\.pdf"/);
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.text).toBe(new TextDecoder().decode(pdf));

    const officerView = await client('officer').get(`/api/t/cvs/experts/${ids['expert']}/cv`);
    expect(officerView.body.cv.fileName).toBe('Mon CV.pdf');
    const officerFile = await client('officer').get(`/api/t/cvs/experts/${ids['expert']}/cv/file`);
    expect(officerFile.status).toBe(200);
    const [audit] = await ownerQuery<{ n: string }>(
      app,
      `select count(*) as n from audit_log where action = 'expert.cv_downloaded' and entity_id = $1`,
      [ids['expert']],
    );
    expect(audit?.n).toBe('2');
  });

  it('is read by nobody else: another expert, a focal point', async () => {
    for (const who of ['otherExpert', 'focal']) {
      const view = await client(who).get(`/api/t/cvs/experts/${ids['expert']}/cv`);
      expect(view.status).toBe(403);
      const file = await client(who).get(`/api/t/cvs/experts/${ids['expert']}/cv/file`);
      expect(file.status).toBe(403);
    }
    // The other expert's own route names only themself.
    expect((await client('otherExpert').get('/api/t/cvs/me/expert-profile/cv')).body).toEqual({
      cv: null,
    });
    expect((await client('otherExpert').get('/api/t/cvs/me/expert-profile/cv/file')).status).toBe(
      404,
    );
    // An officer's routes reach experts only.
    expect((await client('officer').get(`/api/t/cvs/experts/${ids['focal']}/cv`)).status).toBe(404);
  });

  it('replaces the file, deleting the old object after the commit', async () => {
    const before = await storedKey(ids['expert'] ?? '');
    if (!before) throw new Error('no CV');
    const replaced = await upload(
      'officer',
      `/api/t/cvs/experts/${ids['expert']}/cv`,
      docxWith('Updated curriculum'),
      'cv-2026.docx',
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.cv).toMatchObject({
      fileName: 'cv-2026.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      uploadedBy: 'CV officer',
    });
    const after = await storedKey(ids['expert'] ?? '');
    expect(after).not.toBe(before);
    expect(await exists(before)).toBe(false);
    expect(await exists(after ?? '')).toBe(true);
  });

  it('refuses what is not a PDF or a DOCX, whatever its name, and keeps the CV', async () => {
    const key = await storedKey(ids['expert'] ?? '');
    const html = new TextEncoder().encode('<!doctype html><html><body>cv</body></html>');
    const refusedHtml = await upload('expert', '/api/t/cvs/me/expert-profile/cv', html, 'cv.pdf');
    expect(refusedHtml.status).toBe(415);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const refusedImage = await upload('expert', '/api/t/cvs/me/expert-profile/cv', png, 'cv.png');
    expect(refusedImage.status).toBe(415);
    expect(refusedImage.headers.get('content-type')).toContain('application/problem+json');
    const badName = await upload('expert', '/api/t/cvs/me/expert-profile/cv', png, 'a/b.pdf');
    expect(badName.status).toBe(400);
    expect(await storedKey(ids['expert'] ?? '')).toBe(key);
  });

  it('is removed with its file, by the expert or an officer', async () => {
    const key = await storedKey(ids['expert'] ?? '');
    if (!key) throw new Error('no CV');
    const removed = await client('expert').delete('/api/t/cvs/me/expert-profile/cv');
    expect(removed.status).toBe(204);
    expect(await storedKey(ids['expert'] ?? '')).toBeNull();
    expect(await exists(key)).toBe(false);
    expect((await client('expert').delete('/api/t/cvs/me/expert-profile/cv')).status).toBe(404);
    const [pending] = await ownerQuery<{ n: string }>(
      app,
      `select count(*) as n from storage_deletions`,
    );
    expect(pending?.n).toBe('0');
  });
});
