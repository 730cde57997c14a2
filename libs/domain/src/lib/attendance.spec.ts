import type { AttendanceStatus } from '@convene/contracts';
import { earnsCertificate, eventDays, isEventDay, localDay, MAX_EVENT_DAYS } from './attendance';

describe('the days of an event', () => {
  it.each([
    // A three-day workshop in Nairobi (UTC+3).
    [
      '2027-05-10T06:00:00Z',
      '2027-05-12T14:00:00Z',
      'Africa/Nairobi',
      ['2027-05-10', '2027-05-11', '2027-05-12'],
    ],
    // One afternoon.
    ['2027-05-10T12:00:00Z', '2027-05-10T15:00:00Z', 'UTC', ['2027-05-10']],
    // 23:00 UTC on the 9th is already the 10th in Tokyo, and 02:00 UTC on the 11th is still the 11th.
    ['2027-05-09T23:00:00Z', '2027-05-11T02:00:00Z', 'Asia/Tokyo', ['2027-05-10', '2027-05-11']],
    // The same instants in New York (UTC-4): the 9th and the 10th.
    [
      '2027-05-09T23:00:00Z',
      '2027-05-11T02:00:00Z',
      'America/New_York',
      ['2027-05-09', '2027-05-10'],
    ],
    // Ending exactly at midnight: the next day is not a day of the event.
    ['2027-05-10T08:00:00Z', '2027-05-12T00:00:00Z', 'UTC', ['2027-05-10', '2027-05-11']],
    // Across the end of a month and a leap day.
    [
      '2028-02-28T08:00:00Z',
      '2028-03-01T16:00:00Z',
      'UTC',
      ['2028-02-28', '2028-02-29', '2028-03-01'],
    ],
    // Across the change to summer time in Vienna (31 March 2030).
    [
      '2030-03-30T08:00:00Z',
      '2030-04-01T15:00:00Z',
      'Europe/Vienna',
      ['2030-03-30', '2030-03-31', '2030-04-01'],
    ],
  ])('from %s to %s in %s are %j', (startsAt, endsAt, zone, days) => {
    expect(eventDays(new Date(startsAt), new Date(endsAt), zone)).toEqual(days);
  });

  it('stops at a year and a day', () => {
    const days = eventDays(
      new Date('2027-01-01T00:00:00Z'),
      new Date('2035-01-01T00:00:00Z'),
      'UTC',
    );
    expect(days).toHaveLength(MAX_EVENT_DAYS);
  });

  it.each([
    ['2027-05-09', false],
    ['2027-05-10', true],
    ['2027-05-12', true],
    ['2027-05-13', false],
  ])('knows whether %s is one of them', (day, expected) => {
    expect(
      isEventDay(
        day,
        new Date('2027-05-10T06:00:00Z'),
        new Date('2027-05-12T14:00:00Z'),
        'Africa/Nairobi',
      ),
    ).toBe(expected);
  });

  it('reads an instant on the venue clock', () => {
    expect(localDay(new Date('2027-05-10T22:30:00Z'), 'Africa/Nairobi')).toBe('2027-05-11');
    expect(localDay(new Date('2027-05-10T22:30:00Z'), 'UTC')).toBe('2027-05-10');
  });
});

describe('who earns a certificate', () => {
  it.each<[(AttendanceStatus | null)[], boolean]>([
    [[], false],
    [[null, null], false],
    [['absent'], false],
    [['absent', null, 'absent'], false],
    [['attended'], true],
    [['partly'], true],
    [['absent', 'partly', null], true],
    [['attended', 'attended', 'absent'], true],
  ])('with days %j: %s', (days, expected) => {
    expect(earnsCertificate(days)).toBe(expected);
  });
});
