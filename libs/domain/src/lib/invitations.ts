import type { EventStatus, InvitationStatus } from '@convene/contracts';

/*
 * The rules of a State's invitation to an event (docs/participation.md, "Invitations"): who may
 * do what from which status, the seat arithmetic, and when the nomination deadline's reminders
 * fall. Pure: the API reads the invitation's row, asks here, and writes what the answer says.
 */

/** What officers (edit, withdraw, remind, answer a seat request) and focal points do. */
export const INVITATION_ACTIONS = [
  'accept',
  'decline',
  'request_seats',
  'answer_seat_request',
  'edit',
  'withdraw',
  'remind',
] as const;
export type InvitationAction = (typeof INVITATION_ACTIONS)[number];

/**
 * The event statuses in which States are invited and answer: announced and not over. A draft is
 * not announced yet; held, reported, closed and cancelled events take no more participants.
 */
export const INVITING_EVENT_STATUSES: readonly EventStatus[] = [
  'planned',
  'open_for_nominations',
  'nominations_closed',
  'confirmed',
];

/** An officer reminds a State at most once in this long (the "remind" action). */
export const REMIND_INTERVAL_MS = 3_600_000;

/** Reminders before the nomination deadline go this many days ahead of it. */
export const DEADLINE_REMINDER_DAYS = [7, 2] as const;

export interface InvitationState {
  status: InvitationStatus;
  seats: number;
  /** Seats taken: approved nominations the participant did not decline. */
  approved: number;
  seatRequestPending: boolean;
  remindedAt: Date | null;
}

export interface InvitationActionInput {
  /** The seats an edit sets or a seat request asks for, in all. */
  seats?: number | undefined;
  now?: Date;
}

export type InvitationRefusal =
  | 'event_not_live'
  | 'not_allowed'
  | 'seats_taken'
  | 'request_pending'
  | 'no_request'
  | 'not_more_seats'
  | 'reminded_recently';

export type InvitationResult =
  | { ok: true; to: InvitationStatus }
  | { ok: false; reason: InvitationRefusal };

/** The statuses each action starts from. */
const FROM: Record<InvitationAction, readonly InvitationStatus[]> = {
  // A State that declined may change its mind while the event is live.
  accept: ['invited', 'declined'],
  decline: ['invited', 'accepted'],
  request_seats: ['invited', 'accepted'],
  answer_seat_request: ['invited', 'accepted'],
  edit: ['invited', 'accepted', 'declined'],
  withdraw: ['invited', 'accepted', 'declined'],
  remind: ['invited', 'accepted'],
};

/**
 * The one rule of an invitation's life: invited → accepted or declined (and back to accepted);
 * any but withdrawn → withdrawn by the officer. A State holding approved participants can
 * neither decline nor be withdrawn, nor have fewer seats than those; one seat request is pending
 * at a time and asks for more seats than the State holds; a State is reminded at most hourly.
 */
export function invitationTransition(
  invitation: InvitationState,
  eventStatus: EventStatus,
  action: InvitationAction,
  input: InvitationActionInput = {},
): InvitationResult {
  if (!INVITING_EVENT_STATUSES.includes(eventStatus))
    return { ok: false, reason: 'event_not_live' };
  if (!FROM[action].includes(invitation.status)) return { ok: false, reason: 'not_allowed' };
  const stay = { ok: true, to: invitation.status } as const;
  switch (action) {
    case 'accept':
      return { ok: true, to: 'accepted' };
    case 'decline':
      return invitation.approved > 0
        ? { ok: false, reason: 'seats_taken' }
        : { ok: true, to: 'declined' };
    case 'withdraw':
      return invitation.approved > 0
        ? { ok: false, reason: 'seats_taken' }
        : { ok: true, to: 'withdrawn' };
    case 'edit':
      return input.seats !== undefined && input.seats < invitation.approved
        ? { ok: false, reason: 'seats_taken' }
        : stay;
    case 'request_seats':
      if (invitation.seatRequestPending) return { ok: false, reason: 'request_pending' };
      return input.seats === undefined || input.seats <= invitation.seats
        ? { ok: false, reason: 'not_more_seats' }
        : stay;
    case 'answer_seat_request':
      return invitation.seatRequestPending ? stay : { ok: false, reason: 'no_request' };
    case 'remind': {
      const now = input.now ?? new Date();
      return invitation.remindedAt &&
        now.getTime() - invitation.remindedAt.getTime() < REMIND_INTERVAL_MS
        ? { ok: false, reason: 'reminded_recently' }
        : stay;
    }
  }
}

/** What the invitation's nominations hold: seats taken, and nominations awaiting a decision. */
export interface SeatUse {
  approved: number;
  pending: number;
}

/**
 * Seats the State may still nominate for: its seats less those taken (approved, not declined by
 * the participant) and those nominations awaiting a decision may take. Waitlisted nominees hold
 * none. Never below zero: seats cut by a granted-then-edited invitation leave nothing, not debt.
 */
export function seatsLeft(seats: number, use: SeatUse): number {
  return Math.max(0, seats - use.approved - use.pending);
}

const DAY_MS = 86_400_000;

/** Whole days from `today` to `deadline`, both YYYY-MM-DD. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round(
    (Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS,
  );
}

/**
 * Which reminder before the deadline is due `today` for an invitation made on `invitedOn`, or
 * null: the nearest of DEADLINE_REMINDER_DAYS the deadline is now within, provided the
 * invitation existed when that point came (a State invited five days ahead is not reminded "a
 * week ahead" on the day of its invitation), and the deadline is not past. The reminder's
 * number keys the mail, so a day missed is caught up once and each reminder goes once.
 */
export function deadlineReminderDue(
  deadline: string,
  invitedOn: string,
  today: string,
): number | null {
  const left = daysUntil(deadline, today);
  if (left < 0) return null;
  const due = [...DEADLINE_REMINDER_DAYS].sort((a, b) => a - b).find((days) => left <= days);
  if (due === undefined) return null;
  return daysUntil(deadline, invitedOn) > due ? due : null;
}
