import { REQUEST_ACTIONS, REQUEST_STATUSES, type RequestStatus } from '@convene/contracts';
import {
  requestActions,
  requestEditable,
  requestMissing,
  requestStatusFromEvents,
  requestTransition,
  timeInStatus,
} from './requests';

/**
 * The whole table of status × action with a reason given (for `move`: to `approved`, or to
 * `submitted` from approved): where each action leads, '-' where it is refused.
 */
const TABLE: Record<RequestStatus, Record<(typeof REQUEST_ACTIONS)[number], string>> = {
  // prettier-ignore
  draft: { submit: 'submitted', request_information: '-', resubmit: '-', start_assessment: '-', approve: '-', decline: '-', withdraw: 'withdrawn', move: '-' },
  // prettier-ignore
  submitted: { submit: '-', request_information: 'information_requested', resubmit: '-', start_assessment: 'in_assessment', approve: '-', decline: 'declined', withdraw: 'withdrawn', move: 'approved' },
  // prettier-ignore
  information_requested: { submit: '-', request_information: '-', resubmit: 'resubmitted', start_assessment: '-', approve: '-', decline: '-', withdraw: 'withdrawn', move: 'approved' },
  // prettier-ignore
  resubmitted: { submit: '-', request_information: 'information_requested', resubmit: '-', start_assessment: 'in_assessment', approve: '-', decline: 'declined', withdraw: 'withdrawn', move: 'approved' },
  // prettier-ignore
  in_assessment: { submit: '-', request_information: 'information_requested', resubmit: '-', start_assessment: '-', approve: 'approved', decline: 'declined', withdraw: 'withdrawn', move: 'approved' },
  // prettier-ignore
  approved: { submit: '-', request_information: '-', resubmit: '-', start_assessment: '-', approve: '-', decline: '-', withdraw: 'withdrawn', move: 'submitted' },
  // prettier-ignore
  declined: { submit: '-', request_information: '-', resubmit: '-', start_assessment: '-', approve: '-', decline: '-', withdraw: '-', move: 'approved' },
  // prettier-ignore
  planned: { submit: '-', request_information: '-', resubmit: '-', start_assessment: '-', approve: '-', decline: '-', withdraw: '-', move: 'approved' },
  // prettier-ignore
  in_delivery: { submit: '-', request_information: '-', resubmit: '-', start_assessment: '-', approve: '-', decline: '-', withdraw: '-', move: 'approved' },
  // prettier-ignore
  completed: { submit: '-', request_information: '-', resubmit: '-', start_assessment: '-', approve: '-', decline: '-', withdraw: '-', move: 'approved' },
  // prettier-ignore
  withdrawn: { submit: '-', request_information: '-', resubmit: '-', start_assessment: '-', approve: '-', decline: '-', withdraw: '-', move: 'approved' },
};

describe('the request lifecycle', () => {
  it('covers every status and action', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...REQUEST_STATUSES].sort());
  });

  it.each(REQUEST_STATUSES)('from %s, each action goes where the table says', (status) => {
    for (const action of REQUEST_ACTIONS) {
      const to = status === 'approved' ? 'submitted' : 'approved';
      const result = requestTransition(status, action, { reason: 'Because', to });
      expect({ action, to: result.ok ? result.to : '-' }).toEqual({
        action,
        to: TABLE[status][action],
      });
    }
  });

  it('asks a reason to decline, to request information and to move by hand', () => {
    expect(requestTransition('in_assessment', 'decline', {})).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(requestTransition('submitted', 'request_information', { reason: '  ' })).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(requestTransition('planned', 'move', { to: 'approved' })).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    expect(requestTransition('submitted', 'submit', {})).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
  });

  it('moves by hand only to another status, never back to draft', () => {
    expect(requestTransition('approved', 'move', { reason: 'x' })).toEqual({
      ok: false,
      reason: 'target_required',
    });
    expect(requestTransition('approved', 'move', { reason: 'x', to: 'draft' })).toEqual({
      ok: false,
      reason: 'target_required',
    });
    expect(requestTransition('approved', 'move', { reason: 'x', to: 'approved' })).toEqual({
      ok: false,
      reason: 'same_status',
    });
  });

  it('offers each side its own actions', () => {
    expect(requestActions('draft', 'state')).toEqual(['submit', 'withdraw']);
    expect(requestActions('draft', 'officer')).toEqual([]);
    expect(requestActions('submitted', 'officer')).toEqual([
      'request_information',
      'start_assessment',
      'decline',
      'move',
    ]);
    expect(requestActions('information_requested', 'state')).toEqual(['resubmit', 'withdraw']);
    expect(requestActions('in_assessment', 'officer')).toEqual([
      'request_information',
      'approve',
      'decline',
      'move',
    ]);
    expect(requestActions('planned', 'state')).toEqual([]);
  });

  it('lets the State edit a draft and a request asked for information only', () => {
    expect(REQUEST_STATUSES.filter(requestEditable)).toEqual(['draft', 'information_requested']);
  });
});

