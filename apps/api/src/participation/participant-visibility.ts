import { eventExpert, type Viewer } from '../events/event-visibility';

/**
 * THE rule of who may see whom among an event's nominees: the one place it is written, as
 * event-visibility.ts is for events. Every read path of nominations and participants (the
 * participation tab, a nomination, the figures' drill-downs, the exports, a person's history,
 * the check-in list, the mail that names people) embeds the SQL built here; a nomination outside
 * it does not exist for the caller (404, absent from lists and exports).
 *
 * It applies only to events the caller may see: embed it next to `visibleEvent`, never instead.
 *
 * - Planners (`events.manage`: tenant admins, programme officers) see every nomination, with
 *   every column.
 * - A focal point sees the nominations of their own State, with every column, and nothing of
 *   another State's nominees (not even that they exist: counts of other States are figures,
 *   which read non-personal columns only).
 * - An expert speaking at the event sees approved nominees' names and institutions, and only
 *   where the event allows it (`events.experts_see_participants`, off by default): never
 *   emails, needs, decisions' reasons or the nominees still being decided.
 * - Nobody else sees anyone.
 *
 * Read paths choose columns with `nomineeColumns`: an expert's row holds only the name,
 * institution and State; everything else reads as null.
 */

/**
 * THE rule of who may see a State's invitation to an event (its seats, deadline, answers, seat
 * requests and the counts of its nominees): planners every State's; a focal point their own
 * State's (also once withdrawn or declined, where the event stays visible to them as a host);
 * nobody else any, experts included. Every read path of invitations (the participation tab, the
 * focal point's open invitations, the lookups of the officer's and the focal point's actions, the
 * nomination's own invitation) embeds it; an invitation outside it does not exist for the caller
 * (404, absent from lists). Embed it next to `visibleEvent`, never instead.
 *
 * The figures are not a read path of invitations: they count every State's, as aggregates of
 * non-personal columns, for whoever sees the event (docs/participation.md).
 */
export function visibleInvitation(invitation: string, viewer: InvitationViewer): string {
  return `(
  ${viewer.manages}
  or (${viewer.memberState} is not null and ${invitation}.member_state_code = ${viewer.memberState}))`;
}

/** What the invitation rule asks of the caller: their State and whether they plan events. */
export type InvitationViewer = Pick<Viewer, 'memberState' | 'manages'>;

/**
 * The caller as two consecutive parameters from `$first`: the focal point's State and whether
 * they plan events (a `Visibility` without its user id, which this rule does not ask: a
 * parameter a statement never reads has no type PostgreSQL can infer).
 */
export function invitationViewerParams(first: number): InvitationViewer {
  return { memberState: `$${first}::char(3)`, manages: `$${first + 1}::boolean` };
}

/**
 * Whether `viewer` may see the nomination `nomination` (a row of nominations) of the event
 * `event` (its row of events, already filtered by visibleEvent for the same viewer).
 */
export function visibleNomination(nomination: string, event: string, viewer: Viewer): string {
  return `(
  ${viewer.manages}
  or (${viewer.memberState} is not null and ${nomination}.member_state_code = ${viewer.memberState})
  or (${expertSeesNames(nomination, event, viewer)}))`;
}

/**
 * Whether `viewer` sees `nomination` only as an expert does (name, institution, State): the
 * event allows it, the viewer is one of its experts (`eventExpert`: an accepted assignment), the nomination is approved, and the viewer neither
 * plans events nor represents the nominee's State.
 */
export function expertSeesNames(nomination: string, event: string, viewer: Viewer): string {
  return `(
  not ${viewer.manages}
  and (${viewer.memberState} is null or ${nomination}.member_state_code <> ${viewer.memberState})
  and ${event}.experts_see_participants
  and ${nomination}.status = 'approved'
  and ${eventExpert(event, viewer.userId)})`;
}

/**
 * A personal column of a nomination or its participant as the viewer may read it: the value,
 * or null where the viewer sees the nominee only as an expert does. Use for every column except
 * the participant's name, the institution and the State.
 */
export function personalColumn(
  column: string,
  nomination: string,
  event: string,
  viewer: Viewer,
): string {
  return `(case when ${expertSeesNames(nomination, event, viewer)} then null else ${column} end)`;
}
