import type { EventStatus, RecommendationStatus, ThematicArea } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

const IdRow = z.strictObject({ id: z.guid() });

let counter = 0;

/**
 * A past meeting of the tenant (announced, in the given status), with an accepted rapporteur
 * and an accepted speaker when given: the setting recommendations are written in.
 */
export async function recommendationEvent(
  ds: DataSource,
  tenantId: string,
  options: {
    title?: string;
    status?: EventStatus;
    hostStates?: string[];
    isPublic?: boolean;
    startsAt?: string;
    rapporteur?: string;
    speaker?: string;
  } = {},
): Promise<string> {
  const startsAt = options.startsAt ?? '2026-03-10T07:00:00Z';
  const endsAt = new Date(Date.parse(startsAt) + 2 * 86_400_000).toISOString();
  return inTransaction(ds, { tenantId }, async (m) => {
    const [event] = await sql(
      m,
      `insert into events (tenant_id, type, title, thematic_areas, format, venue_city,
                           venue_country, starts_at, ends_at, time_zone, working_languages,
                           host_states, status, is_public, announced_at)
       values ($1, 'expert_group_meeting', $2, '{international_cooperation}', 'in_person',
               'Vienna', 'AUT', $3, $4, 'Europe/Vienna', '{en}', $5, $6, $7, $3)
       returning id`,
      [
        tenantId,
        options.title ?? `Meeting ${++counter}`,
        startsAt,
        endsAt,
        options.hostStates ?? [],
        options.status ?? 'held',
        options.isPublic ?? false,
      ],
      IdRow,
    );
    if (!event) throw new Error('no event');
    for (const [userId, role] of [
      [options.rapporteur, 'rapporteur'],
      [options.speaker, 'speaker'],
    ] as const) {
      if (!userId) continue;
      await sql(
        m,
        `insert into expert_assignments (tenant_id, event_id, user_id, role, status, answered_at)
         values ($1, $2, $3, $4, 'accepted', now())`,
        [tenantId, event.id, userId, role],
      );
    }
    return event.id;
  });
}

/** A recommendation of the event, appended, with its first history entry. */
export async function recommendationOf(
  ds: DataSource,
  tenantId: string,
  eventId: string,
  options: {
    text?: string;
    thematicArea?: ThematicArea;
    states?: string[];
    organisation?: boolean;
    partners?: string[];
    status?: RecommendationStatus;
  } = {},
): Promise<string> {
  return inTransaction(ds, { tenantId }, async (m) => {
    const [row] = await sql(
      m,
      `insert into recommendations (tenant_id, event_id, position, text, thematic_area,
                                    addressed_states, addressed_to_organisation,
                                    addressed_partners, status)
       values ($1, $2, coalesce((select max(position) from recommendations where event_id = $2), 0) + 1,
               $3, $4, $5, $6, $7, $8)
       returning id`,
      [
        tenantId,
        eventId,
        options.text ?? `States should share electronic evidence faster (${++counter}).`,
        options.thematicArea ?? 'international_cooperation',
        options.states ?? ['KEN'],
        options.organisation ?? false,
        options.partners ?? [],
        options.status ?? 'open',
      ],
      IdRow,
    );
    if (!row) throw new Error('no recommendation');
    await sql(
      m,
      `insert into recommendation_follow_ups (tenant_id, recommendation_id, to_status)
       values ($1, $2, 'open')`,
      [tenantId, row.id],
    );
    return row.id;
  });
}
