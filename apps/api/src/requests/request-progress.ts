import { EventStatus, RequestStatus } from '@convene/contracts';
import { requestStatusFromEvents } from '@convene/domain';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import type { AuditService } from '../audit/audit.service';
import { sql } from '../db/sql';
import { notifyState } from './requests.mail';

const ProgressRow = z.strictObject({
  id: z.guid(),
  tenant_id: z.guid(),
  status: RequestStatus,
  version: z.number().int(),
  event_statuses: z.array(EventStatus),
});

const STEP_OF: Partial<Record<RequestStatus, string>> = {
  planned: 'events_planned',
  in_delivery: 'events_delivering',
  completed: 'events_completed',
};

/**
 * Moves on the approved, planned and in-delivery requests that the events `eventIds` answer, as
 * their linked events now stand (`requestStatusFromEvents`, libs/domain): called where an event
 * changes status (EventsService.transition) and where a request's links change. In the caller's
 * transaction, with the requests locked, so two changes at once cannot both miss the step.
 */
export async function advanceRequestsOfEvents(
  manager: EntityManager,
  audit: AuditService,
  input: { eventIds?: string[]; requestIds?: string[] },
  appUrl: string,
): Promise<void> {
  const rows = await sql(
    manager,
    `select r.id, r.tenant_id, r.status, r.version,
            array(select e.status from request_events re
                    join events e on e.tenant_id = re.tenant_id and e.id = re.event_id
                   where re.tenant_id = r.tenant_id and re.request_id = r.id) as event_statuses
       from assistance_requests r
      where r.status in ('approved', 'planned', 'in_delivery')
        and (r.id = any ($2::uuid[])
          or exists (select from request_events linked
                      where linked.tenant_id = r.tenant_id and linked.request_id = r.id
                        and linked.event_id = any ($1::uuid[])))
      order by r.id
      for update of r`,
    [input.eventIds ?? [], input.requestIds ?? []],
    ProgressRow,
  );
  for (const row of rows) {
    const to = requestStatusFromEvents(row.status, row.event_statuses);
    if (to === row.status) continue;
    await sql(
      manager,
      `update assistance_requests
          set status = $2, status_since = now(), version = version + 1, updated_at = now()
        where id = $1`,
      [row.id, to],
    );
    await sql(
      manager,
      `insert into request_history (tenant_id, request_id, action, from_status, to_status)
       values ($1, $2, $3, $4, $5)`,
      [row.tenant_id, row.id, STEP_OF[to], row.status, to],
    );
    await audit.record({
      action: `request.${STEP_OF[to] ?? 'events'}`,
      entity: 'assistance_request',
      entityId: row.id,
      tenantId: row.tenant_id,
      before: { status: row.status },
      after: { status: to },
    });
    await notifyState(
      manager,
      {
        tenantId: row.tenant_id,
        requestId: row.id,
        key: `v${row.version + 1}`,
        reason: null,
        step: 'status',
      },
      appUrl,
    );
  }
}
