import type { NominationStatus } from '@convene/contracts';
import {
  approvalFits,
  countsAgainstQuota,
  decisionsOpen,
  freeSeats,
  NOMINATION_ACTIONS,
  type NominationAction,
  nominationActions,
  nominationFits,
  nominationMove,
  nominationWindow,
  takesSeat,
} from './nominations';

describe('who holds a seat', () => {
  it.each([
    ['nominated', null, false, true],
    ['approved', 'pending', true, true],
    ['approved', 'confirmed', true, true],
    ['approved', 'declined', false, false],
    ['waitlisted', null, false, false],
    ['declined', null, false, false],
    ['withdrawn', null, false, false],
  ] as const)('%s (confirmation %s): seat %s, quota %s', (status, confirmation, seat, quota) => {
    expect(takesSeat({ status, confirmation })).toBe(seat);
    expect(countsAgainstQuota({ status, confirmation })).toBe(quota);
  });
});

describe('seat arithmetic', () => {
  it.each([
    // stateSeats, stateTaken, capacity, eventTaken → free, fits, refusal
    [20, 0, null, 0, 20, true, null],
    [20, 19, null, 500, 1, true, null],
    [20, 20, null, 20, 0, false, 'state_seats_taken'],
    [20, 21, null, 21, 0, false, 'state_seats_taken'],
    [4, 1, 5, 4, 1, true, null],
    [4, 1, 5, 5, 0, false, 'capacity_reached'],
    [4, 4, 5, 5, 0, false, 'state_seats_taken'],
    [10, 0, 3, 7, 0, false, 'capacity_reached'],
  ] as const)(
    '%i seats, %i taken, capacity %s with %i taken: %i free',
    (stateSeats, stateTaken, capacity, eventTaken, free, fits, refusal) => {
      const counts = { stateSeats, stateTaken, capacity, eventTaken };
      expect(freeSeats(counts)).toBe(free);
      expect(approvalFits(counts)).toEqual(fits ? { ok: true } : { ok: false, reason: refusal });
    },
  );

  it.each([
    [3, 0, true],
    [3, 2, true],
    [3, 3, false],
    [1, 5, false],
  ])('a State with %i seats and %i counted may nominate another: %s', (seats, counted, fits) => {
    expect(nominationFits(seats, counted)).toBe(fits);
  });
});

describe('nomination transitions', () => {
  // Every status × every action: the full table, so a new move is a deliberate change here.
  const TABLE: Record<NominationStatus, Partial<Record<NominationAction, NominationStatus>>> = {
    nominated: {
      approve: 'approved',
      waitlist: 'waitlisted',
      decline: 'declined',
      withdraw: 'withdrawn',
      edit: 'nominated',
    },
    waitlisted: { approve: 'approved', decline: 'declined', withdraw: 'withdrawn' },
    approved: { decline: 'declined' },
    declined: { approve: 'approved', waitlist: 'waitlisted' },
    withdrawn: {},
  };
  const cases = (Object.keys(TABLE) as NominationStatus[]).flatMap((from) =>
    NOMINATION_ACTIONS.map((action) => [from, action, TABLE[from][action] ?? null] as const),
  );

  it.each(cases)('%s → %s gives %s', (from, action, to) => {
    expect(nominationMove(from, action)).toEqual(to ? { ok: true, to } : { ok: false });
  });

  it('lists the actions each status allows', () => {
    expect(nominationActions('approved')).toEqual(['decline']);
    expect(nominationActions('withdrawn')).toEqual([]);
  });
});

describe('when focal points may nominate and officers decide', () => {
  it.each([
    ['open_for_nominations', 'invited', false, { ok: true }],
    ['open_for_nominations', 'accepted', false, { ok: true }],
    ['open_for_nominations', 'accepted', true, { ok: false, reason: 'deadline_passed' }],
    ['open_for_nominations', 'declined', false, { ok: false, reason: 'invitation_closed' }],
    ['open_for_nominations', 'withdrawn', false, { ok: false, reason: 'invitation_closed' }],
    ['planned', 'invited', false, { ok: false, reason: 'event_not_open' }],
    ['nominations_closed', 'accepted', false, { ok: false, reason: 'event_not_open' }],
    ['cancelled', 'accepted', false, { ok: false, reason: 'event_not_open' }],
  ] as const)(
    'event %s, invitation %s, deadline passed %s',
    (eventStatus, invitationStatus, deadlinePassed, result) => {
      expect(nominationWindow({ eventStatus, invitationStatus, deadlinePassed })).toEqual(result);
    },
  );

  it.each([
    ['draft', false],
    ['planned', false],
    ['open_for_nominations', true],
    ['nominations_closed', true],
    ['confirmed', true],
    ['held', false],
    ['reported', false],
    ['closed', false],
    ['cancelled', false],
  ] as const)('decisions while the event is %s: %s', (status, open) => {
    expect(decisionsOpen(status)).toBe(open);
  });
});
