import type { ConfirmationStatus, EventStatus, NominationStatus } from '@convene/contracts';

/*
 * Nominations' pure rules (docs/participation.md): who holds a seat, how many more may be
 * nominated or approved, and how a nomination's status may move. The API applies them inside the
 * transaction that holds the event's and the invitation's rows locked, so the counts they are
 * given cannot change underneath.
 */

/** A nomination as the seat arithmetic sees it. */
export interface SeatHolder {
  status: NominationStatus;
  confirmation: ConfirmationStatus | null;
}

/**
 * Whether a nomination takes one of the State's seats (and of the event's capacity): approved,
 * and not declined by the participant. A participant's decline frees the seat.
 */
export function takesSeat(nomination: SeatHolder): boolean {
  return nomination.status === 'approved' && nomination.confirmation !== 'declined';
}

/**
 * Whether a nomination counts against what a State may nominate: still awaiting a decision, or
 * holding a seat. Waitlisted, declined and withdrawn ones do not: a focal point may nominate up
 * to the seats, and the officer waitlisting someone makes room to nominate another.
 */
export function countsAgainstQuota(nomination: SeatHolder): boolean {
  return nomination.status === 'nominated' || takesSeat(nomination);
}

export interface SeatCounts {
  /** The invitation's seats. */
  stateSeats: number;
  /** The State's nominations that take a seat now. */
  stateTaken: number;
  /** The event's capacity; null is unlimited. */
  capacity: number | null;
  /** The event's nominations that take a seat now, every State together. */
  eventTaken: number;
}

/** How many more nominations may be approved now: the smaller of the State's and the event's room. */
export function freeSeats(counts: SeatCounts): number {
  const state = counts.stateSeats - counts.stateTaken;
  const event =
    counts.capacity === null ? Number.POSITIVE_INFINITY : counts.capacity - counts.eventTaken;
  return Math.max(0, Math.min(state, event));
}

export type SeatRefusal = 'state_seats_taken' | 'capacity_reached';

/** Whether one more approval fits; when not, which limit it meets (the State's first). */
export function approvalFits(
  counts: SeatCounts,
): { ok: true } | { ok: false; reason: SeatRefusal } {
  if (counts.stateTaken >= counts.stateSeats) return { ok: false, reason: 'state_seats_taken' };
  if (counts.capacity !== null && counts.eventTaken >= counts.capacity) {
    return { ok: false, reason: 'capacity_reached' };
  }
  return { ok: true };
}

/** Whether a State holding `counted` nominations against its quota of `seats` may add one. */
export function nominationFits(seats: number, counted: number): boolean {
  return counted < seats;
}

/** What can happen to a nomination: the officer decides, the focal point edits or withdraws. */
export const NOMINATION_ACTIONS = ['approve', 'waitlist', 'decline', 'withdraw', 'edit'] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

/**
 * Every allowed move. An officer may reconsider a decline (approve or waitlist it) and may
 * decline an approved nominee (the seat frees); a focal point edits only what awaits a decision
 * and withdraws what holds no seat yet. A withdrawal is final (nominating the person again
 * revives the nomination).
 */
const MOVES: Readonly<
  Record<NominationStatus, Partial<Record<NominationAction, NominationStatus>>>
> = {
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

export type NominationMove = { ok: true; to: NominationStatus } | { ok: false };

export function nominationMove(from: NominationStatus, action: NominationAction): NominationMove {
  const to = MOVES[from][action];
  return to ? { ok: true, to } : { ok: false };
}

/** The actions a nomination in this status allows. */
export function nominationActions(from: NominationStatus): NominationAction[] {
  return NOMINATION_ACTIONS.filter((action) => MOVES[from][action] !== undefined);
}

/** Event statuses in which focal points may nominate and edit. */
const NOMINATING: readonly EventStatus[] = ['open_for_nominations'];

/** Event statuses in which officers may decide on nominations. */
const DECIDING: readonly EventStatus[] = [
  'open_for_nominations',
  'nominations_closed',
  'confirmed',
];

export type NominationWindowRefusal = 'event_not_open' | 'invitation_closed' | 'deadline_passed';

/**
 * Whether a focal point may nominate (or edit a nomination) now: the event takes nominations,
 * the State's invitation stands (invited or accepted: nominating accepts it), and the
 * invitation's deadline has not passed.
 */
export function nominationWindow(input: {
  eventStatus: EventStatus;
  invitationStatus: 'invited' | 'accepted' | 'declined' | 'withdrawn';
  deadlinePassed: boolean;
}): { ok: true } | { ok: false; reason: NominationWindowRefusal } {
  if (!NOMINATING.includes(input.eventStatus)) return { ok: false, reason: 'event_not_open' };
  if (input.invitationStatus !== 'invited' && input.invitationStatus !== 'accepted') {
    return { ok: false, reason: 'invitation_closed' };
  }
  if (input.deadlinePassed) return { ok: false, reason: 'deadline_passed' };
  return { ok: true };
}

/** Whether officers may decide on the event's nominations in its current status. */
export function decisionsOpen(eventStatus: EventStatus): boolean {
  return DECIDING.includes(eventStatus);
}
