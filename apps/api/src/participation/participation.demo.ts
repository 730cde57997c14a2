import { randomInt } from 'node:crypto';
import type { InstitutionType, Language, TargetAudience } from '@convene/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/**
 * The demo of participation for `npm start` (apps/api/src/cli/demo-seed.ts): invitations in
 * every status (with a pending seat request), nominations in every status and confirmation, the
 * participants' links, and attendance and certificates on the past workshop, with people from
 * many States, so the Participation tab, the figures, the focal point's home panel, check-in and
 * the exports are never empty. Written with SQL, as an operator's seed: the API's own services
 * are not what a demo exercises.
 */

type InvitationStatus = 'invited' | 'accepted' | 'declined' | 'withdrawn';
type Sex = 'female' | 'male' | 'other';
type Decision =
  | 'nominated'
  | 'approved'
  | 'confirmed'
  | 'declined_by_participant'
  | 'waitlisted'
  | 'declined'
  | 'withdrawn';

interface DemoInvitation {
  state: string;
  seats: number;
  status: InvitationStatus;
  declineReason?: string;
  seatRequest?: { seats: number; reason: string; status: 'pending' | 'granted' | 'refused' };
}

/** [name, sex, function, institution, institution type, audience, language, decision] */
type DemoNominee = [
  name: string,
  sex: Sex,
  functionTitle: string,
  institution: string,
  institutionType: InstitutionType,
  audience: TargetAudience,
  language: Language,
  decision: Decision,
];

interface DemoParticipation {
  /** The demo event's title (demo-seed.ts EVENTS). */
  event: string;
  invitations: DemoInvitation[];
  nominees: Record<string, DemoNominee[]>;
  /** For past events: attendance per day index, by nominee name (attended when absent). */
  attendance?: Record<string, ('attended' | 'partly' | 'absent')[]>;
}

const EAST_AFRICA: DemoParticipation = {
  event: 'Regional workshop on digital evidence for East Africa',
  invitations: [
    { state: 'KEN', seats: 4, status: 'accepted' },
    {
      state: 'UGA',
      seats: 3,
      status: 'accepted',
      seatRequest: {
        seats: 5,
        reason: 'Our cybercrime unit and the DPP office would each like to send two people.',
        status: 'pending',
      },
    },
    { state: 'TZA', seats: 3, status: 'invited' },
    {
      state: 'RWA',
      seats: 2,
      status: 'declined',
      declineReason: 'Our experts are at a national training that week.',
    },
    { state: 'ETH', seats: 2, status: 'invited' },
    {
      state: 'EGY',
      seats: 2,
      status: 'accepted',
      seatRequest: { seats: 3, reason: 'A judge joins the delegation.', status: 'granted' },
    },
    { state: 'SOM', seats: 2, status: 'withdrawn' },
  ],
  // prettier-ignore
  nominees: {
    KEN: [
      ['Achieng Odhiambo', 'female', 'Senior State Counsel', 'Office of the Director of Public Prosecutions', 'prosecution', 'prosecutors', 'en', 'confirmed'],
      ['Peter Mwangi', 'male', 'Inspector, Cybercrime Unit', 'Directorate of Criminal Investigations', 'law_enforcement', 'investigators', 'en', 'approved'],
      ['Grace Njeri', 'female', 'Magistrate', 'Judiciary of Kenya', 'judiciary', 'judges', 'en', 'nominated'],
      ['Samuel Kiprotich', 'male', 'Analyst', 'Financial Reporting Centre', 'central_authority', 'central_authorities', 'en', 'waitlisted'],
      ['Joseph Otieno', 'male', 'Legal Officer', 'Ministry of Interior', 'ministry_policy', 'policy_makers', 'en', 'declined'],
      ['Mercy Wambui', 'female', 'Programme Officer', 'Kenya Human Rights Commission', 'civil_society', 'civil_society', 'en', 'withdrawn'],
    ],
    UGA: [
      ['Sarah Nakato', 'female', 'Senior Principal State Attorney', 'Office of the DPP', 'prosecution', 'prosecutors', 'en', 'confirmed'],
      ['Moses Okello', 'male', 'Detective, Cyber Crime', 'Uganda Police Force', 'law_enforcement', 'investigators', 'en', 'declined_by_participant'],
      ['Brenda Atim', 'female', 'Legal Advisor', 'Ministry of Internal Affairs', 'ministry_policy', 'policy_makers', 'en', 'nominated'],
    ],
    EGY: [
      ['نور الهدى عبد الله', 'female', 'وكيل نيابة', 'النيابة العامة', 'prosecution', 'prosecutors', 'ar', 'confirmed'],
      ['Karim Mansour', 'male', 'Judge', 'Court of Cassation', 'judiciary', 'judges', 'ar', 'approved'],
    ],
    TZA: [
      ['Neema Mushi', 'female', 'State Attorney', 'National Prosecutions Service', 'prosecution', 'prosecutors', 'en', 'nominated'],
    ],
  },
};

