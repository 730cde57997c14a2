import {
  addDays,
  clocksDiffer,
  dateOnly,
  formatRange,
  instantToZonedLocal,
  isTimeZone,
  knownTimeZones,
  offsetLabel,
  pickerDate,
  timeOnly,
  zoneAbbreviation,
  zonedDate,
  zonedLocalToInstant,
} from './zoned-time';

describe('venue time', () => {
  it('reads a morning in Vienna on the day clocks go forward as summer time', () => {
    expect(zonedLocalToInstant('2027-03-28', '09:00', 'Europe/Vienna')).toBe(
      '2027-03-28T07:00:00.000Z',
    );
    // The day before, Vienna is still an hour ahead of UTC, not two.
    expect(zonedLocalToInstant('2027-03-27', '09:00', 'Europe/Vienna')).toBe(
      '2027-03-27T08:00:00.000Z',
    );
  });

  it('moves a time the spring change skips forward by the hour that never happened', () => {
    expect(zonedLocalToInstant('2027-03-28', '02:30', 'Europe/Vienna')).toBe(
      '2027-03-28T01:30:00.000Z',
    );
    expect(instantToZonedLocal('2027-03-28T01:30:00.000Z', 'Europe/Vienna')).toEqual({
      date: '2027-03-28',
      time: '03:30',
    });
  });

  it('takes the first of a time the autumn change repeats', () => {
    expect(zonedLocalToInstant('2027-10-31', '02:30', 'Europe/Vienna')).toBe(
      '2027-10-31T00:30:00.000Z',
    );
    expect(zonedLocalToInstant('2027-10-31', '03:00', 'Europe/Vienna')).toBe(
      '2027-10-31T02:00:00.000Z',
    );
  });

  it('works west of Greenwich, south of the equator and on half hours', () => {
    expect(zonedLocalToInstant('2027-03-14', '09:00', 'America/New_York')).toBe(
      '2027-03-14T13:00:00.000Z',
    );
    expect(zonedLocalToInstant('2027-01-10', '18:00', 'Australia/Sydney')).toBe(
      '2027-01-10T07:00:00.000Z',
    );
    expect(zonedLocalToInstant('2027-06-01', '10:00', 'Asia/Kolkata')).toBe(
      '2027-06-01T04:30:00.000Z',
    );
    expect(zonedLocalToInstant('2027-06-01', '00:15', 'UTC')).toBe('2027-06-01T00:15:00.000Z');
  });

  it('gives back the wall clock an officer typed, for editing', () => {
    for (const [date, time, zone] of [
      ['2027-03-28', '09:00', 'Europe/Vienna'],
      ['2027-11-07', '23:45', 'America/New_York'],
      ['2027-12-31', '23:59', 'Pacific/Auckland'],
      ['2027-07-01', '00:00', 'Africa/Nairobi'],
    ] as const) {
      expect(instantToZonedLocal(zonedLocalToInstant(date, time, zone), zone)).toEqual({
        date,
        time,
      });
    }
  });

  it('places an instant on the venue’s own calendar day', () => {
    expect(zonedDate('2027-03-27T23:30:00.000Z', 'Europe/Vienna')).toBe('2027-03-28');
    expect(zonedDate('2027-03-27T23:30:00.000Z', 'America/New_York')).toBe('2027-03-27');
  });

  it('refuses what is not a date and a time', () => {
    expect(() => zonedLocalToInstant('28/03/2027', '09:00', 'Europe/Vienna')).toThrow(RangeError);
    expect(() => zonedLocalToInstant('2027-03-28', '9am', 'Europe/Vienna')).toThrow(RangeError);
  });

  it('abbreviates the zone in English letters for English only, else by the language’s offset', () => {
    expect(zoneAbbreviation('2027-03-28T07:00:00.000Z', 'Europe/Vienna', 'en')).toBe('CEST');
    expect(zoneAbbreviation('2027-01-28T07:00:00.000Z', 'Europe/Vienna', 'fr')).toBe('UTC+1');
    expect(zoneAbbreviation('2027-01-28T07:00:00.000Z', 'Europe/Vienna', 'ar')).toBe('غرينتش+1');
    expect(zoneAbbreviation('2027-07-01T07:00:00.000Z', 'America/New_York', 'en')).toBe('EDT');
    expect(zoneAbbreviation('2027-07-01T07:00:00.000Z', 'Asia/Bangkok', 'fr')).toBe('UTC+7');
  });

  it('tells when the reader’s clock differs from the venue’s', () => {
    const start = '2027-03-28T07:00:00.000Z';
    expect(clocksDiffer('Europe/Vienna', 'Europe/Vienna', start)).toBe(false);
    expect(clocksDiffer('Europe/Vienna', 'Europe/Berlin', start)).toBe(false);
    expect(clocksDiffer('Europe/Vienna', 'UTC', start)).toBe(true);
    // London shows UTC's clock in winter only.
    expect(clocksDiffer('Europe/London', 'UTC', '2027-01-10T10:00:00.000Z')).toBe(false);
    expect(clocksDiffer('Europe/London', 'UTC', '2027-07-10T10:00:00.000Z')).toBe(true);
  });

  it('lists the zones the browser knows and recognises them', () => {
    const zones = knownTimeZones();
    expect(zones).toContain('Europe/Vienna');
    expect(zones).toContain('UTC');
    expect(isTimeZone('Europe/Vienna')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(offsetLabel(Date.parse('2027-03-28T07:00:00.000Z'), 'Asia/Kolkata')).toBe('UTC+05:30');
    expect(offsetLabel(Date.parse('2027-03-28T07:00:00.000Z'), 'America/New_York')).toBe(
      'UTC−04:00',
    );
  });

  it('writes a period in the venue’s clock and the reader’s language', () => {
    const period = formatRange(
      '2027-03-28T07:00:00.000Z',
      '2027-03-28T15:00:00.000Z',
      'Europe/Vienna',
      'fr',
    );
    // Intl puts narrow spaces around the dash.
    expect(period.replace(/\s/g, ' ')).toBe('28 mars 2027, 09:00 – 17:00');
  });

  it('carries picker dates as plain days and times', () => {
    const picked = pickerDate('2027-03-28', '09:05');
    expect(dateOnly(picked)).toBe('2027-03-28');
    expect(timeOnly(picked)).toBe('09:05');
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});
