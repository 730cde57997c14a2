import type { ProblemCode } from '@convene/contracts';
import { AppException } from '../common/app-exception';

/** The problem codes of nominations: a code it does not own does not compile here. */
export type NominationsProblem = Extract<
  ProblemCode,
  'no-seats' | 'nomination-closed' | 'nomination-transition' | 'stale-version' | 'conflict'
>;

/**
 * What nominations refuse: no seat left (the State's or the event's), nominations closed for
 * the invitation, a move the nomination's status does not allow, a stale version, a person
 * already nominated for the event.
 */
export class NominationsException extends AppException {
  constructor(status: number, code: NominationsProblem, title: string, detail?: string) {
    super(status, code, title, detail);
  }
}
