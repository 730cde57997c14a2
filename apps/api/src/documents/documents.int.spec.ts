import { addMember, createTenant } from '../tenants/tenant-provisioning';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { docxWith, pdfWith } from './documents.testing';
import { TextExtractionWorker } from './text-extraction-worker';

const PASSWORD = 'documents passphrase 2026';

describe('documents', () => {
  let app: TestApp;
  let tenantId: string;
  let eventId: string;
  const people = {
    officer: 'officer@docs.example',
    focal: 'focal@docs.example',
    expert: 'expert@docs.example',
    stranger: 'stranger@docs.example',
  };
  const clients: Record<string, ApiClient> = {};
  const client = (who: keyof typeof people): ApiClient => {
    const found = clients[who];
    if (!found) throw new Error(`${who} is not signed in`);
    return found;
  };

  const upload = (
    who: keyof typeof people,
    path: string,
    query: Record<string, string>,
    bytes: Uint8Array,
  ) =>
    client(who).request('POST', `${path}?${new URLSearchParams(query)}`, {
      rawBody: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });

  const onEvent = (
    who: keyof typeof people,
    bytes: Uint8Array,
    query: Partial<Record<string, string>> = {},
  ) =>
    upload(
      who,
      `/api/t/docs/events/${eventId}/documents`,
      {
        title: 'Concept note',
        kind: 'concept_note',
        visibility: 'public',
        language: 'en',
        fileName: 'note.pdf',
        ...query,
      } as Record<string, string>,
      bytes,
    );

  const countRows = async () =>
    (
      await ownerQuery<{ n: string }>(
        app,
        `select (select count(*) from documents) + (select count(*) from document_versions) as n`,
      )
    )[0]?.n;

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.running.databases.app;
    tenantId = await createTenant(ds, { slug: 'docs', name: 'Docs' });
    const ids: Record<string, string> = {};
    for (const [key, email] of Object.entries(people)) {
      const role =
        key === 'officer' ? 'programme_officer' : key === 'focal' ? 'focal_point' : 'expert';
      await addMember(ds, tenantId, {
        email,
        name: `Docs ${key}`,
        password: PASSWORD,
        role,
        memberStateAlpha3: key === 'focal' ? 'KEN' : null,
      });
      const [user] = await ownerQuery<{ id: string }>(
        app,
        `select id from users where email = $1`,
        [email],
      );
      if (!user) throw new Error(`no user ${email}`);
      ids[key] = user.id;
      clients[key] = await app.client().signIn(email, PASSWORD);
    }
    eventId = await inTransaction(ds, { tenantId }, async (m) => {
      const [event] = await sql<{ id: string }>(
        m,
        `insert into events (tenant_id, type, title, thematic_areas, format, venue_name, venue_city,
                             venue_country, starts_at, ends_at, time_zone, working_languages,
                             host_states, status, announced_at)
         values ($1, 'national_workshop', 'Nairobi workshop', '{financing}', 'in_person', 'UN',
                 'Nairobi', 'KEN', '2026-05-10T06:00:00Z', '2026-05-12T14:00:00Z',
                 'Africa/Nairobi', '{en}', '{KEN}', 'held', now())
         returning id`,
        [tenantId],
      );
      await sql(
        m,
        `insert into expert_assignments (tenant_id, event_id, user_id, role, status, answered_at)
         values ($1, $2, $3, 'rapporteur', 'accepted', now())`,
        [tenantId, event?.id, ids['expert']],
      );
      if (!event) throw new Error('no event');
      return event.id;
    });
  });

  afterAll(() => app.close());

  it('gives each role exactly the documents the rule allows, in lists, details and search', async () => {
    const pdf = await pdfWith('Financing counter terrorism roundtable');
    const made: Record<string, string> = {};
    for (const visibility of ['public', 'participants', 'staff_and_experts', 'staff']) {
      const response = await onEvent('officer', pdf, {
        title: `Visible ${visibility}`,
        visibility,
      });
      expect(response.status).toBe(201);
      made[visibility] = response.body.id;
    }
    await new TextExtractionWorker(app.running.databases.app, app.running.store).drainOnce();
    const titles = async (who: keyof typeof people) => {
      const list = await client(who).get(`/api/t/docs/events/${eventId}/documents`);
      return list.status === 200
        ? (list.body.items as { title: string }[]).map((item) => item.title).sort()
        : list.status;
    };
    expect(await titles('officer')).toEqual([
      'Visible participants',
      'Visible public',
      'Visible staff',
      'Visible staff_and_experts',
    ]);
    expect(await titles('expert')).toEqual([
      'Visible participants',
      'Visible public',
      'Visible staff_and_experts',
    ]);
    expect(await titles('focal')).toEqual(['Visible public']);
    // Not invited, not hosting, not an expert of it: the event does not exist for them.
    expect(await titles('stranger')).toBe(404);

    const staffOnly = await client('focal').get(`/api/t/docs/documents/${made['staff']}`);
    expect(staffOnly.status).toBe(404);
    const search = await client('focal').get(`/api/t/docs/documents/search?q=roundtable`);
    expect(search.status).toBe(200);
    expect(search.text).not.toContain(made['staff']);
    expect(search.text).not.toContain(made['staff_and_experts']);
    expect(
      (search.body.items as { document: { id: string } }[]).map((hit) => hit.document.id),
    ).toEqual([made['public']]);
    expect(search.body.items[0].snippet).toContainEqual({ text: 'roundtable', match: true });
    const officerSearch = await client('officer').get(`/api/t/docs/documents/search?q=roundtable`);
    expect(officerSearch.body.items).toHaveLength(4);
  });

  it('keeps every version, restores an old one as the new current, and serves each as an attachment', async () => {
    const first = await pdfWith('First draft');
    const created = await onEvent('officer', first, { title: 'Agenda', kind: 'agenda' });
    const id = created.body.id as string;
    const second = await upload(
      'officer',
      `/api/t/docs/documents/${id}/versions`,
      { language: 'en', fileName: 'agenda v2.pdf' },
      await pdfWith('Second draft'),
    );
    expect(second.status).toBe(201);
    const history = second.body.history[0].versions as { id: string; number: number }[];
    expect(history.map((version) => version.number)).toEqual([2, 1]);
    const restored = await client('officer').post(
      `/api/t/docs/documents/${id}/versions/${history[1]?.id}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(restored.body.files[0].current).toMatchObject({ number: 3, restoredFrom: 1 });

    const download = await client('officer').get(restored.body.files[0].current.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="note\.pdf"/,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-type')).toBe('application/pdf');
    // The first version's bytes (decoded as the client decodes them), not the second's.
    expect(download.text).toBe(new TextDecoder().decode(first));
    const [audit] = await ownerQuery<{ n: string }>(
      app,
      `select count(*) as n from audit_log where action = 'document.downloaded' and entity_id = $1`,
      [id],
    );
    expect(audit?.n).toBe('1');
  });

  it('refuses a signed link that was changed or has expired, and anyone the document is hidden from', async () => {
    const created = await onEvent('officer', await pdfWith('Staff notes'), { visibility: 'staff' });
    const url = created.body.files[0].current.downloadUrl as string;
    const token = url.split('/').pop() ?? '';
    const tampered = `/api/files/${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    expect((await app.client().get(tampered)).status).toBe(403);
    const expired = await startTestApp({ env: { DOWNLOAD_URL_TTL_SECONDS: '10' } });
    try {
      // Signed by this app with its secret: a link in the past is refused on its expiry alone.
      const { signDownload } = await import('./download-token');
      const old = signDownload(
        {
          tenantId,
          versionId: created.body.files[0].current.id,
          viewer: { kind: 'member', userId: '00000000-0000-4000-8000-000000000001' },
          expiresAt: new Date(Date.now() - 1000),
        },
        app.config.secret,
      );
      const answer = await app.client().get(`/api/files/${old}`);
      expect(answer.status).toBe(403);
      expect(answer.body.title).toMatch(/expired/);
    } finally {
      await expired.close();
    }
  });

  it('refuses files by their bytes: a .pdf that is HTML, an SVG, an oversized file, a zip bomb', async () => {
    const before = await countRows();
    const html = await onEvent('officer', Buffer.from('<!doctype html><script>alert(1)</script>'), {
      fileName: 'report.pdf',
    });
    expect(html.status).toBe(415);
    expect(html.headers.get('content-type')).toMatch(/problem\+json/);
    const svg = await onEvent('officer', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), {
      fileName: 'x.svg',
    });
    expect(svg.status).toBe(415);
    const bomb = await onEvent('officer', docxWith('small', 60 * 1024 * 1024), {
      fileName: 'x.docx',
    });
    expect({ status: bomb.status, type: bomb.body.type }).toEqual({
      status: 422,
      type: '/problems/unprocessable',
    });
    await ownerQuery(app, `update tenants set document_max_bytes = 1000 where id = $1`, [tenantId]);
    try {
      const big = await onEvent('officer', await pdfWith('x'.repeat(5000)));
      expect(big.status).toBe(413);
    } finally {
      await ownerQuery(app, `update tenants set document_max_bytes = 26214400 where id = $1`, [
        tenantId,
      ]);
    }
    expect(await countRows()).toBe(before);
    const docx = await onEvent('officer', docxWith('Hello from Word'), { fileName: 'word.docx' });
    expect(docx.status).toBe(201);
  });

  it('lets an expert add documents only to the events where they are one of its experts', async () => {
    const own = await onEvent('expert', await pdfWith('Slides'), {
      title: 'Slides',
      kind: 'presentation',
    });
    expect(own.status).toBe(201);
    expect(own.body.canEdit).toBe(true);
    const other = await inTransaction(app.running.databases.app, { tenantId }, async (m) => {
      const [event] = await sql<{ id: string }>(
        m,
        `insert into events (tenant_id, type, title, thematic_areas, format, venue_city,
                             venue_country, starts_at, ends_at, time_zone, working_languages,
                             host_states, status, announced_at)
         values ($1, 'national_workshop', 'Other workshop', '{financing}', 'in_person', 'Nairobi',
                 'KEN', '2026-05-10T06:00:00Z', '2026-05-12T14:00:00Z', 'Africa/Nairobi', '{en}',
                 '{KEN}', 'planned', now())
         returning id`,
        [tenantId],
      );
      if (!event) throw new Error('no event');
      return event.id;
    });
    const refused = await upload(
      'expert',
      `/api/t/docs/events/${other}/documents`,
      { title: 'X', kind: 'presentation', visibility: 'public', language: 'en', fileName: 'x.pdf' },
      await pdfWith('X'),
    );
    expect(refused.status).toBe(404);
    const library = await upload(
      'expert',
      `/api/t/docs/documents`,
      { title: 'X', kind: 'other', visibility: 'public', language: 'en', fileName: 'x.pdf' },
      await pdfWith('X'),
    );
    expect(library.status).toBe(403);
  });

  it('refuses an upload sent as a form or as JSON, and a file sent to a route that takes JSON', async () => {
    const form = await client('officer').request(
      'POST',
      `/api/t/docs/events/${eventId}/documents?title=A&kind=agenda&visibility=public&language=en&fileName=a.pdf`,
      { rawBody: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    );
    expect(form.status).toBe(415);
    const json = await client('officer').request(
      'POST',
      `/api/t/docs/events/${eventId}/documents?title=A&kind=agenda&visibility=public&language=en&fileName=a.pdf`,
      { body: { file: 'JVBERi0=' } },
    );
    expect(json.status).toBe(415);
    const octet = await client('officer').request('PATCH', `/api/t/docs/documents/${eventId}`, {
      rawBody: await pdfWith('x'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(octet.status).toBe(415);
    const nul = await onEvent('officer', await pdfWith('x'), { title: 'Bad\u0000title' });
    expect(nul.status).toBe(400);
    const crlf = await onEvent('officer', await pdfWith('x'), { fileName: 'a\r\nb.pdf' });
    expect(crlf.status).toBe(400);
  });

  it('reports an event only once the rapporteur’s report is published', async () => {
    const report = () =>
      client('officer').post(`/api/t/docs/events/${eventId}/transitions`, { action: 'report' });
    const early = await report();
    expect({ status: early.status, type: early.body.type }).toEqual({
      status: 409,
      type: '/problems/event-transition',
    });
    const draft = await onEvent('expert', await pdfWith('Outcome of the workshop'), {
      title: 'Meeting report',
      kind: 'meeting_report',
    });
    expect(draft.status).toBe(201);
    expect(draft.body.publishedAt).toBeNull();
    // A draft is the staff's and the experts': the focal point does not see it yet.
    expect((await client('focal').get(`/api/t/docs/documents/${draft.body.id}`)).status).toBe(404);
    expect((await report()).status).toBe(409);
    // The rapporteur may not publish it; the officer does.
    expect(
      (await client('expert').post(`/api/t/docs/documents/${draft.body.id}/publish`)).status,
    ).toBe(403);
    const published = await client('officer').post(
      `/api/t/docs/documents/${draft.body.id}/publish`,
    );
    expect(published.status).toBe(200);
    expect((await client('focal').get(`/api/t/docs/documents/${draft.body.id}`)).status).toBe(200);
    const reported = await report();
    expect({ status: reported.status, to: reported.body.status }).toEqual({
      status: 200,
      to: 'reported',
    });
  });

  it('extracts each version’s text once, with two workers draining at the same time', async () => {
    const words = ['Hawala', 'remittance', 'corridors'];
    for (const word of words)
      await onEvent('officer', await pdfWith(`On ${word} risks`), { title: word });
    const docx = await onEvent('officer', docxWith('Beneficial ownership registers'), {
      fileName: 'b.docx',
    });
    expect(docx.status).toBe(201);
    const ds = app.running.databases.app;
    const [one, two] = [
      new TextExtractionWorker(ds, app.running.store, { batchSize: 2 }),
      new TextExtractionWorker(ds, app.running.store, { batchSize: 2 }),
    ];
    for (;;) {
      const handled = await Promise.all([one.drainOnce(), two.drainOnce()]);
      if (handled[0] + handled[1] === 0) break;
    }
    const jobs = await ownerQuery<{ status: string; attempts: number }>(
      app,
      `select status, attempts from document_text_jobs`,
    );
    expect(jobs.length).toBeGreaterThan(5);
    expect(jobs.every((job) => job.status === 'done' && job.attempts === 1)).toBe(true);
    for (const query of ['hawala', 'corridor', 'ownership register']) {
      const found = await client('officer').get(
        `/api/t/docs/documents/search?q=${encodeURIComponent(query)}`,
      );
      expect({ query, hits: found.body.items.length > 0 }).toEqual({ query, hits: true });
    }
  });

  it('lists for a participant, through their page, the documents shared with participants', async () => {
    const { approvedNominee } = await import('../participation/participant-links.testing');
    const person = await approvedNominee(app.running.databases.app, app.config.secret, tenantId, {
      eventId,
    });
    const answer = await app.client().get(`/api/participant/${person.pageToken}/documents`);
    expect(answer.status).toBe(200);
    const titles = (answer.body.items as { title: string }[]).map((item) => item.title);
    expect(titles).toContain('Visible participants');
    expect(titles).toContain('Visible public');
    expect(titles).not.toContain('Visible staff');
    expect(titles).not.toContain('Visible staff_and_experts');
    const file = answer.body.items.find(
      (item: { title: string }) => item.title === 'Visible participants',
    );
    expect((await app.client().get(file.files[0].downloadUrl)).status).toBe(200);
  });

  it('leaves no row when the store fails during the upload', async () => {
    const before = await countRows();
    await app.s3.close();
    try {
      const failed = await onEvent('officer', await pdfWith('Lost'));
      expect(failed.status).toBe(503);
      expect(failed.headers.get('content-type')).toMatch(/problem\+json/);
    } finally {
      // The server is gone for good: the remaining tests need none.
    }
    expect(await countRows()).toBe(before);
  });
});
