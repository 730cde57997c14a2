import {
  CONSENT_TEXT_VERSION,
  CONSENT_TEXTS,
  INSTITUTION_TYPES,
  TARGET_AUDIENCES,
  type EventStatus,
  type EventType,
  type ThematicArea,
} from '@convene/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/**
 * The demo's history for the dashboard and the map (docs/reports.md): a programme's past years,
 * closed workshops and courses in every region, with the participants who took part (fictional
 * names, checked in on the first day), so that every chart, the map and the State pages show
 * figures from the first start. Deterministic: the same rows on every fresh demo.
 */
interface PastEvent {
  title: string;
  type: EventType;
  areas: ThematicArea[];
  /** The venue's State, null for an online event. */
  venue: string | null;
  city: string | null;
  timeZone: string;
  /** Years before the current one, and the month. */
  yearsAgo: number;
  month: number;
  /** The States taking part, with how many participants each sent. */
  states: Record<string, number>;
}

const PAST_EVENTS: readonly PastEvent[] = [
  {
    title: 'Regional workshop on countering terrorist financing online (East Africa)',
    type: 'regional_workshop',
    areas: ['financing', 'international_cooperation'],
    venue: 'KEN',
    city: 'Nairobi',
    timeZone: 'Africa/Nairobi',
    yearsAgo: 4,
    month: 3,
    states: { KEN: 6, UGA: 4, TZA: 4, ETH: 3, RWA: 3 },
  },
  {
    title: 'National workshop on digital evidence for prosecutors',
    type: 'national_workshop',
    areas: ['investigations_digital_evidence', 'prosecution_adjudication'],
    venue: 'JOR',
    city: 'Amman',
    timeZone: 'Asia/Amman',
    yearsAgo: 4,
    month: 10,
    states: { JOR: 14 },
  },
  {
    title: 'Training of trainers on the use of the Internet for terrorist purposes',
    type: 'training_of_trainers',
    areas: ['training', 'legal_policy_frameworks'],
    venue: 'AUT',
    city: 'Vienna',
    timeZone: 'Europe/Vienna',
    yearsAgo: 3,
    month: 5,
    states: { AUT: 2, DEU: 2, FRA: 3, ITA: 2, ESP: 2, POL: 2 },
  },
  {
    title: 'Webinar: terrorist propaganda and human rights online',
    type: 'webinar',
    areas: ['propaganda', 'human_rights'],
    venue: null,
    city: null,
    timeZone: 'UTC',
    yearsAgo: 3,
    month: 11,
    states: { BRA: 3, MEX: 3, COL: 2, ARG: 2, CHL: 2, PER: 2 },
  },
  {
    title: 'Regional workshop on electronic evidence in South-East Asia',
    type: 'regional_workshop',
    areas: ['investigations_digital_evidence', 'international_cooperation'],
    venue: 'THA',
    city: 'Bangkok',
    timeZone: 'Asia/Bangkok',
    yearsAgo: 2,
    month: 2,
    states: { THA: 4, IDN: 4, MYS: 3, PHL: 3, VNM: 3 },
  },
  {
    title: 'Expert group meeting on private sector cooperation',
    type: 'expert_group_meeting',
    areas: ['private_sector_cooperation'],
    venue: 'CHE',
    city: 'Geneva',
    timeZone: 'Europe/Zurich',
    yearsAgo: 2,
    month: 6,
    states: { CHE: 2, GBR: 2, USA: 2, CAN: 2, AUS: 2 },
  },
  {
    title: 'National workshop on radicalization and recruitment online',
    type: 'national_workshop',
    areas: ['radicalization_recruitment'],
    venue: 'SEN',
    city: 'Dakar',
    timeZone: 'Africa/Dakar',
    yearsAgo: 2,
    month: 10,
    states: { SEN: 16 },
  },
  {
    title: 'Training course for investigators of the Pacific',
    type: 'training_course',
    areas: ['investigations_digital_evidence', 'training'],
    venue: 'FJI',
    city: 'Suva',
    timeZone: 'Pacific/Fiji',
    yearsAgo: 1,
    month: 4,
    states: { FJI: 5, PNG: 3, WSM: 2, TON: 2, VUT: 2 },
  },
  {
    title: 'Study visit on legal frameworks for online terrorist content',
    type: 'study_visit',
    areas: ['legal_policy_frameworks'],
    venue: 'NLD',
    city: 'The Hague',
    timeZone: 'Europe/Amsterdam',
    yearsAgo: 1,
    month: 7,
    states: { UZB: 3, KAZ: 3, KGZ: 2, TJK: 2 },
  },
  {
    title: 'Regional workshop on the planning of attacks and secret communication',
    type: 'regional_workshop',
    areas: ['planning_secret_communication', 'execution_of_attacks'],
    venue: 'MAR',
    city: 'Rabat',
    timeZone: 'Africa/Casablanca',
    yearsAgo: 1,
    month: 11,
    states: { MAR: 5, TUN: 4, EGY: 4, DZA: 3, MRT: 2 },
  },
  {
    title: 'Launch of the Spanish edition of the tool',
    type: 'launch_event',
    areas: ['training'],
    venue: 'COL',
    city: 'Bogotá',
    timeZone: 'America/Bogota',
    yearsAgo: 0,
    month: 2,
    states: { COL: 6, ECU: 3, PAN: 2, GTM: 2 },
  },
];

