import type { EventQuery } from '@convene/contracts';
import type { PreparedName } from '../db/transaction';
import { type Visibility, viewerParams, visibleEvent } from './event-visibility';

/**
 * The events list as one statement, kept apart from EventsService so that the benchmark
 * (tools/bench/events.ts) sends exactly the text the API sends. Plain strings and values, no
 * Nest: the caller runs it in the request's transaction. Which rows the caller may see is not
 * decided here but by the one rule in event-visibility.ts.
 */

/** The events the caller may see: the one rule, with the caller as $1–$3 (Visibility). */
const VISIBLE = visibleEvent('e', viewerParams(1));

/**
 * A timestamp as the API writes it, exactly as Date#toISOString() would (UTC, milliseconds cut,
 * not rounded, as pg's Date cuts microseconds; years are 4 digits, see Instant's range): the
 * list hands it on as it comes instead of parsing it into a Date and writing that back.
 */
export const isoText = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * What a list row needs (toSummary), and the cursor key: no description or audit columns. The
 * times come as ISO text and the arrays as JSON (JSON.parse, rather than pg's parser of array
 * literals): what the answer carries, with the least work in the API.
 */
const SUMMARY_COLUMNS = `e.id, e.type, e.title, e.summary, to_json(e.thematic_areas) as thematic_areas,
  e.format, e.venue_name, e.venue_city, e.venue_country, e.meeting_link,
  ${isoText('e.starts_at')} as starts_at, e.starts_at::text as starts_key,
  ${isoText('e.ends_at')} as ends_at, e.time_zone, to_json(e.host_states::text[]) as host_states,
  e.is_public, e.status, e.responsible_officer_id, o.name as responsible_officer_name`;

/**
 * The region's countries, gathered once per statement (an InitPlan, run only when a region is
 * asked for), rather than a member_states look-up for every row. A scalar subquery rather than a
 * join, so the plan keeps reading events_starts_idx in order instead of sorting.
 */
const REGION_CODES = `(select coalesce(array_agg(ms.alpha3), '{}')::char(3)[]
      from member_states ms where ms.regional_group = $8)`;

const FILTERS = `and ($4::text is null or e.status = $4)
    and ($5::text is null or e.type = $5)
    and ($6::text is null or $6 = any (e.thematic_areas))
    and ($7::char(3) is null or e.venue_country = $7 or $7 = any (e.host_states))
    and ($8::text is null or (array[e.venue_country] || e.host_states) && ${REGION_CODES})
    and ($9::timestamptz is null or e.ends_at >= $9)
    and ($10::timestamptz is null or e.starts_at < $10)
    and ($11::text is null or e.search @@ websearch_to_tsquery('simple', $11))`;

export interface EventListStatement {
  text: string;
  values: unknown[];
  /**
   * The text is one of two constants (ascending, descending), so the API prepares it once per
   * connection under this name (sqlThenCommit, docs/performance.md).
   */
  name: PreparedName;
}

/**
 * The page after (or before, sorting descending) the cursor's (starts_at, id), asking for one
 * row more than the limit to know whether another page follows.
 */
export function eventListStatement(
  visibility: Visibility,
  query: Omit<EventQuery, 'after'>,
  cursor: readonly [string, string] | null,
): EventListStatement {
  const descending = query.sort === '-starts_at';
  const comparison = descending ? '<' : '>';
  const direction = descending ? 'desc' : 'asc';
  return {
    name: `convene_events_list_${direction}`,
    text: `select ${SUMMARY_COLUMNS}
    from events e
    left join users o on o.id = e.responsible_officer_id
   where ${VISIBLE}
    ${FILTERS}
    and ($12::timestamptz is null or (e.starts_at, e.id) ${comparison} ($12::timestamptz, $13::uuid))
   order by e.starts_at ${direction}, e.id ${direction}
   limit $14`,
    values: [
      ...visibility,
      query.status ?? null,
      query.type ?? null,
      query.thematicArea ?? null,
      query.country ?? null,
      query.region ?? null,
      query.from ?? null,
      query.to ?? null,
      query.q ?? null,
      cursor?.[0] ?? null,
      cursor?.[1] ?? null,
      query.limit + 1,
    ],
  };
}
