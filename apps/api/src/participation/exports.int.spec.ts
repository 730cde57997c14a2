import ExcelJS from 'exceljs';
import { SESSION_COOKIE, CSRF_COOKIE } from '../common/cookie-names';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { csvField, EXPORT_PAGE_SIZE, neutralise } from './exports.service';
import { type FixtureNominee, seedParticipation } from './figures.fixtures';

const PASSWORD = 'exports passphrase 2026';

const nominee = (
  name: string,
  state: string,
  extra: Partial<FixtureNominee> = {},
): FixtureNominee => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${state.toLowerCase()}.example`,
  state,
  sex: 'female',
  institutionType: 'judiciary',
  audience: 'judges',
  status: 'approved',
  confirmation: 'confirmed',
  ...extra,
});

const NOMINEES: FixtureNominee[] = [
  nominee('Amina Wanjiru', 'KEN', {
    functionTitle: 'Judge, High Court',
    institution: 'Judiciary of Kenya',
    dietaryNeeds: 'Vegetarian',
    accessibilityNeeds: 'Step-free access',
    attendance: { '2027-05-10': 'attended', '2027-05-11': 'partly' },
  }),
  nominee('Brian Otieno', 'KEN', { sex: 'male', confirmation: 'pending' }),
  // CSV injection in every personal text a focal point types.
  nominee('=HYPERLINK("http://evil.example","x")', 'KEN', {
    sex: 'male',
    functionTitle: '+cmd|calc',
    institution: '@SUM(A1:A2)',
    dietaryNeeds: '-2+3',
    status: 'nominated',
  }),
  nominee('Delphine Moreau', 'FRA', { functionTitle: 'Prosecutor, "parquet" national' }),
  nominee('Étienne Bernard', 'FRA', { sex: 'male', status: 'waitlisted' }),
  nominee('Helena Costa', 'BRA', { status: 'withdrawn' }),
  nominee('فاطمة الزهراء', 'EGY', { attendance: { '2027-05-12': 'absent' } }),
];

describe('the participant list export', () => {
  let app: TestApp;
  let eventId: string;
  let tenantId: string;
  const clients: Record<string, ApiClient> = {};
  const as = (who: string): ApiClient => {
    const client = clients[who];
    if (!client) throw new Error(`no client ${who}`);
    return client;
  };
  const ids: Record<string, string> = {};

  const exportPath = (id = eventId, tenant = 'acme') =>
    `/api/t/${tenant}/events/${id}/participants/export`;

  /** The export's raw bytes (the test client reads text, which would mangle a zip). */
  const download = async (who: string, body: unknown, id = eventId) => {
    const client = as(who);
    if (!client.cookie(CSRF_COOKIE)) await client.get('/api/health');
    const response = await fetch(app.baseUrl + exportPath(id), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${client.cookie(CSRF_COOKIE)}`,
        'x-xsrf-token': decodeURIComponent(client.cookie(CSRF_COOKIE) ?? ''),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, bytes: await response.bytes() };
  };

  /** A small RFC 4180 reader: quoted fields may hold commas, quotes and line breaks. */
  const csvRows = (text: string): string[][] => {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    const body = text.replace(/^\uFEFF/, '');
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (quoted && c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (quoted && c === '"') {
        quoted = false;
      } else if (quoted) {
        field += c;
      } else if (c === '"') {
        quoted = true;
      } else if (c === ',') {
        row.push(field);
        field = '';
      } else if (c === '\r' && body[i + 1] === '\n') {
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
        i++;
      } else {
        field += c;
      }
    }
    if (field !== '' || row.length > 0) rows.push([...row, field]);
    return rows;
  };

  const audits = () =>
    ownerQuery<{ actor_id: string; entity_id: string; after: Record<string, unknown> }>(
      app,
      `select actor_id, entity_id, after from audit_log
        where tenant_id = $1 and action = 'participants.exported' order by at, id`,
      [tenantId],
    );

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    tenantId = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    const other = await createTenant(ds, { slug: 'other', name: 'Other' });
    const people = [
      ['officer', 'programme_officer', null, 'en'],
      ['admin', 'tenant_admin', null, 'en'],
      ['focal', 'focal_point', 'KEN', 'en'],
      ['focal-ita', 'focal_point', 'ITA', 'en'],
      ['speaker', 'expert', null, 'en'],
      ['officer-fr', 'programme_officer', null, 'fr'],
      ['focal-ar', 'focal_point', 'EGY', 'ar'],
    ] as const;
    for (const [who, role, state, language] of people) {
      ids[who] = (
        await addMember(ds, tenantId, {
          email: `${who}@acme.example`,
          name: who,
          password: PASSWORD,
          role,
          memberStateAlpha3: state,
          preferredLanguage: language,
        })
      ).userId;
    }
    await addMember(ds, other, {
      email: 'admin@other.example',
      name: 'Other admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    ({ eventId } = await seedParticipation(
      ds,
      tenantId,
      {
        title: 'Regional workshop',
        hostStates: ['KEN'],
        startsAt: '2027-05-10T06:00:00Z',
        endsAt: '2027-05-12T14:00:00Z',
        invitations: { KEN: 'accepted', FRA: 'accepted', BRA: 'accepted', EGY: 'accepted' },
        speakers: [ids['speaker'] ?? ''],
        // Even where experts may see names, they export nothing.
        expertsSeeParticipants: true,
      },
      NOMINEES,
    ));
    for (const who of people.map(([who]) => who)) {
      clients[who] = await app.client().signIn(`${who}@acme.example`, PASSWORD);
    }
    clients['other'] = await app.client().signIn('admin@other.example', PASSWORD);
  });

  afterAll(() => app.close());

  it('gives an officer every nominee not withdrawn as CSV, with the logistics columns and days', async () => {
    const response = await as('officer').post(exportPath(), {
      format: 'csv',
      scope: 'all',
      reason: 'Badges and catering for the venue',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="participants-${eventId}.csv"`,
    );
    // A byte order mark first, so spreadsheets read the UTF-8 names right (fetch's text() drops it).
    const raw = await download('officer', { format: 'csv', reason: 'Checking the encoding' });
    expect([...raw.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRows(response.text);
    expect(header).toEqual([
      'Name',
      'State',
      'State code',
      'Function',
      'Institution',
      'Institution type',
      'Email',
      'Sex',
      'Audience',
      'Preferred language',
      'Languages',
      'Status',
      'Confirmation',
      'Dietary needs',
      'Accessibility needs',
      '2027-05-10',
      '2027-05-11',
      '2027-05-12',
    ]);
    // Ordered by State, then name (in the database's collation); Helena (withdrawn) is absent.
    expect(rows.map((row) => row[2])).toEqual(['EGY', 'FRA', 'FRA', 'KEN', 'KEN', 'KEN']);
    expect(rows.map((row) => row[0]).sort()).toEqual(
      [
        'فاطمة الزهراء',
        'Delphine Moreau',
        'Étienne Bernard',
        `'=HYPERLINK("http://evil.example","x")`,
        'Amina Wanjiru',
        'Brian Otieno',
      ].sort(),
    );
    const amina = rows.find((row) => row[0] === 'Amina Wanjiru');
    expect(amina).toEqual([
      'Amina Wanjiru',
      'Kenya',
      'KEN',
      'Judge, High Court',
      'Judiciary of Kenya',
      'judiciary',
      'amina.wanjiru@ken.example',
      'female',
      'judges',
      'en',
      'en, fr',
      'approved',
      'confirmed',
      'Vegetarian',
      'Step-free access',
      'attended',
      'partly',
      '',
    ]);
    expect(rows.find((row) => row[2] === 'EGY')?.slice(15)).toEqual(['', '', 'absent']);
    expect(rows.find((row) => row[0] === 'Delphine Moreau')?.[3]).toBe(
      'Prosecutor, "parquet" national',
    );
    expect(response.text).not.toContain('Helena');
  });

  it("writes the headers in the exporter's language: French CSV, Arabic XLSX; values stay codes", async () => {
    const french = await as('officer-fr').post(exportPath(), {
      format: 'csv',
      scope: 'all',
      reason: 'Badges pour le lieu',
    });
    expect(french.status).toBe(200);
    const [header, ...rows] = csvRows(french.text);
    expect(header).toEqual([
      'Nom',
      'État',
      'Code de l’État',
      'Fonction',
      'Institution',
      'Type d’institution',
      'Courriel',
      'Sexe',
      'Public cible',
      'Langue préférée',
      'Langues de travail',
      'Statut',
      'Réponse du participant',
      'Besoins alimentaires',
      'Besoins d’accessibilité',
      '2027-05-10',
      '2027-05-11',
      '2027-05-12',
    ]);
    // The vocabulary's codes, as in every language: a working file sorts and filters on them.
    expect(rows.find((row) => row[0] === 'Amina Wanjiru')?.slice(5, 9)).toEqual([
      'judiciary',
      'amina.wanjiru@ken.example',
      'female',
      'judges',
    ]);

    // Egypt's focal point, in Arabic: their State's nominees, the sheet and headers in Arabic.
    const arabic = await download('focal-ar', { format: 'xlsx', scope: 'all', reason: 'تأشيرات' });
    expect(arabic.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(arabic.bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.getWorksheet('المشاركون');
    expect(sheet).toBeDefined();
    const values: string[][] = [];
    sheet?.eachRow((row) => values.push((row.values as unknown[]).slice(1).map(String)));
    expect(values[0]?.slice(0, 15)).toEqual([
      'الاسم',
      'الدولة',
      'رمز الدولة',
      'الوظيفة',
      'المؤسسة',
      'نوع المؤسسة',
      'البريد الإلكتروني',
      'الجنس',
      'الفئة المستهدفة',
      'اللغة المفضلة',
      'لغات العمل',
      'الحالة',
      'رد المشارك',
      'الاحتياجات الغذائية',
      'احتياجات إمكانية الوصول',
    ]);
    expect(values.slice(1).map((row) => [row[0], row[2]])).toEqual([['فاطمة الزهراء', 'EGY']]);
  });

  it('neutralises every cell a spreadsheet would run as a formula', async () => {
    const response = await as('officer').post(exportPath(), {
      format: 'csv',
      scope: 'all',
      reason: 'Checking the injection guard',
    });
    const row = csvRows(response.text).find((cells) => cells[0]?.includes('HYPERLINK'));
    expect(row?.[0]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row?.[3]).toBe("'+cmd|calc");
    expect(row?.[4]).toBe("'@SUM(A1:A2)");
    expect(row?.[13]).toBe("'-2+3");
    // Table-driven: what is neutralised and what is left alone.
    const cases: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['+44 20 7946 0000', "'+44 20 7946 0000"],
      ['-5', "'-5"],
      ['@here', "'@here"],
      ['\tx', "'\tx"],
      ['\rx', "'\rx"],
      ['Plain', 'Plain'],
      ['a=b', 'a=b'],
      ['', ''],
    ];
    for (const [cell, expected] of cases) expect(neutralise(cell)).toBe(expected);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=x,y')).toBe(`"'=x,y"`);
  });

  it('streams XLSX that exceljs reads back, holding the seats only by default', async () => {
    const response = await download('admin', { format: 'xlsx', reason: 'Visa letters' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    // exceljs declares an older Buffer type than Node 24's.
    await workbook.xlsx.load(
      Buffer.from(response.bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.getWorksheet('Participants');
    expect(sheet).toBeDefined();
    const values: string[][] = [];
    sheet?.eachRow((row) => values.push((row.values as unknown[]).slice(1).map(String)));
    expect(values[0]?.slice(0, 3)).toEqual(['Name', 'State', 'State code']);
    // Approved and not declined: Amina, Brian, Delphine, Fatima.
    expect(values.slice(1).map((row) => row[0])).toEqual([
      'فاطمة الزهراء',
      'Delphine Moreau',
      'Amina Wanjiru',
      'Brian Otieno',
    ]);
    const amina = values.find((row) => row[0] === 'Amina Wanjiru');
    expect(amina?.slice(12, 17)).toEqual([
      'confirmed',
      'Vegetarian',
      'Step-free access',
      'attended',
      'partly',
    ]);
  });

  it("gives a focal point their own State's nominees only, every column", async () => {
    const response = await as('focal').post(exportPath(), {
      format: 'csv',
      scope: 'all',
      reason: 'Travel arrangements for our delegation',
    });
    expect(response.status).toBe(200);
    const [, ...rows] = csvRows(response.text);
    expect(rows.map((row) => row[2])).toEqual(['KEN', 'KEN', 'KEN']);
    for (const name of ['Delphine', 'Étienne', 'فاطمة', 'Helena', 'fra.example', 'egy.example'])
      expect(response.text).not.toContain(name);
    expect(rows.find((row) => row[0] === 'Amina Wanjiru')?.[6]).toBe('amina.wanjiru@ken.example');

    // A focal point of a State not invited does not see the event at all.
    const outsider = await as('focal-ita').post(exportPath(), {
      format: 'csv',
      reason: 'Curious',
    });
    expect(outsider.status).toBe(404);
  });

  it('refuses experts, even speakers of an event that shows them names', async () => {
    const response = await as('speaker').post(exportPath(), {
      format: 'csv',
      reason: 'I would like the list',
    });
    expect({ status: response.status, type: response.body?.type }).toEqual({
      status: 403,
      type: '/problems/forbidden',
    });
    expect(response.text).not.toContain('Amina');
  });

  it('writes the audit row (who, why, how many rows, which format) before the first byte', async () => {
    const before = (await audits()).length;
    // Many pages, read no further than the headers: the row is committed already.
    const client = as('officer');
    const controller = new AbortController();
    const response = await fetch(app.baseUrl + exportPath(), {
      method: 'POST',
      signal: controller.signal,
      headers: {
        'content-type': 'application/json',
        cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${client.cookie(CSRF_COOKIE)}`,
        'x-xsrf-token': decodeURIComponent(client.cookie(CSRF_COOKIE) ?? ''),
      },
      body: JSON.stringify({ format: 'xlsx', scope: 'all', reason: 'Seating plan' }),
    });
    expect(response.status).toBe(200);
    const rows = await audits();
    controller.abort();
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1]).toEqual({
      actor_id: ids['officer'],
      entity_id: eventId,
      after: { format: 'xlsx', scope: 'all', purpose: 'Seating plan', rows: 6, memberState: null },
    });

    await as('focal').post(exportPath(), { format: 'csv', reason: 'Our delegation' });
    const focal = (await audits()).at(-1);
    expect(focal).toEqual({
      actor_id: ids['focal'],
      entity_id: eventId,
      after: {
        format: 'csv',
        scope: 'approved',
        purpose: 'Our delegation',
        rows: 2,
        memberState: 'KEN',
      },
    });
  });

  it('refuses a missing, short or hostile reason and unknown events with problem+json, writing nothing', async () => {
    const before = (await audits()).length;
    const officer = as('officer');
    const bad: unknown[] = [
      { format: 'csv' },
      { format: 'csv', reason: '  ' },
      { format: 'csv', reason: 'ab' },
      { format: 'csv', reason: 'line\nbreak' },
      { format: 'csv', reason: 'x'.repeat(501) },
      { format: 'pdf', reason: 'Fine reason' },
      { format: 'csv', scope: 'everyone', reason: 'Fine reason' },
      { format: 'csv', reason: 'Fine reason', extra: 1 },
    ];
    for (const body of bad) {
      const response = await officer.post(exportPath(), body);
      expect({ body, status: response.status, type: response.headers.get('content-type') }).toEqual(
        { body, status: 400, type: expect.stringMatching(/problem\+json/) },
      );
    }
    for (const [id, tenant, who] of [
      ['6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60', 'acme', 'officer'],
      ['not-a-uuid', 'acme', 'officer'],
      [eventId, 'other', 'other'],
      [eventId, 'acme', 'other'],
    ] as const) {
      const response = await as(who).post(exportPath(id, tenant), {
        format: 'csv',
        reason: 'Fine reason',
      });
      expect({ id, tenant, status: response.status }).toEqual({ id, tenant, status: 404 });
      expect(response.text).not.toContain('Amina');
    }
    expect(await audits()).toHaveLength(before);
  });

  it(`lists every row once across pages of ${EXPORT_PAGE_SIZE}, namesakes included`, async () => {
    const ds = app.running.databases.app;
    const { eventId: big } = await seedParticipation(
      ds,
      tenantId,
      {
        title: 'Large conference',
        hostStates: ['KEN'],
        startsAt: '2027-09-01T06:00:00Z',
        endsAt: '2027-09-01T14:00:00Z',
        invitations: { KEN: 'accepted', FRA: 'accepted' },
      },
      [],
    );
    const total = EXPORT_PAGE_SIZE * 2 + 37;
    await inTransaction(ds, { tenantId }, async (m) => {
      await sql(
        m,
        `with people as (
           insert into participants (tenant_id, email, full_name)
           select $1, 'bulk' || g || '@example.org', 'Same Name ' || (g % 3)
             from generate_series(1, $3::int) g
           returning id, email)
         insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                  member_state_code, sex, institution_type, audience,
                                  preferred_language, status, confirmation)
         select $1, $2, i.id, p.id, i.member_state_code, 'female', 'judiciary', 'judges', 'en',
                'approved', 'confirmed'
           from people p
           join event_invitations i on i.event_id = $2
            and i.member_state_code = case when split_part(p.email, '@', 1) ~ '[02468]$'
                                           then 'KEN' else 'FRA' end`,
        [tenantId, big, total],
      );
    });
    const response = await as('officer').post(exportPath(big), {
      format: 'csv',
      reason: 'Registration desk',
    });
    const [, ...rows] = csvRows(response.text);
    const emails = rows.map((row) => row[6]);
    expect(emails).toHaveLength(total);
    expect(new Set(emails).size).toBe(total);
    const order = rows.map((row) => `${row[2]}|${row[0]}`);
    expect(order).toEqual([...order].sort());
  });
});
