import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of this feature: a code it does not own does not compile here. */
export type AssessmentsProblem = Extract<
  ProblemCode,
  'assessment-state' | 'stale-version' | 'validation' | 'forbidden' | 'conflict'
>;

/**
 * What the needs-assessments feature refuses: a step its status does not allow, a stale save,
 * answers to questions the section does not hold, a State that is not the focal point's.
 */
export class AssessmentsException extends AppException {
  constructor(
    status: number,
    code: AssessmentsProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}
