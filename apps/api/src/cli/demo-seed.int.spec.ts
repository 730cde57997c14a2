import { assessmentChange, defaultQuestionnaire, scoreAssessment } from '@convene/domain';
import { loadConfig } from '../config/app-config';
import { type Databases, openDatabases } from '../db/data-source.factory';
import { createTestDatabase } from '../testing/test-database';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderStore } from '../storage/storage';
import { historyAttendance } from '../reports/reports.demo';
import { seedDemo } from './demo-seed';
import { AuditService } from '../audit/audit.service';
import { requestContext } from '../db/request-context';
import { inTransaction } from '../db/transaction';
import { IatiService } from '../delivery/iati.service';
import { iatiSchemaErrors } from '../delivery/iati-schema.testing';

describe('the demo seed', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let databases: Databases;
  let files: string;
  let store: FolderStore;

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'convene-demo-files-'));
    store = new FolderStore(files);
    database = await createTestDatabase();
    databases = await openDatabases(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, APP_SECRET: 'd'.repeat(32) }),
    );
    await databases.migrate();
  });

  afterAll(async () => {
    await databases.close();
    await database.drop();
    await rm(files, { recursive: true, force: true });
  });

  it('seeds two tenants, their people and a few events once, and never again', async () => {
    expect(await seedDemo(databases.app, store)).toBe(true);
    const counts = async () =>
      (await database.query(
        `select (select count(*)::int from tenants where slug in ('demo', 'northwind')) as tenants,
                (select count(*)::int from memberships) as memberships,
                (select count(*)::int from events) as events,
                (select count(*)::int from agenda_sessions) as sessions,
                (select count(*)::int from mail_outbox where status = 'failed') as failed_mail`,
      )) as {
        tenants: number;
        memberships: number;
        events: number;
        sessions: number;
        failed_mail: number;
      }[];
    const first = await counts();
    // One bounced invitation, so the Mail page shows a failure from the first start; eight
    // events, one of them running today for the check-in page, three past ones for
    // recommendations. Five more experts join Camille in the demo's roster (experts.demo.ts).
    // And eleven closed events of the past years for the dashboard and the map (reports.demo.ts).
    expect(first).toEqual([
      { tenants: 2, memberships: 11, events: 8 + 11, sessions: 3, failed_mail: 1 },
    ]);
    expect(await seedDemo(databases.app, store)).toBe(false);
    expect(await counts()).toEqual(first);
  });

  it('fills the experts’ screens: profiles, assignments in every status, declarations filed and missing', async () => {
    const [row] = (await database.query(
      `select (select count(*)::int from expert_profiles) as profiles,
              (select count(*)::int from expert_notes) as notes,
              (select array_agg(distinct status order by status) from expert_assignments)
                as statuses,
              (select count(*)::int from expert_assignments
                where status = 'declined' and decline_reason is not null) as declined_with_reason,
              (select count(*)::int from expert_declarations where has_interests) as with_interests,
              (select count(*)::int from expert_assignments a
                where a.status = 'accepted' and not exists (
                  select from expert_declarations d
                   where d.event_id = a.event_id and d.user_id = a.user_id)) as missing,
              (select count(distinct ms.regional_group)::int from expert_profiles p
                 join member_states ms on ms.alpha3 = p.nationality) as groups`,
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      profiles: 6,
      notes: 2,
      statuses: ['accepted', 'asked', 'declined', 'withdrawn'],
      declined_with_reason: 1,
      with_interests: 1,
      missing: expect.any(Number),
      groups: 5,
    });
    expect(row?.['missing']).toBeGreaterThan(0);
  });

  it('fills documents: the reported event’s published report, a presentation in two languages, library editions, every file stored', async () => {
    const [row] = (await database.query(
      `select (select count(*)::int from documents d join events e on e.id = d.event_id
                where d.kind = 'meeting_report' and d.published_at is not null
                  and e.status = 'reported') as published_reports,
              (select count(distinct v.language)::int from document_versions v
                 join documents d on d.id = v.document_id where d.kind = 'presentation')
                as presentation_languages,
              (select count(*)::int from documents where event_id is null) as library,
              (select count(*)::int from document_versions where not is_current) as old_versions,
              (select array_agg(storage_key) from document_versions) as keys`,
    )) as {
      published_reports: number;
      presentation_languages: number;
      library: number;
      old_versions: number;
      keys: string[];
    }[];
    expect(row).toMatchObject({
      published_reports: 1,
      presentation_languages: 2,
      library: 2,
      old_versions: 2,
    });
    for (const key of row?.keys ?? [])
      expect((await store.read(key)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives two experts of the roster a stored CV, and Camille none (the browser test uploads it)', async () => {
    const rows = (await database.query(
      `select u.email, c.file_name, c.storage_key from expert_cvs c join users u on u.id = c.user_id
        order by u.email`,
    )) as { email: string; file_name: string; storage_key: string }[];
    expect(rows.map((row) => row.email)).toEqual([
      'ahmed.elsayed@expert.example',
      'olena.kovalenko@expert.example',
    ]);
    for (const row of rows)
      expect((await store.read(row.storage_key)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('fills participation: every status of invitations and nominations, links, attendance on the past event', async () => {
    const [row] = (await database.query(
      `select (select array_agg(distinct status order by status) from event_invitations)
                as invitation_statuses,
              (select count(*)::int from event_invitations where seats_request_status = 'pending')
                as pending_seat_requests,
              (select array_agg(distinct status order by status) from nominations)
                as nomination_statuses,
              (select array_agg(distinct confirmation order by confirmation) from nominations
                where confirmation is not null) as confirmations,
              (select count(*)::int from nominations
                where status = 'declined' and decision_reason is not null) as declined_with_reason,
              (select count(distinct member_state_code)::int from nominations) as states,
              (select count(*)::int from nominations n
                where n.status = 'approved' and n.check_in_code is null) as approved_without_code,
              (select count(*)::int from nominations n
                where n.status = 'approved' and (select count(*) from participant_links l
                                                  where l.nomination_id = n.id) <> 2)
                as approved_without_links,
              (select count(*)::int from nominations n
                where not exists (select from consent_attestations c where c.nomination_id = n.id))
                as without_consent,
              (select count(*)::int from attendance a join nominations n on n.id = a.nomination_id
                 join events e on e.id = n.event_id where e.ends_at > now()) as attendance_ahead,
              (select count(*)::int from attendance) as attendance,
              (select count(*)::int from certificates) as certificates`,
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      invitation_statuses: ['accepted', 'declined', 'invited', 'withdrawn'],
      pending_seat_requests: 1,
      nomination_statuses: ['approved', 'declined', 'nominated', 'waitlisted', 'withdrawn'],
      confirmations: ['confirmed', 'declined', 'pending'],
      declined_with_reason: 1,
      states: expect.any(Number),
      approved_without_code: 0,
      approved_without_links: 0,
      without_consent: 0,
      attendance_ahead: 0,
      attendance: 16 + historyAttendance(),
      certificates: 7,
    });
    expect(row?.['states']).toBeGreaterThanOrEqual(12);
  });

  it('marks a demo event announced when its history says it left draft, and a draft not', async () => {
    const rows = (await database.query(
      `select e.status, e.announced_at = (select min(h.at) from event_history h
                                            where h.event_id = e.id and h.from_status = 'draft')
                as announced_with_its_first_step,
              e.announced_at is null as never_announced
         from events e order by e.starts_at`,
    )) as {
      status: string;
      announced_with_its_first_step: boolean | null;
      never_announced: boolean;
    }[];
    expect(rows).toHaveLength(8 + 11);
    for (const row of rows) {
      expect({
        status: row.status,
        announced:
          row.status === 'draft' ? !row.never_announced : row.announced_with_its_first_step,
      }).toEqual({ status: row.status, announced: row.status !== 'draft' });
    }
  });

  it('gives each demo event the history that led to its status, in order, before now', async () => {
    const rows = (await database.query(
      `select e.status,
              coalesce(array_agg(h.to_status order by h.at) filter (where h.id is not null),
                       '{}') as path,
              bool_and(h.at <= now()) as past,
              bool_and(h.at > e.created_at) as after_creation,
              bool_and(h.action not in ('mark_held', 'report', 'close') or h.at >= e.ends_at)
                as held_after_the_event
         from events e left join event_history h on h.event_id = e.id
        group by e.id, e.status`,
    )) as {
      status: string;
      path: string[];
      past: boolean | null;
      after_creation: boolean | null;
      held_after_the_event: boolean;
    }[];
    expect(rows).toHaveLength(8 + 11);
    for (const row of rows) {
      if (row.status === 'draft') {
        expect(row.path).toEqual([]);
        continue;
      }
      expect(row.path.at(-1)).toBe(row.status);
      expect(row.path[0]).toBe('planned');
      expect(row.past).toBe(true);
      expect(row.after_creation).toBe(true);
      expect(row.held_after_the_event).toBe(true);
    }
    expect(rows.find((row) => row.status === 'reported')?.path).toEqual([
      'planned',
      'open_for_nominations',
      'nominations_closed',
      'confirmed',
      'held',
      'reported',
    ]);
  });

  it('fills recommendations: several States, every follow-up status, history with a focal point’s note', async () => {
    const [row] = (await database.query(
      `select (select array_agg(distinct status order by status) from recommendations) as statuses,
              (select count(distinct state)::int from recommendations, unnest(addressed_states) state)
                as states,
              (select count(*)::int from recommendations where addressed_to_organisation) as to_organisation,
              (select count(*)::int from recommendations where cardinality(addressed_partners) > 0)
                as to_partners,
              (select count(*)::int from recommendation_follow_ups where member_state_code = 'KEN')
                as focal_notes,
              (select count(*)::int from recommendations r
                where (select f.to_status from recommendation_follow_ups f
                        where f.recommendation_id = r.id and f.to_status is not null
                        order by f.at desc limit 1) is distinct from r.status) as history_disagrees,
              (select count(*)::int from recommendations r join events e on e.id = r.event_id
                where e.status not in ('held', 'reported', 'closed')) as before_held,
              (select count(*)::int from expert_assignments a join events e on e.id = a.event_id
                where a.role = 'rapporteur' and a.status = 'accepted'
                  and e.venue_city = 'Kampala') as rapporteurs`,
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      statuses: ['implemented', 'in_progress', 'not_pursued', 'open'],
      states: 7,
      to_organisation: 3,
      to_partners: 1,
      focal_notes: 1,
      history_disagrees: 0,
      before_held: 0,
      rapporteurs: 1,
    });
  });

  it('fills needs assessments: Kenya a year apart, validated, gaps that moved; others in progress', async () => {
    const rows = (await database.query(
      `select member_state_code::text as state, status, answers,
              extract(day from now() - created_at)::int as days_ago
         from needs_assessments order by created_at`,
    )) as {
      state: string;
      status: string;
      answers: Record<string, { rating: number | null }>;
      days_ago: number;
    }[];
    const kenya = rows.filter((row) => row.state === 'KEN');
    expect(kenya.map((row) => row.status)).toEqual(['validated', 'validated']);
    const [then, now] = kenya;
    if (!then || !now) throw new Error('no Kenyan assessments');
    expect(then.days_ago - now.days_ago).toBeGreaterThanOrEqual(360);
    const ratings = (row: (typeof rows)[number]) =>
      Object.fromEntries(Object.entries(row.answers).map(([key, answer]) => [key, answer.rating]));
    const before = scoreAssessment(defaultQuestionnaire(), ratings(then));
    const after = scoreAssessment(defaultQuestionnaire(), ratings(now));
    expect(before.answered).toBe(72);
    expect(after.overall).toBeLessThan(before.overall ?? 0);
    const change = assessmentChange(
      { questions: defaultQuestionnaire(), ratings: ratings(now) },
      { questions: defaultQuestionnaire(), ratings: ratings(then) },
    );
    const financing = change.areas.find((area) => area.area === 'financing');
    expect(financing?.change).toBeLessThan(0);
    expect(
      rows
        .filter((row) => row.state !== 'KEN')
        .map((row) => row.status)
        .sort(),
    ).toEqual(['draft', 'submitted']);
    const [questionnaire] = (await database.query(
      `select number, status, jsonb_array_length(questions)::int as questions from assessment_questionnaires`,
    )) as Record<string, unknown>[];
    expect(questionnaire).toEqual({ number: 2, status: 'draft', questions: 73 });
  });

  it('fills the dashboard and the map: trained participants in five years, every region', async () => {
    const [row] = (await database.query(
      `select count(distinct extract(year from e.starts_at))::int as years,
              count(distinct ms.geographic_region)::int as regions,
              count(distinct n.sex)::int as sexes,
              count(distinct n.member_state_code)::int as states
         from events e
         join tenants t on t.id = e.tenant_id and t.slug = 'demo'
         join nominations n on n.tenant_id = e.tenant_id and n.event_id = e.id
         join member_states ms on ms.alpha3 = n.member_state_code
        where e.status = 'closed'
          and exists (select from attendance a
                       where a.tenant_id = n.tenant_id and a.nomination_id = n.id
                         and a.status = 'attended')`,
    )) as { years: number; regions: number; sexes: number; states: number }[];
    expect(row).toEqual({ years: 5, regions: 5, sexes: 3, states: expect.any(Number) });
    expect(row?.states).toBeGreaterThan(40);
  });

  it('fills tool delivery: example editions, deliveries across regions, a workshop hand-out, a valid IATI file', async () => {
    const [row] = (await database.query(
      `select (select count(*)::int from tool_editions where is_example) as examples,
              (select count(*)::int from tool_editions where not is_example) as real_editions,
              (select array_agg(distinct language order by language) from tool_editions) as languages,
              (select array_agg(distinct format order by format) from tool_editions) as formats,
              (select count(distinct member_state_code)::int from tool_deliveries) as states,
              (select count(distinct ms.geographic_region)::int from tool_deliveries d
                 join member_states ms on ms.alpha3 = d.member_state_code) as regions,
              (select array_agg(d.member_state_code::text || ':' || d.quantity
                                order by d.member_state_code)
                 from tool_deliveries d where d.batch_id is not null) as hand_out`,
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      examples: 7,
      real_editions: 0,
      languages: ['ar', 'en', 'es', 'fr', 'ru', 'zh'],
      formats: ['elearning', 'pdf', 'print'],
      states: 23,
      regions: 5,
      // The reported workshop: Kenya's three attended (Hassan Abdi was absent), Uganda's and
      // Tanzania's two each (participation.demo.ts).
      hand_out: ['KEN:3', 'TZA:2', 'UGA:2'],
    });
    const [tenant] = (await database.query(`select id from tenants where slug = 'demo'`)) as {
      id: string;
    }[];
    const xml = await inTransaction(databases.app, { tenantId: tenant?.id ?? '' }, (manager) =>
      requestContext.run(
        {
          manager,
          user: null,
          tenant: {
            id: tenant?.id ?? '',
            slug: 'demo',
            name: 'demo',
            membershipId: '',
            role: 'programme_officer',
            memberStateCode: null,
          },
        },
        () => new IatiService(new AuditService()).activitiesFile(),
      ),
    );
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    // Every event past draft: seven of the eight (the training of trainers is a draft), and
    // the eleven closed events of past years that fill the dashboard.
    expect(xml.match(/<iati-activity /g)).toHaveLength(7 + 11);
    expect(xml).toContain('<dimension name="sex" value="female"/>');
  });

  it('fills requests: every status, history that agrees, Kenya’s focal point owning several, one in delivery through the held workshop', async () => {
    const [row] = (await database.query(
      `select (select array_agg(distinct status order by status) from assistance_requests)
                as statuses,
              (select count(*)::int from assistance_requests r join users u on u.id = r.created_by
                where u.email = 'focal@demo.example' and r.member_state_code = 'KEN') as kenyan,
              (select count(*)::int from assistance_requests r
                where (select h.to_status from request_history h where h.request_id = r.id
                        order by h.at desc limit 1) is distinct from r.status) as history_disagrees,
              (select count(*)::int from assistance_requests r
                join request_events re on re.request_id = r.id
                join events e on e.id = re.event_id
                where e.status = 'held' and r.status = 'in_delivery') as through_held,
              (select count(*)::int from request_messages where internal) as internal_notes`,
    )) as Record<string, unknown>[];
    expect(row).toEqual({
      statuses: [
        'approved',
        'completed',
        'declined',
        'draft',
        'in_assessment',
        'in_delivery',
        'information_requested',
        'planned',
        'resubmitted',
        'submitted',
        'withdrawn',
      ],
      kenyan: 5,
      history_disagrees: 0,
      through_held: 1,
      internal_notes: 1,
    });
  });
});
