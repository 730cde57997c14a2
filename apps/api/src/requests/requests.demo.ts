import type {
  RequestModality,
  RequestPriority,
  RequestStatus,
  TargetAudience,
  ThematicArea,
} from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/**
 * The demo of assistance requests for `npm start` (apps/api/src/cli/demo-seed.ts): requests of
 * several States in every status, with the history that led there (so time in status reads
 * true), a thread with an internal note, Kenya's focal point owning several (a draft to resume,
 * one the officers asked information on, one planned, one completed by the reported national
 * workshop), and Uganda's request in delivery through the held Kampala workshop. Written with
 * SQL, as an operator's seed.
 */

interface DemoStep {
  daysAgo: number;
  action: string;
  to: RequestStatus;
  reason?: string;
  /** Who took the step: the State's focal point, an officer, or the linked events (none). */
  by: 'focal' | 'officer' | 'events';
}

interface DemoRequest {
  state: string;
  title: string;
  areas: ThematicArea[];
  audiences: TargetAudience[];
  priority: RequestPriority | null;
  modality: RequestModality | null;
  period: [string, string] | null;
  officials: number | null;
  institutions: string[];
  description: string;
  createdDaysAgo: number;
  steps: DemoStep[];
  /** Titles of demo events that answer it. */
  events?: string[];
  messages?: { daysAgo: number; by: 'focal' | 'officer'; body: string; internal?: boolean }[];
  /** Kenya's requests are drafted by the demo focal point. */
  ownedByDemoFocal?: boolean;
}

const KAMPALA_WORKSHOP = 'Sub-regional workshop on international cooperation in terrorism cases';
const NATIONAL_WORKSHOP = 'National workshop on prosecution and adjudication';
const EAST_AFRICA_WORKSHOP = 'Regional workshop on digital evidence for East Africa';