const PAST_WORKSHOP: DemoParticipation = {
  event: 'National workshop on prosecution and adjudication',
  invitations: [
    { state: 'KEN', seats: 6, status: 'accepted' },
    { state: 'UGA', seats: 2, status: 'accepted' },
    { state: 'TZA', seats: 2, status: 'accepted' },
    { state: 'ETH', seats: 2, status: 'declined', declineReason: 'No travel budget this quarter.' },
  ],
  // prettier-ignore
  nominees: {
    KEN: [
      ['Wairimu Gathoni', 'female', 'Judge, High Court', 'Judiciary of Kenya', 'judiciary', 'judges', 'en', 'confirmed'],
      ['David Kiptoo', 'male', 'Principal Prosecution Counsel', 'Office of the DPP', 'prosecution', 'prosecutors', 'en', 'confirmed'],
      ['Faith Chebet', 'female', 'Magistrate', 'Judiciary of Kenya', 'judiciary', 'judges', 'en', 'confirmed'],
      ['Hassan Abdi', 'male', 'Senior Counsel', 'Office of the Attorney General', 'central_authority', 'central_authorities', 'en', 'confirmed'],
      ['Lucy Wanjiku', 'female', 'Researcher', 'Kituo cha Sheria', 'civil_society', 'civil_society', 'en', 'declined_by_participant'],
    ],
    UGA: [
      ['Florence Namubiru', 'female', 'Judge', 'High Court of Uganda', 'judiciary', 'judges', 'en', 'confirmed'],
      ['Isaac Mugisha', 'male', 'State Attorney', 'Office of the DPP', 'prosecution', 'prosecutors', 'en', 'confirmed'],
    ],
    TZA: [
      ['Rehema Said', 'female', 'Resident Magistrate', 'Judiciary of Tanzania', 'judiciary', 'judges', 'en', 'confirmed'],
      ['Juma Mwakyusa', 'male', 'Senior State Attorney', 'National Prosecutions Service', 'prosecution', 'prosecutors', 'en', 'approved'],
    ],
  },
  attendance: {
    'Wairimu Gathoni': ['attended', 'attended'],
    'David Kiptoo': ['attended', 'partly'],
    'Faith Chebet': ['attended', 'attended'],
    'Hassan Abdi': ['absent', 'absent'],
    'Florence Namubiru': ['attended', 'attended'],
    'Isaac Mugisha': ['partly', 'attended'],
    'Rehema Said': ['attended', 'attended'],
    'Juma Mwakyusa': ['attended', 'attended'],
  },
};

const CRYPTO_WEBINAR: DemoParticipation = {
  event: 'Webinar: financing of terrorism through crypto-assets',
  invitations: [
    { state: 'NGA', seats: 3, status: 'accepted' },
    { state: 'SEN', seats: 2, status: 'accepted' },
    { state: 'IND', seats: 3, status: 'accepted' },
    { state: 'IDN', seats: 2, status: 'accepted' },
    { state: 'BRA', seats: 2, status: 'accepted' },
    { state: 'MEX', seats: 2, status: 'invited' },
    { state: 'FRA', seats: 2, status: 'accepted' },
    { state: 'UKR', seats: 2, status: 'accepted' },
    { state: 'CHN', seats: 2, status: 'accepted' },
    { state: 'RUS', seats: 2, status: 'invited' },
  ],
  // prettier-ignore
  nominees: {
    NGA: [
      ['Chiamaka Okafor', 'female', 'Head, Virtual Assets Desk', 'Nigerian Financial Intelligence Unit', 'central_authority', 'central_authorities', 'en', 'confirmed'],
      ['Ibrahim Musa', 'male', 'Investigator', 'Economic and Financial Crimes Commission', 'law_enforcement', 'investigators', 'en', 'confirmed'],
    ],
    SEN: [
      ['Aïssatou Diallo', 'female', 'Magistrate', 'Pôle judiciaire spécialisé', 'judiciary', 'judges', 'fr', 'confirmed'],
    ],
    IND: [
      ['Priya Raghavan', 'female', 'Superintendent of Police', 'National Investigation Agency', 'law_enforcement', 'investigators', 'en', 'confirmed'],
      ['Arjun Mehta', 'male', 'Compliance Lead', 'Digital asset exchange', 'private_sector', 'private_sector', 'en', 'approved'],
    ],
    IDN: [
      ['Siti Rahmawati', 'female', 'Analyst', 'PPATK', 'central_authority', 'central_authorities', 'en', 'confirmed'],
    ],
    BRA: [
      ['Ana Beatriz Souza', 'female', 'Federal Prosecutor', 'Ministério Público Federal', 'prosecution', 'prosecutors', 'es', 'confirmed'],
      ['Rafael Oliveira', 'male', 'Federal Police Agent', 'Polícia Federal', 'law_enforcement', 'investigators', 'es', 'waitlisted'],
    ],
    FRA: [
      ['Claire Dubois', 'female', 'Magistrate', 'Parquet national antiterroriste', 'prosecution', 'prosecutors', 'fr', 'confirmed'],
    ],
    UKR: [
      ['Олена Коваленко', 'female', 'Senior Investigator', 'National Police of Ukraine', 'law_enforcement', 'investigators', 'ru', 'confirmed'],
    ],
    CHN: [
      ['王芳', 'female', '检察官', '最高人民检察院', 'prosecution', 'prosecutors', 'zh', 'approved'],
      ['李伟', 'male', 'Researcher', 'Chinese Academy of Social Sciences', 'other', 'policy_makers', 'zh', 'nominated'],
    ],
  },
};