describe('linked events move a request on', () => {
  it.each([
    // [request status, linked events' statuses, expected]
    ['approved', [], 'approved'],
    ['approved', ['draft'], 'approved'],
    ['approved', ['draft', 'planned'], 'planned'],
    ['approved', ['confirmed'], 'planned'],
    ['approved', ['held', 'draft'], 'in_delivery'],
    ['planned', ['held', 'planned'], 'in_delivery'],
    ['in_delivery', ['reported', 'planned'], 'in_delivery'],
    ['in_delivery', ['reported', 'cancelled'], 'completed'],
    ['in_delivery', ['closed'], 'completed'],
    ['approved', ['reported'], 'completed'],
    // Cancelled alone is not delivery: nothing was held.
    ['planned', ['cancelled'], 'planned'],
    ['planned', ['cancelled', 'cancelled'], 'planned'],
    // Never backwards: a planned request whose event went back to draft stays planned.
    ['planned', ['draft'], 'planned'],
    ['in_delivery', ['planned'], 'in_delivery'],
    // Only approved, planned and in-delivery requests follow their events.
    ['in_assessment', ['held'], 'in_assessment'],
    ['submitted', ['planned'], 'submitted'],
    ['withdrawn', ['reported'], 'withdrawn'],
    ['completed', ['planned'], 'completed'],
  ] as const)('%s with events %j → %s', (status, events, expected) => {
    expect(requestStatusFromEvents(status, events)).toBe(expected);
  });
});

describe('submitting a draft', () => {
  const complete = {
    title: 'Digital evidence',
    thematicAreas: ['financing'],
    priority: 'high',
    modality: 'training',
    description: 'Need',
  };

  it('needs a title, an area, a priority, a modality and a description', () => {
    expect(requestMissing(complete)).toEqual([]);
    expect(
      requestMissing({
        title: ' ',
        thematicAreas: [],
        priority: null,
        modality: null,
        description: '',
      }),
    ).toEqual(['title', 'thematicAreas', 'priority', 'modality', 'description']);
  });
});

describe('time in each status', () => {
  it('adds up every stay, the current one to now', () => {
    const at = (hours: number) => new Date(Date.UTC(2027, 0, 1) + hours * 3600_000);
    expect(
      timeInStatus(
        [
          { toStatus: 'draft', at: at(0) },
          { toStatus: 'submitted', at: at(2) },
          { toStatus: 'information_requested', at: at(26) },
          { toStatus: 'resubmitted', at: at(50) },
          { toStatus: 'information_requested', at: at(51) },
          { toStatus: 'resubmitted', at: at(52) },
        ],
        at(55),
      ),
    ).toEqual([
      { status: 'draft', seconds: 2 * 3600 },
      { status: 'submitted', seconds: 24 * 3600 },
      { status: 'information_requested', seconds: 25 * 3600 },
      { status: 'resubmitted', seconds: 4 * 3600 },
    ]);
    expect(timeInStatus([], at(1))).toEqual([]);
  });
});
