import type { InstitutionType, TargetAudience } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/**
 * Test fixtures for figures and exports: an event with invited States and nominees in given
 * states, written with SQL (the routes that make them belong to other parts and are not what
 * these tests test). Only for tests.
 */
export interface FixtureNominee {
  name: string;
  email: string;
  state: string;
  sex: 'female' | 'male' | 'other';
  institutionType: InstitutionType;
  audience: TargetAudience;
  status: 'nominated' | 'approved' | 'waitlisted' | 'declined' | 'withdrawn';
  confirmation?: 'pending' | 'confirmed' | 'declined';
  functionTitle?: string;
  institution?: string;
  dietaryNeeds?: string;
  accessibilityNeeds?: string;
  /** Attendance by day (YYYY-MM-DD). */
  attendance?: Record<string, 'attended' | 'partly' | 'absent'>;
}

export interface FixtureEvent {
  title: string;
  hostStates: string[];
  startsAt: string;
  endsAt: string;
  capacity?: number | null;
  /** Invitations by State, with their status. */
  invitations: Record<string, 'invited' | 'accepted' | 'declined' | 'withdrawn'>;
  /** The users speaking at the event (agenda session). */
  speakers?: string[];
  expertsSeeParticipants?: boolean;
}

/** Inserts the event, its invitations and nominees; returns the ids. */
export async function seedParticipation(
  ds: DataSource,
  tenantId: string,
  event: FixtureEvent,
  nominees: FixtureNominee[],
): Promise<{ eventId: string; nominationIds: Record<string, string> }> {
  return inTransaction(ds, { tenantId }, async (m) => {
    const [created] = await sql<{ id: string }>(
      m,
      `insert into events (tenant_id, type, title, thematic_areas, format, venue_name, venue_city,
                           venue_country, starts_at, ends_at, time_zone, working_languages,
                           host_states, status, capacity, experts_see_participants)
       values ($1, 'regional_workshop', $2, '{financing}', 'in_person', 'UN Gigiri', 'Nairobi',
               'KEN', $3, $4, 'Africa/Nairobi', '{en}', $5, 'planned', $6, $7)
       returning id`,
      [
        tenantId,
        event.title,
        event.startsAt,
        event.endsAt,
        event.hostStates,
        event.capacity ?? null,
        event.expertsSeeParticipants ?? false,
      ],
    );
    if (!created) throw new Error('no event');
    const eventId = created.id;
    if (event.speakers && event.speakers.length > 0) {
      await sql(
        m,
        `with speaking as (
           insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at)
           values ($1, $2, 1, 'Opening', $3, $3::timestamptz + interval '1 hour')
           returning tenant_id, event_id, id)
         insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
         select speaking.tenant_id, speaking.event_id, speaking.id, speaker, 'speaker', 'accepted', now()
           from speaking cross join unnest($4::uuid[]) as speaker`,
        [tenantId, eventId, event.startsAt, event.speakers],
      );
    }
    const invitationIds: Record<string, string> = {};
    const states = new Set([...Object.keys(event.invitations), ...nominees.map((n) => n.state)]);
    for (const state of states) {
      const status = event.invitations[state] ?? 'accepted';
      const [invitation] = await sql<{ id: string }>(
        m,
        `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                        nomination_deadline, status, decline_reason)
         values ($1, $2, $3, 10, '2027-04-01', $4, $5) returning id`,
        [tenantId, eventId, state, status, status === 'declined' ? 'No budget' : null],
      );
      if (!invitation) throw new Error('no invitation');
      invitationIds[state] = invitation.id;
    }
    const nominationIds: Record<string, string> = {};
    for (const nominee of nominees) {
      const [participant] = await sql<{ id: string }>(
        m,
        `insert into participants (tenant_id, email, full_name) values ($1, $2, $3)
         on conflict (tenant_id, lower(email)) do update set full_name = excluded.full_name
         returning id`,
        [tenantId, nominee.email, nominee.name],
      );
      if (!participant) throw new Error('no participant');
      const approved = nominee.status === 'approved';
      const [nomination] = await sql<{ id: string }>(
        m,
        `insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                  member_state_code, sex, institution_type, audience,
                                  preferred_language, status, confirmation, function_title,
                                  institution, languages, dietary_needs, accessibility_needs,
                                  waitlisted_at, check_in_code)
         values ($1, $2, $3, $4, $5, $6, $7, $8, 'en', $9, $10, $11, $12, '{en,fr}', $13, $14,
                 case when $9 = 'waitlisted' then now() end,
                 case when $9 = 'approved' then upper(substr(md5(random()::text), 1, 10)) end)
         returning id`,
        [
          tenantId,
          eventId,
          invitationIds[nominee.state],
          participant.id,
          nominee.state,
          nominee.sex,
          nominee.institutionType,
          nominee.audience,
          nominee.status,
          approved ? (nominee.confirmation ?? 'pending') : null,
          nominee.functionTitle ?? 'Officer',
          nominee.institution ?? 'Ministry',
          nominee.dietaryNeeds ?? '',
          nominee.accessibilityNeeds ?? '',
        ],
      );
      if (!nomination) throw new Error('no nomination');
      nominationIds[nominee.email] = nomination.id;
      for (const [day, status] of Object.entries(nominee.attendance ?? {})) {
        await sql(
          m,
          `insert into attendance (tenant_id, nomination_id, day, status) values ($1, $2, $3, $4)`,
          [tenantId, nomination.id, day, status],
        );
      }
    }
    return { eventId, nominationIds };
  });
}
