import { randomInt } from 'node:crypto';
import type { Language } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { type LinkPurpose, signLink } from './participant-link-token';

/** Crockford base32, as check-in codes are written. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface Nominee {
  eventId: string;
  invitationId: string;
  nominationId: string;
  checkInCode: string;
  decisionToken: string;
  pageToken: string;
  decisionLinkId: string;
  pageLinkId: string;
}

export interface NomineeOptions {
  email?: string;
  name?: string;
  language?: Language;
  memberState?: string;
  eventId?: string;
  startsAt?: Date;
  endsAt?: Date;
  /** When the decision link lapses (the event's start by default). */
  decisionExpiresAt?: Date;
  meetingLink?: string | null;
  format?: 'in_person' | 'virtual' | 'hybrid';
}

let counter = 0;
const Id = z.strictObject({ id: z.guid() });

/**
 * For tests: an approved nominee waiting for their answer, with both links issued as part-nom
 * issues them on approval (rows in participant_links, tokens signed with `secret`), in an event
 * of its own unless `eventId` names one.
 */
export async function approvedNominee(
  ds: DataSource,
  secret: string,
  tenantId: string,
  options: NomineeOptions = {},
): Promise<Nominee> {
  const n = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const startsAt = options.startsAt ?? new Date(Date.now() + 20 * 86_400_000);
  const endsAt = options.endsAt ?? new Date(startsAt.getTime() + 2 * 86_400_000);
  const memberState = options.memberState ?? 'KEN';
  const checkInCode = Array.from({ length: 10 }, () => CROCKFORD[randomInt(32)]).join('');
  return inTransaction(ds, { tenantId }, async (m) => {
    const one = async (text: string, values: unknown[]) => {
      const [row] = await sql(m, text, values, Id);
      if (!row) throw new Error('fixture row not written');
      return row.id;
    };
    const eventId =
      options.eventId ??
      (await one(
        `insert into events (tenant_id, type, title, summary, thematic_areas, format, venue_name,
                             venue_city, venue_country, meeting_link, starts_at, ends_at,
                             time_zone, working_languages, host_states, status)
         values ($1, 'regional_workshop', $2, 'Evidence across borders', '{financing}', $3,
                 'UN Gigiri', 'Nairobi', 'KEN', $4, $5, $6, 'Africa/Nairobi', '{en,fr}', '{KEN}',
                 'planned')
         returning id`,
        [
          tenantId,
          `Workshop ${n}`,
          options.format ?? 'in_person',
          options.meetingLink ?? null,
          startsAt,
          endsAt,
        ],
      ));
    const invitationId = await one(
      `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                      nomination_deadline, status)
       values ($1, $2, $3, 5, current_date + 10, 'accepted')
       on conflict (tenant_id, event_id, member_state_code) do update set seats = excluded.seats
       returning id`,
      [tenantId, eventId, memberState],
    );
    const participantId = await one(
      `insert into participants (tenant_id, email, full_name) values ($1, $2, $3) returning id`,
      [tenantId, options.email ?? `nominee-${n}@example.org`, options.name ?? `Nominee ${n}`],
    );
    const nominationId = await one(
      `insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                member_state_code, sex, institution_type, audience,
                                preferred_language, status, confirmation, check_in_code,
                                function_title, institution)
       values ($1, $2, $3, $4, $5, 'female', 'prosecution', 'prosecutors', $6, 'approved',
               'pending', $7, 'Prosecutor', 'Office of the Director of Public Prosecutions')
       returning id`,
      [
        tenantId,
        eventId,
        invitationId,
        participantId,
        memberState,
        options.language ?? 'en',
        checkInCode,
      ],
    );
    const link = async (purpose: LinkPurpose, expiresAt: Date) => {
      const expiry = new Date(Math.floor(expiresAt.getTime() / 1000) * 1000);
      const id = await one(
        `insert into participant_links (tenant_id, nomination_id, purpose, expires_at)
         values ($1, $2, $3, $4) returning id`,
        [tenantId, nominationId, purpose, expiry],
      );
      return { id, token: signLink({ tenantId, linkId: id, purpose, expiresAt: expiry }, secret) };
    };
    const decision = await link('decision', options.decisionExpiresAt ?? startsAt);
    const page = await link('page', new Date(endsAt.getTime() + 365 * 86_400_000));
    return {
      eventId,
      invitationId,
      nominationId,
      checkInCode,
      decisionToken: decision.token,
      pageToken: page.token,
      decisionLinkId: decision.id,
      pageLinkId: page.id,
    };
  });
}
