import { z } from 'zod';
import { type RowSchema, sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { createTenant } from '../tenants/tenant-provisioning';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import {
  EVENTS_ROLLUP_STATEMENT,
  EVENTS_STATEMENT,
  MAP_PARTICIPANTS_ROLLUP_STATEMENT,
  MAP_PARTICIPANTS_STATEMENT,
  PARTICIPANTS_ROLLUP_STATEMENT,
  PARTICIPANTS_STATEMENT,
} from './dashboard.query';
import { reportEvent } from './reports.fixtures';

const Count = z.object({
  dimension: z.string(),
  year: z.number().nullable(),
  key: z.string().nullable(),
  count: z.number(),
});
const StateValue = z.object({ state: z.string(), value: z.number() });

/** Who sees every event ($1–$3), then any region and a period wider than the data. */
const SEES_ALL: readonly unknown[] = [null, null, true, null, null, 2000, 2100];
/** The same, for the African Group and for Europe only. */
const AFRICAN: readonly unknown[] = [null, null, true, 'african', null, 2000, 2100];
const EUROPE: readonly unknown[] = [null, null, true, null, 'europe', 2000, 2100];
const FOCAL_POINT: readonly unknown[] = [null, 'KEN', false, null, null, 2000, 2100];

/**
 * The rollup the database keeps (migration 1764316800029) against the statements that count
 * on each request: after every kind of change, in two tenants, they must answer the same.
 */
describe('the dashboard’s rollups of events and trained participants', () => {
  let app: TestApp;
  let acme: string;
  let beta: string;
  let workshop: string;
  let course: string;

  const read = <T>(
    tenantId: string,
    statement: string,
    schema: RowSchema<T>,
    params: readonly unknown[] = SEES_ALL,
  ): Promise<T[]> =>
    inTransaction(app.running.databases.app, { tenantId }, (m) =>
      sql(m, statement, params, schema),
    );

  const figures = async (
    rollup: boolean,
    tenantId: string,
    params: readonly unknown[] = SEES_ALL,
  ) => {
    const [events, participants, map] = rollup
      ? [EVENTS_ROLLUP_STATEMENT, PARTICIPANTS_ROLLUP_STATEMENT, MAP_PARTICIPANTS_ROLLUP_STATEMENT]
      : [EVENTS_STATEMENT, PARTICIPANTS_STATEMENT, MAP_PARTICIPANTS_STATEMENT];
    const counts = [
      ...(await read(tenantId, events, Count, params)).map((row) => ({ ...row, of: 'events' })),
      ...(await read(tenantId, participants, Count, params)).map((row) => ({
        ...row,
        of: 'people',
      })),
    ];
    const states = await read(tenantId, map, StateValue, params);
    return [
      ...counts.map((row) => `${row.of} ${row.dimension} ${row.year} ${row.key}=${row.count}`),
      ...states.map((row) => `map ${row.state}=${row.value}`),
    ].sort();
  };

  /** The rollups answer what counting answers, in both tenants, and hold nothing below zero. */
  const expectInStep = async () => {
    for (const tenantId of [acme, beta]) {
      for (const params of [SEES_ALL, AFRICAN, EUROPE]) {
        expect(await figures(true, tenantId, params)).toEqual(
          await figures(false, tenantId, params),
        );
      }
    }
    const [negative] = await ownerQuery(
      app,
      `select (select count(*) from dashboard_rollups where trained < 0)
            + (select count(*) from dashboard_event_rollups where events < 0) as count`,
    );
    expect(Number((negative as { count: string }).count)).toBe(0);
    return figures(true, acme);
  };

  /** Runs `statement` in acme as the application role, as the API's writes do. */
  const change = (statement: string, params: unknown[] = []) =>
    inTransaction(app.running.databases.app, { tenantId: acme }, (m) =>
      sql(m, statement, [acme, ...params]),
    );

  const nomination = async (eventId: string, name: string) => {
    const [row] = await ownerQuery(
      app,
      `select n.id from nominations n join participants p on p.tenant_id = n.tenant_id
          and p.id = n.participant_id
        where n.event_id = $1 and p.full_name = $2`,
      [eventId, name],
    );
    return (row as { id: string }).id;
  };

  beforeAll(async () => {
    app = await startTestApp();
    const ds = app.running.databases.app;
    acme = await createTenant(ds, { slug: 'acme', name: 'Acme' });
    beta = await createTenant(ds, { slug: 'beta', name: 'Beta' });
    workshop = await reportEvent(
      ds,
      acme,
      {
        title: 'Nairobi workshop',
        type: 'regional_workshop',
        areas: ['financing'],
        venue: 'KEN',
        hostStates: ['KEN'],
        day: '2025-03-10',
        status: 'held',
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
        { state: 'KEN', sex: 'other', status: 'nominated' },
      ],
    );
    course = await reportEvent(
      ds,
      acme,
      {
        title: 'Course',
        type: 'training_course',
        areas: ['training'],
        venue: 'UGA',
        hostStates: ['UGA'],
        day: '2025-12-31',
        status: 'held',
      },
      [
        { state: 'UGA', sex: 'male', status: 'approved', attendance: { '2025-12-31': 'attended' } },
        {
          state: 'KEN',
          sex: 'female',
          status: 'approved',
          attendance: { '2025-12-31': 'attended' },
        },
      ],
    );
    await reportEvent(
      ds,
      beta,
      {
        title: 'Beta seminar',
        type: 'regional_workshop',
        areas: ['financing'],
        venue: 'KEN',
        hostStates: ['KEN'],
        day: '2025-05-05',
        status: 'held',
      },
      [
        {
          state: 'KEN',
          sex: 'female',
          status: 'approved',
          attendance: { '2025-05-05': 'attended' },
        },
      ],
    );
  });

  afterAll(() => app.close());

  it('holds what counting finds, from the events’ creation on', async () => {
    const figures = await expectInStep();
    expect(figures).toContain('people total 2025 null=5');
    expect(figures).toContain('events total 2025 null=2');
    expect(figures).toContain('map KEN=3');
  });

  it('follows attendance: a check-in, a second day, an absence, a deletion', async () => {
    const uganda = await nomination(workshop, 'Person 2 of Nairobi workshop');
    await change(
      `update attendance set status = 'attended' where tenant_id = $1 and nomination_id = $2`,
      [uganda],
    );
    expect(await expectInStep()).toContain('map UGA=2');
    // A second day counts the same person once.
    await change(
      `insert into attendance (tenant_id, nomination_id, day, status) values ($1, $2, '2025-03-11', 'attended')`,
      [uganda],
    );
    expect(await expectInStep()).toContain('map UGA=2');
    await change(
      `update attendance set status = 'absent' where tenant_id = $1 and nomination_id = $2 and day = '2025-03-10'`,
      [uganda],
    );
    expect(await expectInStep()).toContain('map UGA=2');
    await change(`delete from attendance where tenant_id = $1 and nomination_id = $2`, [uganda]);
    expect(await expectInStep()).toContain('map UGA=1');
  });

  it('follows the nomination: a withdrawal and a corrected sex, audience or State', async () => {
    const kenyan = await nomination(workshop, 'Person 0 of Nairobi workshop');
    await change(
      `update nominations set sex = 'other', audience = 'judges' where tenant_id = $1 and id = $2`,
      [kenyan],
    );
    expect(await expectInStep()).toContain('people sex 2025 other=1');
    await change(
      `update nominations set member_state_code = 'TZA' where tenant_id = $1 and id = $2`,
      [kenyan],
    );
    expect(await expectInStep()).toContain('map TZA=1');
    await change(
      `update nominations set status = 'withdrawn', confirmation = null where tenant_id = $1 and id = $2`,
      [kenyan],
    );
    expect(await expectInStep()).not.toContain('map TZA=1');
    await change(
      `update nominations set status = 'approved', confirmation = 'confirmed' where tenant_id = $1 and id = $2`,
      [kenyan],
    );
    expect(await expectInStep()).toContain('map TZA=1');
  });

  it('follows the event: cancelled and restored, moved to another year, deleted', async () => {
    await change(`update events set status = 'cancelled' where tenant_id = $1 and id = $2`, [
      course,
    ]);
    expect(await expectInStep()).not.toContain('map UGA=2');
    await change(`update events set status = 'held' where tenant_id = $1 and id = $2`, [course]);
    await expectInStep();
    await change(
      `update events set starts_at = starts_at + interval '400 days', ends_at = ends_at + interval '400 days'
        where tenant_id = $1 and id = $2`,
      [course],
    );
    const moved = await expectInStep();
    expect(moved).toContain('people total 2027 null=2');
    expect(moved).toContain('events total 2027 null=1');
    await change(`delete from events where tenant_id = $1 and id = $2`, [course]);
    expect((await expectInStep()).some((line) => line.includes(' 2027 '))).toBe(false);
    const [left] = await ownerQuery(
      app,
      `select count(*)::int as count from dashboard_trained where tenant_id = $1 and year = 2027`,
      [acme],
    );
    expect(left).toEqual({ count: 0 });
  });

  it('counts a person once when many check-ins of theirs and their State race', async () => {
    const french = await nomination(workshop, 'Person 3 of Nairobi workshop');
    const others = await ownerQuery(
      app,
      `select id from nominations where event_id = $1 and status = 'approved'`,
      [workshop],
    );
    const ids = (others as { id: string }[]).map((row) => row.id);
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        change(
          `insert into attendance (tenant_id, nomination_id, day, status)
           values ($1, $2, date '2025-04-01' + $3::int, 'attended')
           on conflict do nothing`,
          [index % 2 === 0 ? french : ids[index % ids.length], index],
        ),
      ),
    );
    expect(await expectInStep()).toContain('map FRA=1');
  });

  it('follows what an event counts by: its type, areas, place, a new event and a draft', async () => {
    await change(
      `update events set type = 'webinar', thematic_areas = '{human_rights,training,financing}'
        where tenant_id = $1 and id = $2`,
      [workshop],
    );
    expect(await expectInStep()).toContain('events area 2025 human_rights=1');
    await change(
      `update events set venue_country = null, host_states = '{FRA}' where tenant_id = $1 and id = $2`,
      [workshop],
    );
    expect(await expectInStep()).toContain('events region 2025 europe=1');
    await change(`update events set host_states = '{}' where tenant_id = $1 and id = $2`, [
      workshop,
    ]);
    expect(await expectInStep()).toContain('events region 2025 none=1');
    await change(
      `insert into events (tenant_id, type, title, thematic_areas, format, meeting_link, starts_at,
                           ends_at, time_zone, working_languages, host_states, status)
       values ($1, 'webinar', 'Two webinars', '{training}', 'virtual', 'https://meet.example.org/w',
               '2024-06-01T10:00Z', '2024-06-01T12:00Z', 'UTC', '{en}', '{KEN}', 'draft'),
              ($1, 'webinar', 'Two webinars', '{training}', 'virtual', 'https://meet.example.org/w',
               '2024-07-01T10:00Z', '2024-07-01T12:00Z', 'UTC', '{en}', '{KEN}', 'planned')`,
    );
    const added = await expectInStep();
    expect(added).toContain('events total 2024 null=1');
    await change(
      `update events set status = 'planned' where tenant_id = $1 and title = 'Two webinars'`,
    );
    expect(await expectInStep()).toContain('events total 2024 null=2');
    await change(`delete from events where tenant_id = $1 and title = 'Two webinars'`);
    expect((await expectInStep()).some((line) => line.includes(' 2024 '))).toBe(false);
  });

  it('answers only who sees every event', async () => {
    expect(await read(acme, EVENTS_ROLLUP_STATEMENT, Count, FOCAL_POINT)).toEqual([]);
    expect(await read(acme, PARTICIPANTS_ROLLUP_STATEMENT, Count, FOCAL_POINT)).toEqual([]);
    expect(await read(acme, MAP_PARTICIPANTS_ROLLUP_STATEMENT, StateValue, FOCAL_POINT)).toEqual(
      [],
    );
  });

  it('changes nothing when participants are anonymised', async () => {
    const before = await expectInStep();
    await ownerQuery(
      app,
      `update participants set full_name = 'x', email = id::text || '@anon.invalid'`,
    );
    await ownerQuery(app, `update nominations set function_title = '', institution = ''`);
    expect(await expectInStep()).toEqual(before);
  });
});
