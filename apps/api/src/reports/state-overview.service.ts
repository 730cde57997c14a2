import {
  EVENT_STATUSES,
  EVENT_TYPES,
  INVITATION_STATUSES,
  ISO_NUMERIC,
  RECOMMENDATION_STATUSES,
  SEXES,
  STATE_PAGE_LIST_MAX,
  type StateOverview,
  THEMATIC_AREAS,
} from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { forbidden } from '../common/app-exception';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { visibleRecommendation } from '../recommendations/recommendation-visibility';
import { countedEvent, mayOpenState, trainedNomination } from './report-scope';

const VIEWER = viewerParams(1);

/**
 * The State's events the caller may see: hosted by it, held in it, it was invited to (an
 * invitation not withdrawn), or with a participant of it. Drafts only for who plans events
 * (visibleEvent). $4 the State. Newest first, then the total.
 */
const EVENTS = `
  with concerned as (
    select e.id, e.title, e.type, e.status, e.starts_at, e.time_zone,
           ($4::char(3) = any (e.host_states) or e.venue_country = $4::char(3)) as hosted,
           i.status as invitation,
           (select count(*) from nominations n
             where n.tenant_id = e.tenant_id and n.event_id = e.id
               and n.member_state_code = $4::char(3)
               and ${countedEvent('e', VIEWER)} and ${trainedNomination('n')})::int as participants
      from events e
      left join event_invitations i
        on i.tenant_id = e.tenant_id and i.event_id = e.id and i.member_state_code = $4::char(3)
       and i.status <> 'withdrawn'
     where ${visibleEvent('e', VIEWER)}
       and ($4::char(3) = any (e.host_states) or e.venue_country = $4::char(3) or i.id is not null
            or exists (select from nominations n
                        where n.tenant_id = e.tenant_id and n.event_id = e.id
                          and n.member_state_code = $4::char(3) and n.status <> 'withdrawn'))
  )
  select id, title, type, status, starts_at as "startsAt",
         time_zone as "timeZone", hosted, invitation, participants,
         count(*) over ()::int as total
    from concerned
   order by starts_at desc, id
   limit ${STATE_PAGE_LIST_MAX}`;

/** Figures of the State: trained participants by sex, and its invitations by answer. */
const FIGURES = `
  select 'sex' as dimension, n.sex as key, count(*)::int as count
    from events e
    join nominations n on n.tenant_id = e.tenant_id and n.event_id = e.id
   where ${countedEvent('e', VIEWER)} and n.member_state_code = $4::char(3) and ${trainedNomination('n')}
   group by n.sex
  union all
  select 'invitation', i.status, count(*)::int
    from events e
    join event_invitations i on i.tenant_id = e.tenant_id and i.event_id = e.id
   where ${visibleEvent('e', VIEWER)} and i.member_state_code = $4::char(3) and i.status <> 'withdrawn'
   group by i.status`;

/** Recommendations addressed to the State that the caller may see, newest meetings first. */
const RECOMMENDATIONS = `
  select r.id, r.event_id as "eventId", e.title as "eventTitle", r.position as number, r.text,
         r.thematic_area as "thematicArea", r.status, count(*) over ()::int as total
    from recommendations r
    join events e on e.tenant_id = r.tenant_id and e.id = r.event_id
   where r.addressed_states @> array[$4::char(3)] and ${visibleRecommendation('r', VIEWER)}
   order by e.starts_at desc, e.id, r.position
   limit ${STATE_PAGE_LIST_MAX}`;

const EventRow = z.strictObject({
  id: z.string(),
  title: z.string(),
  type: z.enum(EVENT_TYPES),
  status: z.enum(EVENT_STATUSES),
  startsAt: z.date(),
  timeZone: z.string(),
  hosted: z.boolean(),
  invitation: z.enum(INVITATION_STATUSES).nullable(),
  participants: z.number().int(),
  total: z.number().int(),
});
const FigureRow = z.strictObject({
  dimension: z.string(),
  key: z.string(),
  count: z.number().int(),
});
const RecommendationRow = z.strictObject({
  id: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  number: z.number().int(),
  text: z.string(),
  thematicArea: z.enum(THEMATIC_AREAS),
  status: z.enum(RECOMMENDATION_STATUSES),
  total: z.number().int(),
});

@Injectable()
export class StateOverviewService {
  /**
   * A State's page in three statements: officers and admins any State, a focal point their own
   * (403 for another). What it lists follows the event and recommendation rules.
   */
  async overview(state: string): Promise<StateOverview> {
    const { manager, user, tenant } = requestContext.current();
    const visibility = visibilityOf(user?.id ?? null, tenant);
    if (!mayOpenState(visibility, state)) throw forbidden();
    const parameters = [...visibility, state];
    const events = await sql(manager, EVENTS, parameters, EventRow);
    const figures = await sql(manager, FIGURES, parameters, FigureRow);
    const recommendations = await sql(manager, RECOMMENDATIONS, parameters, RecommendationRow);
    const figure = (dimension: string, key: string) =>
      figures.find((row) => row.dimension === dimension && row.key === key)?.count ?? 0;
    const bySex = SEXES.map((key) => ({ key, count: figure('sex', key) }));
    const total = bySex.reduce((sum, entry) => sum + entry.count, 0);
    const invitations = INVITATION_STATUSES.filter((status) => status !== 'withdrawn').map(
      (status) => figure('invitation', status),
    );
    const [pending = 0, accepted = 0, declined = 0] = invitations;
    return {
      state,
      numeric: ISO_NUMERIC[state] ?? '000',
      participants: {
        total,
        bySex,
        womenShare: total === 0 ? null : figure('sex', 'female') / total,
      },
      events: events.map(({ total: _total, startsAt, ...event }) => ({
        ...event,
        startsAt: startsAt.toISOString(),
      })),
      eventsTotal: events[0]?.total ?? 0,
      invitations: { total: pending + accepted + declined, accepted, declined, pending },
      recommendations: recommendations.map(
        ({ total: _total, ...recommendation }) => recommendation,
      ),
      recommendationsTotal: recommendations[0]?.total ?? 0,
    };
  }
}
