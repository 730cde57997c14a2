import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of the roster and assignments: a code they do not own does not compile here. */
export type ExpertsProblem = Extract<
  ProblemCode,
  'assignment-state' | 'stale-version' | 'validation' | 'conflict'
>;

/** What the roster and assignments refuse: a move the status does not allow, a stale edit. */
export class ExpertsException extends AppException {
  constructor(
    status: number,
    code: ExpertsProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
  ) {
    super(status, code, title, detail, errors);
  }
}

/** A 400 naming the field, as the validation pipe words it. */
export const invalidField = (path: string, message: string) =>
  new ExpertsException(400, 'validation', 'The request is not valid', undefined, [
    { path, message },
  ]);

export const staleVersion = () =>
  new ExpertsException(
    409,
    'stale-version',
    'Someone changed this in the meantime',
    'Reload it and make your change again.',
  );
