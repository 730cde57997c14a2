import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { type FixtureNominee, seedParticipation } from './figures.fixtures';

const PASSWORD = 'figures passphrase 2026';

/**
 * Nine nominees of Kenya, France and Brazil in every state a nomination can be in. What each
 * counts as, by the definitions of figures.service.ts:
 * 1 KEN female approved+confirmed, attended day 1, partly day 2  → approved, confirmed, attended
 * 2 KEN male approved, pending                                    → approved
 * 3 KEN other approved, declined by the participant              → declinedByParticipant only
 * 4 FRA female approved+confirmed, never checked in              → approved, confirmed
 * 5 FRA male waitlisted                                          → waitlisted
 * 6 BRA female nominated                                         → pending
 * 7 BRA male declined by the officer                             → declined
 * 8 BRA female withdrawn                                         → nowhere
 * 9 BRA male approved, pending, absent day 1, attended day 2     → approved, attended
 */
const NOMINEES: FixtureNominee[] = [
  {
    name: 'Amina Wanjiru',
    email: 'amina@ke.example',
    state: 'KEN',
    sex: 'female',
    institutionType: 'judiciary',
    audience: 'judges',
    status: 'approved',
    confirmation: 'confirmed',
    attendance: { '2027-05-10': 'attended', '2027-05-11': 'partly' },
  },
  {
    name: 'Brian Otieno',
    email: 'brian@ke.example',
    state: 'KEN',
    sex: 'male',
    institutionType: 'law_enforcement',
    audience: 'investigators',
    status: 'approved',
  },
  {
    name: 'Chris Kamau',
    email: 'chris@ke.example',
    state: 'KEN',
    sex: 'other',
    institutionType: 'prosecution',
    audience: 'prosecutors',
    status: 'approved',
    confirmation: 'declined',
  },
  {
    name: 'Delphine Moreau',
    email: 'delphine@fr.example',
    state: 'FRA',
    sex: 'female',
    institutionType: 'civil_society',
    audience: 'civil_society',
    status: 'approved',
    confirmation: 'confirmed',
  },
  {
    name: 'Étienne Bernard',
    email: 'etienne@fr.example',
    state: 'FRA',
    sex: 'male',
    institutionType: 'judiciary',
    audience: 'judges',
    status: 'waitlisted',
  },
  {
    name: 'Fernanda Souza',
    email: 'fernanda@br.example',
    state: 'BRA',
    sex: 'female',
    institutionType: 'ministry_policy',
    audience: 'policy_makers',
    status: 'nominated',
  },
  {
    name: 'Gustavo Lima',
    email: 'gustavo@br.example',
    state: 'BRA',
    sex: 'male',
    institutionType: 'private_sector',
    audience: 'private_sector',
    status: 'declined',
  },
  {
    name: 'Helena Costa',
    email: 'helena@br.example',
    state: 'BRA',
    sex: 'female',
    institutionType: 'judiciary',
    audience: 'judges',
    status: 'withdrawn',
  },
  {
    name: 'Igor Almeida',
    email: 'igor@br.example',
    state: 'BRA',
    sex: 'male',
    institutionType: 'judiciary',
    audience: 'judges',
    status: 'approved',
    attendance: { '2027-05-10': 'absent', '2027-05-11': 'attended' },
  },
];

const zero = { approved: 0, confirmed: 0, attended: 0 };

