import { viewerParams, visibleEvent } from '../events/event-visibility';

/** The dimensions the grouping sets produce, one per breakdown (and `total`). */
export const FIGURE_DIMENSIONS = [
  'total',
  'sex',
  'institution_type',
  'audience',
  'regional_group',
  'geographic_region',
  'state',
] as const;

/**
 * Every figure of one event in one statement: the event under the one visibility rule (caller
 * as $1–$3), its nominations' NON-PERSONAL columns only (State, sex, institution type,
 * audience, status, confirmation) and attendance, aggregated once per breakdown with grouping
 * sets. Nothing here reads a name, an email, a function or an institution: anonymising a
 * participant changes no figure (figures.int.spec.ts proves it).
 *
 * Withdrawn nominations count nowhere. The States represented are counted from the per-State
 * rows (figures.service.ts), not with count(distinct) here: a distinct aggregate under grouping
 * sets sorts its input once per group, which cost ten times the rest of the statement. The stages:
 * - approved: status approved and the participant did not decline (a seat taken);
 * - confirmed: approved and confirmed by the participant;
 * - attended: approved and checked in (attended or partly) on at least one day.
 */
export const FIGURES_STATEMENT = `
  with event as (
    select e.tenant_id, e.id, e.capacity from events e
     where e.id = $4 and ${visibleEvent('e', viewerParams(1))}
  ), nominee as (
    select n.member_state_code::text as state, n.sex, n.institution_type, n.audience,
           coalesce(ms.regional_group, 'none') as regional_group, ms.geographic_region,
           n.status, n.confirmation,
           (n.status = 'approved' and n.confirmation <> 'declined') as approved,
           (n.status = 'approved' and n.confirmation = 'confirmed') as confirmed,
           (n.status = 'approved' and exists (
              select from attendance a
               where a.tenant_id = n.tenant_id and a.nomination_id = n.id
                 and a.status in ('attended', 'partly'))) as attended
      from event
      join nominations n on n.tenant_id = event.tenant_id and n.event_id = event.id
      join member_states ms on ms.alpha3 = n.member_state_code
     where n.status <> 'withdrawn'
  ), invited as (
    select i.status from event
      join event_invitations i on i.tenant_id = event.tenant_id and i.event_id = event.id
     where i.status <> 'withdrawn'
  )
  select case
           when grouping(sex) = 0 then 'sex'
           when grouping(institution_type) = 0 then 'institution_type'
           when grouping(audience) = 0 then 'audience'
           when grouping(regional_group) = 0 then 'regional_group'
           when grouping(geographic_region) = 0 then 'geographic_region'
           when grouping(state) = 0 then 'state'
           else 'total'
         end as dimension,
         coalesce(sex, institution_type, audience, regional_group, geographic_region, state) as key,
         exists (select from event) as event_found,
         (select capacity from event) as capacity,
         count(*)::int as nominations,
         count(*) filter (where status = 'nominated')::int as pending,
         count(*) filter (where status = 'waitlisted')::int as waitlisted,
         count(*) filter (where status = 'declined')::int as declined,
         count(*) filter (where status = 'approved' and confirmation = 'declined')::int
           as declined_by_participant,
         count(*) filter (where approved)::int as approved,
         count(*) filter (where confirmed)::int as confirmed,
         count(*) filter (where attended)::int as attended,
         (select count(*) from invited)::int as states_invited,
         (select count(*) from invited where status = 'accepted')::int as states_accepted
    from nominee
   group by grouping sets ((sex), (institution_type), (audience), (regional_group),
                           (geographic_region), (state), ())`;
