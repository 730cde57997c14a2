import type { EventStatus, EventType, ThematicArea } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { type FixtureNominee, seedParticipation } from '../participation/figures.fixtures';

/**
 * A counted event for the reports' tests: seedParticipation's event and nominees, then given its
 * type, areas, place, year and status (written with SQL: the routes that make them belong to
 * other parts). Only for tests.
 */
export async function reportEvent(
  ds: DataSource,
  tenantId: string,
  event: {
    title: string;
    type: EventType;
    areas: ThematicArea[];
    /** The venue's State; null for a virtual event. */
    venue: string | null;
    hostStates: string[];
    /** The first day, YYYY-MM-DD (a two-day event from 08:00 at the venue, Nairobi time). */
    day: string;
    status: EventStatus;
    invitations?: Record<string, 'invited' | 'accepted' | 'declined' | 'withdrawn'>;
  },
  nominees: Omit<FixtureNominee, 'email' | 'name' | 'institutionType' | 'audience'>[] &
    Partial<Pick<FixtureNominee, 'institutionType' | 'audience'>>[],
): Promise<string> {
  const { eventId } = await seedParticipation(
    ds,
    tenantId,
    {
      title: event.title,
      hostStates: event.hostStates,
      startsAt: `${event.day}T05:00:00Z`,
      endsAt: `${event.day}T14:00:00Z`,
      invitations: event.invitations ?? {},
    },
    nominees.map((nominee, index) => ({
      institutionType: 'law_enforcement',
      audience: 'investigators',
      ...nominee,
      name: `Person ${index} of ${event.title}`,
      email: `p${index}.${event.title.replace(/\W+/g, '-').toLowerCase()}@example.org`,
    })),
  );
  await inTransaction(ds, { tenantId }, (m) =>
    sql(
      m,
      `update events set type = $2, thematic_areas = $3, venue_country = $4,
              format = case when $4::char(3) is null then 'virtual' else 'in_person' end,
              venue_name = case when $4::char(3) is null then null else venue_name end,
              venue_city = case when $4::char(3) is null then null else venue_city end,
              meeting_link = case when $4::char(3) is null then 'https://meet.example.org/x' end,
              status = $5,
              announced_at = case when $5 = 'draft' then null else announced_at end
        where tenant_id = $6 and id = $1`,
      [eventId, event.type, event.areas, event.venue, event.status, tenantId],
    ),
  );
  return eventId;
}
