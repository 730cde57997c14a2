import type { Viewer } from '../events/event-visibility';

/**
 * THE rule of who may see a needs assessment: the one place it is written. Every read path (the
 * list, one assessment, the earlier assessment its change is measured against, the checks
 * before a save, a submission, a validation or a return) embeds the SQL built here instead of a
 * condition of its own; an assessment outside it does not exist for the caller (404, absent
 * from the list).
 *
 * - Officers and tenant admins (`viewer.manages`: the roles that plan the tenant's work) see
 *   every assessment of their tenant.
 * - A focal point sees their own State's assessments, whoever filled them.
 * - Experts, and anyone else, see none.
 *
 * The viewer is the events rule's (`viewerParams`, `visibilityOf`): the same three facts about
 * the caller. Later issues (an expert reviewer of a request, say) extend this rule here, never
 * in a read path.
 */
export function visibleAssessment(alias: string, viewer: Viewer): string {
  return `(${viewer.manages}
    or (${viewer.memberState} is not null and ${alias}.member_state_code = ${viewer.memberState}))`;
}
