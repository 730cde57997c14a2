import { requestVenue, STATE_CAPITALS, zonedInstant } from './request-venue';

describe('requestVenue', () => {
  it('names the capital and its zone for the States it knows', () => {
    expect(requestVenue('KEN')).toEqual({ city: 'Nairobi', timeZone: 'Africa/Nairobi' });
    expect(requestVenue('pak')).toEqual({ city: 'Islamabad', timeZone: 'Asia/Karachi' });
    expect(requestVenue('TZA')).toEqual({ city: 'Dodoma', timeZone: 'Africa/Dar_es_Salaam' });
  });

  it('leaves the city to be confirmed and the zone UTC for any other State', () => {
    expect(requestVenue('FRA')).toEqual({ city: null, timeZone: 'UTC' });
  });

  it('holds only zones the runtime knows', () => {
    for (const { timeZone } of Object.values(STATE_CAPITALS)) {
      expect(new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone).toBe(timeZone);
    }
  });
});

describe('zonedInstant', () => {
  it('reads the time on the zone’s clock', () => {
    // Nairobi is UTC+3 all year: 09:00 there is 06:00 UTC.
    expect(zonedInstant('2027-03-01', '09:00', 'Africa/Nairobi')).toBe('2027-03-01T06:00:00Z');
    // Jakarta UTC+7: 09:00 is 02:00 UTC; 17:00 is 10:00 UTC.
    expect(zonedInstant('2027-03-01', '09:00', 'Asia/Jakarta')).toBe('2027-03-01T02:00:00Z');
    expect(zonedInstant('2027-03-03', '17:00', 'Asia/Jakarta')).toBe('2027-03-03T10:00:00Z');
    // UTC is itself.
    expect(zonedInstant('2027-03-01', '09:00', 'UTC')).toBe('2027-03-01T09:00:00Z');
  });

  it('crosses a change of clocks', () => {
    // Paris on 28 March 2027 (clocks go forward at 02:00): 01:00 is still UTC+1, 09:00 is UTC+2.
    expect(zonedInstant('2027-03-28', '01:00', 'Europe/Paris')).toBe('2027-03-28T00:00:00Z');
    expect(zonedInstant('2027-03-28', '09:00', 'Europe/Paris')).toBe('2027-03-28T07:00:00Z');
    // New York's clocks go back on Sunday 1 November 2026: the day before UTC−4, after UTC−5.
    expect(zonedInstant('2026-10-31', '09:00', 'America/New_York')).toBe('2026-10-31T13:00:00Z');
    expect(zonedInstant('2026-11-02', '09:00', 'America/New_York')).toBe('2026-11-02T14:00:00Z');
  });
});
