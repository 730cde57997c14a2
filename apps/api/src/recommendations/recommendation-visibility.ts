import { RECOMMENDATION_PUBLIC_EVENT_STATUSES } from '@convene/domain';
import { announced, publicEvent, type Viewer, visibleEvent } from '../events/event-visibility';

/**
 * THE rule of who may see a meeting's recommendation: the one place it is written. Every read
 * path (the list across events and its CSV export, one recommendation, the event's tab, the
 * public page) embeds the SQL built here instead of a condition of its own; a recommendation
 * outside it does not exist for the caller (404, absent from lists and exports).
 *
 * - Whoever may see the event (`visibleEvent`: planners, the focal points of its host and
 *   invited States, its speakers and experts) sees its recommendations.
 * - A focal point also sees those addressed to their State, at an event they could not open
 *   otherwise (a meeting their State was not invited to may still recommend it something).
 * - Anyone, signed in or not, sees those of a public event once it is reported or closed
 *   (`publicRecommendations`): the tenant's public page lists them, with no people.
 *
 * Later issues extend this rule here, never in a read path.
 */
export function visibleRecommendation(alias: string, viewer: Viewer): string {
  return `exists (select from events recommendation_event
   where recommendation_event.tenant_id = ${alias}.tenant_id
     and recommendation_event.id = ${alias}.event_id
     and (${visibleEvent('recommendation_event', viewer)}
       or (${viewer.memberState} is not null and ${announced('recommendation_event')}
           and ${viewer.memberState} = any (${alias}.addressed_states))
       or ${publicRecommendations('recommendation_event')}))`;
}

/** Whether the recommendations of the event `alias` are public: a public event, reported or closed. */
export function publicRecommendations(eventAlias: string): string {
  const statuses = RECOMMENDATION_PUBLIC_EVENT_STATUSES.map((status) => `'${status}'`).join(', ');
  return `(${publicEvent(eventAlias)} and ${eventAlias}.status in (${statuses}))`;
}

/** Nobody signed in: the public page asks the same rule for this viewer. */
export const NOBODY: Viewer = {
  userId: 'null::uuid',
  memberState: 'null::char(3)',
  manages: 'false',
};

/**
 * Whether the person `userId` is the rapporteur of the event `alias`: they accepted an
 * assignment to it with the role rapporteur (docs/experts.md). Not a visibility rule (the
 * rapporteur is one of the event's experts, so sees it): who may write its recommendations.
 */
export function eventRapporteur(alias: string, userId: string): string {
  return `exists (select from expert_assignments event_rapporteur
                where event_rapporteur.tenant_id = ${alias}.tenant_id
                  and event_rapporteur.event_id = ${alias}.id
                  and event_rapporteur.user_id = ${userId}
                  and event_rapporteur.role = 'rapporteur' and event_rapporteur.status = 'accepted')`;
}
