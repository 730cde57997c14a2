import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { addMember } from '../tenants/tenant-provisioning';

/**
 * The demo of experts for `npm start` (apps/api/src/cli/demo-seed.ts): a roster of experts from
 * every regional group with their profiles, assignments in every status on the demo events
 * (asked, accepted on sessions and on whole events, declined with a reason, withdrawn),
 * declarations filed and missing, and officers' notes, so the roster, an expert's page, the
 * event's Experts tab with its balance, the agenda's speakers and the expert's home panel are
 * never empty. Written with SQL, as an operator's seed.
 */

interface DemoExpert {
  email: string;
  name: string;
  language: string;
  organisation: string;
  bio: string;
  nationality: string;
  sex: 'female' | 'male' | 'other';
  areas: string[];
  audiences: string[];
  languages: [string, string][];
  /** Availability windows as days from today: [from, to]. */
  available: [number, number][];
  notes?: string;
}

/** Camille Laurent is the demo's signed-in expert (demo-seed.ts); the others join her. */
const EXPERTS: DemoExpert[] = [
  {
    email: 'expert@demo.example',
    name: 'Camille Laurent',
    language: 'fr',
    organisation: 'Gendarmerie nationale, digital forensics unit',
    bio: 'Trains investigators on seizing and preserving electronic evidence; 15 years in cybercrime units.',
    nationality: 'FRA',
    sex: 'female',
    areas: ['investigations_digital_evidence', 'international_cooperation'],
    audiences: ['investigators', 'prosecutors'],
    languages: [
      ['fr', 'native'],
      ['en', 'fluent'],
      ['es', 'working'],
    ],
    available: [
      [0, 20],
      [35, 50],
    ],
    notes:
      'Excellent with practical exercises. Prefers morning sessions; travels with her own kit.',
  },
  {
    email: 'ahmed.elsayed@expert.example',
    name: 'Ahmed El-Sayed',
    language: 'ar',
    organisation: 'Public Prosecution, counter-terrorism department',
    bio: 'Senior prosecutor on terrorist financing cases and mutual legal assistance.',
    nationality: 'EGY',
    sex: 'male',
    areas: ['financing', 'prosecution_adjudication', 'international_cooperation'],
    audiences: ['prosecutors', 'judges', 'central_authorities'],
    languages: [
      ['ar', 'native'],
      ['en', 'fluent'],
      ['fr', 'working'],
    ],
    available: [[0, 60]],
    notes: 'Needs a visa for Schengen travel: ask eight weeks ahead.',
  },
  {
    email: 'mei.lin@expert.example',
    name: 'Mei Lin',
    language: 'zh',
    organisation: 'Centre for Technology and Security Research',
    bio: 'Researcher on terrorist use of online platforms and content moderation.',
    nationality: 'SGP',
    sex: 'female',
    areas: ['propaganda', 'private_sector_cooperation'],
    audiences: ['policy_makers', 'private_sector', 'civil_society'],
    languages: [
      ['zh', 'native'],
      ['en', 'fluent'],
      ['ms', 'working'],
    ],
    available: [[30, 45]],
  },
  {
    email: 'diego.ramirez@expert.example',
    name: 'Diego Ramírez',
    language: 'es',
    organisation: 'Ministerio de Justicia',
    bio: 'Lawyer drafting counter-terrorism legislation in line with human rights standards.',
    nationality: 'COL',
    sex: 'male',
    areas: ['legal_policy_frameworks', 'human_rights'],
    audiences: ['policy_makers', 'judges'],
    languages: [
      ['es', 'native'],
      ['en', 'fluent'],
      ['pt', 'working'],
    ],
    available: [[60, 90]],
  },
  {
    email: 'olena.kovalenko@expert.example',
    name: 'Olena Kovalenko',
    language: 'ru',
    organisation: 'National Police, cyber department',
    bio: 'Investigator on encrypted communications and cryptocurrency tracing.',
    nationality: 'UKR',
    sex: 'female',
    areas: ['investigations_digital_evidence', 'planning_secret_communication', 'financing'],
    audiences: ['investigators'],
    languages: [
      ['uk', 'native'],
      ['ru', 'fluent'],
      ['en', 'fluent'],
    ],
    available: [[5, 30]],
  },
  {
    email: 'kwame.mensah@expert.example',
    name: 'Kwame Mensah',
    language: 'en',
    organisation: 'West Africa Centre for Counter-Extremism',
    bio: 'Works with communities and prisons on preventing radicalization and recruitment.',
    nationality: 'GHA',
    sex: 'male',
    areas: ['radicalization_recruitment', 'human_rights'],
    audiences: ['civil_society', 'policy_makers'],
    languages: [
      ['en', 'native'],
      ['fr', 'working'],
    ],
    available: [[0, 15]],
  },
];

type Status = 'asked' | 'accepted' | 'declined' | 'withdrawn';

/** [expert email, event title, session title or null, role, status, decline reason] */
type DemoAssignment = [string, string, string | null, string, Status, string?];

const EAST_AFRICA = 'Regional workshop on digital evidence for East Africa';
const PROPAGANDA = 'Expert group meeting on online propaganda';
const PROSECUTION = 'National workshop on prosecution and adjudication';
const TRAINERS = 'Training of trainers: legal and policy frameworks';

