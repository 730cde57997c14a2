import type { EventStatus, RequestAction, RequestStatus } from '@convene/contracts';

/*
 * The lifecycle of a State's request for technical assistance (docs/requests.md): one table of
 * which action moves which status where, who takes it, and how linked events move it on.
 */

/** Who takes an action: the requesting State (its focal points) or the organisation's officers. */
export type RequestSide = 'state' | 'officer';

/** The side each action belongs to. */
export const REQUEST_ACTION_SIDE: Readonly<Record<RequestAction, RequestSide>> = {
  submit: 'state',
  resubmit: 'state',
  withdraw: 'state',
  request_information: 'officer',
  start_assessment: 'officer',
  approve: 'officer',
  decline: 'officer',
  move: 'officer',
};

/** Statuses a request is in before it is planned: the State may still withdraw it. */
const WITHDRAWABLE: readonly RequestStatus[] = [
  'draft',
  'submitted',
  'information_requested',
  'resubmitted',
  'in_assessment',
  'approved',
];

/** The fixed steps: from which statuses each action leads where. */
const STEPS: Partial<Record<RequestAction, { from: readonly RequestStatus[]; to: RequestStatus }>> =
  {
    submit: { from: ['draft'], to: 'submitted' },
    request_information: {
      from: ['submitted', 'resubmitted', 'in_assessment'],
      to: 'information_requested',
    },
    resubmit: { from: ['information_requested'], to: 'resubmitted' },
    start_assessment: { from: ['submitted', 'resubmitted'], to: 'in_assessment' },
    approve: { from: ['in_assessment'], to: 'approved' },
    decline: { from: ['submitted', 'resubmitted', 'in_assessment'], to: 'declined' },
    withdraw: { from: WITHDRAWABLE, to: 'withdrawn' },
  };

/** Actions that need a reason: the State must know why, and the history keeps it. */
const NEEDS_REASON: readonly RequestAction[] = ['decline', 'request_information', 'move'];

export type RequestTransitionRefusal =
  | 'not_allowed'
  | 'reason_required'
  | 'target_required'
  | 'same_status';

export type RequestTransitionResult =
  | { ok: true; to: RequestStatus }
  | { ok: false; reason: RequestTransitionRefusal };

export interface RequestTransitionInput {
  reason?: string | undefined;
  /** Where a manual move puts the request. */
  to?: RequestStatus | undefined;
}

/**
 * Where `action` takes a request in `status`, or why it cannot. The officer's manual move goes
 * from any status but a draft to any other but a draft (the State alone submits a draft), with a
 * reason.
 */
export function requestTransition(
  status: RequestStatus,
  action: RequestAction,
  input: RequestTransitionInput = {},
): RequestTransitionResult {
  if (action === 'move') {
    if (status === 'draft') return { ok: false, reason: 'not_allowed' };
    if (!input.to || input.to === 'draft') return { ok: false, reason: 'target_required' };
    if (input.to === status) return { ok: false, reason: 'same_status' };
    if (!input.reason?.trim()) return { ok: false, reason: 'reason_required' };
    return { ok: true, to: input.to };
  }
  const step = STEPS[action];
  if (!step || !step.from.includes(status)) return { ok: false, reason: 'not_allowed' };
  if (NEEDS_REASON.includes(action) && !input.reason?.trim()) {
    return { ok: false, reason: 'reason_required' };
  }
  return { ok: true, to: step.to };
}

const ORDER: readonly RequestAction[] = [
  'submit',
  'resubmit',
  'request_information',
  'start_assessment',
  'approve',
  'decline',
  'withdraw',
  'move',
];

/** The actions a side may take on a request in `status`, in a stable order. */
export function requestActions(status: RequestStatus, side: RequestSide): RequestAction[] {
  return ORDER.filter((action) => {
    if (REQUEST_ACTION_SIDE[action] !== side) return false;
    if (action === 'move') return status !== 'draft';
    return STEPS[action]?.from.includes(status) ?? false;
  });
}

/** Statuses in which the State's focal points may change the request's content. */
export const REQUEST_EDITABLE_STATUSES: readonly RequestStatus[] = [
  'draft',
  'information_requested',
];

export function requestEditable(status: RequestStatus): boolean {
  return REQUEST_EDITABLE_STATUSES.includes(status);
}

/** Statuses the linked events may move a request on from. */
const EVENT_DRIVEN: readonly RequestStatus[] = ['approved', 'planned', 'in_delivery'];

/** Event statuses that count as planned: announced and not yet held. */
const PLANNED_EVENTS: readonly EventStatus[] = [
  'planned',
  'open_for_nominations',
  'nominations_closed',
  'confirmed',
];
/** Event statuses of an event that took place. */
const HELD_EVENTS: readonly EventStatus[] = ['held', 'reported', 'closed'];
/** Event statuses with nothing left to deliver. */
const FINISHED_EVENTS: readonly EventStatus[] = ['reported', 'closed', 'cancelled'];

/**
 * Where the linked events put an approved request: completed once every linked event is
 * reported, closed or cancelled and at least one took place; in delivery once one was held;
 * planned once one is planned; otherwise where it is. Only an approved, planned or in-delivery
 * request moves so, and only forward: an officer's manual move is never undone by a link.
 */
export function requestStatusFromEvents(
  status: RequestStatus,
  events: readonly EventStatus[],
): RequestStatus {
  if (!EVENT_DRIVEN.includes(status)) return status;
  const rank = EVENT_DRIVEN.indexOf(status);
  let target: RequestStatus = status;
  const held = events.some((event) => HELD_EVENTS.includes(event));
  if (held && events.every((event) => FINISHED_EVENTS.includes(event))) target = 'completed';
  else if (held) target = 'in_delivery';
  else if (events.some((event) => PLANNED_EVENTS.includes(event))) target = 'planned';
  const targetRank = target === 'completed' ? EVENT_DRIVEN.length : EVENT_DRIVEN.indexOf(target);
  return targetRank > rank ? target : status;
}

/** What a draft needs before it is submitted. */
export interface RequestContent {
  title: string;
  thematicAreas: readonly string[];
  priority: string | null;
  modality: string | null;
  description: string;
}

/** The fields a submission still lacks, empty when the draft is complete. */
export function requestMissing(request: RequestContent): string[] {
  const missing: string[] = [];
  if (!request.title.trim()) missing.push('title');
  if (request.thematicAreas.length === 0) missing.push('thematicAreas');
  if (!request.priority) missing.push('priority');
  if (!request.modality) missing.push('modality');
  if (!request.description.trim()) missing.push('description');
  return missing;
}

/** One step of a request's history as time in status needs it. */
export interface RequestStep {
  toStatus: RequestStatus;
  at: Date;
}

/**
 * The time spent in each status, every stay added up, the current one up to `now`, in the order
 * the statuses were first entered. `steps` in the order they happened.
 */
export function timeInStatus(
  steps: readonly RequestStep[],
  now: Date,
): { status: RequestStatus; seconds: number }[] {
  const totals = new Map<RequestStatus, number>();
  steps.forEach((step, index) => {
    const next = steps[index + 1];
    const end = next ? next.at : now;
    const seconds = Math.max(0, Math.floor((end.getTime() - step.at.getTime()) / 1000));
    totals.set(step.toStatus, (totals.get(step.toStatus) ?? 0) + seconds);
  });
  return [...totals].map(([status, seconds]) => ({ status, seconds }));
}
