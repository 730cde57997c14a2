import { ASSIGNMENT_ACTIONS, ASSIGNMENT_STATUSES } from '@convene/contracts';
import { assignmentTransition, isAnswered } from './assignments';

describe('an expert’s assignment', () => {
  it('is accepted or declined by the expert while asked', () => {
    expect(assignmentTransition('asked', 'accept')).toBe('accepted');
    expect(assignmentTransition('asked', 'decline')).toBe('declined');
  });

  it('may be declined after all once accepted, and is not accepted twice', () => {
    expect(assignmentTransition('accepted', 'decline')).toBe('declined');
    expect(assignmentTransition('accepted', 'accept')).toBeNull();
  });

  it('is withdrawn by the officer only while asked or accepted', () => {
    expect(assignmentTransition('asked', 'withdraw')).toBe('withdrawn');
    expect(assignmentTransition('accepted', 'withdraw')).toBe('withdrawn');
    expect(assignmentTransition('declined', 'withdraw')).toBeNull();
    expect(assignmentTransition('withdrawn', 'withdraw')).toBeNull();
  });

  it('is asked again only after a decline or a withdrawal', () => {
    expect(assignmentTransition('declined', 'ask_again')).toBe('asked');
    expect(assignmentTransition('withdrawn', 'ask_again')).toBe('asked');
    expect(assignmentTransition('asked', 'ask_again')).toBeNull();
    expect(assignmentTransition('accepted', 'ask_again')).toBeNull();
  });

  it('cannot be answered once withdrawn', () => {
    expect(assignmentTransition('withdrawn', 'accept')).toBeNull();
    expect(assignmentTransition('withdrawn', 'decline')).toBeNull();
  });

  it('records an answer exactly for the answered statuses', () => {
    for (const status of ASSIGNMENT_STATUSES)
      for (const action of ASSIGNMENT_ACTIONS) {
        const next = assignmentTransition(status, action);
        if (next && (action === 'accept' || action === 'decline'))
          expect(isAnswered(next)).toBe(true);
      }
    expect(isAnswered('asked')).toBe(false);
    expect(isAnswered('withdrawn')).toBe(false);
  });
});
