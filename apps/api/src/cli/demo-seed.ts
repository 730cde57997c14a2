import type { EventAction, EventStatus, Role } from '@convene/contracts';
import { allowedActions, transition, type TransitionResult } from '@convene/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { seedExpertsDemo } from '../experts/experts.demo';
import { seedParticipationDemo } from '../participation/participation.demo';
import { addMember, createTenant } from '../tenants/tenant-provisioning';
import { seedAttendanceDemo } from '../participation/attendance.demo';
import { seedRecommendationsDemo } from '../recommendations/recommendations.demo';
import { seedAssessmentsDemo } from '../assessments/assessments.demo';
import { seedReportsDemo } from '../reports/reports.demo';
import { seedDocumentsDemo } from '../documents/documents.demo';
import { seedExpertCvsDemo } from '../experts/expert-cv.demo';
import { seedDeliveryDemo } from '../delivery/delivery.demo';
import { seedPrivacyDemo } from '../privacy/privacy.demo';
import { seedRequestsDemo } from '../requests/requests.demo';
import type { ObjectStore } from '../storage/storage';

export const DEMO_PASSWORD = 'Convene-demo-2026';

interface DemoPerson {
  tenant: 'demo' | 'northwind';
  email: string;
  name: string;
  role: Role;
  memberStateAlpha3?: string;
  preferredLanguage?: string;
  description: string;
}

const PEOPLE: DemoPerson[] = [
  {
    tenant: 'demo',
    email: 'admin@demo.example',
    name: 'Amina Haddad',
    role: 'tenant_admin',
    description: 'tenant admin of demo',
  },
  {
    tenant: 'demo',
    email: 'officer@demo.example',
    name: 'Lukas Berger',
    role: 'programme_officer',
    description: 'programme officer of demo (also expert in northwind)',
  },
  {
    tenant: 'demo',
    email: 'focal@demo.example',
    name: 'Wanjiru Kamau',
    role: 'focal_point',
    memberStateAlpha3: 'KEN',
    description: 'focal point for Kenya in demo',
  },
  {
    tenant: 'demo',
    email: 'expert@demo.example',
    name: 'Camille Laurent',
    role: 'expert',
    preferredLanguage: 'fr',
    description: 'expert in demo (French interface)',
  },
  {
    tenant: 'northwind',
    email: 'admin@northwind.example',
    name: 'Sofia Lindqvist',
    role: 'tenant_admin',
    description: 'tenant admin of northwind',
  },
  {
    tenant: 'northwind',
    email: 'officer@demo.example',
    name: 'Lukas Berger',
    role: 'expert',
    description: '',
  },
];

export const DEMO_SIGN_INS = PEOPLE.filter((person) => person.description !== '');

/**
 * Two tenants, one person per role, in development only. Runs once: if the
 * demo tenant exists, nothing is touched.
 */
