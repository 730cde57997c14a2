import { ROLES, type Role } from '@convene/contracts';
import { can } from '@convene/domain';

/**
 * THE rule of who may see an event: the one place it is written. Every read path of events
 * (the list and the home panels that use it, the detail, the agenda and the other side of its
 * clash warnings, the .ics, the private and public feeds, the event reminders and the
 * announcement mail) embeds the SQL built here instead of a condition of its own; an event
 * outside it does not exist for the caller (404, absent from lists and feeds, "another
 * commitment" in a warning).
 *
 * - Planners (roles with `events.manage`: tenant admins, programme officers) see every event of
 *   their tenant, drafts included.
 * - Everyone else sees an event only once it was announced (`announced_at`: it left draft for a
 *   live status at least once; a draft cancelled before that stays with the planners), and then
 *   only if it concerns them: a focal point's State hosts it or is invited to it (an invitation
 *   the officer did not withdraw; one the State declined still lets it read the event), or the
 *   person is one of its experts: they accepted an assignment to it or to one of its sessions
 *   (the agenda's speakers are exactly those). Asked and not answering, declined or withdrawn
 *   is not enough.
 * - Anyone, signed in or not, sees what the tenant marked public, once announced
 *   (`publicEvent`), on the public page and feed, which carry no people.
 *
 * Later issues extend this rule here, never in a read path (experts who accepted an assignment
 * are in, through `eventExpert`). Add the clause to `visibleEvent` (and, if it
 * needs to know more about the caller, a field to `Viewer` and to `Visibility`), and every
 * path follows; `apps/api/src/access/event-visibility.int.spec.ts` states the expected sets
 * from its fixtures and checks every path against them.
 */

/** The caller as parameters of a statement: $1 user id, $2 focal point's State, $3 plans events. */
export type Visibility = [userId: string | null, memberState: string | null, manages: boolean];

/**
 * The caller as SQL expressions of the embedding statement: parameters for a request (see
 * `viewerParams`), or columns when one statement serves many people (each reminder's recipient
 * and their membership).
 */
export interface Viewer {
  /** uuid, or null for nobody. */
  userId: string;
  /** char(3), the State a focal point represents; null for other roles. */
  memberState: string;
  /** boolean: whether the caller plans the tenant's events (sees them all). */
  manages: string;
}

/** A Visibility passed as three consecutive parameters, from `$first`. */
export function viewerParams(first = 1): Viewer {
  return {
    userId: `$${first}::uuid`,
    memberState: `$${first + 1}::char(3)`,
    manages: `$${first + 2}::boolean`,
  };
}

/** The roles that plan events, for a statement that reads a membership's role column. */
export const PLANNER_ROLES: readonly Role[] = ROLES.filter((role) => can(role, 'events.manage'));

/** What a person with this membership of the tenant may see, as Visibility. */
export function visibilityOf(
  userId: string | null,
  membership: { role: Role; memberStateCode: string | null } | null,
): Visibility {
  if (!membership) return [userId, null, false];
  return [
    userId,
    membership.role === 'focal_point' ? membership.memberStateCode : null,
    can(membership.role, 'events.manage'),
  ];
}

/**
 * A person as columns: `userId` a uuid expression, `membership` the alias of their row of
 * memberships in the event's tenant, `plannerRoles` a text[] parameter holding PLANNER_ROLES.
 * The SQL twin of visibilityOf, for one statement that serves many people.
 */
export function membershipViewer(userId: string, membership: string, plannerRoles: string): Viewer {
  return {
    userId,
    memberState: `(case when ${membership}.role = 'focal_point' then ${membership}.member_state_code end)`,
    manages: `(${membership}.role = any (${plannerRoles}))`,
  };
}

/** Whether the event `alias` has ever been announced (left draft for a live status). */
export const announced = (alias: string) => `${alias}.announced_at is not null`;

/** Whether `viewer` may see the event `alias` (a row of events, in the viewer's tenant). */
export function visibleEvent(alias: string, viewer: Viewer): string {
  return `(
  ${viewer.manages}
  or (${announced(alias)} and (
       (${viewer.memberState} is not null and ${viewer.memberState} = any (${alias}.host_states))
    or (${viewer.memberState} is not null and exists (
         select from event_invitations visible_invitation
          where visible_invitation.tenant_id = ${alias}.tenant_id and visible_invitation.event_id = ${alias}.id
            and visible_invitation.member_state_code = ${viewer.memberState}
            and visible_invitation.status <> 'withdrawn'))
    or ${eventExpert(alias, viewer.userId)})))`;
}

/**
 * Whether the person `userId` (a uuid expression) is one of the event `alias`'s experts: they
 * accepted an assignment to it or to one of its sessions. An expert asked but not yet answering,
 * who declined or whose assignment was withdrawn is not. Every rule that grants "the event's
 * experts" something (seeing the event, its participants where the event allows it, documents
 * shared with its experts) asks this.
 */
export function eventExpert(alias: string, userId: string): string {
  return `exists (select from expert_assignments event_expert
                where event_expert.tenant_id = ${alias}.tenant_id and event_expert.event_id = ${alias}.id
                  and event_expert.user_id = ${userId} and event_expert.status = 'accepted')`;
}

/**
 * Whether anyone may see the event `alias` on the tenant's public page and feed: marked public
 * and announced, so a public draft, or one cancelled before it was announced, stays hidden.
 */
export function publicEvent(alias: string): string {
  return `(${alias}.is_public and ${announced(alias)})`;
}
