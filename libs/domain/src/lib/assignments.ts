import type { AssignmentAction, AssignmentStatus } from '@convene/contracts';

/*
 * The rules of an expert's assignment (docs/experts.md, "Assignments"): the expert accepts or
 * declines, the officer withdraws it or asks again. Pure: the API reads the row, asks here and
 * writes what the answer says.
 */

/** Who does each action: the expert asked, or an officer (experts.manage). */
export const ASSIGNMENT_ACTORS: Readonly<Record<AssignmentAction, 'expert' | 'officer'>> = {
  accept: 'expert',
  decline: 'expert',
  withdraw: 'officer',
  ask_again: 'officer',
};

const MOVES: Readonly<
  Record<AssignmentStatus, Partial<Record<AssignmentAction, AssignmentStatus>>>
> = {
  asked: { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' },
  // An expert who accepted may still find they cannot come; the officer may take it back.
  accepted: { decline: 'declined', withdraw: 'withdrawn' },
  declined: { ask_again: 'asked' },
  withdrawn: { ask_again: 'asked' },
};

/** The status after `action`, or null when the assignment's status does not allow it. */
export function assignmentTransition(
  status: AssignmentStatus,
  action: AssignmentAction,
): AssignmentStatus | null {
  return MOVES[status][action] ?? null;
}

/** Whether the expert answered (accepted or declined): the moment is recorded. */
export const isAnswered = (status: AssignmentStatus) =>
  status === 'accepted' || status === 'declined';