describe("an event's participation figures", () => {
  let app: TestApp;
  let eventId: string;
  let tenantId: string;
  const clients: Record<string, ApiClient> = {};

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '1000' } });
    const ds = app.running.databases.app;
    tenantId = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    const other = await createTenant(ds, { slug: 'other', name: 'Other' });
    const people = [
      ['officer', 'programme_officer', null],
      ['focal', 'focal_point', 'KEN'],
      ['focal-ita', 'focal_point', 'ITA'],
      ['speaker', 'expert', null],
      ['expert', 'expert', null],
    ] as const;
    const ids: Record<string, string> = {};
    for (const [who, role, state] of people) {
      ids[who] = (
        await addMember(ds, tenantId, {
          email: `${who}@acme.example`,
          name: who,
          password: PASSWORD,
          role,
          memberStateAlpha3: state,
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
        title: 'Regional workshop on digital evidence',
        hostStates: ['KEN'],
        startsAt: '2027-05-10T06:00:00Z',
        endsAt: '2027-05-12T14:00:00Z',
        capacity: 30,
        invitations: { KEN: 'accepted', FRA: 'invited', BRA: 'accepted', CHN: 'withdrawn' },
        speakers: [ids['speaker'] ?? ''],
      },
      NOMINEES,
    ));
    for (const who of ['officer', 'focal', 'focal-ita', 'speaker', 'expert']) {
      clients[who] = await app.client().signIn(`${who}@acme.example`, PASSWORD);
    }
    clients['other'] = await app.client().signIn('admin@other.example', PASSWORD);
  });

  afterAll(() => app.close());

  const figures = (who: string, id = eventId) => {
    const client = clients[who];
    if (!client) throw new Error(`no client ${who}`);
    return client.get(`/api/t/${who === 'other' ? 'other' : 'acme'}/events/${id}/figures`);
  };

  it('counts every breakdown from the fixtures, by the definitions of each stage', async () => {
    const response = await figures('officer');
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.eventId).toBe(eventId);
    expect(body.capacity).toBe(30);
    expect(body.totals).toEqual({
      nominations: 8,
      pending: 1,
      waitlisted: 1,
      declined: 1,
      approved: 4,
      confirmed: 2,
      declinedByParticipant: 1,
      attended: 2,
    });
    expect(body.womenShare).toEqual({ approved: 0.5, confirmed: 1, attended: 0.5 });
    expect(body.bySex).toEqual([
      { key: 'female', approved: 2, confirmed: 2, attended: 1 },
      { key: 'male', approved: 2, confirmed: 0, attended: 1 },
      { key: 'other', ...zero },
    ]);
    expect(body.byInstitutionType).toEqual([
      { key: 'ministry_policy', ...zero },
      { key: 'law_enforcement', approved: 1, confirmed: 0, attended: 0 },
      { key: 'prosecution', ...zero },
      { key: 'judiciary', approved: 2, confirmed: 1, attended: 2 },
      { key: 'central_authority', ...zero },
      { key: 'private_sector', ...zero },
      { key: 'civil_society', approved: 1, confirmed: 1, attended: 0 },
      { key: 'other', ...zero },
    ]);
    expect(body.byAudience).toEqual([
      { key: 'policy_makers', ...zero },
      { key: 'investigators', approved: 1, confirmed: 0, attended: 0 },
      { key: 'prosecutors', ...zero },
      { key: 'judges', approved: 2, confirmed: 1, attended: 2 },
      { key: 'central_authorities', ...zero },
      { key: 'private_sector', ...zero },
      { key: 'civil_society', approved: 1, confirmed: 1, attended: 0 },
    ]);
    expect(body.byRegionalGroup).toEqual([
      { key: 'african', approved: 2, confirmed: 1, attended: 1 },
      { key: 'asia_pacific', ...zero },
      { key: 'eastern_european', ...zero },
      { key: 'latin_american_caribbean', approved: 1, confirmed: 0, attended: 1 },
      { key: 'western_european_others', approved: 1, confirmed: 1, attended: 0 },
      { key: 'none', ...zero },
    ]);
    expect(body.byGeographicRegion).toEqual([
      { key: 'africa', approved: 2, confirmed: 1, attended: 1 },
      { key: 'americas', approved: 1, confirmed: 0, attended: 1 },
      { key: 'asia', ...zero },
      { key: 'europe', approved: 1, confirmed: 1, attended: 0 },
      { key: 'oceania', ...zero },
    ]);
    expect(body.byState).toEqual([
      { key: 'BRA', approved: 1, confirmed: 0, attended: 1 },
      { key: 'FRA', approved: 1, confirmed: 1, attended: 0 },
      { key: 'KEN', approved: 2, confirmed: 1, attended: 1 },
    ]);
    // Invited: KEN, FRA, BRA (CHN's invitation was withdrawn). Represented: KEN and FRA
    // confirmed, BRA's participant came without confirming.
    expect(body.states).toEqual({
      invited: 3,
      accepted: 2,
      withApproved: 3,
      represented: 3,
      attended: 2,
    });
  });

  it('shows the same figures to a focal point of an invited State and to a speaker', async () => {
    const officer = await figures('officer');
    const focal = await figures('focal');
    const speaker = await figures('speaker');
    expect(focal.status).toBe(200);
    expect(speaker.status).toBe(200);
    expect(focal.body).toEqual(officer.body);
    expect(speaker.body).toEqual(officer.body);
    // Aggregates only: no name, email or id of a nominee in the answer.
    for (const nominee of NOMINEES) {
      expect(focal.text).not.toContain(nominee.name);
      expect(focal.text).not.toContain(nominee.email);
    }
  });

  it('answers 404 to whoever may not see the event, and for an unknown or malformed id', async () => {
    // An expert who does not speak, a focal point of a State not invited, another tenant.
    for (const who of ['expert', 'focal-ita', 'other']) {
      const response = await figures(who);
      expect({ who, status: response.status, type: response.body?.type }).toEqual({
        who,
        status: 404,
        type: '/problems/not-found',
      });
      expect(response.text).not.toContain('approved');
    }
    expect((await figures('officer', '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60')).status).toBe(404);
    expect((await figures('officer', 'not-a-uuid')).status).toBe(404);
  });

  it('counts an event without nominations as zeros, with null shares', async () => {
    const ds = app.running.databases.app;
    const { eventId: empty } = await seedParticipation(
      ds,
      tenantId,
      {
        title: 'Empty',
        hostStates: ['KEN'],
        startsAt: '2027-06-10T06:00:00Z',
        endsAt: '2027-06-10T14:00:00Z',
        invitations: {},
      },
      [],
    );
    const response = await figures('officer', empty);
    expect(response.status).toBe(200);
    expect(response.body.totals.approved).toBe(0);
    expect(response.body.womenShare).toEqual({ approved: null, confirmed: null, attended: null });
    expect(response.body.byState).toEqual([]);
    expect(response.body.states).toEqual({
      invited: 0,
      accepted: 0,
      withApproved: 0,
      represented: 0,
      attended: 0,
    });
  });

  it('follows decisions live, and survives the anonymisation of every participant', async () => {
    const before = (await figures('officer')).body;
    // The officer approves Fernanda: one more approved woman from Brazil.
    await ownerQuery(
      app,
      `update nominations set status = 'approved', confirmation = 'pending'
        where id = (select n.id from nominations n join participants p on p.id = n.participant_id
                     where p.email = 'fernanda@br.example')`,
    );
    const after = (await figures('officer')).body;
    expect(after.totals.approved).toBe(before.totals.approved + 1);
    expect(after.totals.pending).toBe(before.totals.pending - 1);
    expect(after.bySex[0]).toEqual({ key: 'female', approved: 3, confirmed: 2, attended: 1 });
    expect(after.womenShare.approved).toBeCloseTo(3 / 5);

    // What a retention rule will do: clear every personal column, keep the rest.
    await ownerQuery(
      app,
      `update participants set full_name = 'Anonymised', email = id::text || '@anonymised.invalid',
              anonymised_at = now() where tenant_id = $1`,
      [tenantId],
    );
    await ownerQuery(
      app,
      `update nominations set function_title = '', institution = '', languages = '{}',
              dietary_needs = '', accessibility_needs = '', decision_reason = null
        where tenant_id = $1`,
      [tenantId],
    );
    expect((await figures('officer')).body).toEqual(after);
  });
});
