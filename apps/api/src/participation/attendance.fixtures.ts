import { randomBytes } from 'node:crypto';
import type { Language } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { signLink } from './participant-link-token';

/*
 * Rows of participation for the tests of attendance and certificates, written straight into
 * the tables (as the approval of part-nom will write them): an event, a State's invitation,
 * and nominations in the states the check-in list must tell apart.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A check-in code as part-nom makes them: 10 random characters of Crockford base32. */
const randomCode = () => [...randomBytes(10)].map((byte) => CROCKFORD[byte % 32] ?? '0').join('');

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface FixtureEvent {
  id: string;
  invitationId: string;
}

/** A three-day workshop in Nairobi (UTC+3), 10–12 May 2027, with Kenya invited. */
export async function participationEvent(
  ds: DataSource,
  tenantId: string,
  options: { title?: string; state?: string } = {},
): Promise<FixtureEvent> {
  return inTransaction(ds, { tenantId }, async (m) => {
    const [event] = await sql<{ id: string }>(
      m,
      `insert into events (tenant_id, type, title, thematic_areas, format, venue_name, venue_city,
                           venue_country, starts_at, ends_at, time_zone, working_languages,
                           host_states, status, announced_at)
       values ($1, 'national_workshop', $2, '{financing}', 'in_person', 'UN Gigiri', 'Nairobi',
               'KEN', '2027-05-10T06:00:00Z', '2027-05-12T14:00:00Z', 'Africa/Nairobi', '{en}',
               '{KEN}', 'confirmed', now())
       returning id`,
      [tenantId, options.title ?? `Workshop ${unique()}`],
    );
    if (!event) throw new Error('no event');
    const [invitation] = await sql<{ id: string }>(
      m,
      `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                      nomination_deadline, status)
       values ($1, $2, $3, 20, '2027-04-01', 'accepted') returning id`,
      [tenantId, event.id, options.state ?? 'KEN'],
    );
    if (!invitation) throw new Error('no invitation');
    return { id: event.id, invitationId: invitation.id };
  });
}

export interface FixtureNominee {
  id: string;
  participantId: string;
  email: string;
  name: string;
  checkInCode: string | null;
}

/** A person nominated for the event: approved (with a check-in code) unless told otherwise. */
export async function nominee(
  ds: DataSource,
  tenantId: string,
  event: FixtureEvent,
  person: {
    name: string;
    status?: 'nominated' | 'approved' | 'waitlisted' | 'declined' | 'withdrawn';
    confirmation?: 'pending' | 'confirmed' | 'declined';
    language?: Language;
    institution?: string;
    state?: string;
    checkInCode?: string;
  },
): Promise<FixtureNominee> {
  const status = person.status ?? 'approved';
  const local =
    person.name
      .toLowerCase()
      .replace(/[^a-z]+/g, '.')
      .replace(/^\.|\.$/g, '') || 'participant';
  const email = `${local}.${unique()}@example.org`;
  const checkInCode = status === 'approved' ? (person.checkInCode ?? randomCode()) : null;
  return inTransaction(ds, { tenantId }, async (m) => {
    const [participant] = await sql<{ id: string }>(
      m,
      `insert into participants (tenant_id, email, full_name) values ($1, $2, $3) returning id`,
      [tenantId, email, person.name],
    );
    if (!participant) throw new Error('no participant');
    const [nomination] = await sql<{ id: string }>(
      m,
      `insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                member_state_code, sex, institution_type, audience,
                                preferred_language, status, confirmation, institution,
                                waitlisted_at, check_in_code)
       values ($1, $2, $3, $4, $5, 'female', 'judiciary', 'judges', $6, $7, $8, $9,
               case when $7 = 'waitlisted' then now() end, $10)
       returning id`,
      [
        tenantId,
        event.id,
        event.invitationId,
        participant.id,
        person.state ?? 'KEN',
        person.language ?? 'en',
        status,
        status === 'approved' ? (person.confirmation ?? 'confirmed') : null,
        person.institution ?? 'Ministry of the Interior',
        checkInCode,
      ],
    );
    if (!nomination) throw new Error('no nomination');
    return {
      id: nomination.id,
      participantId: participant.id,
      email,
      name: person.name,
      checkInCode,
    };
  });
}

/** A participant link row and its signed token (as part-nom's approval issues them). */
export async function participantLink(
  ds: DataSource,
  tenantId: string,
  nominationId: string,
  secret: string,
  options: { purpose?: 'decision' | 'page'; expiresAt?: Date; revoked?: boolean } = {},
): Promise<string> {
  const purpose = options.purpose ?? 'page';
  const expiresAt = options.expiresAt ?? new Date(Date.now() + 365 * 86_400_000);
  const [link] = await inTransaction(ds, { tenantId }, (m) =>
    sql<{ id: string }>(
      m,
      `insert into participant_links (tenant_id, nomination_id, purpose, expires_at, revoked_at)
       values ($1, $2, $3, $4, case when $5 then now() end) returning id`,
      [tenantId, nominationId, purpose, expiresAt, options.revoked ?? false],
    ),
  );
  if (!link) throw new Error('no link');
  return signLink({ tenantId, linkId: link.id, purpose, expiresAt }, secret);
}

/** Attendance written directly, for certificates' tests. */
export async function attended(
  ds: DataSource,
  tenantId: string,
  nominationId: string,
  day: string,
  status: 'attended' | 'partly' | 'absent' = 'attended',
): Promise<void> {
  await inTransaction(ds, { tenantId }, (m) =>
    sql(
      m,
      `insert into attendance (tenant_id, nomination_id, day, status) values ($1, $2, $3, $4)
       on conflict (tenant_id, nomination_id, day) do update set status = excluded.status`,
      [tenantId, nominationId, day, status],
    ),
  );
}
