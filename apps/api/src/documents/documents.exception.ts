import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of documents: a code they do not own does not compile here. */
export type DocumentsProblem = Extract<
  ProblemCode,
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'stale-version'
  | 'unprocessable'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'internal'
>;

/** What documents refuse: a file that is not allowed, a storage that failed, a stale edit. */
export class DocumentsException extends AppException {
  constructor(status: number, code: DocumentsProblem, title: string, detail?: string) {
    super(status, code, title, detail);
  }
}