export async function seedDemo(dataSource: DataSource, store: ObjectStore): Promise<boolean> {
  const exists = await inTransaction(dataSource, {}, (manager) =>
    sql(manager, `select 1 from tenants where slug = 'demo'`),
  );
  if (exists.length > 0) return false;
  const tenants = {
    demo: await createTenant(dataSource, {
      slug: 'demo',
      name: 'Terrorism Prevention Branch (demo)',
    }),
    northwind: await createTenant(dataSource, {
      slug: 'northwind',
      name: 'Northwind Regional Academy',
    }),
  };
  const ids = new Map<string, string>();
  for (const person of PEOPLE) {
    const member = await addMember(dataSource, tenants[person.tenant], {
      ...person,
      password: DEMO_PASSWORD,
    });
    ids.set(person.email, member.userId);
  }
  await seedDemoEvents(dataSource, tenants.demo, {
    officer: ids.get('officer@demo.example') ?? null,
    expert: ids.get('expert@demo.example') ?? null,
  });
  await seedBouncedInvitation(dataSource, tenants.demo);
  // Invitations, nominations in every state, links, attendance and certificates on the events.
  await seedParticipationDemo(dataSource, tenants.demo, {
    officer: ids.get('officer@demo.example') ?? null,
    focal: ids.get('focal@demo.example') ?? null,
  });
  // Participation (issue 12): each part's own demo rows.
  await seedAttendanceDemo(dataSource, tenants.demo);
  // Experts and outputs (issue 13): recommendations of the past meetings, followed up.
  await seedRecommendationsDemo(dataSource, tenants.demo, {
    officer: ids.get('officer@demo.example') ?? null,
    focal: ids.get('focal@demo.example') ?? null,
    expert: ids.get('expert@demo.example') ?? null,
  });
  // Experts (issue 13): the roster, assignments in every status, declarations, notes.
  await seedExpertsDemo(
    dataSource,
    tenants.demo,
    DEMO_PASSWORD,
    ids.get('officer@demo.example') ?? null,
  );
  // Documents (issue 13): the reported workshop's report and papers, and the library.
  await seedDocumentsDemo(dataSource, store, tenants.demo, {
    officer: ids.get('officer@demo.example') ?? null,
    expert: ids.get('expert@demo.example') ?? null,
  });
  // Expert CVs (issue 13, finishing): two experts of the roster have one.
  await seedExpertCvsDemo(dataSource, store, tenants.demo, ids.get('officer@demo.example') ?? null);
  // Needs assessments (issue 14): Kenya a year apart, validated; others in progress.
  await seedAssessmentsDemo(dataSource, tenants.demo, {
    officer: ids.get('officer@demo.example') ?? null,
    focal: ids.get('focal@demo.example') ?? null,
    admin: ids.get('admin@demo.example') ?? null,
  });
  // Coverage map and dashboard (issue 15): the programme's past years, in every region.
  await seedReportsDemo(dataSource, tenants.demo, {
    officer: ids.get('officer@demo.example') ?? null,
    history: seedHistory,
  });
  // Tool delivery (issue 15): example editions, deliveries across regions, a workshop hand-out.
  await seedDeliveryDemo(dataSource, tenants.demo, ids.get('officer@demo.example') ?? null);
  // Assistance requests (issue 14): every status, Kenya's focal point owning several.
  await seedRequestsDemo(dataSource, tenants.demo, {
    officer: ids.get('officer@demo.example') ?? null,
    focal: ids.get('focal@demo.example') ?? null,
  });
  // Privacy (issue 16): the record of requests holds last year's export of a person's data.
  await seedPrivacyDemo(dataSource, tenants.demo, ids.get('admin@demo.example') ?? null);
  return true;
}

interface DemoEvent {
  title: string;
  type: string;
  summary: string;
  themes: string[];
  format: 'in_person' | 'virtual' | 'hybrid';
  venue: [name: string, city: string, country: string, zone: string] | null;
  /** Days from today, and how many days it lasts. */
  inDays: number;
  days: number;
  hosts: string[];
  status: EventStatus;
  isPublic?: boolean;
  withAgenda?: boolean;
}

