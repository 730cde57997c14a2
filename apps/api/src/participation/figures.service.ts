import {
  GEOGRAPHIC_REGIONS,
  INSTITUTION_TYPES,
  type ParticipationFigures,
  REGIONAL_GROUP_KEYS,
  SEXES,
  type StageCounts,
  TARGET_AUDIENCES,
} from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { notFound } from '../common/app-exception';
import { isUuid } from '../common/uuid';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { visibilityOf } from '../events/event-visibility';
import { FIGURE_DIMENSIONS, FIGURES_STATEMENT } from './figures.query';

const FigureRow = z.strictObject({
  dimension: z.enum(FIGURE_DIMENSIONS),
  key: z.string().nullable(),
  event_found: z.boolean(),
  capacity: z.number().int().nullable(),
  nominations: z.number().int(),
  pending: z.number().int(),
  waitlisted: z.number().int(),
  declined: z.number().int(),
  declined_by_participant: z.number().int(),
  approved: z.number().int(),
  confirmed: z.number().int(),
  attended: z.number().int(),
  states_invited: z.number().int(),
  states_accepted: z.number().int(),
});
type FigureRow = z.infer<typeof FigureRow>;

@Injectable()
export class FiguresService {
  /** The event's figures, or 404 when the caller may not see the event. */
  async figures(eventId: string): Promise<ParticipationFigures> {
    if (!isUuid(eventId)) throw notFound('Event');
    const { manager, user, tenant } = requestContext.current();
    const rows = await sql(
      manager,
      FIGURES_STATEMENT,
      [...visibilityOf(user?.id ?? null, tenant), eventId],
      FigureRow,
    );
    const total = rows.find((row) => row.dimension === 'total');
    if (!total?.event_found) throw notFound('Event');
    return toFigures(eventId, total, rows);
  }
}

const stages = (row: FigureRow | undefined): StageCounts => ({
  approved: row?.approved ?? 0,
  confirmed: row?.confirmed ?? 0,
  attended: row?.attended ?? 0,
});

/** Every key of a vocabulary, in its order, zero where no row counted it. */
function breakdown<K extends string>(
  rows: FigureRow[],
  dimension: FigureRow['dimension'],
  keys: readonly K[],
): (StageCounts & { key: K })[] {
  const byKey = new Map(rows.filter((r) => r.dimension === dimension).map((r) => [r.key, r]));
  return keys.map((key) => ({ key, ...stages(byKey.get(key)) }));
}

const shareOf = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function toFigures(eventId: string, total: FigureRow, rows: FigureRow[]): ParticipationFigures {
  const bySex = breakdown(rows, 'sex', SEXES);
  const women = bySex.find((entry) => entry.key === 'female') ?? stages(undefined);
  const byState = rows
    .filter((row) => row.dimension === 'state' && row.key !== null)
    .map((row) => ({ key: row.key ?? '', ...stages(row) }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    eventId,
    capacity: total.capacity,
    totals: {
      nominations: total.nominations,
      pending: total.pending,
      waitlisted: total.waitlisted,
      declined: total.declined,
      approved: total.approved,
      confirmed: total.confirmed,
      declinedByParticipant: total.declined_by_participant,
      attended: total.attended,
    },
    womenShare: {
      approved: shareOf(women.approved, total.approved),
      confirmed: shareOf(women.confirmed, total.confirmed),
      attended: shareOf(women.attended, total.attended),
    },
    bySex,
    byInstitutionType: breakdown(rows, 'institution_type', INSTITUTION_TYPES),
    byAudience: breakdown(rows, 'audience', TARGET_AUDIENCES),
    byRegionalGroup: breakdown(rows, 'regional_group', REGIONAL_GROUP_KEYS),
    byGeographicRegion: breakdown(rows, 'geographic_region', GEOGRAPHIC_REGIONS),
    byState,
    states: {
      invited: total.states_invited,
      accepted: total.states_accepted,
      withApproved: byState.filter((state) => state.approved > 0).length,
      // A State with a participant who confirmed or one who attended.
      represented: byState.filter((state) => state.confirmed > 0 || state.attended > 0).length,
      attended: byState.filter((state) => state.attended > 0).length,
    },
  };
}
