import { ROLES, type Role } from '@convene/contracts';
import { can } from '@convene/domain';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/app-exception';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';

/**
 * THE rule of who may see an assistance request and its thread: the one place it is written.
 * Every read path (the inbox and board, one request, its thread and history, the home panels,
 * the attachments' downloads, the checks before a change, the mail's recipients) embeds the SQL
 * built here; a request outside it does not exist for the caller (404, absent from lists).
 *
 * - Officers and administrators (`requests.manage`) see every request of their tenant once its
 *   State has submitted it: a draft is the State's own until then, as a letter not yet sent.
 * - A focal point sees their own State's requests, drafts included (any focal point of the State
 *   may carry on a colleague's draft), and nothing of another State.
 * - An expert sees none, unless an officer assigned them as the request's reviewer: then that
 *   request and its shared thread (never a draft: officers cannot see one to assign it).
 *
 * Internal notes are the officers' alone (`visibleRequestMessage`): never in the JSON a focal
 * point or a reviewer receives.
 */

/** The caller as parameters of a statement: $n user id, $n+1 focal point's State, $n+2 manages. */
export type RequestVisibility = [
  userId: string | null,
  memberState: string | null,
  manages: boolean,
];

export interface RequestViewer {
  userId: string;
  memberState: string;
  manages: string;
}

/** A RequestVisibility passed as three consecutive parameters, from `$first`. */
export function requestViewerParams(first = 1): RequestViewer {
  return {
    userId: `$${first}::uuid`,
    memberState: `$${first + 1}::char(3)`,
    manages: `$${first + 2}::boolean`,
  };
}

/** What a person with this membership of the tenant may see, as RequestVisibility. */
export function requestVisibilityOf(
  userId: string | null,
  membership: { role: Role; memberStateCode: string | null } | null,
): RequestVisibility {
  if (!membership) return [userId, null, false];
  return [
    userId,
    membership.role === 'focal_point' ? membership.memberStateCode : null,
    can(membership.role, 'requests.manage'),
  ];
}

/**
 * A person as columns, `membership` their row of memberships in the request's tenant: the SQL
 * twin of requestVisibilityOf, for a statement that picks the recipients of mail.
 */
export function membershipRequestViewer(
  userId: string,
  membership: string,
  managerRoles: string,
): RequestViewer {
  return {
    userId,
    memberState: `(case when ${membership}.role = 'focal_point' then ${membership}.member_state_code end)`,
    manages: `(${membership}.role = any (${managerRoles}))`,
  };
}

/** Whether `viewer` may see the request `alias` (a row of assistance_requests). */
export function visibleRequest(alias: string, viewer: RequestViewer): string {
  return `(((${viewer.manages}
      or (${viewer.userId} is not null and ${alias}.expert_reviewer_id = ${viewer.userId}))
      and ${alias}.status <> 'draft')
    or (${viewer.memberState} is not null and ${alias}.member_state_code = ${viewer.memberState}))`;
}

/**
 * Whether `viewer` may read the message `alias` (a row of request_messages) of a request they
 * see: the shared thread, and internal notes for officers and administrators only.
 */
export function visibleRequestMessage(alias: string, viewer: RequestViewer): string {
  // Every member of the viewer is named, so a statement binds the same three parameters here
  // as for visibleRequest (PostgreSQL refuses a parameter it cannot type).
  return `(not ${alias}.internal or ${viewer.manages}
    or (${viewer.userId} is null and ${viewer.memberState} is null and false))`;
}

/** The roles that manage requests, for a statement that reads a membership's role column. */
export const REQUEST_MANAGER_ROLES: readonly Role[] = ROLES.filter((role) =>
  can(role, 'requests.manage'),
);

/**
 * The check before another record (an assessment, a tool delivery) names a request: the caller
 * must see it through the one rule, and it must be the same State's. Otherwise 400, the same
 * answer for a request that does not exist, is another tenant's, a draft not yet sent or another
 * State's, so the answer tells nothing about requests the caller cannot see.
 */
export async function requireLinkableRequest(
  manager: EntityManager,
  requestId: string,
  memberState: string,
): Promise<void> {
  const { user, tenant } = requestContext.current();
  const rows = await sql(
    manager,
    `select 1 from assistance_requests r
      where r.id = $4::uuid and r.member_state_code = $5::char(3)
        and ${visibleRequest('r', requestViewerParams(1))}`,
    [...requestVisibilityOf(user?.id ?? null, tenant), requestId, memberState],
  );
  if (rows.length === 0) {
    throw new AppException(400, 'validation', 'The request is not valid', undefined, [
      { path: 'requestId', message: `not a request of ${memberState} that you can see` },
    ]);
  }
}