const REQUESTS: DemoRequest[] = [
  {
    state: 'KEN',
    title: 'Cybercrime investigations toolkit for the National Police Service',
    areas: ['investigations_digital_evidence'],
    audiences: ['investigators'],
    priority: null,
    modality: 'training',
    period: null,
    officials: null,
    institutions: ['National Police Service'],
    description: '',
    createdDaysAgo: 2,
    steps: [],
    ownedByDemoFocal: true,
  },
  {
    state: 'KEN',
    title: 'Legislative review of the counter-terrorism financing law',
    areas: ['financing', 'legal_policy_frameworks'],
    audiences: ['policy_makers', 'central_authorities'],
    priority: 'high',
    modality: 'legislative_advisory',
    period: ['2027-04-01', '2027-06-30'],
    officials: 12,
    institutions: ['Office of the Attorney General', 'Financial Reporting Centre'],
    description:
      'Parliament is reviewing the Prevention of Terrorism Act. We ask for a review of the ' +
      'financing provisions against the international standards and a drafting session with ' +
      'the committee’s legal counsel.',
    createdDaysAgo: 24,
    steps: [
      { daysAgo: 21, action: 'submit', to: 'submitted', by: 'focal' },
      {
        daysAgo: 9,
        action: 'request_information',
        to: 'information_requested',
        reason: 'Please attach the current bill and say which articles the committee amends.',
        by: 'officer',
      },
    ],
    messages: [
      {
        daysAgo: 9,
        by: 'officer',
        body: 'Thank you. Could you also tell us whether the Senate reviews the bill this year?',
      },
      {
        daysAgo: 8,
        by: 'officer',
        internal: true,
        body: 'Check with the legal advisory section whether a regional expert can join.',
      },
    ],
    ownedByDemoFocal: true,
  },
  {
    state: 'KEN',
    title: 'Digital evidence training for the East African region',
    areas: ['investigations_digital_evidence', 'international_cooperation'],
    audiences: ['investigators', 'prosecutors'],
    priority: 'high',
    modality: 'regional_workshop',
    period: ['2027-01-15', '2027-03-31'],
    officials: 30,
    institutions: ['Directorate of Criminal Investigations', 'ODPP'],
    description:
      'Investigators and prosecutors of the region need a shared practice for requesting and ' +
      'preserving electronic evidence held abroad.',
    createdDaysAgo: 120,
    steps: [
      { daysAgo: 115, action: 'submit', to: 'submitted', by: 'focal' },
      { daysAgo: 100, action: 'start_assessment', to: 'in_assessment', by: 'officer' },
      { daysAgo: 80, action: 'approve', to: 'approved', by: 'officer' },
      { daysAgo: 60, action: 'events_planned', to: 'planned', by: 'events' },
    ],
    events: [EAST_AFRICA_WORKSHOP],
    ownedByDemoFocal: true,
  },
  {
    state: 'KEN',
    title: 'Prosecution and adjudication of terrorism cases',
    areas: ['prosecution_adjudication', 'human_rights'],
    audiences: ['prosecutors', 'judges'],
    priority: 'medium',
    modality: 'national_workshop',
    period: ['2026-09-01', '2026-11-30'],
    officials: 40,
    institutions: ['Judiciary Training Institute', 'ODPP'],
    description:
      'Magistrates and prosecutors handling terrorism cases asked for a workshop on evidence ' +
      'gathered online and the rights of the accused.',
    createdDaysAgo: 260,
    steps: [
      { daysAgo: 255, action: 'submit', to: 'submitted', by: 'focal' },
      { daysAgo: 240, action: 'start_assessment', to: 'in_assessment', by: 'officer' },
      { daysAgo: 220, action: 'approve', to: 'approved', by: 'officer' },
      { daysAgo: 150, action: 'events_planned', to: 'planned', by: 'events' },
      { daysAgo: 33, action: 'events_delivering', to: 'in_delivery', by: 'events' },
      { daysAgo: 20, action: 'events_completed', to: 'completed', by: 'events' },
    ],
    events: [NATIONAL_WORKSHOP],
    messages: [
      { daysAgo: 30, by: 'focal', body: 'The participants asked for the slides: thank you all.' },
    ],
    ownedByDemoFocal: true,
  },
  {
    state: 'KEN',
    title: 'Training for financial intelligence analysts',
    areas: ['financing'],
    audiences: ['investigators'],
    priority: 'medium',
    modality: 'training',
    period: ['2027-05-01', '2027-05-31'],
    officials: 15,
    institutions: ['Financial Reporting Centre'],
    description: 'Analysts need to trace crowdfunding and crypto-asset flows linked to terrorism.',
    createdDaysAgo: 6,
    steps: [{ daysAgo: 5, action: 'submit', to: 'submitted', by: 'focal' }],
    ownedByDemoFocal: true,
  },
  {
    state: 'UGA',
    title: 'Sub-regional cooperation in terrorism cases',
    areas: ['international_cooperation'],
    audiences: ['central_authorities', 'prosecutors'],
    priority: 'high',
    modality: 'regional_workshop',
    period: ['2026-10-01', '2026-12-15'],
    officials: 35,
    institutions: ['Directorate of Public Prosecutions', 'Ministry of Justice'],
    description:
      'Central authorities of the sub-region want to speed up mutual legal assistance in ' +
      'terrorism cases.',
    createdDaysAgo: 200,
    steps: [
      { daysAgo: 195, action: 'submit', to: 'submitted', by: 'focal' },
      { daysAgo: 180, action: 'start_assessment', to: 'in_assessment', by: 'officer' },
      { daysAgo: 170, action: 'approve', to: 'approved', by: 'officer' },
      { daysAgo: 120, action: 'events_planned', to: 'planned', by: 'events' },
      { daysAgo: 12, action: 'events_delivering', to: 'in_delivery', by: 'events' },
    ],
    events: [KAMPALA_WORKSHOP],
  },
  {
    state: 'TZA',
    title: 'Countering terrorist propaganda online',
    areas: ['propaganda', 'private_sector_cooperation'],
    audiences: ['policy_makers', 'private_sector'],
    priority: 'medium',
    modality: 'national_workshop',
    period: ['2027-02-01', '2027-04-30'],
    officials: 25,
    institutions: ['Tanzania Communications Regulatory Authority'],
    description: 'Regulators and platforms should agree how terrorist content is reported.',
    createdDaysAgo: 40,
    steps: [
      { daysAgo: 38, action: 'submit', to: 'submitted', by: 'focal' },
      {
        daysAgo: 30,
        action: 'request_information',
        to: 'information_requested',
        reason: 'Which platforms would take part?',
        by: 'officer',
      },
      { daysAgo: 3, action: 'resubmit', to: 'resubmitted', by: 'focal' },
    ],
  },
  {
    state: 'EGY',
    title: 'Radicalization and recruitment online: prevention for youth services',
    areas: ['radicalization_recruitment'],
    audiences: ['civil_society', 'policy_makers'],
    priority: 'medium',
    modality: 'training',
    period: ['2027-03-01', '2027-06-30'],
    officials: 20,
    institutions: ['Ministry of Youth and Sports'],
    description: 'Youth workers need to recognise online recruitment and respond to it.',
    createdDaysAgo: 50,
    steps: [
      { daysAgo: 45, action: 'submit', to: 'submitted', by: 'focal' },
      { daysAgo: 14, action: 'start_assessment', to: 'in_assessment', by: 'officer' },
    ],
  },
  {
    state: 'IDN',
    title: 'Tool dissemination for judicial training institutes',
    areas: ['prosecution_adjudication'],
    audiences: ['judges'],
    priority: 'low',
    modality: 'tool_dissemination',
    period: ['2027-07-01', '2027-09-30'],
    officials: 60,
    institutions: ['Supreme Court Training Centre'],
    description: 'The training centre would add the tool’s modules to its curriculum.',
    createdDaysAgo: 90,
    steps: [
      { daysAgo: 85, action: 'submit', to: 'submitted', by: 'focal' },
      { daysAgo: 70, action: 'start_assessment', to: 'in_assessment', by: 'officer' },
      { daysAgo: 7, action: 'approve', to: 'approved', by: 'officer' },
    ],
  },
  {
    state: 'PAK',
    title: 'Equipment for a cybercrime laboratory',
    areas: ['investigations_digital_evidence'],
    audiences: ['investigators'],
    priority: 'high',
    modality: 'training',
    period: null,
    officials: 10,
    institutions: ['Federal Investigation Agency'],
    description: 'We ask for forensic hardware and licences for a new laboratory.',
    createdDaysAgo: 70,
    steps: [
      { daysAgo: 66, action: 'submit', to: 'submitted', by: 'focal' },
      {
        daysAgo: 55,
        action: 'decline',
        to: 'declined',
        reason:
          'Equipment is outside the programme’s mandate; a training on digital evidence can be offered instead.',
        by: 'officer',
      },
    ],
  },
  {
    state: 'MAR',
    title: 'Workshop on human rights safeguards in counter-terrorism investigations',
    areas: ['human_rights'],
    audiences: ['investigators', 'prosecutors'],
    priority: 'medium',
    modality: 'national_workshop',
    period: ['2027-01-10', '2027-02-28'],
    officials: 30,
    institutions: ['Ministry of Justice'],
    description: 'A workshop for investigators on safeguards during online investigations.',
    createdDaysAgo: 100,
    steps: [
      { daysAgo: 95, action: 'submit', to: 'submitted', by: 'focal' },
      {
        daysAgo: 60,
        action: 'withdraw',
        to: 'withdrawn',
        reason: 'The ministry organises it with another partner.',
        by: 'focal',
      },
    ],
  },
];

