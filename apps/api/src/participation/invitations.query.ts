import { viewerParams, visibleEvent } from '../events/event-visibility';
import { invitationViewerParams, visibleInvitation } from './participant-visibility';

/*
 * The statements of the Participation tab (InvitationsService.participation), kept apart so that
 * the benchmark (tools/bench/participation.ts) sends the very same SQL through a bare pg pool.
 */

/**
 * The event as invitations read it, through the one visibility rule: $1–$3 the caller
 * (`viewerParams(1)`), $4 the event. Locked (`for update of e`) when an invitation changes.
 */
export const invitationEventStatement = (forUpdate: boolean) => `
select e.id, e.title, e.status, e.starts_at, e.ends_at,
       (e.starts_at at time zone e.time_zone)::date::text as start_day, e.time_zone,
       nullif(concat_ws(', ', e.venue_name, e.venue_city), '') as place, e.capacity,
       e.nomination_deadline::text as nomination_deadline, e.experts_see_participants
  from events e
 where e.id = $4 and ${visibleEvent('e', viewerParams(1))}
 ${forUpdate ? 'for update of e' : ''}`;

/**
 * The nominations of invitation `i`, counted: the figures of the tab. Seats taken are approved
 * nominations the participant did not decline; attended counts those present on any day.
 */
export const COUNTS = `cross join lateral (
    select count(*) filter (where nm.status <> 'withdrawn')::int as nominated,
           count(*) filter (where nm.status = 'nominated')::int as pending,
           count(*) filter (where nm.status = 'approved' and nm.confirmation <> 'declined')::int as approved,
           count(*) filter (where nm.status = 'waitlisted')::int as waitlisted,
           count(*) filter (where nm.status = 'approved' and nm.confirmation = 'confirmed')::int as confirmed,
           count(*) filter (where exists (
             select from attendance a
              where a.tenant_id = nm.tenant_id and a.nomination_id = nm.id
                and a.status in ('attended', 'partly')))::int as attended
      from nominations nm
     where nm.tenant_id = i.tenant_id and nm.invitation_id = i.id) n`;

/**
 * Every row the tab shows, in one statement: $1 event, $2–$3 the caller
 * (`invitationViewerParams`: the one rule, `visibleInvitation`, says which States' rows they
 * see), $4 the invitation ids wanted (null: all), $5–$7 the filters, which only mark the rows
 * (`matches`) so the totals can be summed over all of them.
 */
export const PARTICIPATION_ROWS = `
select i.id, i.event_id, i.member_state_code::text as member_state,
       coalesce((select array_agg(g.regional_group order by g.regional_group)
                   from member_state_groups g where g.alpha3 = i.member_state_code),
                '{}')::text[] as regional_groups,
       i.seats, i.nomination_deadline::text as nomination_deadline, i.status, i.decline_reason,
       i.seats_requested, i.seats_request_reason, i.seats_request_status, i.seats_request_answer,
       n.nominated, n.pending, n.approved, n.waitlisted, n.confirmed, n.attended,
       i.invited_at, i.responded_at, i.reminded_at, i.last_activity_at, i.version,
       (($5::text is null or i.status = $5)
        and ($6::text is null or exists (
              select from member_state_groups g
               where g.alpha3 = i.member_state_code and g.regional_group = $6))
        and ($7::text is null or i.member_state_code = upper($7)
             or position(lower($7) in lower(concat_ws(' ', ms.name_en, ms.name_fr, ms.name_es,
                                                     ms.name_ru, ms.name_ar, ms.name_zh))) > 0))
         as matches
  from event_invitations i
  join member_states ms on ms.alpha3 = i.member_state_code
  ${COUNTS}
 where i.event_id = $1
   and ${visibleInvitation('i', invitationViewerParams(2))}
   and ($4::uuid[] is null or i.id = any ($4))
 order by i.member_state_code`;
