import { EVENT_STATUSES, RECOMMENDATION_STATUSES } from '@convene/contracts';
import {
  followUpAllowed,
  recommendationsReorderable,
  recommendationsWritable,
} from './recommendations';

describe('recommendations of a meeting', () => {
  it('are written once the meeting is held, and until it is closed', () => {
    expect(EVENT_STATUSES.filter(recommendationsWritable)).toEqual(['held', 'reported']);
  });

  it('keep their numbers once the event is reported', () => {
    expect(EVENT_STATUSES.filter(recommendationsReorderable)).toEqual(['held']);
  });

  it('move between any two different follow-up statuses, never to the same one', () => {
    for (const from of RECOMMENDATION_STATUSES) {
      for (const to of RECOMMENDATION_STATUSES) {
        expect(followUpAllowed(from, to).ok).toBe(from !== to);
      }
    }
    expect(followUpAllowed('open', 'open')).toEqual({
      ok: false,
      reason: 'The recommendation is already open.',
    });
  });
});
