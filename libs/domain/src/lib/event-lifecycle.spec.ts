import {
  EVENT_ACTIONS,
  EVENT_STATUSES,
  type EventAction,
  type EventStatus,
} from '@convene/contracts';
import { allowedActions, transition } from './event-lifecycle';

/** Written out by hand from product.md, not derived from the implementation. */
const EXPECTED: Record<EventStatus, Partial<Record<EventAction, EventStatus>>> = {
  draft: { plan: 'planned', cancel: 'cancelled' },
  planned: { open_nominations: 'open_for_nominations', postpone: 'planned', cancel: 'cancelled' },
  open_for_nominations: {
    close_nominations: 'nominations_closed',
    postpone: 'open_for_nominations',
    cancel: 'cancelled',
  },
  nominations_closed: {
    confirm: 'confirmed',
    postpone: 'nominations_closed',
    cancel: 'cancelled',
  },
  confirmed: { mark_held: 'held', postpone: 'confirmed', cancel: 'cancelled' },
  held: { report: 'reported' },
  reported: { close: 'closed' },
  closed: {},
  cancelled: {},
};

const input = {
  reason: 'The host asked to call it off',
  startsAt: '2027-03-10T08:00:00Z',
  endsAt: '2027-03-12T16:00:00Z',
};

describe('the event lifecycle', () => {
  const cases = EVENT_STATUSES.flatMap((status) =>
    EVENT_ACTIONS.map((action) => [status, action, EXPECTED[status][action] ?? null] as const),
  );

  it.each(cases)('from %s, %s → %s', (status, action, to) => {
    expect(transition(status, action, input)).toEqual(
      to === null ? { ok: false, reason: 'not_allowed' } : { ok: true, to },
    );
  });

  it.each(EVENT_STATUSES)('offers from %s exactly the allowed actions', (status) => {
    expect(allowedActions(status).sort()).toEqual(Object.keys(EXPECTED[status]).sort());
  });

  it('lists the next step first and cancel last', () => {
    expect(allowedActions('planned')).toEqual(['open_nominations', 'postpone', 'cancel']);
  });

  it('will not cancel without a reason', () => {
    expect(transition('planned', 'cancel')).toEqual({ ok: false, reason: 'reason_required' });
    expect(transition('planned', 'cancel', { reason: '   ' })).toEqual({
      ok: false,
      reason: 'reason_required',
    });
  });

  it('will not postpone without new dates, or with an end before the start', () => {
    expect(transition('confirmed', 'postpone', { startsAt: input.startsAt })).toEqual({
      ok: false,
      reason: 'dates_required',
    });
    expect(
      transition('confirmed', 'postpone', { startsAt: input.endsAt, endsAt: input.startsAt }),
    ).toEqual({ ok: false, reason: 'dates_out_of_order' });
  });

  it('refuses an impossible action before looking at its input', () => {
    expect(transition('held', 'cancel')).toEqual({ ok: false, reason: 'not_allowed' });
  });
});