/** Given names and family names the demo combines, from several regions. */
const GIVEN = ['Amina', 'Omar', 'Li', 'Elena', 'Kwame', 'Sofía', 'Raj', 'Fatima', 'Ivan', 'Grace'];
const FAMILY = ['Haddad', 'Okafor', 'Chen', 'Petrova', 'Mensah', 'García', 'Sharma', 'Nguyen'];

/** How many check-ins the history writes: everyone but one person in twelve (see below). */
export function historyAttendance(): number {
  const people = PAST_EVENTS.reduce(
    (sum, event) => sum + Object.values(event.states).reduce((a, b) => a + b, 0),
    0,
  );
  return people - Math.floor(people / 12);
}

/** demo-seed.ts's history writer: the steps from draft to the status, created and announced. */
export type HistoryWriter = (
  manager: EntityManager,
  tenantId: string,
  eventId: string,
  target: EventStatus,
  starts: Date,
  ends: Date,
  actor: string | null,
) => Promise<void>;

/**
 * Inserts the past events with their history, invitations, nominees (consent attested, both
 * links issued, as the nomination and approval would have) and their check-ins; returns how many
 * events.
 */
export async function seedReportsDemo(
  dataSource: DataSource,
  tenantId: string,
  people: { officer: string | null; history: HistoryWriter },
): Promise<number> {
  const year = new Date().getUTCFullYear();
  let person = 0;
  for (const [index, event] of PAST_EVENTS.entries()) {
    const day = `${year - event.yearsAgo}-${String(event.month).padStart(2, '0')}-1${index % 9}`;
    await inTransaction(dataSource, { tenantId }, async (m) => {
      const [created] = await sql<{ id: string; starts_at: Date; ends_at: Date }>(
        m,
        `insert into events (tenant_id, type, title, summary, thematic_areas, target_audiences,
                             format, venue_name, venue_city, venue_country, meeting_link,
                             starts_at, ends_at, time_zone, working_languages, host_states, status)
         values ($1, $2, $3, 'Part of the programme''s history (demo).', $4,
                 '{investigators,prosecutors,policy_makers}',
                 case when $5::char(3) is null then 'virtual' else 'in_person' end,
                 case when $5::char(3) is null then null else 'Conference centre' end, $6, $5,
                 case when $5::char(3) is null then 'https://meet.example.org/demo' end,
                 ($7::date + time '09:00') at time zone $8, ($7::date + 2 + time '17:00') at time zone $8,
                 $8, '{en}', case when $5::char(3) is null then '{}'::char(3)[] else array[$5::char(3)] end,
                 'closed')
         returning id, starts_at, ends_at`,
        [
          tenantId,
          event.type,
          event.title,
          event.areas,
          event.venue,
          event.city,
          day,
          event.timeZone,
        ],
      );
      if (!created) throw new Error('no demo event');
      await people.history(
        m,
        tenantId,
        created.id,
        'closed',
        created.starts_at,
        created.ends_at,
        people.officer,
      );
      for (const [state, count] of Object.entries(event.states)) {
        const [invitation] = await sql<{ id: string }>(
          m,
          `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                          nomination_deadline, status)
           values ($1, $2, $3, $4, $5::date - 14, 'accepted') returning id`,
          [tenantId, created.id, state, count, day],
        );
        const attendees = Array.from({ length: count }, () => {
          person += 1;
          const given = GIVEN[person % GIVEN.length] ?? 'Amina';
          const family = FAMILY[(person * 7) % FAMILY.length] ?? 'Haddad';
          return {
            name: `${given} ${family}`,
            email: `history.${person}@participants.example`,
            // Roughly two women in five, one person in thirty of another sex.
            sex: person % 30 === 0 ? 'other' : person % 5 < 2 ? 'female' : 'male',
            institution: INSTITUTION_TYPES[person % INSTITUTION_TYPES.length],
            audience: TARGET_AUDIENCES[(person * 3) % TARGET_AUDIENCES.length],
            // One in twelve did not come after all.
            attended: person % 12 !== 0,
          };
        });
        await sql(
          m,
          `with people as (
             select * from jsonb_to_recordset($4::jsonb)
               as p(name text, email text, sex text, institution text, audience text, attended boolean)
           ), person as (
             insert into participants (tenant_id, email, full_name)
             select $1, email, name from people returning id, email
           ), nominated as (
             insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                      member_state_code, sex, institution_type, audience,
                                      preferred_language, status, confirmation, check_in_code)
             select $1, $2, $3, person.id, $5, people.sex, people.institution, people.audience,
                    'en', 'approved', 'confirmed', upper(substr(md5(person.email), 1, 10))
               from people join person using (email)
             returning id, participant_id, nominated_at
           ), consent as (
             insert into consent_attestations (tenant_id, nomination_id, attested_at,
                                               text_version, text)
             select $1, id, $6::date - 30, $7, $8 from nominated
           ), links as (
             insert into participant_links (tenant_id, nomination_id, purpose, expires_at,
                                            used_at, created_at)
             select $1, id, purpose, $6::date + interval '1 year',
                    case when purpose = 'decision' then $6::date - 20 end, $6::date - 25
               from nominated cross join unnest(array['decision', 'page']) as purpose
           )
           insert into attendance (tenant_id, nomination_id, day, status)
           select $1, nominated.id, $6::date, 'attended'
             from nominated
             join person on person.id = nominated.participant_id
             join people using (email)
            where people.attended`,
          [
            tenantId,
            created.id,
            invitation?.id,
            JSON.stringify(attendees),
            state,
            day,
            CONSENT_TEXT_VERSION,
            CONSENT_TEXTS.en,
          ],
        );
      }
    });
  }
  return PAST_EVENTS.length;
}
