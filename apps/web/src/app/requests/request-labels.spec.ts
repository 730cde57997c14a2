import { REQUEST_STATUSES } from '@convene/contracts';
import { BOARD_STATUSES, daysAndHours, daysSince, REQUEST_STATUS_ICONS } from './request-labels';
import { NO_REQUEST_FILTER } from './requests.api';
import { isFiltered } from './requests-inbox.store';

describe('request labels', () => {
  it('gives every status an icon, and the board the working statuses in their order', () => {
    expect(Object.keys(REQUEST_STATUS_ICONS).sort()).toEqual([...REQUEST_STATUSES].sort());
    expect(BOARD_STATUSES).toEqual([
      'submitted',
      'information_requested',
      'resubmitted',
      'in_assessment',
      'approved',
      'planned',
      'in_delivery',
      'completed',
    ]);
  });

  it('counts whole days in a status, never below zero', () => {
    const now = Date.UTC(2027, 0, 10, 12);
    expect(daysSince('2027-01-10T11:00:00Z', now)).toBe(0);
    expect(daysSince('2027-01-09T12:00:00Z', now)).toBe(1);
    expect(daysSince('2027-01-03T13:00:00Z', now)).toBe(6);
    expect(daysSince('2027-01-11T12:00:00Z', now)).toBe(0);
  });

  it('writes a time in status as days and rounded hours', () => {
    expect(daysAndHours(0)).toEqual({ days: 0, hours: 0 });
    expect(daysAndHours(5400)).toEqual({ days: 0, hours: 2 });
    expect(daysAndHours(26 * 3600 + 600)).toEqual({ days: 1, hours: 2 });
    expect(daysAndHours(48 * 3600)).toEqual({ days: 2, hours: 0 });
  });

  it('knows when the inbox is filtered', () => {
    expect(isFiltered(NO_REQUEST_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_REQUEST_FILTER, minAgeDays: 7 })).toBe(true);
    expect(isFiltered({ ...NO_REQUEST_FILTER, state: 'KEN' })).toBe(true);
  });
});
