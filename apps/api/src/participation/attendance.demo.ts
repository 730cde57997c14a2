import { CONSENT_TEXTS, CONSENT_TEXT_VERSION } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

/**
 * The check-in demo, beside part-figures' main participation demo: an event running today in
 * Nairobi with Kenya's and Ghana's participants approved, so the check-in page of `npm start` has
 * people to tick, and codes to type (DEMCHECK01 to DEMCHECK06, printed here on purpose: demo
 * data, predictable for the browser tests).
 */
export const CHECK_IN_DEMO_EVENT = 'Check-in demo: national workshop on terrorist financing';

const PEOPLE = [
  {
    name: 'Amina Odhiambo',
    state: 'KEN',
    sex: 'female',
    language: 'en',
    institution: 'Office of the Director of Public Prosecutions',
  },
  {
    name: 'Kwame Mensah',
    state: 'GHA',
    sex: 'male',
    language: 'fr',
    institution: 'Financial Intelligence Centre',
  },
  {
    name: 'Fatima Al-Hassan',
    state: 'KEN',
    sex: 'female',
    language: 'ar',
    institution: 'National Police Service',
  },
  { name: 'Li Wei', state: 'GHA', sex: 'male', language: 'zh', institution: 'Ministry of Justice' },
  {
    name: 'Olga Ivanova',
    state: 'KEN',
    sex: 'female',
    language: 'ru',
    institution: 'Judiciary of Kenya',
    pending: true,
  },
  {
    name: 'Diego Ramírez',
    state: 'GHA',
    sex: 'male',
    language: 'es',
    institution: 'Attorney-General’s Department',
    declined: true,
  },
] as const;

export async function seedAttendanceDemo(dataSource: DataSource, tenantId: string): Promise<void> {
  // Yesterday to tomorrow at the venue: today is always a day of the event.
  const starts = new Date();
  starts.setUTCHours(6, 0, 0, 0);
  starts.setUTCDate(starts.getUTCDate() - 1);
  const ends = new Date(starts.getTime() + 2 * 86_400_000 + 8 * 3_600_000);
  await inTransaction(dataSource, { tenantId }, async (manager) => {
    const id = z.strictObject({ id: z.guid() });
    const [event] = await sql(
      manager,
      `insert into events (tenant_id, type, title, summary, thematic_areas, format, venue_name,
                           venue_city, venue_country, starts_at, ends_at, time_zone,
                           working_languages, host_states, status, announced_at)
       values ($1, 'national_workshop', $2, 'Tracing and disrupting the financing of terrorism.',
               '{financing}', 'in_person', 'UN Gigiri', 'Nairobi', 'KEN', $3, $4,
               'Africa/Nairobi', '{en,fr}', '{KEN}', 'confirmed', now())
       returning id`,
      [tenantId, CHECK_IN_DEMO_EVENT, starts, ends],
      id,
    );
    if (!event) return;
    // The history that led it to "confirmed", as every demo event has, and the day it was
    // announced (its first step out of draft).
    const now = Date.now();
    const daysAgo = (days: number) => new Date(now - days * 86_400_000);
    const steps = [
      ['plan', 'draft', 'planned', 28],
      ['open_nominations', 'planned', 'open_for_nominations', 27],
      ['close_nominations', 'open_for_nominations', 'nominations_closed', 10],
      ['confirm', 'nominations_closed', 'confirmed', 5],
    ] as const;
    for (const [action, from, to, days] of steps)
      await sql(
        manager,
        `insert into event_history (tenant_id, event_id, action, from_status, to_status, at)
         values ($1, $2, $3, $4, $5, $6)`,
        [tenantId, event.id, action, from, to, daysAgo(days)],
      );
    await sql(
      manager,
      `update events set created_at = $2, updated_at = $3, announced_at = $4 where id = $1`,
      [event.id, daysAgo(30), daysAgo(5), daysAgo(28)],
    );
    const invitations = new Map<string, string>();
    for (const state of ['KEN', 'GHA']) {
      const [invitation] = await sql(
        manager,
        `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                        nomination_deadline, status)
         values ($1, $2, $3, 5, current_date - 14, 'accepted') returning id`,
        [tenantId, event.id, state],
        id,
      );
      if (invitation) invitations.set(state, invitation.id);
    }
    for (const [index, person] of PEOPLE.entries()) {
      const email = `${person.name.toLowerCase().replace(/[^a-z]+/g, '.')}@participants.example`;
      const [participant] = await sql(
        manager,
        `insert into participants (tenant_id, email, full_name) values ($1, $2, $3)
         on conflict (tenant_id, lower(email)) do update set full_name = excluded.full_name
         returning id`,
        [tenantId, email, person.name],
        id,
      );
      if (!participant) continue;
      const confirmation =
        'declined' in person ? 'declined' : 'pending' in person ? 'pending' : 'confirmed';
      const [nomination] = await sql<{ id: string }>(
        manager,
        `insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                  member_state_code, sex, institution_type, audience,
                                  preferred_language, status, confirmation, institution,
                                  check_in_code, decided_at)
         values ($1, $2, $3, $4, $5, $6, 'law_enforcement', 'investigators', $7, 'approved', $8,
                 $9, $10, now())
         returning id`,
        [
          tenantId,
          event.id,
          invitations.get(person.state),
          participant.id,
          person.state,
          person.sex,
          person.language,
          confirmation,
          person.institution,
          `DEMCHECK0${index + 1}`,
        ],
      );
      if (!nomination) continue;
      // As every approved nominee: the focal point's attestation, and the participant's links
      // (the decision link spent unless the answer is still awaited, the page for a year).
      await sql(
        manager,
        `insert into consent_attestations (tenant_id, nomination_id, attested_at, text_version, text)
         values ($1, $2, now() - interval '14 days', $3, $4)`,
        [tenantId, nomination.id, CONSENT_TEXT_VERSION, CONSENT_TEXTS.en],
      );
      await sql(
        manager,
        `insert into participant_links (tenant_id, nomination_id, purpose, expires_at, used_at)
         values ($1, $2, 'decision', now() + interval '1 day', case when $3 then null else now() end),
                ($1, $2, 'page', now() + interval '1 year', null)`,
        [tenantId, nomination.id, confirmation === 'pending'],
      );
    }
  });
}