const ASSIGNMENTS: DemoAssignment[] = [
  // Camille already speaks at "Preserving electronic evidence" (demo-seed.ts's agenda).
  ['kwame.mensah@expert.example', EAST_AFRICA, 'Opening and objectives', 'moderator', 'asked'],
  [
    'olena.kovalenko@expert.example',
    EAST_AFRICA,
    'Mutual legal assistance requests',
    'speaker',
    'accepted',
  ],
  [
    'ahmed.elsayed@expert.example',
    EAST_AFRICA,
    'Mutual legal assistance requests',
    'speaker',
    'accepted',
  ],
  [
    'diego.ramirez@expert.example',
    EAST_AFRICA,
    null,
    'rapporteur',
    'declined',
    'I am teaching a course in Bogotá that week.',
  ],
  ['mei.lin@expert.example', EAST_AFRICA, null, 'resource_person', 'withdrawn'],
  ['expert@demo.example', PROPAGANDA, null, 'rapporteur', 'asked'],
  ['mei.lin@expert.example', PROPAGANDA, null, 'resource_person', 'accepted'],
  ['kwame.mensah@expert.example', PROPAGANDA, null, 'facilitator', 'accepted'],
  ['ahmed.elsayed@expert.example', PROSECUTION, null, 'facilitator', 'accepted'],
  ['diego.ramirez@expert.example', PROSECUTION, null, 'rapporteur', 'accepted'],
  ['diego.ramirez@expert.example', TRAINERS, null, 'speaker', 'asked'],
];

/** [expert email, event title, details or null for "nothing to declare"] */
const DECLARATIONS: [string, string, string | null][] = [
  ['olena.kovalenko@expert.example', EAST_AFRICA, null],
  [
    'mei.lin@expert.example',
    PROPAGANDA,
    'Advises a social media platform’s trust and safety team (unpaid, since 2025).',
  ],
  ['ahmed.elsayed@expert.example', PROSECUTION, null],
  ['diego.ramirez@expert.example', PROSECUTION, null],
];

export async function seedExpertsDemo(
  dataSource: DataSource,
  tenantId: string,
  password: string,
  officer: string | null,
): Promise<void> {
  const ids = new Map<string, string>();
  // Camille is a member already (demo-seed.ts's people); the others join here.
  const members = await inTransaction(dataSource, { tenantId }, (manager) =>
    sql(
      manager,
      `select u.email, u.id from memberships m join users u on u.id = m.user_id`,
      [],
      z.strictObject({ email: z.string(), id: z.guid() }),
    ),
  );
  for (const member of members) ids.set(member.email, member.id);
  for (const expert of EXPERTS) {
    if (ids.has(expert.email)) continue;
    const member = await addMember(dataSource, tenantId, {
      email: expert.email,
      name: expert.name,
      password,
      role: 'expert',
      preferredLanguage: expert.language,
    });
    ids.set(expert.email, member.userId);
  }
  const day = 86_400_000;
  const today = new Date();
  const iso = (offset: number) =>
    new Date(today.getTime() + offset * day).toISOString().slice(0, 10);
  await inTransaction(dataSource, { tenantId }, async (manager) => {
    for (const expert of EXPERTS) {
      const userId = ids.get(expert.email);
      await sql(
        manager,
        `insert into expert_profiles (tenant_id, user_id, organisation, bio, nationality, sex,
                                      thematic_areas, target_audiences, languages, availability)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb,
                 (select range_agg(daterange(w.starts, w.ends, '[]'))
                    from unnest($10::date[], $11::date[]) as w(starts, ends)))`,
        [
          tenantId,
          userId,
          expert.organisation,
          expert.bio,
          expert.nationality,
          expert.sex,
          expert.areas,
          expert.audiences,
          JSON.stringify(expert.languages.map(([language, level]) => ({ language, level }))),
          expert.available.map(([from]) => iso(from)),
          expert.available.map(([, to]) => iso(to)),
        ],
      );
      if (expert.notes)
        await sql(
          manager,
          `insert into expert_notes (tenant_id, user_id, notes, updated_by) values ($1, $2, $3, $4)`,
          [tenantId, userId, expert.notes, officer],
        );
    }
    const events = await sql(
      manager,
      `select e.id, e.title, s.id as session_id, s.title as session_title
         from events e left join agenda_sessions s on s.tenant_id = e.tenant_id and s.event_id = e.id`,
      [],
      z.strictObject({
        id: z.guid(),
        title: z.string(),
        session_id: z.guid().nullable(),
        session_title: z.string().nullable(),
      }),
    );
    const eventId = (title: string) => events.find((row) => row.title === title)?.id;
    const sessionId = (title: string, session: string | null) =>
      session === null
        ? null
        : (events.find((row) => row.title === title && row.session_title === session)?.session_id ??
          null);
    for (const [email, title, session, role, status, reason] of ASSIGNMENTS) {
      const event = eventId(title);
      if (!event) continue;
      await sql(
        manager,
        `insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status,
                                         decline_reason, asked_by, asked_at, answered_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, now() - interval '10 days',
                 case when $6 in ('accepted', 'declined') then now() - interval '8 days' end)`,
        [
          tenantId,
          event,
          sessionId(title, session),
          ids.get(email),
          role,
          status,
          reason ?? null,
          officer,
        ],
      );
    }
    for (const [email, title, details] of DECLARATIONS) {
      const event = eventId(title);
      if (!event) continue;
      await sql(
        manager,
        `insert into expert_declarations (tenant_id, event_id, user_id, has_interests, details, filed_at)
         values ($1, $2, $3, $4, $5, now() - interval '5 days')`,
        [tenantId, event, ids.get(email), details !== null, details],
      );
    }
  });
}
