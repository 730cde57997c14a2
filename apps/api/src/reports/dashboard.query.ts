import { viewerParams } from '../events/event-visibility';
import { requestViewerParams } from '../requests/request-visibility';
import {
  countedDelivery,
  countedEvent,
  countedRequest,
  deliveredInPeriod,
  deliveryYear,
  eventState,
  eventYear,
  inPeriod,
  inRegion,
  requestYear,
  submittedInPeriod,
  trainedNomination,
} from './report-scope';

/*
 * The statements of the dashboard and the map. Parameters: $1–$3 the caller (visibility), $4 the
 * regional group, $5 the geographic region (null for any), $6 the first year, $7 the last.
 * Each answers (dimension, year, key, count) rows; the service shapes them with libs/domain.
 * The statements of requests read $1–$3 as the caller under the requests' rule
 * (`requestVisibilityOf`), the others under the events' (`visibilityOf`).
 */

const VIEWER = viewerParams(1);
const REQUEST_VIEWER = requestViewerParams(1);
const REGION = inRegion('ms', '$4', '$5');
/**
 * The rollup serves only a caller who sees every event. $1 and $2 are named although they are
 * not read, so the statement binds the same parameters as the live one.
 */
const ROLLUP_READER = `(${VIEWER.manages} and (${VIEWER.userId} is null or true)
  and (${VIEWER.memberState} is null or true))`;

/** Events counted in the period and region, by type, region and thematic area per year. */
export const EVENTS_STATEMENT = `
  with counted as (
    select e.type, e.thematic_areas, ${eventYear('e')} as year, ms.geographic_region
      from events e
      left join member_states ms on ms.alpha3 = ${eventState('e')}
     where ${countedEvent('e', VIEWER)} and ${inPeriod('e', '$6', '$7')} and ${REGION}
  )
  select 'type' as dimension, year, type as key, count(*)::int as count
    from counted group by year, type
  union all
  select 'region', year, coalesce(geographic_region, 'none'), count(*)::int
    from counted group by year, coalesce(geographic_region, 'none')
  union all
  select 'area', year, area, count(*)::int
    from counted cross join lateral unnest(thematic_areas) as area group by year, area
  union all
  select 'total', year, null, count(*)::int from counted group by year`;

/**
 * EVENTS_STATEMENT for who sees every event (officers, admins), from the rollup the database
 * keeps of exactly what that statement counts for them (\`dashboard_event_rollups\`, migration
 * 1764316800029): a sum over a few thousand rows a year instead of every event. Nothing for
 * anyone else ($3 false).
 */
export const EVENTS_ROLLUP_STATEMENT = `
  with rolled as (
    select r.year, r.dimension, r.key, r.events, ms.geographic_region
      from dashboard_event_rollups r
      left join member_states ms on ms.alpha3 = r.place_state
     where ${ROLLUP_READER} and r.year between $6 and $7 and r.events <> 0 and ${REGION}
  )
  select dimension, year, key, sum(events)::int as count
    from rolled where dimension <> 'total' group by dimension, year, key
  union all
  select 'region', year, coalesce(geographic_region, 'none'), sum(events)::int
    from rolled where dimension = 'total' group by year, coalesce(geographic_region, 'none')
  union all
  select 'total', year, null, sum(events)::int
    from rolled where dimension = 'total' group by year`;

/**
 * Participants trained at counted events of the period, from States of the region, by sex,
 * audience, institution type, geographic region and regional group per year, and by State.
 * A person trained at two events counts twice (a participation, as the event figures count).
 */
export const PARTICIPANTS_STATEMENT = `
  with trained as (
    select ${eventYear('e')} as year, n.sex, n.audience, n.institution_type,
           n.member_state_code::text as state, ms.geographic_region,
           coalesce(ms.regional_group, 'none') as regional_group
      from events e
      join nominations n on n.tenant_id = e.tenant_id and n.event_id = e.id
      join member_states ms on ms.alpha3 = n.member_state_code
     where ${countedEvent('e', VIEWER)} and ${inPeriod('e', '$6', '$7')}
       and ${trainedNomination('n')} and ${REGION}
  )
  select case
           when grouping(sex) = 0 then 'sex'
           when grouping(audience) = 0 then 'audience'
           when grouping(institution_type) = 0 then 'institution_type'
           when grouping(geographic_region) = 0 then 'geographic_region'
           when grouping(regional_group) = 0 then 'regional_group'
           when grouping(state) = 0 then 'state'
           else 'total'
         end as dimension,
         year,
         coalesce(sex, audience, institution_type, geographic_region, regional_group, state) as key,
         count(*)::int as count
    from trained
   group by grouping sets ((year, sex), (year, audience), (year, institution_type),
                           (year, geographic_region), (year, regional_group), (state), (year))`;

/**
 * PARTICIPANTS_STATEMENT for who sees every event (officers, admins), from the rollup the
 * database keeps of exactly what that statement counts for them (`dashboard_rollups`, migration
 * 1764316800029): a sum over a few thousand rows a year instead of every participation. It
 * answers nothing for anyone else ($3 false), whose figures come from the events they see.
 */
