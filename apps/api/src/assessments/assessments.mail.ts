import { can } from '@convene/domain';
import { Language, ROLES } from '@convene/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { membershipViewer } from '../events/event-visibility';
import { enqueueEach } from '../mail/outbox.service';
import { stateNameIn } from '../member-states/state-name-sql';
import { visibleAssessment } from './assessment-visibility';

/*
 * The mail of needs assessments (docs/assessments.md, "Mail"): a State's submission goes to the
 * officers who validate, a validation or a return to the State's focal points, each in the
 * recipient's language, written in the caller's transaction (a step rolled back sends nothing).
 * Recipients are picked through the one visibility rule, so nobody hears of an assessment they
 * cannot open; the person who took the step is not told of it.
 */

/** The roles that validate assessments: their active members hear of a submission. */
const VALIDATOR_ROLES = ROLES.filter((role) => can(role, 'assessments.validate'));

const Recipient = z.strictObject({
  user_id: z.guid(),
  email: z.string(),
  name: z.string(),
  language: Language,
  tenant_name: z.string(),
  tenant_slug: z.string(),
  state_name: z.string(),
});
type Recipient = z.infer<typeof Recipient>;

const COLUMNS = `u.id as user_id, u.email, u.name, u.preferred_language as language,
  t.name as tenant_name, t.slug as tenant_slug,
  ${stateNameIn('u.preferred_language')} as state_name`;

/** The recipients among the active members matched by `who`, who may see the assessment. */
function recipients(who: string): string {
  return `select ${COLUMNS}
    from needs_assessments a
    join member_states ms on ms.alpha3 = a.member_state_code
    join tenants t on t.id = a.tenant_id
    join memberships m on m.tenant_id = a.tenant_id and m.status = 'active' and ${who}
    join users u on u.id = m.user_id
   where a.tenant_id = $1 and a.id = $2
     and u.id is distinct from $3::uuid
     and ${visibleAssessment('a', membershipViewer('u.id', 'm', '$4::text[]'))}
   order by u.id`;
}

export interface AssessmentStep {
  tenantId: string;
  assessmentId: string;
  /** Who took the step (not told of it), or null. */
  actorId: string | null;
  /** Tells steps apart for the outbox's idempotency: the assessment's version after the step. */
  key: string;
}

const link = (appUrl: string, row: Recipient, assessmentId: string) =>
  `${appUrl}/t/${encodeURIComponent(row.tenant_slug)}/assessments/${assessmentId}`;

/** A submission (or a second one, after a return), to the officers and admins who validate. */
export async function notifyValidators(
  manager: EntityManager,
  input: AssessmentStep & { answered: number; questions: number; resubmitted: boolean },
  appUrl: string,
): Promise<void> {
  const rows = await sql(
    manager,
    recipients(`m.role = any ($4::text[])`),
    [input.tenantId, input.assessmentId, input.actorId, VALIDATOR_ROLES],
    Recipient,
  );
  await enqueueEach(
    manager,
    input.tenantId,
    rows,
    `assessment_submitted:${input.assessmentId}:${input.key}`,
    (row) => ({
      kind: 'assessment_submitted',
      name: row.name,
      tenantName: row.tenant_name,
      stateName: row.state_name,
      answered: input.answered,
      questions: input.questions,
      resubmitted: input.resubmitted,
      link: link(appUrl, row, input.assessmentId),
    }),
  );
}

/** A validation or a return, to the active focal points of the assessed State. */
export async function notifyAssessedState(
  manager: EntityManager,
  input: AssessmentStep & { outcome: 'validated' | 'returned'; reason: string | null },
  appUrl: string,
): Promise<void> {
  const rows = await sql(
    manager,
    recipients(`m.role = 'focal_point' and m.member_state_code = a.member_state_code`),
    [input.tenantId, input.assessmentId, input.actorId, VALIDATOR_ROLES],
    Recipient,
  );
  await enqueueEach(
    manager,
    input.tenantId,
    rows,
    `assessment_reviewed:${input.assessmentId}:${input.key}`,
    (row) => ({
      kind: 'assessment_reviewed',
      name: row.name,
      tenantName: row.tenant_name,
      stateName: row.state_name,
      outcome: input.outcome,
      reason: input.reason,
      link: link(appUrl, row, input.assessmentId),
    }),
  );
}
