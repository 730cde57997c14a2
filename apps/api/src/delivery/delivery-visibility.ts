import type { Viewer } from '../events/event-visibility';

/**
 * THE rule of who may see a delivery of the tool: the one place it is written. Every read path
 * (the register and its filters, the bulk hand-out's answer, coverage, the IATI figures of States
 * reached) embeds the SQL built here instead of a condition of its own; a delivery outside it
 * does not exist for the caller.
 *
 * - Whoever plans the tenant's events (officers, admins: `viewer.manages`) sees every delivery.
 * - A focal point sees the deliveries to their own State, read-only.
 * - Nobody else (experts) sees any: the routes also refuse them by permission.
 *
 * The event a delivery names is shown only under the events' own rule (`visibleEvent`), so a
 * focal point sees that copies reached their State at a workshop without learning of a meeting
 * they may not open.
 */
export function visibleDelivery(alias: string, viewer: Viewer): string {
  return `(${viewer.manages}
    or (${viewer.memberState} is not null and ${alias}.member_state_code = ${viewer.memberState}))`;
}
