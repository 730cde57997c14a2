import { seedDocument } from '../documents/documents.fixtures';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'search passphrase 2026';

interface Result {
  events: { id: string; title: string }[];
  documents: { id: string; title: string; snippet: { text: string; match: boolean }[] }[];
  experts: { userId: string; name: string }[];
  recommendations: { id: string; position: number; eventTitle: string }[];
}

describe('search across the tenant', () => {
  let app: TestApp;
  let tenantId: string;
  const ids: Record<string, string> = {};
  const clients: Record<string, ApiClient> = {};
  const people = {
    officer: ['programme_officer', null, 'Olga Officer'],
    focal: ['focal_point', 'KEN', 'Fatima Focal'],
    otherFocal: ['focal_point', 'PER', 'Pedro Focal'],
    expert: ['expert', null, 'Dana Drafting'],
  } as const;

  const search = async (who: keyof typeof people, q: string): Promise<Result> => {
    const client = clients[who];
    if (!client) throw new Error(`${who} is not signed in`);
    const response = await client.get(`/api/t/find/search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return response.body as Result;
  };
  const titles = (result: Result) => ({
    events: result.events.map((hit) => hit.title).sort(),
    documents: result.documents.map((hit) => hit.title).sort(),
    experts: result.experts.map((hit) => hit.name).sort(),
    recommendations: result.recommendations.map((hit) => `${hit.eventTitle} R${hit.position}`),
  });

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.running.databases.app;
    tenantId = await createTenant(ds, { slug: 'find', name: 'Find' });
    for (const [key, [role, state, name]] of Object.entries(people)) {
      const email = `${key.toLowerCase()}@find.example`;
      await addMember(ds, tenantId, {
        email,
        name,
        password: PASSWORD,
        role,
        memberStateAlpha3: state,
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
    await inTransaction(ds, { tenantId }, async (m) => {
      const event = async (title: string, status: string, announced: boolean, hosts: string[]) => {
        const [row] = await sql<{ id: string }>(
          m,
          `insert into events (tenant_id, type, title, thematic_areas, format, venue_name, venue_city,
                               venue_country, starts_at, ends_at, time_zone, working_languages,
                               host_states, status, announced_at)
           values ($1, 'national_workshop', $2, '{financing}', 'in_person', 'UN', 'Nairobi', 'KEN',
                   '2026-05-10T06:00:00Z', '2026-05-12T14:00:00Z', 'Africa/Nairobi', '{en}', $3,
                   $4, case when $5 then now() end)
           returning id`,
          [tenantId, title, hosts, status, announced],
        );
        if (!row) throw new Error('no event');
        return row.id;
      };
      ids['kenya'] = await event('Nairobi drafting workshop', 'held', true, ['KEN']);
      ids['draft'] = await event('Drafting retreat (draft)', 'draft', false, ['KEN']);
      ids['lima'] = await event('Lima drafting seminar', 'held', true, ['PER']);
      await sql(
        m,
        `insert into expert_assignments (tenant_id, event_id, user_id, role, status, answered_at)
         values ($1, $2, $3, 'rapporteur', 'accepted', now())`,
        [tenantId, ids['lima'], ids['expert']],
      );
      await sql(
        m,
        `insert into recommendations (tenant_id, event_id, position, text, thematic_area,
                                      addressed_states, addressed_to_organisation)
         values ($1, $2, 1, 'Finish drafting the national law.', 'financing', '{KEN}', false),
                ($1, $3, 1, 'Share drafting guidance with Kenya.', 'financing', '{KEN}', false),
                ($1, $3, 2, 'Keep drafting notes in Lima.', 'financing', '{PER}', false)`,
        [tenantId, ids['kenya'], ids['lima']],
      );
    });
    const store = app.running.store;
    for (const [title, visibility, event] of [
      ['Drafting guide (public)', 'public', 'kenya'],
      ['Drafting notes (staff)', 'staff', 'kenya'],
      ['Drafting outline (experts)', 'staff_and_experts', 'lima'],
      ['Drafting memo (draft event)', 'public', 'draft'],
    ] as const) {
      const seeded = await seedDocument(ds, store, tenantId, {
        eventId: ids[event] ?? null,
        title,
        visibility,
      });
      ids[title] = seeded.documentId;
    }
  });

  afterAll(() => app.close());

  it('gives the officer every group, the roster included', async () => {
    expect(titles(await search('officer', 'drafting'))).toEqual({
      events: ['Drafting retreat (draft)', 'Lima drafting seminar', 'Nairobi drafting workshop'],
      documents: [
        'Drafting guide (public)',
        'Drafting memo (draft event)',
        'Drafting notes (staff)',
        'Drafting outline (experts)',
      ],
      experts: ['Dana Drafting'],
      recommendations: expect.arrayContaining([
        'Nairobi drafting workshop R1',
        'Lima drafting seminar R1',
        'Lima drafting seminar R2',
      ]) as unknown as string[],
    });
  });

  it('never shows a focal point a staff-only document, a draft event or the roster', async () => {
    const result = await search('focal', 'drafting');
    expect(titles(result)).toEqual({
      events: ['Nairobi drafting workshop'],
      documents: ['Drafting guide (public)'],
      experts: [],
      // Their State's event, and the one at Lima addressed to Kenya; not the one to Peru.
      recommendations: expect.arrayContaining([
        'Nairobi drafting workshop R1',
        'Lima drafting seminar R1',
      ]) as unknown as string[],
    });
    expect(result.recommendations).toHaveLength(2);
    const body = JSON.stringify(result);
    for (const hidden of [
      ids['draft'],
      ids['Drafting notes (staff)'],
      ids['Drafting outline (experts)'],
      ids['Drafting memo (draft event)'],
      ids['expert'],
    ]) {
      expect(body).not.toContain(hidden);
    }
    expect(body).not.toContain('Keep drafting notes');
  });

  it('gives another State’s focal point only what concerns their State', async () => {
    expect(titles(await search('otherFocal', 'drafting'))).toEqual({
      events: ['Lima drafting seminar'],
      documents: [],
      experts: [],
      recommendations: expect.arrayContaining([
        'Lima drafting seminar R1',
        'Lima drafting seminar R2',
      ]) as unknown as string[],
    });
  });

  it('gives an expert the events they accepted and their documents, never the roster', async () => {
    const result = titles(await search('expert', 'drafting'));
    expect(result.events).toEqual(['Lima drafting seminar']);
    // The public guide is on Nairobi's event, which is not theirs.
    expect(result.documents).toEqual(['Drafting outline (experts)']);
    expect(result.experts).toEqual([]);
    expect(result.recommendations).toHaveLength(2);
  });

  it('highlights the words found and refuses a query too short or too long', async () => {
    const result = await search('officer', 'guide');
    expect(result.documents[0]?.snippet).toContainEqual({ text: 'guide', match: true });
    const officer = clients['officer'];
    if (!officer) throw new Error('no officer');
    for (const q of ['d', 'x'.repeat(201), 'a\u0000b']) {
      const refused = await officer.get(`/api/t/find/search?q=${encodeURIComponent(q)}`);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const none = await search('officer', 'zzzunheardof');
    expect(none).toMatchObject({ events: [], documents: [], experts: [], recommendations: [] });
  });
});
