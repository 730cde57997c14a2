import { type MemberState, MemberStateList } from '@convene/contracts';
import { DataSource } from 'typeorm';
import { RegionalGroupParticipation1764316800012 } from '../db/migrations/1764316800012-regional-group-participation';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import type { ApiClient } from '../testing/http-client';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';

const PASSWORD = 'member states passphrase';

describe('the Member States in their regional groups', () => {
  let app: TestApp;
  let client: ApiClient;

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.running.databases.app;
    const tenant = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    await addMember(ds, tenant, {
      email: 'expert@acme.example',
      name: 'Expert',
      password: PASSWORD,
      role: 'expert',
    });
    client = await app.client().signIn('expert@acme.example', PASSWORD);
  });

  afterAll(() => app.close());

  const list = async (query = ''): Promise<MemberState[]> => {
    const response = await client.get(`/api/member-states${query}`);
    expect(response.status).toBe(200);
    return MemberStateList.parse(response.body);
  };
  const codes = async (query: string) => (await list(query)).map((s) => s.alpha3).sort();
  const byCode = (states: MemberState[], alpha3: string) =>
    states.find((state) => state.alpha3 === alpha3);

  it('answers the special cases as the UN describes them', async () => {
    const states = await list();
    expect(states).toHaveLength(195);
    expect(byCode(states, 'KIR')).toMatchObject({ groups: [], electoralGroup: null });
    expect(byCode(states, 'USA')).toMatchObject({
      groups: [{ group: 'western_european_others', kind: 'observer' }],
      electoralGroup: 'western_european_others',
      geographicRegion: 'americas',
    });
    expect(byCode(states, 'ISR')).toMatchObject({
      groups: [{ group: 'western_european_others', kind: 'member' }],
      electoralGroup: 'western_european_others',
    });
    expect(byCode(states, 'TUR')).toMatchObject({
      groups: [
        { group: 'asia_pacific', kind: 'member' },
        { group: 'western_european_others', kind: 'member' },
      ],
      electoralGroup: 'western_european_others',
    });
    expect(byCode(states, 'KEN')).toMatchObject({
      groups: [{ group: 'african', kind: 'member' }],
      electoralGroup: 'african',
      geographicRegion: 'africa',
    });
  });

  it('filters by taking part in a group, as member or observer', async () => {
    const weog = await codes('?group=western_european_others');
    expect(weog).toHaveLength(29); // 28 members and the United States
    expect(weog).toEqual(expect.arrayContaining(['USA', 'ISR', 'TUR', 'DEU']));
    const asiaPacific = await codes('?group=asia_pacific');
    expect(asiaPacific).toHaveLength(55); // 53, Türkiye and the State of Palestine
    expect(asiaPacific).toEqual(expect.arrayContaining(['TUR', 'PSE', 'CYP']));
    expect(asiaPacific).not.toContain('KIR');
    expect(await codes('?group=none')).toEqual(['KIR', 'VAT']);
  });

  it('filters by geographic region, alone and with a group', async () => {
    const oceania = await codes('?geographicRegion=oceania');
    expect(oceania).toHaveLength(14);
    expect(oceania).toEqual(expect.arrayContaining(['AUS', 'KIR', 'NZL']));
    expect(await codes('?group=western_european_others&geographicRegion=asia')).toEqual([
      'ISR',
      'TUR',
    ]);
    expect(await codes('?group=none&geographicRegion=oceania&q=kiri')).toEqual(['KIR']);
  });

  it('refuses an unknown group or region, and the old region parameter', async () => {
    expect((await client.get('/api/member-states?group=nordic')).status).toBe(400);
    expect((await client.get('/api/member-states?geographicRegion=antarctica')).status).toBe(400);
    expect((await client.get('/api/member-states?region=african')).status).toBe(400);
  });

  it('keeps the electoral group to a group the State takes part in', async () => {
    await expect(
      ownerQuery(
        app,
        `update member_states set regional_group = 'asia_pacific' where alpha3 = 'KIR'`,
      ),
    ).rejects.toThrow(/member_states_electoral_group_fkey/);
    await expect(
      ownerQuery(app, `update member_states set regional_group = 'african' where alpha3 = 'USA'`),
    ).rejects.toThrow(/member_states_electoral_group_fkey/);
    // Counting Türkiye in its other group is a change of data, not of rule.
    await ownerQuery(
      app,
      `update member_states set regional_group = 'asia_pacific' where alpha3 = 'TUR'`,
    );
    await ownerQuery(
      app,
      `update member_states set regional_group = 'western_european_others' where alpha3 = 'TUR'`,
    );
  });

  it('corrects a database loaded before participations existed', async () => {
    const owner = new DataSource({ type: 'postgres', url: app.database?.url ?? '' });
    await owner.initialize();
    const runner = owner.createQueryRunner();
    const kiribati = () =>
      ownerQuery(app, `select regional_group from member_states where alpha3 = 'KIR'`);
    try {
      const migration = new RegionalGroupParticipation1764316800012();
      await migration.down(runner);
      expect(await kiribati()).toEqual([{ regional_group: 'asia_pacific' }]);
      await migration.up(runner);
    } finally {
      await runner.release();
      await owner.destroy();
    }
    expect(await kiribati()).toEqual([{ regional_group: null }]);
    const counts = await ownerQuery(
      app,
      `select kind, count(*)::int as n from member_state_groups group by kind order by kind`,
    );
    expect(counts).toEqual([
      { kind: 'member', n: 193 }, // 190 States in one group, Türkiye in two, the State of Palestine
      { kind: 'observer', n: 1 },
    ]);
    expect((await list()).length).toBe(195);
  });
});
