import { EVENT_STATUSES, INVITATION_STATUSES, type InvitationStatus } from '@convene/contracts';
import {
  deadlineReminderDue,
  INVITATION_ACTIONS,
  type InvitationAction,
  type InvitationState,
  invitationTransition,
  seatsLeft,
} from './invitations';

/** Written out by hand from the issue, not derived from the implementation. */
const EXPECTED: Record<InvitationStatus, Partial<Record<InvitationAction, InvitationStatus>>> = {
  invited: {
    accept: 'accepted',
    decline: 'declined',
    request_seats: 'invited',
    edit: 'invited',
    withdraw: 'withdrawn',
    remind: 'invited',
  },
  accepted: {
    decline: 'declined',
    request_seats: 'accepted',
    edit: 'accepted',
    withdraw: 'withdrawn',
    remind: 'accepted',
  },
  declined: { accept: 'accepted', edit: 'declined', withdraw: 'withdrawn' },
  withdrawn: {},
};

const state = (overrides: Partial<InvitationState> = {}): InvitationState => ({
  status: 'invited',
  seats: 2,
  approved: 0,
  seatRequestPending: false,
  remindedAt: null,
  ...overrides,
});

const NOW = new Date('2027-01-10T12:00:00Z');

describe('invitationTransition', () => {
  describe.each(INVITATION_STATUSES)('from %s', (status) => {
    it.each(INVITATION_ACTIONS.filter((a) => a !== 'answer_seat_request'))(
      '%s goes where the table says, or is refused',
      (action) => {
        const result = invitationTransition(state({ status }), 'open_for_nominations', action, {
          seats: 3,
          now: NOW,
        });
        const to = EXPECTED[status][action];
        expect(result).toEqual(to ? { ok: true, to } : { ok: false, reason: 'not_allowed' });
      },
    );
  });

  it.each(EVENT_STATUSES)('in an event %s, allows actions only while it is live', (eventStatus) => {
    const live = ['planned', 'open_for_nominations', 'nominations_closed', 'confirmed'].includes(
      eventStatus,
    );
    for (const action of INVITATION_ACTIONS) {
      const result = invitationTransition(
        state({ seatRequestPending: action === 'answer_seat_request' }),
        eventStatus,
        action,
        { seats: 3, now: NOW },
      );
      expect({ action, ok: result.ok }).toEqual({ action, ok: live });
    }
  });

  it.each<[string, Partial<InvitationState>, InvitationAction, number | undefined, string]>([
    [
      'no decline while participants are approved',
      { approved: 1 },
      'decline',
      undefined,
      'seats_taken',
    ],
    [
      'no withdrawal while participants are approved',
      { approved: 1 },
      'withdraw',
      undefined,
      'seats_taken',
    ],
    ['no fewer seats than approved', { approved: 3, seats: 4 }, 'edit', 2, 'seats_taken'],
    ['seats equal to approved are fine', { approved: 3, seats: 4 }, 'edit', 3, 'ok'],
    ['an edit of the deadline alone is fine', { approved: 3 }, 'edit', undefined, 'ok'],
    [
      'one seat request at a time',
      { seatRequestPending: true },
      'request_seats',
      5,
      'request_pending',
    ],
    ['a request asks for more seats', { seats: 4 }, 'request_seats', 4, 'not_more_seats'],
    ['a request without seats asks for nothing', {}, 'request_seats', undefined, 'not_more_seats'],
    ['a request for more is fine', { seats: 4 }, 'request_seats', 5, 'ok'],
    ['no answer without a request', {}, 'answer_seat_request', undefined, 'no_request'],
    [
      'an answer to a pending request',
      { seatRequestPending: true },
      'answer_seat_request',
      undefined,
      'ok',
    ],
    [
      'no answer once declined',
      { status: 'declined', seatRequestPending: true },
      'answer_seat_request',
      undefined,
      'not_allowed',
    ],
    [
      'no reminder within the hour',
      { remindedAt: new Date(NOW.getTime() - 59 * 60_000) },
      'remind',
      undefined,
      'reminded_recently',
    ],
    [
      'a reminder after an hour',
      { remindedAt: new Date(NOW.getTime() - 60 * 60_000) },
      'remind',
      undefined,
      'ok',
    ],
  ])('%s', (_name, overrides, action, seats, expected) => {
    const result = invitationTransition(state(overrides), 'planned', action, { seats, now: NOW });
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });
});

describe('seatsLeft', () => {
  it.each([
    [5, 0, 0, 5],
    [5, 2, 1, 2],
    [5, 5, 0, 0],
    [3, 2, 4, 0],
    [1, 0, 1, 0],
  ])('of %i seats with %i approved and %i pending is %i', (seats, approved, pending, left) => {
    expect(seatsLeft(seats, { approved, pending })).toBe(left);
  });
});

describe('deadlineReminderDue', () => {
  it.each<[string, string, string, number | null]>([
    // deadline, invited on, today → reminder
    ['2027-02-20', '2027-01-01', '2027-02-10', null], // ten days ahead: nothing yet
    ['2027-02-20', '2027-01-01', '2027-02-13', 7], // a week ahead
    ['2027-02-20', '2027-01-01', '2027-02-15', 7], // a missed day is caught up
    ['2027-02-20', '2027-01-01', '2027-02-18', 2], // two days ahead
    ['2027-02-20', '2027-01-01', '2027-02-20', 2], // the day itself still counts
    ['2027-02-20', '2027-01-01', '2027-02-21', null], // past the deadline
    ['2027-02-20', '2027-02-15', '2027-02-15', null], // invited five days ahead: no week-ahead
    ['2027-02-20', '2027-02-15', '2027-02-18', 2], // ... but the two-day one
    ['2027-02-20', '2027-02-18', '2027-02-18', null], // invited two days ahead: none
    ['2027-03-02', '2027-01-01', '2027-02-28', 2], // across the end of February
  ])('deadline %s, invited %s, on %s: %s', (deadline, invitedOn, today, due) => {
    expect(deadlineReminderDue(deadline, invitedOn, today)).toBe(due);
  });
});
