import ExcelJS from 'exceljs';
import { CSRF_COOKIE, SESSION_COOKIE } from '../common/cookie-names';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { seedDelivery, seedEdition } from '../delivery/delivery.fixtures';
import { seedRequest } from '../requests/requests.fixtures';
import { recommendationOf } from '../recommendations/recommendations.fixtures';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { reportEvent } from './reports.fixtures';

const PASSWORD = 'reports passphrase 2026';

interface Chart {
  id: string;
  keys: string[];
  rows: { year: number; values: number[] }[];
  totals: number[];
}

/** A chart's non-zero cells as "year key=count", for compact expectations. */
const cellsOf = (chart: Chart | undefined) =>
  (chart?.rows ?? []).flatMap(
    (row) =>
      chart?.keys.flatMap((key, index) =>
        (row.values[index] ?? 0) > 0 ? [`${row.year} ${key}=${row.values[index]}`] : [],
      ) ?? [],
  );

describe('dashboard, coverage map and State page', () => {
  let app: TestApp;
  let officer: ApiClient;
  let kenya: ApiClient;
  let expert: ApiClient;
  let heldInKenya: string;
  let draftInFrance: string;
  const base = '/api/t/acme';

  const chart = async (client: ApiClient, query: string, id: string) => {
    const response = await client.get(`${base}/dashboard?${query}`);
    expect(response.status).toBe(200);
    return (response.body.charts as Chart[]).find((candidate) => candidate.id === id);
  };

  const download = async (client: ApiClient, query: string) => {
    const response = await fetch(`${app.baseUrl}${base}/dashboard/export?${query}`, {
      headers: {
        cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}; ${CSRF_COOKIE}=${client.cookie(CSRF_COOKIE)}`,
      },
    });
    return { status: response.status, headers: response.headers, bytes: await response.bytes() };
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    const acme = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    const beta = await createTenant(ds, { slug: 'beta', name: 'Beta' });
    for (const [email, role, state] of [
      ['officer@acme.example', 'programme_officer', null],
      ['kenya@acme.example', 'focal_point', 'KEN'],
      ['expert@acme.example', 'expert', null],
    ] as const) {
      await addMember(ds, acme, {
        email,
        name: email,
        password: PASSWORD,
        role,
        memberStateAlpha3: state,
      });
    }
    officer = await app.client().signIn('officer@acme.example', PASSWORD);
    kenya = await app.client().signIn('kenya@acme.example', PASSWORD);
    expert = await app.client().signIn('expert@acme.example', PASSWORD);

    heldInKenya = await reportEvent(
      ds,
      acme,
      {
        title: 'Nairobi workshop',
        type: 'regional_workshop',
        areas: ['financing', 'training'],
        venue: 'KEN',
        hostStates: ['KEN'],
        day: '2025-03-10',
        status: 'held',
        invitations: { KEN: 'accepted', UGA: 'accepted', FRA: 'accepted', TZA: 'declined' },
      },
      [
        {
          state: 'KEN',
          sex: 'female',
          status: 'approved',
          attendance: { '2025-03-10': 'attended' },
        },
        { state: 'KEN', sex: 'male', status: 'approved', attendance: { '2025-03-10': 'partly' } },
        { state: 'UGA', sex: 'female', status: 'approved', attendance: { '2025-03-10': 'absent' } },
        {
          state: 'FRA',
          sex: 'male',
          status: 'approved',
          institutionType: 'prosecution',
          audience: 'prosecutors',
          attendance: { '2025-03-10': 'attended' },
        },
        { state: 'KEN', sex: 'female', status: 'nominated' },
      ],
    );
    await reportEvent(
      ds,
      acme,
      {
        title: 'Webinar',
        type: 'webinar',
        areas: ['human_rights'],
        venue: null,
        hostStates: [],
        day: '2026-02-02',
        status: 'held',
      },
      [
        {
          state: 'FRA',
          sex: 'female',
          status: 'approved',
          attendance: { '2026-02-02': 'attended' },
        },
      ],
    );
    // Not counted: a draft, a cancelled event, another year, another tenant.
    draftInFrance = await reportEvent(
      ds,
      acme,
      {
        title: 'Draft in Paris',
        type: 'study_visit',
        areas: ['financing'],
        venue: 'FRA',
        hostStates: ['FRA'],
        day: '2026-05-05',
        status: 'draft',
      },
      [
        {
          state: 'KEN',
          sex: 'female',
          status: 'approved',
          attendance: { '2026-05-05': 'attended' },
        },
      ],
    );
    await reportEvent(
      ds,
      acme,
      {
        title: 'Cancelled in Kampala',
        type: 'national_workshop',
        areas: ['financing'],
        venue: 'UGA',
        hostStates: ['UGA'],
        day: '2026-06-01',
        status: 'cancelled',
      },
      [{ state: 'UGA', sex: 'male', status: 'approved', attendance: { '2026-06-01': 'attended' } }],
    );
    await reportEvent(
      ds,
      acme,
      {
        title: 'Old course',
        type: 'training_course',
        areas: ['training'],
        venue: 'KEN',
        hostStates: ['KEN'],
        day: '2019-06-01',
        status: 'closed',
      },
      [{ state: 'KEN', sex: 'male', status: 'approved', attendance: { '2019-06-01': 'attended' } }],
    );
    await reportEvent(
      ds,
      beta,
      {
        title: 'Beta in Nairobi',
        type: 'regional_workshop',
        areas: ['financing'],
        venue: 'KEN',
        hostStates: ['KEN'],
        day: '2025-04-04',
        status: 'held',
      },
      [
        {
          state: 'KEN',
          sex: 'other',
          status: 'approved',
          attendance: { '2025-04-04': 'attended' },
        },
      ],
    );
    await recommendationOf(ds, acme, heldInKenya, {
      text: 'Kenya should adopt a law.',
      states: ['KEN'],
    });
    await recommendationOf(ds, acme, heldInKenya, {
      text: 'France should train judges.',
      states: ['FRA'],
    });

    // Copies of the tool: Kenya 10 English (2025) and 5 French (2026), France 3 English (2026);
    // not counted: Uganda's of 2019 (another year), Beta's 100 to Kenya (another tenant).
    const deliveredOn = (tenantId: string, id: string, day: string) =>
      inTransaction(ds, { tenantId }, (m) =>
        sql(m, `update tool_deliveries set delivered_on = $2 where id = $1`, [id, day]),
      );
    const english = await seedEdition(ds, acme, { language: 'en', format: 'print' });
    const french = await seedEdition(ds, acme, { language: 'fr', format: 'pdf' });
    for (const [editionId, state, quantity, day] of [
      [english, 'KEN', 10, '2025-05-01'],
      [french, 'KEN', 5, '2026-02-01'],
      [english, 'FRA', 3, '2026-12-31'],
      [english, 'UGA', 7, '2019-01-01'],
    ] as const) {
      await deliveredOn(acme, await seedDelivery(ds, acme, { editionId, state, quantity }), day);
    }
    const betaEdition = await seedEdition(ds, beta, { language: 'en' });
    await seedDelivery(ds, beta, { editionId: betaEdition, state: 'KEN', quantity: 100 });

    // Requests submitted: Kenya's in 2025 (still submitted) and 2026 (in assessment), France's
    // in 2026 (approved). Not counted: a draft (even one carrying a date of submission), one
    // withdrawn before it was ever sent, one of 2019, and Beta's.
    const store = app.running.store;
    const submittedAt = (tenantId: string, id: string, at: string | null) =>
      inTransaction(ds, { tenantId }, (m) =>
        sql(m, `update assistance_requests set submitted_at = $2 where id = $1`, [id, at]),
      );
    for (const [tenantId, state, status, at] of [
      [acme, 'KEN', 'submitted', '2025-06-01T10:00:00Z'],
      [acme, 'KEN', 'in_assessment', '2026-03-01T10:00:00Z'],
      [acme, 'FRA', 'approved', '2026-04-01T10:00:00Z'],
      [acme, 'KEN', 'draft', '2026-05-01T10:00:00Z'],
      [acme, 'UGA', 'withdrawn', null],
      [acme, 'KEN', 'declined', '2019-02-01T10:00:00Z'],
      [beta, 'KEN', 'submitted', '2026-03-01T10:00:00Z'],
    ] as const) {
      const { requestId } = await seedRequest(ds, store, tenantId, { state, status });
      await submittedAt(tenantId, requestId, at);
    }
  });

  afterAll(() => app.close());

  const period = 'from=2025&to=2026';

  it('counts events by type, region and area per year: past draft, not cancelled, this tenant', async () => {
    expect(cellsOf(await chart(officer, period, 'eventsByType'))).toEqual([
      '2025 regional_workshop=1',
      '2026 webinar=1',
    ]);
    expect(cellsOf(await chart(officer, period, 'eventsByRegion'))).toEqual([
      '2025 africa=1',
      '2026 none=1',
    ]);
    expect(cellsOf(await chart(officer, period, 'eventsByThematicArea'))).toEqual([
      '2025 financing=1',
      '2025 training=1',
      '2026 human_rights=1',
    ]);
  });

  it('counts participants trained (approved and checked in), by sex, audience, institution, region', async () => {
    expect(cellsOf(await chart(officer, period, 'participantsBySex'))).toEqual([
      '2025 female=1',
      '2025 male=2',
      '2026 female=1',
    ]);
    expect(cellsOf(await chart(officer, period, 'participantsByAudience'))).toEqual([
      '2025 investigators=2',
      '2025 prosecutors=1',
      '2026 investigators=1',
    ]);
    expect(cellsOf(await chart(officer, period, 'participantsByInstitutionType'))).toEqual([
      '2025 law_enforcement=2',
      '2025 prosecution=1',
      '2026 law_enforcement=1',
    ]);
    expect(cellsOf(await chart(officer, period, 'participantsByRegionalGroup'))).toEqual([
      '2025 african=2',
      '2025 western_european_others=1',
      '2026 western_european_others=1',
    ]);
    const women = await chart(officer, period, 'womenShare');
    expect(women?.rows).toEqual([
      { year: 2025, values: [1, 3, 33.3] },
      { year: 2026, values: [1, 1, 100] },
    ]);
    expect(women?.totals).toEqual([2, 4, 50]);
    const response = await officer.get(`${base}/dashboard?${period}`);
    expect(response.body.totals).toEqual({
      events: 2,
      participants: 4,
      states: 2,
      copies: 18,
      requests: 3,
    });
    expect(response.body.filters).toEqual({
      from: 2025,
      to: 2026,
      regionalGroup: null,
      geographicRegion: null,
    });
  });

  it('filters by geographic region and by regional group', async () => {
    expect(
      cellsOf(await chart(officer, `${period}&geographicRegion=africa`, 'eventsByType')),
    ).toEqual(['2025 regional_workshop=1']);
    expect(
      cellsOf(await chart(officer, `${period}&geographicRegion=africa`, 'participantsBySex')),
    ).toEqual(['2025 female=1', '2025 male=1']);
    const western = `${period}&regionalGroup=western_european_others`;
    expect(cellsOf(await chart(officer, western, 'eventsByType'))).toEqual([]);
    expect(cellsOf(await chart(officer, western, 'participantsBySex'))).toEqual([
      '2025 male=1',
      '2026 female=1',
    ]);
  });

  it('reads the period: other years are left out, every year of it is a row', async () => {
    const wide = await chart(officer, 'from=2018&to=2026', 'eventsByType');
    expect(wide?.rows.map((row) => row.year)).toEqual([
      2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026,
    ]);
    expect(cellsOf(wide)).toContain('2019 training_course=1');
    expect(cellsOf(await chart(officer, 'from=2020&to=2024', 'eventsByType'))).toEqual([]);
  });

  it('refuses a period backwards, too long or out of range, and unknown filters', async () => {
    for (const query of [
      'from=2026&to=2025',
      'from=1950&to=2026',
      'from=1800',
      'to=abc',
      'regionalGroup=martian',
      'geographicRegion=antarctica',
      'tenant=beta',
    ]) {
      const response = await officer.get(`${base}/dashboard?${query}`);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('colours the map by participants trained or events, with ISO numeric codes', async () => {
    const participants = await officer.get(`${base}/dashboard/map?${period}`);
    expect(participants.status).toBe(200);
    expect(participants.body).toMatchObject({
      metric: 'participants',
      states: [
        { code: 'FRA', numeric: '250', value: 2 },
        { code: 'KEN', numeric: '404', value: 2 },
      ],
      max: 2,
      total: 4,
    });
    const events = await officer.get(`${base}/dashboard/map?${period}&metric=events`);
    expect(events.body.states).toEqual([{ code: 'KEN', numeric: '404', value: 1 }]);
    const african = await officer.get(`${base}/dashboard/map?${period}&regionalGroup=african`);
    expect(african.body.states).toEqual([{ code: 'KEN', numeric: '404', value: 2 }]);
  });

  it('counts copies of the tool delivered, per year by language: this tenant, the period', async () => {
    expect(cellsOf(await chart(officer, period, 'toolCopiesByLanguage'))).toEqual([
      '2025 en=10',
      '2026 en=3',
      '2026 fr=5',
    ]);
    const copies = await chart(officer, period, 'toolCopiesByLanguage');
    expect(copies?.keys).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es', 'other']);
    expect(copies?.totals).toEqual([0, 0, 13, 5, 0, 0, 0]);
    expect(
      cellsOf(await chart(officer, `${period}&geographicRegion=europe`, 'toolCopiesByLanguage')),
    ).toEqual(['2026 en=3']);
    expect(cellsOf(await chart(officer, 'from=2019&to=2019', 'toolCopiesByLanguage'))).toEqual([
      '2019 en=7',
    ]);
  });

  it('counts requests submitted, per year by status: never a draft, nor one never sent', async () => {
    const requests = await chart(officer, period, 'requestsByStatus');
    expect(requests?.keys).not.toContain('draft');
    expect(cellsOf(requests)).toEqual([
      '2025 submitted=1',
      '2026 in_assessment=1',
      '2026 approved=1',
    ]);
    expect(
      cellsOf(await chart(officer, `${period}&regionalGroup=african`, 'requestsByStatus')),
    ).toEqual(['2025 submitted=1', '2026 in_assessment=1']);
    expect(cellsOf(await chart(officer, 'from=2019&to=2019', 'requestsByStatus'))).toEqual([
      '2019 declined=1',
    ]);
  });

  it('counts the open requests by how long ago they were submitted, per year submitted', async () => {
    const ages = await chart(officer, period, 'requestsByAge');
    expect(ages?.keys).toEqual([
      'under_30_days',
      'days_30_to_89',
      'days_90_to_179',
      'days_180_to_364',
      'year_or_more',
    ]);
    // The oracle, from the bands' definition: whole days since submission, as of now.
    const band = (submitted: string) => {
      const days = Math.floor((Date.now() - Date.parse(submitted)) / 86_400_000);
      if (days < 30) return 'under_30_days';
      if (days < 90) return 'days_30_to_89';
      if (days < 180) return 'days_90_to_179';
      if (days < 365) return 'days_180_to_364';
      return 'year_or_more';
    };
    // Kenya's of 2025 and 2026 and France's are open; the declined one of 2019 would not be.
    const expected = new Map<string, number>();
    for (const [year, at] of [
      ['2025', '2025-06-01T10:00:00Z'],
      ['2026', '2026-03-01T10:00:00Z'],
      ['2026', '2026-04-01T10:00:00Z'],
    ] as const) {
      const cell = `${year} ${band(at)}`;
      expected.set(cell, (expected.get(cell) ?? 0) + 1);
    }
    expect(cellsOf(ages).sort()).toEqual(
      [...expected].map(([cell, count]) => `${cell}=${count}`).sort(),
    );
    expect(cellsOf(await chart(officer, 'from=2019&to=2019', 'requestsByAge'))).toEqual([]);
    // The totals count requests once, by status, whatever their age.
    const response = await officer.get(`${base}/dashboard?${period}`);
    expect(response.body.totals.requests).toBe(3);
  });

  it('lists the charts in the order of the vocabulary, the share of women among them', async () => {
    const response = await officer.get(`${base}/dashboard?${period}`);
    expect((response.body.charts as Chart[]).map((c) => c.id)).toEqual([
      'eventsByType',
      'eventsByRegion',
      'eventsByThematicArea',
      'participantsBySex',
      'participantsByAudience',
      'participantsByInstitutionType',
      'participantsByRegion',
      'participantsByRegionalGroup',
      'womenShare',
      'toolCopiesByLanguage',
      'requestsByStatus',
      'requestsByAge',
    ]);
  });

  it('colours the map by copies of the tool delivered and by requests submitted', async () => {
    const copies = await officer.get(`${base}/dashboard/map?${period}&metric=copies`);
    expect(copies.status).toBe(200);
    expect(copies.body).toMatchObject({
      metric: 'copies',
      states: [
        { code: 'KEN', numeric: '404', value: 15 },
        { code: 'FRA', numeric: '250', value: 3 },
      ],
      max: 15,
      total: 18,
    });
    const requests = await officer.get(`${base}/dashboard/map?${period}&metric=requests`);
    expect(requests.body).toMatchObject({
      metric: 'requests',
      states: [
        { code: 'KEN', numeric: '404', value: 2 },
        { code: 'FRA', numeric: '250', value: 1 },
      ],
      max: 2,
      total: 3,
    });
    const european = await officer.get(
      `${base}/dashboard/map?${period}&metric=requests&geographicRegion=europe`,
    );
    expect(european.body.states).toEqual([{ code: 'FRA', numeric: '250', value: 1 }]);
    const old = await officer.get(`${base}/dashboard/map?from=2019&to=2019&metric=copies`);
    expect(old.body.states).toEqual([{ code: 'UGA', numeric: '800', value: 7 }]);
    expect((await officer.get(`${base}/dashboard/map?${period}&metric=drafts`)).status).toBe(400);
  });

  it('exports the new tables as the page shows them', async () => {
    const csv = await download(officer, `${period}&chart=requestsByStatus&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('requestsByStatus.csv');
    expect(new TextDecoder().decode(csv.bytes)).toBe(
      'year,submitted,information_requested,resubmitted,in_assessment,approved,declined,' +
        'planned,in_delivery,completed,withdrawn\r\n' +
        '2025,1,0,0,0,0,0,0,0,0,0\r\n' +
        '2026,0,0,0,1,1,0,0,0,0,0\r\n' +
        'total,1,0,0,1,1,0,0,0,0,0\r\n',
    );
    const copies = await download(officer, `${period}&chart=map&metric=copies&format=csv`);
    expect(new TextDecoder().decode(copies.bytes)).toBe(
      'state,iso_numeric,copies\r\nKEN,404,15\r\nFRA,250,3\r\ntotal,,18\r\n',
    );
    const xlsx = await download(officer, `${period}&chart=toolCopiesByLanguage&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(xlsx.bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'year',
      'ar',
      'zh',
      'en',
      'fr',
      'ru',
      'es',
      'other',
    ]);
    expect(sheet?.getRow(4).values).toEqual([undefined, 'total', 0, 0, 13, 5, 0, 0, 0]);
  });

  it("exports exactly a chart's table as CSV and XLSX", async () => {
    const csv = await download(officer, `${period}&chart=participantsBySex&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('participantsBySex.csv');
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csv.bytes)).toBe(
      'year,female,male,other\r\n2025,1,2,0\r\n2026,1,0,0\r\ntotal,2,2,0\r\n',
    );
    const xlsx = await download(officer, `${period}&chart=womenShare&format=xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(xlsx.bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'year',
      'women',
      'participants',
      'sharePercent',
    ]);
    expect(sheet?.getRow(2).values).toEqual([undefined, '2025', 1, 3, 33.3]);
    expect(sheet?.getRow(4).values).toEqual([undefined, 'total', 2, 4, 50]);
    const map = await download(officer, `${period}&chart=map&format=csv&geographicRegion=europe`);
    expect(new TextDecoder().decode(map.bytes)).toBe(
      'state,iso_numeric,participants\r\nFRA,250,2\r\ntotal,,2\r\n',
    );
  });

  it('keeps the dashboard, map and exports to officers and admins', async () => {
    for (const path of [
      `dashboard?${period}`,
      `dashboard/map?${period}`,
      `dashboard/export?${period}&chart=eventsByType&format=csv`,
    ]) {
      for (const client of [kenya, expert]) {
        expect((await client.get(`${base}/${path}`)).status).toBe(403);
      }
    }
  });

  it("shows an officer any State's page: events, participants by sex, invitations, recommendations", async () => {
    const response = await officer.get(`${base}/state-overview?state=ken`);
    expect(response.status).toBe(200);
    expect(response.body.state).toBe('KEN');
    expect(response.body.numeric).toBe('404');
    expect(response.body.participants).toEqual({
      total: 3,
      bySex: [
        { key: 'female', count: 1 },
        { key: 'male', count: 2 },
        { key: 'other', count: 0 },
      ],
      womenShare: 1 / 3,
    });
    // The draft is listed to an officer (its participant counted nowhere), newest first.
    expect(
      response.body.events.map((event: { title: string; participants: number }) => [
        event.title,
        event.participants,
      ]),
    ).toEqual([
      ['Draft in Paris', 0],
      ['Nairobi workshop', 2],
      ['Old course', 1],
    ]);
    expect(response.body.eventsTotal).toBe(3);
    // Kenya was invited to the three (the fixtures invite every State with a nominee).
    expect(response.body.invitations).toEqual({ total: 3, accepted: 3, declined: 0, pending: 0 });
    expect(response.body.recommendations.map((r: { text: string }) => r.text)).toEqual([
      'Kenya should adopt a law.',
    ]);
    const tanzania = await officer.get(`${base}/state-overview?state=TZA`);
    expect(tanzania.body.invitations).toEqual({ total: 1, accepted: 0, declined: 1, pending: 0 });
    expect(tanzania.body.participants.womenShare).toBeNull();
  });

  it("gives a focal point their own State's page, what their rule shows, and refuses another's", async () => {
    const own = await kenya.get(`${base}/state-overview?state=KEN`);
    expect(own.status).toBe(200);
    const ids = own.body.events.map((event: { id: string }) => event.id);
    expect(ids).toContain(heldInKenya);
    expect(ids).not.toContain(draftInFrance);
    const other = await kenya.get(`${base}/state-overview?state=FRA`);
    expect(other.status).toBe(403);
    expect(other.body.type).toBe('/problems/forbidden');
    expect((await expert.get(`${base}/state-overview?state=KEN`)).status).toBe(403);
    expect((await officer.get(`${base}/state-overview?state=ZZZ`)).status).toBe(400);
  });

  it('reads no personal column: anonymising participants changes no figure', async () => {
    const before = await officer.get(`${base}/dashboard?${period}`);
    await ownerQuery(
      app,
      `update participants set full_name = 'x', email = id::text || '@anon.invalid'`,
    );
    await ownerQuery(app, `update nominations set function_title = '', institution = ''`);
    const after = await officer.get(`${base}/dashboard?${period}`);
    expect(after.body).toEqual(before.body);
    expect(after.text).not.toMatch(/@example\.org|Person \d/);
  });
});
