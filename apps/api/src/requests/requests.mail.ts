import { Language, RequestStatus } from '@convene/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { enqueueEach } from '../mail/outbox.service';
import { stateNameIn } from '../member-states/state-name-sql';
import {
  membershipRequestViewer,
  REQUEST_MANAGER_ROLES,
  visibleRequest,
} from './request-visibility';

/*
 * The mail of assistance requests (docs/requests.md, "Mail"): each step goes to the other side,
 * in the recipient's language, written in the caller's transaction (a step rolled back sends
 * nothing). Recipients are picked by the one rule, so nobody hears of a request they cannot open.
 */

const Recipient = z.strictObject({
  user_id: z.guid(),
  email: z.string(),
  name: z.string(),
  language: Language,
  tenant_name: z.string(),
  tenant_slug: z.string(),
  request_title: z.string(),
  request_status: RequestStatus,
  state_name: z.string(),
});
type Recipient = z.infer<typeof Recipient>;

const COLUMNS = `u.id as user_id, u.email, u.name, u.preferred_language as language,
  t.name as tenant_name, t.slug as tenant_slug, r.title as request_title,
  r.status as request_status, ${stateNameIn('u.preferred_language')} as state_name`;

const JOINS = `assistance_requests r
  join member_states ms on ms.alpha3 = r.member_state_code
  join tenants t on t.id = r.tenant_id`;

export interface RequestStep {
  tenantId: string;
  requestId: string;
  /** Tells steps apart for the outbox's idempotency: e.g. the request's version after it. */
  key: string;
  reason: string | null;
}

const link = (appUrl: string, row: Recipient, requestId: string) =>
  `${appUrl}/t/${encodeURIComponent(row.tenant_slug)}/requests/${requestId}`;

/** An officer's step, or linked events', to the active focal points of the requesting State. */
export async function notifyState(
  manager: EntityManager,
  input: RequestStep & { step: 'status' | 'information_requested' | 'message' | 'file' },
  appUrl: string,
): Promise<void> {
  const rows = await sql(
    manager,
    `select ${COLUMNS}
       from ${JOINS}
       join memberships m on m.tenant_id = r.tenant_id and m.status = 'active'
                         and m.role = 'focal_point' and m.member_state_code = r.member_state_code
       join users u on u.id = m.user_id
      where r.tenant_id = $1 and r.id = $2
        and ${visibleRequest('r', membershipRequestViewer('u.id', 'm', '$3::text[]'))}
      order by u.id`,
    [input.tenantId, input.requestId, REQUEST_MANAGER_ROLES],
    Recipient,
  );
  await enqueueEach(
    manager,
    input.tenantId,
    rows,
    `request_updated:${input.requestId}:${input.key}`,
    (row) => ({
      kind: 'request_updated',
      name: row.name,
      tenantName: row.tenant_name,
      requestTitle: row.request_title,
      step: input.step,
      status: row.request_status,
      reason: input.reason,
      link: link(appUrl, row, input.requestId),
    }),
  );
}

/**
 * The State's step, to the request's responsible officer when they are an active officer or
 * administrator of the tenant, else to every one of them.
 */
export async function notifyOfficers(
  manager: EntityManager,
  input: RequestStep & { step: 'submitted' | 'resubmitted' | 'withdrawn' | 'message' },
  appUrl: string,
): Promise<void> {
  const rows = await sql(
    manager,
    `with managers as (
       select m.user_id from memberships m
        where m.tenant_id = $1 and m.status = 'active' and m.role = any ($3::text[]))
     select ${COLUMNS}
       from ${JOINS}
       join users u on u.id in (
         select user_id from managers where user_id = r.responsible_officer_id
         union all
         select user_id from managers
          where not exists (select from managers o where o.user_id = r.responsible_officer_id))
      where r.tenant_id = $1 and r.id = $2
      order by u.id`,
    [input.tenantId, input.requestId, REQUEST_MANAGER_ROLES],
    Recipient,
  );
  await enqueueEach(
    manager,
    input.tenantId,
    rows,
    `request_received:${input.requestId}:${input.key}`,
    (row) => ({
      kind: 'request_received',
      name: row.name,
      tenantName: row.tenant_name,
      requestTitle: row.request_title,
      stateName: row.state_name,
      step: input.step,
      reason: input.reason,
      link: link(appUrl, row, input.requestId),
    }),
  );
}

/**
 * An officer assigned an expert as the request's reviewer: to that expert, once, when they are
 * an active expert of the tenant who now sees the request through the one rule. Called after the
 * assignment is written, in its transaction, only when the reviewer changed.
 */
export async function notifyReviewer(
  manager: EntityManager,
  input: Omit<RequestStep, 'reason'>,
  appUrl: string,
): Promise<void> {
  const rows = await sql(
    manager,
    `select ${COLUMNS}
       from ${JOINS}
       join memberships m on m.tenant_id = r.tenant_id and m.status = 'active'
                         and m.role = 'expert' and m.user_id = r.expert_reviewer_id
       join users u on u.id = m.user_id
      where r.tenant_id = $1 and r.id = $2
        and ${visibleRequest('r', membershipRequestViewer('u.id', 'm', '$3::text[]'))}
      order by u.id`,
    [input.tenantId, input.requestId, REQUEST_MANAGER_ROLES],
    Recipient,
  );
  await enqueueEach(
    manager,
    input.tenantId,
    rows,
    `request_review_assigned:${input.requestId}:${input.key}`,
    (row) => ({
      kind: 'request_review_assigned',
      name: row.name,
      tenantName: row.tenant_name,
      requestTitle: row.request_title,
      stateName: row.state_name,
      link: link(appUrl, row, input.requestId),
    }),
  );
}
