import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESSION_COOKIE } from '../common/cookie-names';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp, waitForMail } from '../testing/test-app';
import {
  attended,
  type FixtureEvent,
  type FixtureNominee,
  nominee,
  participantLink,
  participationEvent,
} from './attendance.fixtures';
import { CertificatesService, newVerificationCode } from './certificates.service';

const PASSWORD = 'certificate passphrase';
const folder = mkdtempSync(join(tmpdir(), 'certificates-'));

describe('certificates of participation', () => {
  let app: TestApp;
  let tenantId: string;
  let betaId: string;
  let officer: ApiClient;
  let focalPoint: ApiClient;
  let event: FixtureEvent;
  const people: Record<string, FixtureNominee> = {};
  let aminaPage: string;

  const certificates = () =>
    ownerQuery<{
      nomination_id: string;
      verification_code: string;
      language: string;
      revoked: boolean;
    }>(
      app,
      `select nomination_id, verification_code, language, revoked_at is not null as revoked
         from certificates order by nomination_id`,
    );

  /** A download's bytes, with the caller's session if any. */
  const download = async (path: string, client?: ApiClient) => {
    const session = client?.cookie(SESSION_COOKIE);
    const response = await fetch(app.baseUrl + path, {
      headers: session ? { cookie: `${SESSION_COOKIE}=${session}` } : {},
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };

  const pdfText = (bytes: Buffer, name: string) => {
    const file = join(folder, `${name}.pdf`);
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  };

  beforeAll(async () => {
    app = await startTestApp({
      env: { LOGIN_RATE_LIMIT: '1000', APP_URL: 'https://convene.example' },
    });
    const ds = app.running.databases.app;
    tenantId = await createTenant(ds, { slug: 'acme', name: 'Acme Centre' });
    betaId = await createTenant(ds, { slug: 'beta', name: 'Beta' });
    await addMember(ds, tenantId, {
      email: 'officer@acme.example',
      name: 'Olga',
      password: PASSWORD,
      role: 'programme_officer',
    });
    await addMember(ds, tenantId, {
      email: 'focal@acme.example',
      name: 'Femi',
      password: PASSWORD,
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
    });
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
    focalPoint = await app.client().signIn('focal@acme.example', PASSWORD);
    event = await participationEvent(ds, tenantId, { title: 'Workshop on digital evidence' });
    people['amina'] = await nominee(ds, tenantId, event, { name: 'Amina Diallo', language: 'fr' });
    people['chen'] = await nominee(ds, tenantId, event, { name: '王小明', language: 'zh' });
    people['partly'] = await nominee(ds, tenantId, event, { name: 'Paula Partly' });
    people['absent'] = await nominee(ds, tenantId, event, { name: 'Abel Absent' });
    people['declined'] = await nominee(ds, tenantId, event, {
      name: 'Dan Declined',
      confirmation: 'declined',
    });
    aminaPage = await participantLink(ds, tenantId, people['amina'].id, app.config.secret);
    await attended(ds, tenantId, people['amina'].id, '2027-05-10');
    await attended(ds, tenantId, people['amina'].id, '2027-05-11', 'absent');
    await attended(ds, tenantId, people['chen'].id, '2027-05-12');
    await attended(ds, tenantId, people['partly'].id, '2027-05-11', 'partly');
    await attended(ds, tenantId, people['absent'].id, '2027-05-10', 'absent');
    // Recorded before they declined: declining takes them off the list, and off certificates.
    await attended(ds, tenantId, people['declined'].id, '2027-05-10');
  });

  afterAll(() => app.close());

  it('makes unguessable verification codes: 80 random bits in Crockford base32', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('refuses a certificate to someone who attended no day, and changes nothing', async () => {
    const response = await officer.post(
      `/api/t/acme/nominations/${people['absent']?.id}/certificate`,
    );
    expect(response.status).toBe(422);
    expect(response.body.type).toBe('/problems/unprocessable');
    expect(await certificates()).toEqual([]);
    const declined = await officer.post(
      `/api/t/acme/nominations/${people['declined']?.id}/certificate`,
    );
    expect(declined.status).toBe(404);
  });

  it('issues to everyone of the event who attended a day, once, in their language', async () => {
    const first = await officer.post(`/api/t/acme/events/${event.id}/certificates`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ issued: 3, alreadyIssued: 0 });
    const issued = await certificates();
    expect(issued.map((row) => [row.nomination_id, row.language]).sort()).toEqual(
      [
        [people['amina']?.id, 'fr'],
        [people['chen']?.id, 'zh'],
        [people['partly']?.id, 'en'],
      ].sort(),
    );
    const again = await officer.post(`/api/t/acme/events/${event.id}/certificates`);
    expect(again.body).toEqual({ issued: 0, alreadyIssued: 3 });
    expect(await certificates()).toEqual(issued);
    const single = await officer.post(`/api/t/acme/nominations/${people['amina']?.id}/certificate`);
    expect(single.status).toBe(200);
    const amina = issued.find((row) => row.nomination_id === people['amina']?.id);
    expect(single.body).toMatchObject({
      nominationId: people['amina']?.id,
      verificationCode: amina?.verification_code,
      verificationUrl: `https://convene.example/verify/acme/${amina?.verification_code}`,
      language: 'fr',
      revokedAt: null,
    });
    const audit = await ownerQuery<{ count: number }>(
      app,
      `select count(*)::int as count from audit_log where action = 'certificate.issued'`,
    );
    expect(audit[0]?.count).toBe(3);
  });

  it('mails the participant in their language, with the verification code and their page', async () => {
    const amina = people['amina'];
    const mail = await waitForMail(app.mail, amina?.email ?? '');
    const [row] = (await certificates()).filter((r) => r.nomination_id === amina?.id);
    expect(mail.subject).toBe(
      'Votre certificat de participation\u00a0: Workshop on digital evidence',
    );
    expect(mail.text).toContain(`Son code de vérification est ${row?.verification_code}`);
    expect(mail.text).toContain(`https://convene.example/verify/acme/${row?.verification_code}`);
    // The button leads to their participant page, where the PDF downloads.
    expect(mail.text).toContain(
      `Télécharger le certificat\nhttps://convene.example/p/${aminaPage}`,
    );
    const chen = await waitForMail(app.mail, people['chen']?.email ?? '');
    expect(chen.subject).toBe('您的参会证书：Workshop on digital evidence');
  });

  it('downloads for officers as a PDF naming the holder, the event and the code', async () => {
    const response = await download(
      `/api/t/acme/nominations/${people['chen']?.id}/certificate.pdf`,
      officer,
    );
    expect(response.status).toBe(200);
    expect(response.type).toBe('application/pdf');
    const text = pdfText(response.bytes, 'officer-zh');
    const [row] = (await certificates()).filter((r) => r.nomination_id === people['chen']?.id);
    expect(text).toContain('参会证书');
    expect(text).toContain('王小明');
    expect(text).toContain('Workshop on digital evidence');
    expect(text).toContain(row?.verification_code ?? '-');
    // A focal point does not manage participation; an unknown id is not found.
    expect(
      (await download(`/api/t/acme/nominations/${people['chen']?.id}/certificate.pdf`, focalPoint))
        .status,
    ).toBe(403);
    expect(
      (await download(`/api/t/acme/nominations/${people['absent']?.id}/certificate.pdf`, officer))
        .status,
    ).toBe(404);
  });

  it("makes the PDF once the request's transaction has committed, holding no lock meanwhile", async () => {
    const service = app.running.app.get(CertificatesService);
    const render = service.render.bind(service);
    // What other sessions hold on certificates (the downloads read it) while the PDF is laid out.
    const heldWhileRendering: number[] = [];
    const spy = jest.spyOn(service, 'render').mockImplementation(async (content) => {
      const [held] = await ownerQuery<{ locks: number }>(
        app,
        `select count(*)::int as locks from pg_locks l join pg_class c on c.oid = l.relation
          where c.relname = 'certificates' and l.pid <> pg_backend_pid()`,
      );
      heldWhileRendering.push(held?.locks ?? -1);
      return render(content);
    });
    try {
      const id = people['partly']?.id ?? '';
      const page = await participantLink(
        app.running.databases.app,
        tenantId,
        id,
        app.config.secret,
      );
      const officers = await download(`/api/t/acme/nominations/${id}/certificate.pdf`, officer);
      const participants = await download(`/api/participant/${page}/certificate.pdf`);
      expect([officers.status, participants.status]).toEqual([200, 200]);
      expect(pdfText(officers.bytes, 'after-commit')).toContain('Paula Partly');
      expect(heldWhileRendering).toEqual([0, 0]);
    } finally {
      spy.mockRestore();
    }
  });

  it('downloads for the participant through their page link, and for nobody through another link', async () => {
    const ds = app.running.databases.app;
    const id = people['partly']?.id ?? '';
    const page = await participantLink(ds, tenantId, id, app.config.secret);
    const ok = await download(`/api/participant/${page}/certificate.pdf`);
    expect(ok.status).toBe(200);
    expect(pdfText(ok.bytes, 'participant')).toContain('Paula Partly');

    const decision = await participantLink(ds, tenantId, id, app.config.secret, {
      purpose: 'decision',
    });
    const revoked = await participantLink(ds, tenantId, id, app.config.secret, { revoked: true });
    const tampered = `${page.slice(0, 10)}${page[10] === 'A' ? 'B' : 'A'}${page.slice(11)}`;
    const noCertificate = await participantLink(
      ds,
      tenantId,
      people['absent']?.id ?? '',
      app.config.secret,
    );
    for (const token of [decision, revoked, tampered, noCertificate, 'x'.repeat(60)]) {
      const response = await app.client().get(`/api/participant/${token}/certificate.pdf`);
      expect({ token, status: response.status, type: response.body?.type }).toEqual({
        token,
        status: 404,
        type: '/problems/not-found',
      });
    }
  });

  it('is confirmed on the public page by its code, however it is typed', async () => {
    const [row] = (await certificates()).filter((r) => r.nomination_id === people['amina']?.id);
    const code = row?.verification_code ?? '';
    const anyone = app.client();
    const response = await anyone.get(`/api/public/acme/certificates/${code}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      verificationCode: code,
      organisation: 'Acme Centre',
      holder: 'Amina Diallo',
      event: {
        title: 'Workshop on digital evidence',
        startsAt: '2027-05-10T06:00:00.000Z',
        endsAt: '2027-05-12T14:00:00.000Z',
        timeZone: 'Africa/Nairobi',
        place: 'UN Gigiri, Nairobi',
      },
      issuedAt: expect.any(String),
      status: 'valid',
      revokedAt: null,
    });
    // Nothing about the person beyond their name: no email, no State, no institution.
    expect(response.text).not.toContain(people['amina']?.email ?? '-');
    const typed = await anyone.get(
      `/api/public/acme/certificates/${code.replace(/-/g, '').toLowerCase()}`,
    );
    expect(typed.body.holder).toBe('Amina Diallo');
  });

  it('answers 404 for an unknown code, a code of another organisation, and the platform', async () => {
    const [row] = await certificates();
    const anyone = app.client();
    for (const path of [
      `/api/public/acme/certificates/${newVerificationCode()}`,
      `/api/public/beta/certificates/${row?.verification_code}`,
      `/api/public/platform/certificates/${row?.verification_code}`,
      `/api/public/nowhere/certificates/${row?.verification_code}`,
    ]) {
      const response = await anyone.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    void betaId;
  });

  it('says a revoked certificate is revoked, no longer downloads it, and reinstates it when issued again', async () => {
    const id = people['partly']?.id ?? '';
    const ds = app.running.databases.app;
    const pageLink = await participantLink(ds, tenantId, id, app.config.secret);
    const before = await app.client().get(`/api/participant/${pageLink}`);
    expect(before.body.certificate).toEqual({
      verificationCode: expect.any(String),
      issuedAt: expect.any(String),
    });
    // A reason is asked, one line: without one (or with a blank or a CR/LF one) nothing changes.
    for (const body of [{}, { reason: '  ' }, { reason: 'two\r\nlines' }]) {
      const refused = await officer.post(`/api/t/acme/nominations/${id}/certificate/revoke`, body);
      expect(refused.status).toBe(400);
    }
    expect((await certificates()).find((row) => row.nomination_id === id)?.revoked).toBe(false);
    const revoked = await officer.post(`/api/t/acme/nominations/${id}/certificate/revoke`, {
      reason: 'Issued by mistake: absent on both days',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const [certificate] = await ownerQuery<{ revoke_reason: string }>(
      app,
      `select revoke_reason from certificates where nomination_id = $1`,
      [id],
    );
    expect(certificate?.revoke_reason).toBe('Issued by mistake: absent on both days');
    // The audit log records the revocation, never its free text.
    const [audit] = await ownerQuery<{ after: Record<string, unknown> }>(
      app,
      `select after from audit_log where action = 'certificate.revoked' order by at desc limit 1`,
    );
    expect(audit?.after).toEqual({ nominationId: id, verificationCode: expect.any(String) });
    // The participant page no longer offers it.
    expect((await app.client().get(`/api/participant/${pageLink}`)).body.certificate).toBeNull();
    const code = revoked.body.verificationCode as string;
    const check = await app.client().get(`/api/public/acme/certificates/${code}`);
    expect(check.body).toMatchObject({ status: 'revoked', revokedAt: revoked.body.revokedAt });
    expect((await download(`/api/t/acme/nominations/${id}/certificate.pdf`, officer)).status).toBe(
      404,
    );
    // Issuing the whole event again does not bring it back; issuing it singly does.
    expect((await officer.post(`/api/t/acme/events/${event.id}/certificates`)).body).toEqual({
      issued: 0,
      alreadyIssued: 3,
    });
    const reinstated = await officer.post(`/api/t/acme/nominations/${id}/certificate`);
    expect(reinstated.body).toMatchObject({ verificationCode: code, revokedAt: null });
    expect((await app.client().get(`/api/public/acme/certificates/${code}`)).body.status).toBe(
      'valid',
    );
  });
  it('tells an officer where one participant stands: on the list, days attended, the certificate', async () => {
    const standing = async (who: string) => {
      const response = await officer.get(`/api/t/acme/nominations/${people[who]?.id}/certificate`);
      expect(response.status).toBe(200);
      return response.body;
    };
    // Issued to all who attended (again: issuing twice changes nothing).
    expect((await officer.post(`/api/t/acme/events/${event.id}/certificates`)).status).toBe(200);
    expect(await standing('absent')).toEqual({
      nominationId: people['absent']?.id,
      onList: true,
      daysAttended: 0,
      certificate: null,
    });
    // Present on a day before declining: off the list, so never certified.
    expect(await standing('declined')).toMatchObject({
      onList: false,
      daysAttended: 1,
      certificate: null,
    });
    // One day attended and one absent count one day.
    expect(await standing('amina')).toMatchObject({
      onList: true,
      daysAttended: 1,
      certificate: { nominationId: people['amina']?.id, language: 'fr', revokedAt: null },
    });
    const partly = await standing('partly');
    expect(partly).toMatchObject({ onList: true, daysAttended: 1 });
    expect(partly.certificate.verificationUrl).toBe(
      `https://convene.example/verify/acme/${partly.certificate.verificationCode}`,
    );
    await officer.post(`/api/t/acme/nominations/${people['partly']?.id}/certificate/revoke`, {
      reason: 'Left on the first morning',
    });
    const revoked = await standing('partly');
    expect(revoked.certificate.verificationCode).toBe(partly.certificate.verificationCode);
    expect(Date.parse(revoked.certificate.revokedAt)).not.toBeNaN();
    // Officers only; an unknown or malformed id is a 404 problem.
    const refused = await focalPoint.get(
      `/api/t/acme/nominations/${people['amina']?.id}/certificate`,
    );
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('Amina');
    for (const id of ['6b1f0c1e-8d0a-4c1e-9a57-1b1d2c3e4f50', 'not-a-uuid']) {
      const missing = await officer.get(`/api/t/acme/nominations/${id}/certificate`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
  });
});