const EVENTS: DemoEvent[] = [
  {
    title: 'Regional workshop on digital evidence for East Africa',
    type: 'regional_workshop',
    summary: 'Collecting, preserving and sharing electronic evidence across borders.',
    themes: ['investigations_digital_evidence', 'international_cooperation'],
    format: 'hybrid',
    venue: ['UN Gigiri', 'Nairobi', 'KEN', 'Africa/Nairobi'],
    inDays: 12,
    days: 3,
    hosts: ['KEN', 'UGA', 'TZA'],
    status: 'open_for_nominations',
    isPublic: true,
    withAgenda: true,
  },
  {
    title: 'Expert group meeting on online propaganda',
    type: 'expert_group_meeting',
    summary: 'How platforms, prosecutors and researchers see terrorist content online.',
    themes: ['propaganda', 'private_sector_cooperation'],
    format: 'in_person',
    venue: ['Vienna International Centre', 'Vienna', 'AUT', 'Europe/Vienna'],
    inDays: 40,
    days: 2,
    hosts: ['AUT'],
    status: 'planned',
  },
  {
    title: 'Webinar: financing of terrorism through crypto-assets',
    type: 'webinar',
    summary: 'Tracing flows on public blockchains, for investigators and prosecutors.',
    themes: ['financing'],
    format: 'virtual',
    venue: null,
    inDays: 5,
    days: 1,
    hosts: [],
    status: 'confirmed',
    isPublic: true,
  },
  {
    title: 'National workshop on prosecution and adjudication',
    type: 'national_workshop',
    summary: 'Trying cases built on digital evidence, for judges and prosecutors.',
    themes: ['prosecution_adjudication', 'human_rights'],
    format: 'in_person',
    venue: ['Kenya School of Government', 'Nairobi', 'KEN', 'Africa/Nairobi'],
    inDays: -30,
    days: 2,
    hosts: ['KEN'],
    status: 'reported',
  },
  // Past meetings whose recommendations the demo records and follows up (recommendations.demo.ts).
  {
    title: 'Expert group meeting on the use of the Internet for terrorist purposes',
    type: 'expert_group_meeting',
    summary: 'Experts and Member States review the draft of the technical assistance tool.',
    themes: ['international_cooperation', 'investigations_digital_evidence', 'human_rights'],
    format: 'in_person',
    venue: ['Vienna International Centre', 'Vienna', 'AUT', 'Europe/Vienna'],
    inDays: -420,
    days: 2,
    hosts: [],
    status: 'closed',
    isPublic: true,
  },
  {
    title: 'Sub-regional workshop on international cooperation in terrorism cases',
    type: 'regional_workshop',
    summary: 'Central authorities and prosecutors practise mutual legal assistance requests.',
    themes: ['international_cooperation', 'legal_policy_frameworks'],
    format: 'in_person',
    venue: ['Kampala Serena Hotel', 'Kampala', 'UGA', 'Africa/Kampala'],
    inDays: -6,
    days: 2,
    hosts: ['UGA'],
    status: 'held',
  },
  {
    title: 'Training of trainers: legal and policy frameworks',
    type: 'training_of_trainers',
    summary: 'A course for national trainers on the tool’s legal chapters.',
    themes: ['legal_policy_frameworks'],
    format: 'in_person',
    venue: ['Palais des Nations', 'Geneva', 'CHE', 'Europe/Zurich'],
    inDays: 75,
    days: 4,
    hosts: [],
    status: 'draft',
  },
];

/** A few events around today, so the events pages have something to show. */
/**
 * One invitation the recipient's server refused for good, so the Mail page shows what a failure
 * looks like (its banner, the error, Retry) from the first start. The address is reserved
 * (RFC 2606), so a retry goes nowhere real.
 */
async function seedBouncedInvitation(dataSource: DataSource, tenantId: string): Promise<void> {
  const message = {
    kind: 'invitation',
    tenantName: 'Terrorism Prevention Branch (demo)',
    inviterName: 'Amina Haddad',
    role: 'focal_point',
    link: 'http://localhost:3000/invitation/demo-bounced',
    expiresAt: new Date(Date.now() + 6 * 86_400_000).toISOString(),
  };
  await inTransaction(dataSource, { tenantId }, (manager) =>
    sql(
      manager,
      `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status, attempts,
                                last_error, created_at, failed_at)
       values ($1, 'invitation', 'focal.point@ministry.invalid', 'en', $2, 'failed', 1,
               '550 5.1.1 <focal.point@ministry.invalid>: Recipient address rejected',
               now() - interval '3 hours', now() - interval '3 hours')`,
      [tenantId, JSON.stringify(message)],
    ),
  );
}

