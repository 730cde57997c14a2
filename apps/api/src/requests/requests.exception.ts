import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of this feature: a code it does not own does not compile here. */
export type RequestsProblem = Extract<
  ProblemCode,
  | 'request-transition'
  | 'stale-version'
  | 'validation'
  | 'forbidden'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'unprocessable'
  | 'internal'
>;

/**
 * What the requests feature refuses: a step the lifecycle does not allow, a stale save (with the
 * version now and the fields changed since), a file that is not a PDF or DOCX.
 */
export class RequestsException extends AppException {
  constructor(
    status: number,
    code: RequestsProblem,
    title: string,
    detail?: string,
    errors?: { path: string; message: string }[],
    extensions?: { currentVersion: number; changed: string[] },
  ) {
    super(status, code, title, detail, errors, extensions);
  }
}
