import {
  calendarQueryRange,
  calendarWeeks,
  eventDays,
  eventsByDay,
  moveAnchor,
  startOfWeek,
} from './calendar';

const anEvent = (id: string, startsAt: string, endsAt: string, timeZone = 'Europe/Vienna') => ({
  id,
  startsAt,
  endsAt,
  timeZone,
});

describe('the events calendar', () => {
  it('lays March 2027 out in whole weeks from Monday', () => {
    const weeks = calendarWeeks('month', '2027-03-17');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toBe('2027-03-01');
    expect(weeks[4]?.[6]).toBe('2027-04-04');
    expect(weeks.every((week) => week.length === 7)).toBe(true);
  });

  it('starts a month that begins on a Sunday six days earlier', () => {
    const weeks = calendarWeeks('month', '2026-11-10');
    expect(weeks[0]?.[0]).toBe('2026-10-26');
    expect(weeks[0]?.[6]).toBe('2026-11-01');
    expect(weeks.at(-1)?.[6]).toBe('2026-12-06');
  });

  it('shows one week in week mode', () => {
    expect(calendarWeeks('week', '2027-03-31')).toEqual([
      [
        '2027-03-29',
        '2027-03-30',
        '2027-03-31',
        '2027-04-01',
        '2027-04-02',
        '2027-04-03',
        '2027-04-04',
      ],
    ]);
    expect(startOfWeek('2027-03-28')).toBe('2027-03-22');
  });

  it('steps by months across years, and by weeks', () => {
    expect(moveAnchor('month', '2027-01-31', -1)).toBe('2026-12-01');
    expect(moveAnchor('month', '2027-12-05', 1)).toBe('2028-01-01');
    expect(moveAnchor('week', '2027-03-29', 1)).toBe('2027-04-05');
  });

  it('asks wide enough for every zone of the shown days', () => {
    expect(calendarQueryRange(calendarWeeks('week', '2027-03-29'))).toEqual({
      from: '2027-03-28T10:00:00.000Z',
      to: '2027-04-05T12:00:00.000Z',
    });
  });

  it('puts an event on the days of its venue, not of the reader', () => {
    // 23:30 UTC on the 27th is already the 28th in Vienna.
    const late = anEvent('late', '2027-03-27T23:30:00.000Z', '2027-03-28T01:00:00.000Z');
    expect(eventDays(late)).toEqual({ first: '2027-03-28', last: '2027-03-28' });
    const workshop = anEvent('ws', '2027-03-29T07:00:00.000Z', '2027-03-31T15:00:00.000Z');
    const midnight = anEvent('mid', '2027-03-30T08:00:00.000Z', '2027-03-30T22:00:00.000Z');
    const days = eventsByDay([workshop, late, midnight], calendarWeeks('month', '2027-03-01'));
    expect(days.get('2027-03-28')?.map((event) => event.id)).toEqual(['late']);
    expect(days.get('2027-03-29')?.map((event) => event.id)).toEqual(['ws']);
    expect(days.get('2027-03-30')?.map((event) => event.id)).toEqual(['ws', 'mid']);
    expect(days.get('2027-03-31')?.map((event) => event.id)).toEqual(['ws']);
    expect(days.get('2027-04-01')).toEqual([]);
  });
});
