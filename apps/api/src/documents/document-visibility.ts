import type { Role } from '@convene/contracts';
import { can } from '@convene/domain';
import { eventExpert, publicEvent, type Viewer, visibleEvent } from '../events/event-visibility';

/**
 * THE rule of who may read a document: the one place it is written. Every read path of
 * documents (an event's list, the library, the detail and its versions, the signed download,
 * the participant's page, the search) embeds the SQL built here; a document outside it does not
 * exist for the caller (404, absent from lists and search).
 *
 * - The tenant's staff (roles with `documents.manage`) read every document, drafts included.
 * - The event's experts (`eventExpert`: an accepted assignment) read its documents of every
 *   visibility but `staff`, drafts included (the rapporteur's report before it is published).
 * - Otherwise only published documents:
 *   - `public`: whoever may see the event (the events rule, or the tenant's public page); in the
 *     library, every member of the tenant;
 *   - `staff_and_experts` in the library: the tenant's experts;
 *   - `participants`: the event's participants, through their participant page (no account).
 *
 * Extend the rule here, never in a read path; `documents.int.spec.ts` checks every path's
 * bodies against the sets this rule allows.
 */

/** A member of the tenant as SQL expressions: the events rule's Viewer and two more. */
export interface DocumentViewer extends Viewer {
  /** boolean: whether the caller is the tenant's staff (reads every document). */
  staff: string;
  /** boolean: whether the caller has the expert role (reads the library's expert documents). */
  expert: string;
}

/** A member as five consecutive parameters, from `$first`. */
export function documentViewerParams(first = 1): DocumentViewer {
  return {
    userId: `$${first}::uuid`,
    memberState: `$${first + 1}::char(3)`,
    manages: `$${first + 2}::boolean`,
    staff: `$${first + 3}::boolean`,
    expert: `$${first + 4}::boolean`,
  };
}

export type DocumentVisibilityParams = [
  userId: string,
  memberState: string | null,
  manages: boolean,
  staff: boolean,
  expert: boolean,
];

/** The parameters of documentViewerParams for a person with this role in the tenant. */
export function documentVisibilityOf(
  userId: string,
  membership: { role: Role; memberStateCode: string | null },
): DocumentVisibilityParams {
  return [
    userId,
    membership.role === 'focal_point' ? membership.memberStateCode : null,
    can(membership.role, 'events.manage'),
    can(membership.role, 'documents.manage'),
    membership.role === 'expert',
  ];
}

/** Whether the member `viewer` may read the document `alias` (a row of documents). */
export function visibleDocument(alias: string, viewer: DocumentViewer): string {
  return `(
  ${viewer.staff}
  or (${alias}.event_id is not null and ${alias}.visibility <> 'staff' and exists (
        select from events document_expert_event
         where document_expert_event.tenant_id = ${alias}.tenant_id
           and document_expert_event.id = ${alias}.event_id
           and ${eventExpert('document_expert_event', viewer.userId)}))
  or (${alias}.published_at is not null and (
       (${alias}.visibility = 'public' and (${alias}.event_id is null or exists (
          select from events document_event
           where document_event.tenant_id = ${alias}.tenant_id and document_event.id = ${alias}.event_id
             and (${publicEvent('document_event')} or ${visibleEvent('document_event', viewer)}))))
    or (${alias}.event_id is null and ${alias}.visibility = 'staff_and_experts' and ${viewer.expert}))))`;
}

/**
 * Whether a participant of the event `eventId` (an SQL expression), through their page, may
 * read the document `alias`: published, shared with participants or public, of their event.
 */
export function participantDocument(alias: string, eventId: string): string {
  return `(${alias}.published_at is not null and ${alias}.visibility in ('public', 'participants')
           and ${alias}.event_id = ${eventId})`;
}

/**
 * Whether the member `viewer` may add versions to, restore and edit the document `alias`: the
 * staff any, an expert those of the events where they are one of the event's experts (the
 * route asks `documents.contribute` first).
 */
export function editableDocument(alias: string, viewer: DocumentViewer): string {
  return `(${viewer.staff} or (${alias}.event_id is not null and exists (
        select from events editable_event
         where editable_event.tenant_id = ${alias}.tenant_id and editable_event.id = ${alias}.event_id
           and ${eventExpert('editable_event', viewer.userId)})))`;
}

/** Whether the event `alias` has a published meeting report (what `held → reported` needs). */
export function publishedMeetingReport(alias: string): string {
  return `exists (select from documents report
                   where report.tenant_id = ${alias}.tenant_id and report.event_id = ${alias}.id
                     and report.kind = 'meeting_report' and report.published_at is not null)`;
}