async function seedDemoEvents(
  dataSource: DataSource,
  tenantId: string,
  people: { officer: string | null; expert: string | null },
): Promise<void> {
  const today = new Date();
  today.setUTCHours(7, 0, 0, 0);
  const day = 24 * 3_600_000;
  await inTransaction(dataSource, { tenantId }, async (manager) => {
    for (const event of EVENTS) {
      const starts = new Date(today.getTime() + event.inDays * day);
      const ends = new Date(starts.getTime() + (event.days - 1) * day + 8 * 3_600_000);
      const [row] = await sql(
        manager,
        `insert into events (tenant_id, type, title, summary, thematic_areas, target_audiences,
                             format, venue_name, venue_city, venue_country, meeting_link,
                             starts_at, ends_at, time_zone, working_languages, interpretation,
                             capacity, host_states, organisers, responsible_officer_id,
                             is_public, status, created_by)
         values ($1, $2, $3, $4, $5, '{investigators,prosecutors}', $6, $7, $8, $9, $10, $11, $12,
                 $13, '{en,fr}', true, 40, $14, '{UNODC Terrorism Prevention Branch}', $15, $16,
                 $17, $15)
         returning id`,
        [
          tenantId,
          event.type,
          event.title,
          event.summary,
          event.themes,
          event.format,
          event.venue?.[0] ?? null,
          event.venue?.[1] ?? null,
          event.venue?.[2] ?? null,
          event.format === 'in_person' ? null : 'https://meet.example.org/convene-demo',
          starts,
          ends,
          event.venue?.[3] ?? 'UTC',
          event.hosts,
          people.officer,
          event.isPublic ?? false,
          event.status,
        ],
        z.strictObject({ id: z.guid() }),
      );
      if (!row) continue;
      await seedHistory(manager, tenantId, row.id, event.status, starts, ends, people.officer);
      if (!event.withAgenda) continue;
      const sessions = [
        ['Opening and objectives', 0, 1, 'Plenary', null],
        ['Preserving electronic evidence', 1.5, 3, 'Plenary', people.expert],
        ['Mutual legal assistance requests', 4, 6, 'Room B', null],
      ] as const;
      for (const [index, [title, from, to, room, speaker]] of sessions.entries()) {
        await sql(
          manager,
          // The speaker accepted the officer's request: the agenda names accepted experts only.
          `with speaking as (
             insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at,
                                          room)
             values ($1, $2, $3, $4, $5, $6, $7)
             returning tenant_id, event_id, id)
           insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status,
                                           asked_by, answered_at)
           select speaking.tenant_id, speaking.event_id, speaking.id, speaker, 'speaker', 'accepted',
                  $9::uuid, now()
             from speaking cross join unnest($8::uuid[]) as speaker`,
          [
            tenantId,
            row.id,
            index + 1,
            title,
            new Date(starts.getTime() + from * 3_600_000),
            new Date(starts.getTime() + to * 3_600_000),
            room,
            speaker ? [speaker] : [],
            people.officer,
          ],
        );
      }
    }
  });
}

const AFTER_THE_EVENT = new Set<EventAction>(['mark_held', 'report', 'close']);

/**
 * The history that would have brought a demo event from draft to its status, through the
 * domain's own transition(), so the timeline on the event page has something true to show:
 * planning steps spread over the weeks before the event (never later than now), the rest in
 * the days after it; the event's own created, updated and announced times fit around them.
 */
async function seedHistory(
  manager: EntityManager,
  tenantId: string,
  eventId: string,
  target: EventStatus,
  starts: Date,
  ends: Date,
  actor: string | null,
): Promise<void> {
  const steps: { action: EventAction; from: EventStatus; to: EventStatus }[] = [];
  let status: EventStatus = 'draft';
  // Forward, one step at a time: at each status the domain's next step that is neither a
  // cancellation nor a postponement.
  while (status !== target) {
    const from: EventStatus = status;
    const action: EventAction | undefined = allowedActions(from).find(
      (a) => a !== 'cancel' && a !== 'postpone',
    );
    const result: TransitionResult | null = action ? transition(from, action) : null;
    if (!action || !result?.ok) throw new Error(`demo event: ${target} is not on the main path`);
    steps.push({ action, from, to: result.to });
    status = result.to;
  }

  const day = 24 * 3_600_000;
  const now = Date.now();
  const before = steps.filter((step) => !AFTER_THE_EVENT.has(step.action));
  const lastBefore = Math.min(now - 3_600_000, starts.getTime() - 7 * day);
  const firstBefore = lastBefore - 40 * day;
  // Created before its first step, last changed at its last, as a real event would be.
  let last = firstBefore;
  // When it first left draft: the moment it was announced (null for a draft).
  let announcedAt: number | null = null;
  for (const [index, step] of steps.entries()) {
    const at = AFTER_THE_EVENT.has(step.action)
      ? Math.min(now - 3_600_000, ends.getTime() + (index - before.length + 1) * 3 * day)
      : firstBefore + ((lastBefore - firstBefore) * (index + 1)) / (before.length + 1);
    last = at;
    if (step.from === 'draft' && step.to !== 'cancelled') announcedAt ??= at;
    await sql(
      manager,
      `insert into event_history (tenant_id, event_id, action, from_status, to_status, actor_id, at)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, eventId, step.action, step.from, step.to, actor, new Date(at)],
    );
  }
  // announced_at too: the insert's trigger stamped it with today, not the seeded history's day.
  await sql(
    manager,
    `update events set created_at = $2, updated_at = $3, announced_at = $4 where id = $1`,
    [
      eventId,
      new Date(firstBefore),
      new Date(last),
      announcedAt === null ? null : new Date(announcedAt),
    ],
  );
}