export const PARTICIPANTS_ROLLUP_STATEMENT = `
  with rolled as (
    select r.year, r.member_state_code::text as state, r.dimension, r.key, r.trained,
           ms.geographic_region, coalesce(ms.regional_group, 'none') as regional_group
      from dashboard_rollups r
      join member_states ms on ms.alpha3 = r.member_state_code
     where ${ROLLUP_READER} and r.year between $6 and $7 and r.trained <> 0 and ${REGION}
  )
  select dimension, year, key, sum(trained)::int as count
    from rolled where dimension <> 'total' group by dimension, year, key
  union all
  select 'geographic_region', year, geographic_region, sum(trained)::int
    from rolled where dimension = 'total' group by year, geographic_region
  union all
  select 'regional_group', year, regional_group, sum(trained)::int
    from rolled where dimension = 'total' group by year, regional_group
  union all
  select 'state', null, state, sum(trained)::int
    from rolled where dimension = 'total' group by state
  union all
  select 'total', year, null, sum(trained)::int
    from rolled where dimension = 'total' group by year`;

/** The map's figure per State: participants trained from it. */
export const MAP_PARTICIPANTS_STATEMENT = `
  select n.member_state_code::text as state, count(*)::int as value
    from events e
    join nominations n on n.tenant_id = e.tenant_id and n.event_id = e.id
    join member_states ms on ms.alpha3 = n.member_state_code
   where ${countedEvent('e', VIEWER)} and ${inPeriod('e', '$6', '$7')}
     and ${trainedNomination('n')} and ${REGION}
   group by n.member_state_code`;

/** MAP_PARTICIPANTS_STATEMENT for who sees every event, from the rollup (as above). */
export const MAP_PARTICIPANTS_ROLLUP_STATEMENT = `
  select r.member_state_code::text as state, sum(r.trained)::int as value
    from dashboard_rollups r
    join member_states ms on ms.alpha3 = r.member_state_code
   where ${ROLLUP_READER} and r.dimension = 'total' and r.year between $6 and $7
     and r.trained <> 0 and ${REGION}
   group by r.member_state_code`;

/** The map's figure per State: counted events held in it (venue) or hosted by it, once each. */
export const MAP_EVENTS_STATEMENT = `
  select place.state::text as state, count(distinct e.id)::int as value
    from events e
    cross join lateral (
      select unnest(e.host_states) as state
      union select e.venue_country where e.venue_country is not null) place
    join member_states ms on ms.alpha3 = place.state
   where ${countedEvent('e', VIEWER)} and ${inPeriod('e', '$6', '$7')} and ${REGION}
   group by place.state`;

/**
 * Copies of the tool delivered in the period to States of the region, per year by the edition's
 * language: the deliveries' quantity. Read by `(tenant_id, delivered_on desc, id desc)`.
 */
export const DELIVERIES_STATEMENT = `
  select 'language' as dimension, ${deliveryYear('d')} as year, te.language::text as key,
         sum(d.quantity)::int as count
    from tool_deliveries d
    join tool_editions te on te.tenant_id = d.tenant_id and te.id = d.edition_id
    join member_states ms on ms.alpha3 = d.member_state_code
   where ${countedDelivery('d', VIEWER)} and ${deliveredInPeriod('d', '$6', '$7')} and ${REGION}
   group by 2, 3`;

/**
 * Assistance requests first submitted in the period by States of the region (never a draft),
 * per year by where they stand now; and the open ones (not completed, declined or withdrawn) by
 * how long ago they were submitted (REQUEST_AGE_BANDS, days as of now).
 */
export const REQUESTS_STATEMENT = `
  with counted as (
    select ${requestYear('r')} as year, r.status::text as status,
           extract(day from now() - r.submitted_at)::int as days
      from assistance_requests r
      join member_states ms on ms.alpha3 = r.member_state_code
     where ${countedRequest('r', REQUEST_VIEWER)} and ${submittedInPeriod('r', '$6', '$7')}
       and ${REGION}
  )
  select 'status' as dimension, year, status as key, count(*)::int as count
    from counted group by year, status
  union all
  select 'age', year,
         case when days < 30 then 'under_30_days'
              when days < 90 then 'days_30_to_89'
              when days < 180 then 'days_90_to_179'
              when days < 365 then 'days_180_to_364'
              else 'year_or_more' end,
         count(*)::int
    from counted where status not in ('completed', 'declined', 'withdrawn')
   group by 2, 3`;

/** The map's figure per State: copies of the tool delivered to it. */
export const MAP_COPIES_STATEMENT = `
  select d.member_state_code::text as state, sum(d.quantity)::int as value
    from tool_deliveries d
    join member_states ms on ms.alpha3 = d.member_state_code
   where ${countedDelivery('d', VIEWER)} and ${deliveredInPeriod('d', '$6', '$7')} and ${REGION}
   group by d.member_state_code`;

/** The map's figure per State: the assistance requests it submitted (never a draft). */
export const MAP_REQUESTS_STATEMENT = `
  select r.member_state_code::text as state, count(*)::int as value
    from assistance_requests r
    join member_states ms on ms.alpha3 = r.member_state_code
   where ${countedRequest('r', REQUEST_VIEWER)} and ${submittedInPeriod('r', '$6', '$7')}
     and ${REGION}
   group by r.member_state_code`;