const IdRow = z.strictObject({ id: z.guid() });

export async function seedRequestsDemo(
  dataSource: DataSource,
  tenantId: string,
  people: { officer: string | null; focal: string | null },
): Promise<void> {
  const day = 86_400_000;
  const ago = (days: number) => new Date(Date.now() - days * day);
  await inTransaction(dataSource, { tenantId }, async (manager) => {
    const eventId = async (title: string) =>
      (await sql(manager, `select id from events where title = $1`, [title], IdRow))[0]?.id;
    for (const request of REQUESTS) {
      const focal = request.ownedByDemoFocal ? people.focal : null;
      const last = request.steps[request.steps.length - 1];
      const status: RequestStatus = last?.to ?? 'draft';
      const submitted = request.steps.find((step) => step.action === 'submit');
      const [row] = await sql(
        manager,
        `insert into assistance_requests
           (tenant_id, member_state_code, title, thematic_areas, target_audiences, priority,
            modality, period_from, period_to, officials, institutions, description, status,
            status_since, submitted_at, responsible_officer_id, created_by, created_at,
            updated_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                 $18, $14, $19)
         returning id`,
        [
          tenantId,
          request.state,
          request.title,
          request.areas,
          request.audiences,
          request.priority,
          request.modality,
          request.period?.[0] ?? null,
          request.period?.[1] ?? null,
          request.officials,
          request.institutions,
          request.description,
          status,
          ago(last?.daysAgo ?? request.createdDaysAgo),
          submitted ? ago(submitted.daysAgo) : null,
          status === 'draft' || status === 'submitted' ? null : people.officer,
          focal,
          ago(request.createdDaysAgo),
          request.steps.length + 1,
        ],
        IdRow,
      );
      if (!row) continue;
      let from: RequestStatus | null = null;
      for (const step of [
        {
          daysAgo: request.createdDaysAgo,
          action: 'created',
          to: 'draft' as RequestStatus,
          by: 'focal' as const,
        },
        ...request.steps,
      ]) {
        const actor = step.by === 'officer' ? people.officer : step.by === 'focal' ? focal : null;
        await sql(
          manager,
          `insert into request_history (tenant_id, request_id, action, from_status, to_status,
                                        reason, actor_id, at)
           values ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            tenantId,
            row.id,
            step.action,
            from,
            step.to,
            step.reason ?? null,
            actor,
            ago(step.daysAgo),
          ],
        );
        from = step.to;
      }
      for (const title of request.events ?? []) {
        const event = await eventId(title);
        if (!event) continue;
        await sql(
          manager,
          `insert into request_events (tenant_id, request_id, event_id, linked_by, linked_at)
           values ($1, $2, $3, $4, $5)`,
          [tenantId, row.id, event, people.officer, ago(request.createdDaysAgo / 2)],
        );
      }
      for (const message of request.messages ?? []) {
        await sql(
          manager,
          `insert into request_messages (tenant_id, request_id, body, internal, author_id, at)
           values ($1, $2, $3, $4, $5, $6)`,
          [
            tenantId,
            row.id,
            message.body,
            message.internal ?? false,
            message.by === 'officer' ? people.officer : focal,
            ago(message.daysAgo),
          ],
        );
      }
    }
    // Kenya's latest validated needs assessment (assessments.demo.ts) informs its regional
    // digital-evidence request: the request page shows which of its gaps the linked events address.
    await sql(
      manager,
      `update needs_assessments set request_id = (
         select id from assistance_requests
          where member_state_code = 'KEN'
            and title = 'Digital evidence training for the East African region')
        where id = (select id from needs_assessments
                     where member_state_code = 'KEN' and status = 'validated'
                     order by validated_at desc, id desc limit 1)`,
    );
  });
}
