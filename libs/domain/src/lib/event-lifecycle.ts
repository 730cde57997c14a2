import type { EventAction, EventStatus } from '@convene/contracts';

/** The main line an event walks, one step per action. */
const STEPS: Partial<Record<EventAction, { from: EventStatus; to: EventStatus }>> = {
  plan: { from: 'draft', to: 'planned' },
  open_nominations: { from: 'planned', to: 'open_for_nominations' },
  close_nominations: { from: 'open_for_nominations', to: 'nominations_closed' },
  confirm: { from: 'nominations_closed', to: 'confirmed' },
  mark_held: { from: 'confirmed', to: 'held' },
  report: { from: 'held', to: 'reported' },
  close: { from: 'reported', to: 'closed' },
};

/** Before it is held, an event can still be called off. */
const CANCELLABLE: readonly EventStatus[] = [
  'draft',
  'planned',
  'open_for_nominations',
  'nominations_closed',
  'confirmed',
];

/** Once announced and until it is held, an event can move to new dates. */
const POSTPONABLE: readonly EventStatus[] = [
  'planned',
  'open_for_nominations',
  'nominations_closed',
  'confirmed',
];

export interface TransitionInput {
  /** Required to cancel. */
  reason?: string | undefined;
  /** The new dates, required to postpone. */
  startsAt?: string | undefined;
  endsAt?: string | undefined;
}

export type TransitionRefusal =
  | 'not_allowed'
  | 'reason_required'
  | 'dates_required'
  | 'dates_out_of_order';

export type TransitionResult =
  | { ok: true; to: EventStatus }
  | { ok: false; reason: TransitionRefusal };

function permits(status: EventStatus, action: EventAction): boolean {
  if (action === 'cancel') return CANCELLABLE.includes(status);
  if (action === 'postpone') return POSTPONABLE.includes(status);
  return STEPS[action]?.from === status;
}

const ORDER: readonly EventAction[] = [
  'plan',
  'open_nominations',
  'close_nominations',
  'confirm',
  'mark_held',
  'report',
  'close',
  'postpone',
  'cancel',
];

/** The actions possible from a status, in the order a planner meets them. */
export function allowedActions(status: EventStatus): EventAction[] {
  return ORDER.filter((action) => permits(status, action));
}

/**
 * The one rule for moving an event through its lifecycle: draft → planned →
 * open for nominations → nominations closed → confirmed → held → reported →
 * closed; cancel (with a reason) before it is held; postpone (new dates, the
 * status stays) from planned until confirmed.
 */
export function transition(
  status: EventStatus,
  action: EventAction,
  input: TransitionInput = {},
): TransitionResult {
  if (!permits(status, action)) return { ok: false, reason: 'not_allowed' };
  if (action === 'cancel') {
    if (!input.reason?.trim()) return { ok: false, reason: 'reason_required' };
    return { ok: true, to: 'cancelled' };
  }
  if (action === 'postpone') {
    if (!input.startsAt || !input.endsAt) return { ok: false, reason: 'dates_required' };
    if (!(Date.parse(input.endsAt) > Date.parse(input.startsAt))) {
      return { ok: false, reason: 'dates_out_of_order' };
    }
    return { ok: true, to: status };
  }
  const step = STEPS[action];
  return step ? { ok: true, to: step.to } : { ok: false, reason: 'not_allowed' };
}
