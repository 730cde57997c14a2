import { visibleDelivery } from '../delivery/delivery-visibility';
import { type Viewer, visibleEvent } from '../events/event-visibility';
import { type RequestViewer, visibleRequest } from '../requests/request-visibility';

/**
 * THE rule of what the dashboard, the coverage map and the State page count (docs/reports.md):
 * the one place it is written, embedded by every statement of this module (the charts, the map,
 * their exports and the State page).
 *
 * - An event counts once it is past draft and not cancelled, and only if the caller may see it
 *   (`visibleEvent`: officers and admins every event, a focal point those of their State). Its
 *   year is the year it started at its venue (its time zone), as the recommendations list does.
 * - A participant counts as trained when approved and checked in (attended or partly) on at
 *   least one day of a counted event, as the event's figures count "attended". Only
 *   non-personal columns are read (State, sex, institution type, audience): anonymising a
 *   participant changes no figure.
 * - An event's place is its venue's State, or its first host State for a virtual event; an
 *   event with neither counts in no region (`none`), and a region filter leaves it out.
 * - A delivery of the tool counts its copies when the caller may see it (`countedDelivery`); an
 *   assistance request once submitted, never a draft (`countedRequest`). Both are placed in the
 *   State they concern, and filtered by its regions.
 */
export function countedEvent(alias: string, viewer: Viewer): string {
  return `(${alias}.status not in ('draft', 'cancelled') and ${visibleEvent(alias, viewer)})`;
}

/**
 * The year the event `alias` started, at its venue: `events.starts_year`, which the database
 * computes from `starts_at` and `time_zone` when either changes (a stored generated column).
 */
export function eventYear(alias: string): string {
  return `${alias}.starts_year`;
}

/** The State an event is placed in for regions: its venue's, else its first host's. */
export function eventState(alias: string): string {
  return `coalesce(${alias}.venue_country, ${alias}.host_states[1])`;
}

/**
 * The period as parameters `from` and `to` (integers), read with a margin of a day so that an
 * index on starts_at narrows the rows before the exact year at the venue is computed.
 */
export function inPeriod(alias: string, from: string, to: string): string {
  return `(${alias}.starts_at >= make_timestamptz(${from}, 1, 1, 0, 0, 0, 'UTC') - interval '1 day'
       and ${alias}.starts_at < make_timestamptz(${to} + 1, 1, 1, 0, 0, 0, 'UTC') + interval '1 day'
       and ${eventYear(alias)} between ${from} and ${to})`;
}

/** A nomination `alias` whose participant was trained: approved and checked in on a day. */
export function trainedNomination(alias: string): string {
  return `(${alias}.status = 'approved' and exists (
    select from attendance trained_day
     where trained_day.tenant_id = ${alias}.tenant_id and trained_day.nomination_id = ${alias}.id
       and trained_day.status in ('attended', 'partly')))`;
}

/**
 * The region filters as parameters (text, null for any) against a member_states alias: the
 * regional group a State counts in, and its M49 geographic region.
 */
export function inRegion(
  stateAlias: string,
  regionalGroup: string,
  geographicRegion: string,
): string {
  return `((${regionalGroup}::text is null or ${stateAlias}.regional_group = ${regionalGroup}::text)
       and (${geographicRegion}::text is null or ${stateAlias}.geographic_region = ${geographicRegion}::text))`;
}

/**
 * Whether the caller may open the page of State `state`: who plans events (officers and admins)
 * any State, a focal point their own only.
 */
export function mayOpenState(
  visibility: [userId: string | null, memberState: string | null, manages: boolean],
  state: string,
): boolean {
  return visibility[2] || visibility[1] === state;
}

/**
 * A delivery of the tool `alias` (a row of tool_deliveries) counts when the caller may see it
 * (`visibleDelivery`: officers and admins every delivery, a focal point their State's). Its
 * copies are its quantity, its year the year of `delivered_on`, its State the one it reached.
 */
export function countedDelivery(alias: string, viewer: Viewer): string {
  // The user is named although the rule does not read it, so a statement binds the same three
  // parameters as for the events (PostgreSQL refuses a parameter it cannot type).
  return `(${visibleDelivery(alias, viewer)} and (${viewer.userId} is null or true))`;
}

/** A delivery `alias` made in the period: `delivered_on` is a date, its year is exact. */
export function deliveredInPeriod(alias: string, from: string, to: string): string {
  return `(${alias}.delivered_on >= make_date(${from}, 1, 1)
       and ${alias}.delivered_on < make_date(${to} + 1, 1, 1))`;
}

/** The year a delivery `alias` was made. */
export function deliveryYear(alias: string): string {
  return `extract(year from ${alias}.delivered_on)::int`;
}

/**
 * An assistance request `alias` counts once its State submitted it — never a draft, nor one
 * withdrawn before it was ever sent (`submitted_at` null) — and only if the caller may see it
 * (`visibleRequest`, the one rule of requests: officers every submitted request, a focal point
 * their State's). A focal point sees their State's drafts elsewhere; a report never counts them.
 */
export function countedRequest(alias: string, viewer: RequestViewer): string {
  return `(${alias}.status <> 'draft' and ${alias}.submitted_at is not null
       and ${visibleRequest(alias, viewer)})`;
}

/** The year a request `alias` was first submitted, in UTC. */
export function requestYear(alias: string): string {
  return `extract(year from ${alias}.submitted_at at time zone 'UTC')::int`;
}

/** A request `alias` first submitted in the period (years in UTC). */
export function submittedInPeriod(alias: string, from: string, to: string): string {
  return `(${alias}.submitted_at >= make_timestamptz(${from}, 1, 1, 0, 0, 0, 'UTC')
       and ${alias}.submitted_at < make_timestamptz(${to} + 1, 1, 1, 0, 0, 0, 'UTC'))`;
}
