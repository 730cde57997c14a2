import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { seedParticipation } from '../participation/figures.fixtures';

/**
 * Test fixtures for tool delivery: a meeting with participants who attended or not, and
 * editions, written with SQL (the routes that make them belong to other features). Only for tests.
 */
export interface Attendee {
  state: string;
  sex: 'female' | 'male' | 'other';
  /** Present on the first day (fully), or absent. */
  attended: boolean;
}

/** A workshop in Nairobi on 10–12 March 2026 in the given status, with its attendees. */
export async function deliveryEvent(
  ds: DataSource,
  tenantId: string,
  options: {
    title: string;
    status?: 'planned' | 'confirmed' | 'held' | 'reported' | 'closed' | 'cancelled' | 'draft';
    isPublic?: boolean;
    hostStates?: string[];
    summary?: string;
    partners?: string[];
    attendees?: Attendee[];
  },
): Promise<string> {
  const attendees = options.attendees ?? [];
  const { eventId } = await seedParticipation(
    ds,
    tenantId,
    {
      title: options.title,
      hostStates: options.hostStates ?? ['KEN'],
      startsAt: '2026-03-10T06:00:00Z',
      endsAt: '2026-03-12T14:00:00Z',
      invitations: Object.fromEntries(attendees.map((person) => [person.state, 'accepted'])),
    },
    attendees.map((person, index) => ({
      name: `Attendee ${index} ${options.title}`,
      email: `attendee-${index}-${Math.random().toString(36).slice(2)}@gov.example`,
      state: person.state,
      sex: person.sex,
      institutionType: 'prosecution',
      audience: 'prosecutors',
      status: 'approved',
      confirmation: 'confirmed',
      attendance: { '2026-03-10': person.attended ? 'attended' : 'absent' },
    })),
  );
  await inTransaction(ds, { tenantId }, (m) =>
    sql(
      m,
      `update events set status = $2, is_public = $3, summary = $4, partner_organisations = $5
        where id = $1`,
      [
        eventId,
        options.status ?? 'held',
        options.isPublic ?? false,
        options.summary ?? '',
        options.partners ?? [],
      ],
    ),
  );
  if (options.status === 'draft') {
    await inTransaction(ds, { tenantId }, (m) =>
      sql(m, `update events set announced_at = null where id = $1`, [eventId]),
    );
  }
  return eventId;
}

/** An edition of the tool. */
export async function seedEdition(
  ds: DataSource,
  tenantId: string,
  options: {
    title?: string;
    language?: string;
    format?: 'print' | 'pdf' | 'elearning';
    isExample?: boolean;
  } = {},
): Promise<string> {
  const [row] = await inTransaction(ds, { tenantId }, (m) =>
    sql<{ id: string }>(
      m,
      `insert into tool_editions (tenant_id, title, language, format, edition_year, is_example)
       values ($1, $2, $3, $4, 2012, $5) returning id`,
      [
        tenantId,
        options.title ?? 'The use of the Internet for terrorist purposes',
        options.language ?? 'en',
        options.format ?? 'print',
        options.isExample ?? false,
      ],
    ),
  );
  if (!row) throw new Error('no edition');
  return row.id;
}

/** One delivery, registered as by hand. */
export async function seedDelivery(
  ds: DataSource,
  tenantId: string,
  options: { editionId: string; state: string; quantity?: number; eventId?: string | null },
): Promise<string> {
  const [row] = await inTransaction(ds, { tenantId }, (m) =>
    sql<{ id: string }>(
      m,
      `insert into tool_deliveries (tenant_id, edition_id, quantity, channel, member_state_code,
                                    institution, delivered_on, event_id)
       values ($1, $2, $3, 'official_transmission', $4, 'Ministry of Justice', '2026-02-01', $5)
       returning id`,
      [tenantId, options.editionId, options.quantity ?? 10, options.state, options.eventId ?? null],
    ),
  );
  if (!row) throw new Error('no delivery');
  return row.id;
}

/** The tenant's IATI settings, public file on or off. */
export async function seedIatiSettings(
  ds: DataSource,
  tenantId: string,
  publicFile = false,
): Promise<void> {
  await inTransaction(ds, { tenantId }, (m) =>
    sql(
      m,
      `insert into iati_settings (tenant_id, organisation_identifier, organisation_name,
                                  organisation_type, sector_codes, aid_type, flow_type, public_file)
       values ($1, 'XM-DAC-41146', 'Test organisation', '40', '{15130,15210}', 'D02', '10', $2)
       on conflict (tenant_id) do update set public_file = excluded.public_file`,
      [tenantId, publicFile],
    ),
  );
}