const PROPAGANDA_MEETING: DemoParticipation = {
  event: 'Expert group meeting on online propaganda',
  invitations: [
    { state: 'AUT', seats: 2, status: 'accepted' },
    { state: 'DEU', seats: 2, status: 'invited' },
    { state: 'JOR', seats: 2, status: 'invited' },
    { state: 'KEN', seats: 1, status: 'invited' },
    { state: 'PHL', seats: 2, status: 'invited' },
  ],
  // prettier-ignore
  nominees: {
    AUT: [
      ['Katharina Huber', 'female', 'Researcher', 'Austrian Institute for International Affairs', 'civil_society', 'civil_society', 'en', 'nominated'],
    ],
  },
};

const DEMO_PARTICIPATION = [EAST_AFRICA, PAST_WORKSHOP, CRYPTO_WEBINAR, PROPAGANDA_MEETING];

const CONSENT_TEXT =
  'I confirm that the person I nominate agreed that their name, contact details, function and ' +
  'needs are processed to organise their participation in this event and to issue their ' +
  'certificate, and that they were told how to withdraw their consent.';

/** Crockford's base32, the alphabet of check-in and verification codes (no I, L, O, U). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const code = (length: number) =>
  Array.from({ length }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('');

const EventRow = z.strictObject({ id: z.guid(), starts_at: z.date(), ends_at: z.date() });
const IdRow = z.strictObject({ id: z.guid() });

const emailOf = (name: string, state: string) => {
  const ascii = name
    .normalize('NFD')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '.');
  return `${ascii || `delegate.${code(6).toLowerCase()}`}@${state.toLowerCase()}.delegates.example`;
};

export async function seedParticipationDemo(
  dataSource: DataSource,
  tenantId: string,
  people: { officer: string | null; focal: string | null },
): Promise<void> {
  await inTransaction(dataSource, { tenantId }, async (manager) => {
    for (const demo of DEMO_PARTICIPATION) {
      await seedEvent(manager, tenantId, demo, people);
    }
  });
}

async function seedEvent(
  manager: EntityManager,
  tenantId: string,
  demo: DemoParticipation,
  people: { officer: string | null; focal: string | null },
): Promise<void> {
  const [event] = await sql(
    manager,
    `select id, starts_at, ends_at from events where title = $1`,
    [demo.event],
    EventRow,
  );
  if (!event) return;
  const day = 86_400_000;
  // Invitations went out five weeks before the event, or a week ago for one still ahead.
  const invitedAt = new Date(Math.min(event.starts_at.getTime() - 35 * day, Date.now() - 7 * day));
  const deadline = new Date(event.starts_at.getTime() - 5 * day).toISOString().slice(0, 10);
  await sql(manager, `update events set nomination_deadline = $2 where id = $1`, [
    event.id,
    deadline,
  ]);
  const invitations = new Map<string, string>();
  for (const invitation of demo.invitations) {
    const responded = invitation.status === 'accepted' || invitation.status === 'declined';
    const [row] = await sql(
      manager,
      `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                      nomination_deadline, status, decline_reason,
                                      seats_requested, seats_request_reason,
                                      seats_request_status, invited_by, invited_at,
                                      responded_at, last_activity_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
               case when $13 then $12::timestamptz + interval '2 days' end,
               $12::timestamptz + interval '3 days')
       returning id`,
      [
        tenantId,
        event.id,
        invitation.state,
        invitation.seatRequest?.status === 'granted'
          ? invitation.seatRequest.seats
          : invitation.seats,
        deadline,
        invitation.status,
        invitation.declineReason ?? null,
        invitation.seatRequest?.seats ?? null,
        invitation.seatRequest?.reason ?? null,
        invitation.seatRequest?.status ?? null,
        people.officer,
        invitedAt,
        responded,
      ],
      IdRow,
    );
    if (row) invitations.set(invitation.state, row.id);
  }
  const past = event.ends_at.getTime() < Date.now();
  for (const [state, nominees] of Object.entries(demo.nominees)) {
    const invitationId = invitations.get(state);
    if (!invitationId) continue;
    for (const [index, nominee] of nominees.entries()) {
      const [name, sex, functionTitle, institution, institutionType, audience, language, decision] =
        nominee;
      const nominatedAt = new Date(invitedAt.getTime() + (3 + index) * day);
      const [participant] = await sql(
        manager,
        `insert into participants (tenant_id, email, full_name, created_at) values ($1, $2, $3, $4)
         on conflict (tenant_id, lower(email)) do update set full_name = excluded.full_name
         returning id`,
        [tenantId, emailOf(name, state), name, nominatedAt],
        IdRow,
      );
      if (!participant) continue;
      const approved = ['approved', 'confirmed', 'declined_by_participant'].includes(decision);
      const status = approved ? 'approved' : decision;
      const confirmation = !approved
        ? null
        : decision === 'confirmed'
          ? 'confirmed'
          : decision === 'declined_by_participant'
            ? 'declined'
            : 'pending';
      const decided = decision !== 'nominated' && decision !== 'withdrawn';
      const [nomination] = await sql(
        manager,
        `insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                  member_state_code, sex, institution_type, audience,
                                  preferred_language, status, confirmation, function_title,
                                  institution, languages, dietary_needs, accessibility_needs,
                                  decision_reason, decided_by, decided_at, waitlisted_at,
                                  confirmed_at, check_in_code, nominated_by, nominated_at,
                                  updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                 $18, $19, $20, $21, $22, $23, $24, coalesce($21::timestamptz, $19::timestamptz, $24::timestamptz))
         returning id`,
        [
          tenantId,
          event.id,
          invitationId,
          participant.id,
          state,
          sex,
          institutionType,
          audience,
          language,
          status,
          confirmation,
          functionTitle,
          institution,
          language === 'en' ? ['en'] : [language, 'en'],
          confirmation === 'confirmed' && index % 2 === 0 ? 'Vegetarian' : '',
          confirmation === 'confirmed' && index === 2 ? 'Step-free access to the venue' : '',
          decision === 'declined' ? 'The profile does not match the workshop’s audience.' : null,
          decided ? people.officer : null,
          decided ? new Date(nominatedAt.getTime() + 2 * day) : null,
          decision === 'waitlisted' ? new Date(nominatedAt.getTime() + 2 * day) : null,
          confirmation === 'confirmed' ? new Date(nominatedAt.getTime() + 3 * day) : null,
          approved ? code(10) : null,
          state === 'KEN' ? people.focal : null,
          nominatedAt,
        ],
        IdRow,
      );
      if (!nomination) continue;
      await sql(
        manager,
        `insert into consent_attestations (tenant_id, nomination_id, attested_by, attested_at,
                                           text_version, text)
         values ($1, $2, $3, $4, '2026-11', $5)`,
        [tenantId, nomination.id, state === 'KEN' ? people.focal : null, nominatedAt, CONSENT_TEXT],
      );
      if (!approved) continue;
      // The decision link (spent once the participant answered) and the participant page.
      await sql(
        manager,
        `insert into participant_links (tenant_id, nomination_id, purpose, expires_at, used_at,
                                        created_at)
         values ($1, $2, 'decision', $3, $4, $5),
                ($1, $2, 'page', $6::timestamptz + interval '1 year', null, $5)`,
        [
          tenantId,
          nomination.id,
          event.starts_at,
          confirmation === 'pending' ? null : new Date(nominatedAt.getTime() + 3 * day),
          new Date(nominatedAt.getTime() + 2 * day),
          event.ends_at,
        ],
      );
      if (!past || confirmation === 'declined') continue;
      const days = demo.attendance?.[name] ?? ['attended', 'attended'];
      for (const [offset, attendance] of days.entries()) {
        await sql(
          manager,
          `insert into attendance (tenant_id, nomination_id, day, status, recorded_by, recorded_at)
           values ($1, $2, ($3::timestamptz + $4 * interval '1 day')::date, $5, $6,
                   $3::timestamptz + $4 * interval '1 day' + interval '1 hour')`,
          [tenantId, nomination.id, event.starts_at, offset, attendance, people.officer],
        );
      }
      if (days.some((status) => status !== 'absent')) {
        await sql(
          manager,
          `insert into certificates (tenant_id, nomination_id, verification_code, language,
                                     issued_at)
           values ($1, $2, $3, $4, $5::timestamptz + interval '2 days')`,
          [tenantId, nomination.id, code(12), language, event.ends_at],
        );
      }
    }
  }
}
