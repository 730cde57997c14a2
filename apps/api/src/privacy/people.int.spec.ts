import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSENT_TEXT_VERSION, CONSENT_TEXTS } from '@convene/contracts';
import { SESSION_COOKIE } from '../common/cookie-names';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { seedDocument } from '../documents/documents.fixtures';
import { seedExpertCv } from '../experts/expert-cv.fixtures';
import { participantLink } from '../participation/attendance.fixtures';
import { seedParticipation } from '../participation/figures.fixtures';
import { addMember, createTenant, inviteToTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { findPersonalData } from '../testing/personal-data-scan';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'people passphrase 2026';
const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

describe("a person's data, on request: find, summary, export and erasure", () => {
  let app: TestApp;
  let acme: string;
  let globex: string;
  let admin: ApiClient;
  let officer: ApiClient;
  let adminId: string;
  let expertId: string;
  let eventId: string;
  let aminaId: string;
  let aminaNomination: string;
  let twinParticipantId: string;
  let globexAminaId: string;
  let cvKey: string;
  let folder: string;
  const base = '/api/t/acme/privacy/people';
  const amina = { name: 'Amina Wanjiru Otieno', email: 'amina.otieno@ke-gov.example' };
  const kept = { name: 'Carla Njeri Kamau', email: 'carla.kamau@ke-gov.example' };
  const expert = { name: 'Olga Petrovna Sokolova', email: 'olga.sokolova@experts.example' };

  const keptId = () => keptParticipantId;
  let keptParticipantId = '';
  const requests = () =>
    ownerQuery<{ kind: string; subject_kind: string; subject_id: string; reason: string }>(
      app,
      `select kind, subject_kind, subject_id, reason from privacy_requests
        where tenant_id = $1 order by requested_at, id`,
      [acme],
    );

  /** A POST's answer as bytes (the PDF), with the client's session and CSRF token. */
  const postForBytes = async (client: ApiClient, path: string, body: unknown) => {
    await client.get('/api/health');
    const session = client.cookie(SESSION_COOKIE) ?? '';
    const xsrf = client.cookie('XSRF-TOKEN') ?? '';
    const response = await fetch(app.baseUrl + path, {
      method: 'POST',
      headers: {
        cookie: `${SESSION_COOKIE}=${session}; XSRF-TOKEN=${xsrf}`,
        'x-xsrf-token': decodeURIComponent(xsrf),
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'people-'));
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000', MAIL_WORKER: 'off' } });
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme Academy' });
    globex = await createTenant(ds, { slug: 'globex', name: 'Globex Institute' });
    adminId = (
      await addMember(ds, acme, {
        email: 'admin@acme.example',
        name: 'Ada Admin',
        password: PASSWORD,
        role: 'tenant_admin',
      })
    ).userId;
    await addMember(ds, acme, {
      email: 'officer@acme.example',
      name: 'Otto Officer',
      password: PASSWORD,
      role: 'programme_officer',
    });
    expertId = (
      await addMember(ds, acme, {
        email: expert.email,
        name: expert.name,
        password: PASSWORD,
        role: 'expert',
      })
    ).userId;
    await addMember(ds, globex, {
      email: 'admin@globex.example',
      name: 'Gus Admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    admin = await app.client().signIn('admin@acme.example', PASSWORD);
    officer = await app.client().signIn('officer@acme.example', PASSWORD);

    const nominee = (person: { name: string; email: string }, state: string) => ({
      ...person,
      state,
      sex: 'female' as const,
      institutionType: 'prosecution' as const,
      audience: 'prosecutors' as const,
      status: 'approved' as const,
      confirmation: 'confirmed' as const,
      functionTitle: 'Senior prosecutor, cybercrime unit',
      institution: 'Office of the Director of Public Prosecutions',
      dietaryNeeds: 'Vegetarian, no nuts',
      accessibilityNeeds: 'Step-free access',
      attendance: { [day(-20).slice(0, 10)]: 'attended' as const },
    });
    let nominationIds: Record<string, string>;
    ({ eventId, nominationIds } = await seedParticipation(
      ds,
      acme,
      {
        title: 'Regional workshop on terrorist financing',
        hostStates: ['KEN'],
        startsAt: day(-20),
        endsAt: day(-18),
        invitations: { KEN: 'accepted', UGA: 'accepted' },
      },
      [
        nominee(amina, 'KEN'),
        nominee(kept, 'UGA'),
        // The expert is also a participant of the tenant, with the same email: two records.
        { ...nominee(expert, 'UGA'), attendance: {} },
      ],
    ));
    // Another tenant's Amina: never found, never shown here.
    await seedParticipation(
      ds,
      globex,
      {
        title: 'Globex seminar',
        hostStates: ['KEN'],
        startsAt: day(-10),
        endsAt: day(-9),
        invitations: { KEN: 'accepted' },
      },
      [nominee({ name: 'Amina Globex Mwangi', email: 'amina.mwangi@globex.example' }, 'KEN')],
    );
    const ids = await ownerQuery<{ id: string; email: string; nomination: string }>(
      app,
      `select p.id, p.email, n.id as nomination from participants p
         join nominations n on n.participant_id = p.id`,
    );
    const idOf = (email: string) => ids.find((row) => row.email === email);
    aminaId = idOf(amina.email)?.id ?? '';
    aminaNomination = idOf(amina.email)?.nomination ?? '';
    twinParticipantId = idOf(expert.email)?.id ?? '';
    keptParticipantId = idOf(kept.email)?.id ?? '';
    globexAminaId = idOf('amina.mwangi@globex.example')?.id ?? '';
    expect(Object.values(nominationIds)).toContain(aminaNomination);

    cvKey = `tenant/${acme}/experts/${expertId}/cv-${Date.now()}`;
    await inTransaction(ds, { tenantId: acme }, async (m) => {
      await sql(
        m,
        `insert into consent_attestations (tenant_id, nomination_id, text_version, text)
         values ($1, $2, $3, $4)`,
        [acme, aminaNomination, CONSENT_TEXT_VERSION, CONSENT_TEXTS.en],
      );
      await sql(
        m,
        `insert into certificates (tenant_id, nomination_id, verification_code, language,
                                   revoked_at, revoke_reason)
         values ($1, $2, 'PEOPLE-TEST-CODE-1', 'en', now(), 'Issued to the wrong Amina Otieno')`,
        [acme, aminaNomination],
      );
      // Mail to Amina (sent, and one still queued), and to her focal point naming her.
      await sql(
        m,
        `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status, sent_at)
         values ($1, 'nomination_decided', $2::text, 'en', $3::jsonb, 'sent', now()),
                ($1, 'event_reminder', $2::text, 'en',
                 '{"event":"x","link":"https://x.example/p/secret"}'::jsonb, 'queued', null),
                ($1, 'nomination_decided', 'focal@ke-gov.example', 'en', $4::jsonb, 'sent', now()),
                ($1, 'event_reminder', $5::text, 'en', '{"event":"y"}'::jsonb, 'queued', null),
                ($1, 'expert_assignment', $6::text, 'en', '{"event":"z"}'::jsonb, 'queued', null)`,
        [
          acme,
          amina.email,
          JSON.stringify({ participant: amina.name, link: 'https://x.example/d/secret' }),
          JSON.stringify({ participants: [amina.name, kept.name] }),
          kept.email,
          expert.email,
        ],
      );
      await sql(
        m,
        `insert into audit_log (tenant_id, actor_id, action, entity, entity_id, after)
         values ($1, $2, 'nomination.decided', 'nomination', $3, '{"status":"approved"}'),
                ($1, $4, 'expert_profile.updated', 'expert_profile', $5, '{"version":2}')`,
        [acme, adminId, aminaNomination, expertId, expertId],
      );
      // The expert: a profile, officers' notes, an assignment declined, a declaration.
      await sql(
        m,
        `insert into expert_profiles (tenant_id, user_id, organisation, bio, sex, nationality,
                                      thematic_areas, languages)
         values ($1, $2, 'Sokolova Consulting', 'Trained prosecutors for ten years.', 'female',
                 'FRA', '{financing}', '[{"language":"fr","level":"native"}]')`,
        [acme, expertId],
      );
      await sql(m, `insert into expert_notes (tenant_id, user_id, notes) values ($1, $2, $3)`, [
        acme,
        expertId,
        'Reliable, prefers morning sessions',
      ]);
      await sql(
        m,
        `insert into expert_assignments (tenant_id, event_id, user_id, role, status,
                                         decline_reason, answered_at)
         values ($1, $2, $3, 'speaker', 'declined', 'Travelling that week to Lyon', now())`,
        [acme, eventId, expertId],
      );
      await sql(
        m,
        `insert into expert_declarations (tenant_id, event_id, user_id, has_interests, details)
         values ($1, $2, $3, true, 'Advised the host ministry in 2025')`,
        [acme, eventId, expertId],
      );
    });
    await seedExpertCv(ds, app.running.store, acme, expertId, { fileName: 'Sokolova_CV.pdf' });
    const [cv] = await ownerQuery<{ storage_key: string }>(
      app,
      `select storage_key from expert_cvs where user_id = $1`,
      [expertId],
    );
    cvKey = cv?.storage_key ?? cvKey;
    const { versionIds } = await seedDocument(ds, app.running.store, acme, {
      eventId,
      title: 'Speaking notes on financing',
    });
    await ownerQuery(app, `update document_versions set uploaded_by = $1 where id = $2`, [
      expertId,
      versionIds[0],
    ]);
    await participantLink(ds, acme, aminaNomination, app.config.secret);
  });

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await app.close();
  });

  it('finds participants and members by part of a name or an email, in this tenant only', async () => {
    const byName = await admin.get(`${base}?q=${encodeURIComponent('wanjiru')}`);
    expect(byName.status).toBe(200);
    expect(byName.body.items).toEqual([
      {
        kind: 'participant',
        id: aminaId,
        name: amina.name,
        email: amina.email,
        events: 1,
        role: null,
        status: null,
        anonymised: false,
      },
    ]);
    // "amina" is Globex's participant's name too: not found from Acme.
    const byFirstName = await admin.get(`${base}?q=amina`);
    expect(byFirstName.body.items.map((hit: { id: string }) => hit.id)).toEqual([aminaId]);
    expect(byFirstName.text).not.toContain(globexAminaId);
    expect(byFirstName.text).not.toContain('Globex');

    // A member by part of their email; a participant with the same email is a second record.
    const byEmail = await admin.get(`${base}?q=${encodeURIComponent('sokolova@experts')}`);
    expect(byEmail.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'member', id: expertId, role: 'expert', status: 'active' }),
        expect.objectContaining({ kind: 'participant', id: twinParticipantId, events: 1 }),
      ]),
    );
    expect(byEmail.body.items).toHaveLength(2);
    // Members of any role: the admin by name.
    const byMember = await admin.get(`${base}?q=ada%20adm`);
    expect(byMember.body.items).toEqual([
      expect.objectContaining({ kind: 'member', id: adminId, role: 'tenant_admin' }),
    ]);
    // Wildcards are literal.
    expect((await admin.get(`${base}?q=%25%25`)).body.items).toEqual([]);

    for (const q of ['a', 'x'.repeat(101), 'amina%0Aotieno', 'amina%00']) {
      const refused = await admin.get(`${base}?q=${q}`);
      expect({ q, status: refused.status }).toEqual({ q, status: 400 });
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await admin.get(base)).status).toBe(400);
  });

  it('shows everything the tenant holds about a participant, and 404 for anyone else', async () => {
    const summary = await admin.get(`${base}/participant/${aminaId}`);
    expect(summary.status).toBe(200);
    const body = summary.body;
    expect(body.account).toEqual(
      expect.objectContaining({
        kind: 'participant',
        id: aminaId,
        name: amina.name,
        email: amina.email,
        anonymised: false,
        membership: null,
      }),
    );
    expect(body.nominations).toEqual([
      expect.objectContaining({
        id: aminaNomination,
        eventId,
        eventTitle: 'Regional workshop on terrorist financing',
        status: 'approved',
        confirmation: 'confirmed',
        memberStateAlpha3: 'KEN',
        functionTitle: 'Senior prosecutor, cybercrime unit',
        institution: 'Office of the Director of Public Prosecutions',
        dietaryNeeds: 'Vegetarian, no nuts',
        accessibilityNeeds: 'Step-free access',
      }),
    ]);
    expect(body.attendance).toEqual([
      expect.objectContaining({ nominationId: aminaNomination, status: 'attended' }),
    ]);
    expect(body.consents).toEqual([
      expect.objectContaining({ textVersion: CONSENT_TEXT_VERSION, withdrawnAt: null }),
    ]);
    expect(body.certificates).toEqual([
      expect.objectContaining({ revokeReason: 'Issued to the wrong Amina Otieno' }),
    ]);
    expect(body.mail.map((m: { kind: string }) => m.kind).sort()).toEqual([
      'event_reminder',
      'nomination_decided',
    ]);
    // Never a message's content: it may hold a live link.
    expect(summary.text).not.toContain('secret');
    expect(body.audit.aboutThem).toEqual([
      expect.objectContaining({ action: 'nomination.decided', entityId: aminaNomination }),
    ]);
    expect(body.expert).toBeNull();

    // Someone else's, unknown, or not a person at all.
    const globexAdmin = await app.client().signIn('admin@globex.example', PASSWORD);
    expect(
      (await globexAdmin.get(`/api/t/globex/privacy/people/participant/${aminaId}`)).status,
    ).toBe(404);
    expect((await admin.get(`${base}/participant/${globexAminaId}`)).status).toBe(404);
    expect((await admin.get(`${base}/member/${aminaId}`)).status).toBe(404);
    expect((await admin.get(`${base}/participant/${expertId}`)).status).toBe(404);
    for (const path of [
      `participant/not-a-uuid`,
      `visitor/${aminaId}`,
      `participant/${aminaId}x`,
    ]) {
      const refused = await admin.get(`${base}/${path}`);
      expect({ path, status: refused.status }).toEqual({ path, status: 400 });
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it("shows a member's account, expert records, uploads, mail and audit entries", async () => {
    const summary = await admin.get(`${base}/member/${expertId}`);
    expect(summary.status).toBe(200);
    const body = summary.body;
    expect(body.account).toEqual(
      expect.objectContaining({
        kind: 'member',
        id: expertId,
        name: expert.name,
        email: expert.email,
        language: 'en',
        membership: expect.objectContaining({ role: 'expert', status: 'active' }),
      }),
    );
    expect(body.expert).toEqual({
      profile: expect.objectContaining({
        organisation: 'Sokolova Consulting',
        bio: 'Trained prosecutors for ten years.',
        languages: ['fr native'],
        anonymised: false,
      }),
      notes: 'Reliable, prefers morning sessions',
      cv: expect.objectContaining({ fileName: 'Sokolova_CV.pdf' }),
      declarations: [
        expect.objectContaining({
          hasInterests: true,
          details: 'Advised the host ministry in 2025',
        }),
      ],
      assignments: [
        expect.objectContaining({
          status: 'declined',
          declineReason: 'Travelling that week to Lyon',
        }),
      ],
    });
    expect(body.documents).toEqual([
      expect.objectContaining({ title: 'Speaking notes on financing' }),
    ]);
    expect(body.mail).toEqual([expect.objectContaining({ kind: 'expert_assignment' })]);
    expect(body.audit.byThem).toEqual([
      expect.objectContaining({ action: 'expert_profile.updated' }),
    ]);
    expect(body.nominations).toEqual([]);
  });

  it('exports the same data as JSON or PDF, recording each request and its reason first', async () => {
    const before = (await requests()).length;
    const json = await admin.request('POST', `${base}/participant/${aminaId}/export`, {
      body: { reason: 'Subject access request received by post', format: 'json' },
    });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.json"$/);
    expect(json.body.account.name).toBe(amina.name);
    expect(json.body.nominations).toHaveLength(1);
    expect(json.body.consents).toHaveLength(1);
    expect(json.body.mail).toHaveLength(2);
    expect(json.body.audit.aboutThem).toHaveLength(1);
    expect(json.body).toEqual((await admin.get(`${base}/participant/${aminaId}`)).body);

    const pdf = await postForBytes(admin, `${base}/participant/${aminaId}/export`, {
      reason: 'Copy for the person, on paper',
      format: 'pdf',
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(folder, 'amina.pdf');
    writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(amina.name);
    expect(text).toContain('Nominations (1)');
    expect(text).toContain('Senior prosecutor, cybercrime unit');

    const made = (await requests()).slice(before);
    expect(made).toEqual([
      {
        kind: 'export',
        subject_kind: 'participant',
        subject_id: aminaId,
        reason: 'Subject access request received by post',
      },
      {
        kind: 'export',
        subject_kind: 'participant',
        subject_id: aminaId,
        reason: 'Copy for the person, on paper',
      },
    ]);
    const audits = await ownerQuery<{ entity: string; entity_id: string; after: unknown }>(
      app,
      `select a.entity, a.entity_id, a.after from audit_log a
         join privacy_requests r on r.id::text = a.entity_id
        where a.action = 'privacy.exported' and r.subject_id = $1 order by a.at`,
      [aminaId],
    );
    expect(audits).toEqual([
      {
        entity: 'privacy_request',
        entity_id: expect.any(String),
        after: { subjectKind: 'participant', subjectId: aminaId, format: 'json' },
      },
      {
        entity: 'privacy_request',
        entity_id: expect.any(String),
        after: { subjectKind: 'participant', subjectId: aminaId, format: 'pdf' },
      },
    ]);

    // Bad requests change nothing.
    for (const body of [
      { reason: 'two\nlines', format: 'json' },
      { reason: 'carriage\rreturn', format: 'json' },
      { reason: 'nul\u0000', format: 'json' },
      { reason: '', format: 'json' },
      { reason: 'x'.repeat(501), format: 'json' },
      { reason: 'no format' },
      { reason: 'wrong format', format: 'csv' },
    ]) {
      const refused = await admin.request('POST', `${base}/participant/${aminaId}/export`, {
        body,
      });
      expect({ body, status: refused.status }).toEqual({ body, status: 400 });
    }
    const refused = await admin.request('POST', `${base}/participant/nope/export`, {
      body: { reason: 'fine', format: 'json' },
    });
    expect(refused.status).toBe(400);
    expect((await requests()).length).toBe(before + 2);
  });

  it('previews and erases a participant: nothing names them, every figure stays, once', async () => {
    const preview = await admin.get(`${base}/participant/${aminaId}/erasure`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      kind: 'participant',
      id: aminaId,
      refusal: null,
      goes: [
        { what: 'participant', count: 1, fields: ['name', 'email'] },
        expect.objectContaining({ what: 'nominations', count: 1 }),
        { what: 'certificates', count: 1, fields: ['revocation reason'] },
        { what: 'links', count: 1, fields: ['the link'] },
        // To her (sent and queued), and to her focal point naming her.
        expect.objectContaining({ what: 'mail', count: 3 }),
      ],
      stays: expect.arrayContaining([expect.stringContaining('sex, institution type')]),
      account: null,
    });

    const before = (await requests()).length;
    for (const body of [
      { reason: 'Asked by email' },
      { reason: 'Asked by email', confirm: false },
      { reason: 'Asked by\r\nemail', confirm: true },
      { reason: 'nul\u0000', confirm: true },
      { reason: '', confirm: true },
      { confirm: true },
    ]) {
      const refused = await admin.request('POST', `${base}/participant/${aminaId}/erasure`, {
        body,
      });
      expect({ body, status: refused.status }).toEqual({ body, status: 400 });
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(
      (
        await admin.request('POST', `${base}/person/${aminaId}/erasure`, {
          body: { reason: 'x', confirm: true },
        })
      ).status,
    ).toBe(400);
    expect((await requests()).length).toBe(before);
    expect(
      await ownerQuery(app, `select full_name from participants where email = $1`, [amina.email]),
    ).toEqual([{ full_name: amina.name }]);

    const figures = () => admin.get(`/api/t/acme/events/${eventId}/figures`);
    const figuresBefore = (await figures()).body;
    expect(figuresBefore).toBeTruthy();

    const erased = await admin.request('POST', `${base}/participant/${aminaId}/erasure`, {
      body: { reason: 'Erasure asked in writing on 1 December', confirm: true },
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({
      requestId: expect.any(String),
      kind: 'participant',
      id: aminaId,
      done: preview.body.goes,
    });

    // The whole database, every text column of every table: nothing names her.
    expect(await findPersonalData(app, [amina.name, amina.email])).toEqual([]);
    expect(
      await ownerQuery(app, `select full_name from participants where email = $1`, [kept.email]),
    ).toEqual([{ full_name: kept.name }]);
    expect((await figures()).body).toEqual(figuresBefore);
    const queued = await ownerQuery<{ status: string }>(
      app,
      `select status from mail_outbox where kind = 'event_reminder' and payload = '{}'::jsonb`,
    );
    expect(queued).toEqual([{ status: 'cancelled' }]);

    const [request] = (await requests()).slice(before);
    expect(request).toEqual({
      kind: 'erasure',
      subject_kind: 'participant',
      subject_id: aminaId,
      reason: 'Erasure asked in writing on 1 December',
    });
    const [audit] = await ownerQuery<{ entity_id: string; after: Record<string, unknown> }>(
      app,
      `select entity_id, after from audit_log where action = 'privacy.erased'`,
    );
    expect(audit).toEqual({
      entity_id: erased.body.requestId,
      after: expect.objectContaining({ subjectKind: 'participant', subjectId: aminaId }),
    });

    // Once: a second erasure, and the search shows what happened.
    const again = await admin.request('POST', `${base}/participant/${aminaId}/erasure`, {
      body: { reason: 'Again', confirm: true },
    });
    expect(again.status).toBe(409);
    expect((await admin.get(`${base}/participant/${aminaId}/erasure`)).body.refusal).toBe(
      'already-anonymised',
    );
    expect((await admin.get(`${base}/participant/${aminaId}`)).body.account.anonymised).toBe(true);
    // The scan reads every text column of every table: slow on a shared machine.
  }, 180_000);

  it("erases an expert member's records in the tenant, but never the caller's own", async () => {
    const preview = await admin.get(`${base}/member/${expertId}/erasure`);
    expect(preview.status).toBe(200);
    expect(preview.body.refusal).toBeNull();
    expect(preview.body.goes.map((item: { what: string }) => item.what)).toEqual([
      'expert_profile',
      'expert_notes',
      'expert_cv',
      'expert_declarations',
      'expert_assignments',
      'membership',
      'mail',
    ]);
    expect(preview.body.account).toContain('not this tenant’s to anonymise');
    await expect(app.running.store.read(cvKey)).resolves.toBeTruthy();

    const erased = await admin.request('POST', `${base}/member/${expertId}/erasure`, {
      body: { reason: 'Expert asked to be forgotten', confirm: true },
    });
    expect(erased.status).toBe(200);

    const [profile] = await ownerQuery<Record<string, unknown>>(
      app,
      `select organisation, bio, sex, nationality, anonymised_at is not null as anonymised
         from expert_profiles where user_id = $1`,
      [expertId],
    );
    expect(profile).toEqual({
      organisation: '',
      bio: '',
      sex: 'female',
      nationality: 'FRA',
      anonymised: true,
    });
    expect(
      await findPersonalData(app, [
        'Sokolova Consulting',
        'Trained prosecutors',
        'Reliable, prefers',
        'Sokolova_CV',
        'Travelling that week',
        'Advised the host ministry',
      ]),
    ).toEqual([]);
    await expect(app.running.store.read(cvKey)).rejects.toThrow();
    const [membership] = await ownerQuery<{ status: string }>(
      app,
      `select status from memberships where tenant_id = $1 and user_id = $2`,
      [acme, expertId],
    );
    expect(membership?.status).toBe('deactivated');
    const mail = await ownerQuery<{ status: string; recipient: string }>(
      app,
      `select status, recipient from mail_outbox where kind = 'expert_assignment'`,
    );
    expect(mail).toEqual([{ status: 'cancelled', recipient: 'anonymised@anonymised.invalid' }]);
    // The global account is not the tenant's: it stays as it was.
    const [user] = await ownerQuery<{ name: string }>(app, `select name from users where id = $1`, [
      expertId,
    ]);
    expect(user?.name).toBe(expert.name);
    // The participant record with the same email is another record: untouched.
    expect((await admin.get(`${base}/participant/${twinParticipantId}`)).body.account.email).toBe(
      expert.email,
    );

    const again = await admin.request('POST', `${base}/member/${expertId}/erasure`, {
      body: { reason: 'Again', confirm: true },
    });
    expect(again.status).toBe(409);

    // The caller's own membership: refused, and the preview says why.
    expect((await admin.get(`${base}/member/${adminId}/erasure`)).body.refusal).toBe(
      'own-membership',
    );
    const own = await admin.request('POST', `${base}/member/${adminId}/erasure`, {
      body: { reason: 'Leaving', confirm: true },
    });
    expect(own.status).toBe(409);
    expect(own.body.type).toBe('/problems/self-deactivation');
  }, 180_000);

  it("erases a member's mail and invitation: the whole database names them only in their account", async () => {
    const ds = app.running.databases.app;
    const farid = { name: 'Farid Haddad Mansouri', email: 'farid.mansouri@ma-gov.example' };
    await inviteToTenant(ds, acme, {
      email: farid.email,
      role: 'focal_point',
      memberStateAlpha3: 'MAR',
      ttlMs: DAY,
    });
    const { userId: faridId } = await addMember(ds, acme, {
      email: farid.email,
      name: farid.name,
      password: PASSWORD,
      role: 'focal_point',
      memberStateAlpha3: 'MAR',
    });
    await inTransaction(ds, { tenantId: acme }, async (m) => {
      // Mail to him alone: sent (his name in the greeting, a link) and queued.
      await sql(
        m,
        `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status, sent_at)
         values ($1, 'invitation', $2::text, 'fr', $3::jsonb, 'sent', now()),
                ($1, 'assessment_returned', $2::text, 'fr', $4::jsonb, 'queued', null)`,
        [
          acme,
          farid.email,
          JSON.stringify({ name: farid.name, link: 'https://x.example/i/farid-secret' }),
          JSON.stringify({ name: farid.name, stateName: 'Morocco' }),
        ],
      );
    });
    const [invitation] = await ownerQuery<{ id: string }>(
      app,
      `select id from invitations where email = lower($1)`,
      [farid.email],
    );
    const preview = await admin.get(`${base}/member/${faridId}/erasure`);
    expect(preview.body.goes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'mail', count: 2 }),
        expect.objectContaining({ what: 'membership', count: 1 }),
        { what: 'invitations', count: 1, fields: ['email', 'a pending one revoked'] },
      ]),
    );
    const erased = await admin.request('POST', `${base}/member/${faridId}/erasure`, {
      body: { reason: 'Asked in writing to be forgotten', confirm: true },
    });
    expect(erased.status).toBe(200);
    expect(erased.body.done).toEqual(preview.body.goes);
    // The pending invitation to his address: its email gone, and it no longer works.
    const invitations = await ownerQuery<{ erased: boolean; revoked: boolean }>(
      app,
      `select email like 'erased-%@erased.invalid' as erased, revoked_at is not null as revoked
         from invitations where id = $1`,
      [invitation?.id],
    );
    expect(invitations).toEqual([{ erased: true, revoked: true }]);
    const mail = await ownerQuery<{ kind: string; status: string; recipient: string }>(
      app,
      `select kind, status, recipient from mail_outbox
        where kind in ('invitation', 'assessment_returned') and payload = '{}'::jsonb
        order by kind`,
    );
    expect(mail).toEqual([
      {
        kind: 'assessment_returned',
        status: 'cancelled',
        recipient: 'anonymised@anonymised.invalid',
      },
      { kind: 'invitation', status: 'sent', recipient: 'anonymised@anonymised.invalid' },
    ]);
    // The whole database: only his global account (not the tenant's to erase) still names him.
    expect(await findPersonalData(app, [farid.name, farid.email, 'farid-secret'])).toEqual([
      'users.email',
      'users.name',
    ]);
  }, 180_000);

  it('keeps no reason that names the person: refused before anything is recorded', async () => {
    const before = (await requests()).length;
    for (const reason of [
      `Asked by ${kept.name}`,
      'Carla asked by phone',
      `Mail from ${kept.email}`,
      'Request from carla.kamau, by post',
      'KAMAU asked again',
    ]) {
      const exported = await admin.request('POST', `${base}/participant/${keptId()}/export`, {
        body: { reason, format: 'json' },
      });
      expect({ reason, status: exported.status }).toEqual({ reason, status: 400 });
      expect(exported.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
      const erased = await admin.request('POST', `${base}/participant/${keptId()}/erasure`, {
        body: { reason, confirm: true },
      });
      expect({ reason, status: erased.status }).toEqual({ reason, status: 400 });
    }
    expect((await requests()).length).toBe(before);
    // A word that merely contains part of a name is fine.
    const fine = await admin.request('POST', `${base}/participant/${keptId()}/export`, {
      body: { reason: 'Carlaton office forwarded the request', format: 'json' },
    });
    expect(fine.status).toBe(200);
  });

  it('lists every request newest first, keyset-paged, naming no one once erased', async () => {
    const all = await ownerQuery<{ id: string }>(
      app,
      `select id from privacy_requests where tenant_id = $1 order by requested_at desc, id desc`,
      [acme],
    );
    expect(all.length).toBeGreaterThanOrEqual(5);
    const first = await admin.get(`/api/t/acme/privacy/requests?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const seen = [...first.body.items];
    let cursor: string | null = first.body.nextCursor;
    while (cursor) {
      const next = await admin.get(
        `/api/t/acme/privacy/requests?limit=2&after=${encodeURIComponent(cursor)}`,
      );
      expect(next.status).toBe(200);
      seen.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(seen.map((item: { id: string }) => item.id)).toEqual(all.map((row) => row.id));

    const aminaErasure = seen.find(
      (item: { kind: string; subject: { id: string } }) =>
        item.kind === 'erasure' && item.subject.id === aminaId,
    );
    expect(aminaErasure).toEqual({
      id: expect.any(String),
      kind: 'erasure',
      requestedAt: expect.any(String),
      subject: {
        kind: 'participant',
        id: aminaId,
        reference: `P-${aminaId.slice(0, 8)}`,
        name: null,
      },
      requestedBy: { id: adminId, name: 'Ada Admin' },
      reason: 'Erasure asked in writing on 1 December',
    });
    // Someone not erased is named, as the tenant still holds them.
    expect(
      seen.find((item: { subject: { id: string } }) => item.subject.id === keptId()).subject.name,
    ).toBe(kept.name);
    // The erased member is a reference too, though their global account still has a name.
    expect(
      seen.find((item: { subject: { id: string } }) => item.subject.id === expertId).subject,
    ).toEqual({ kind: 'member', id: expertId, reference: `M-${expertId.slice(0, 8)}`, name: null });
    // Another tenant's requests are not there; a bad cursor is 400.
    expect((await admin.get(`/api/t/acme/privacy/requests?after=nope`)).status).toBe(400);
    expect((await admin.get(`/api/t/acme/privacy/requests?limit=0`)).status).toBe(400);
  });

  it('is for tenant admins only: officers get 403 on every route', async () => {
    const person = `${base}/participant/${twinParticipantId}`;
    const answers = [
      await officer.get(`${base}?q=amina`),
      await officer.get(person),
      await officer.request('POST', `${person}/export`, {
        body: { reason: 'Curious', format: 'json' },
      }),
      await officer.get(`${person}/erasure`),
      await officer.request('POST', `${person}/erasure`, {
        body: { reason: 'Curious', confirm: true },
      }),
      await officer.get('/api/t/acme/privacy/requests'),
    ];
    expect(answers.map((answer) => [answer.status, answer.body?.type])).toEqual(
      Array(6).fill([403, '/problems/forbidden']),
    );
    // And the officer's mistaken routes name nothing: the route with a bad id is also 403.
    expect((await officer.get(`${base}/participant/not-a-uuid`)).status).toBe(403);
    const [{ count } = { count: -1 }] = await ownerQuery<{ count: number }>(
      app,
      `select count(*)::int as count from privacy_requests where subject_id = $1`,
      [twinParticipantId],
    );
    expect(count).toBe(0);
  });
});
