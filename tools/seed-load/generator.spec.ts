import { describe, expect, it } from '@jest/globals';
import { EventGenerator, type StateRow } from './generator';

/** A few States from each regional group, and one with none (an observer State). */
const STATES: StateRow[] = [
  { alpha3: 'KEN', regional_group: 'african', name_en: 'Kenya' },
  { alpha3: 'SEN', regional_group: 'african', name_en: 'Senegal' },
  { alpha3: 'JPN', regional_group: 'asia_pacific', name_en: 'Japan' },
  { alpha3: 'POL', regional_group: 'eastern_european', name_en: 'Poland' },
  { alpha3: 'BRA', regional_group: 'latin_american_caribbean', name_en: 'Brazil' },
  { alpha3: 'AUT', regional_group: 'western_european_others', name_en: 'Austria' },
  { alpha3: 'PSE', regional_group: null, name_en: 'State of Palestine' },
];
const NOW = new Date('2026-06-15T12:00:00Z');
const PAST = ['held', 'reported', 'closed', 'cancelled'];

const generate = (seed: number, count = 500) => new EventGenerator(STATES, seed, NOW).batch(count);

describe('the load generator', () => {
  it('gives the same events for the same seed, States and day', () => {
    expect(generate(7)).toEqual(generate(7));
  });

  it('gives other events for another seed', () => {
    expect(generate(8, 20).map((event) => event.title)).not.toEqual(
      generate(7, 20).map((event) => event.title),
    );
  });

  it('makes events that hang together: dates, statuses, venues and hosts', () => {
    const codes = STATES.map((state) => state.alpha3);
    for (const event of generate(42)) {
      expect(event.localEnd > event.localStart).toBe(true);
      // Wall-clock times at the venue, read as UTC: an event that ended before `now` is over.
      if (new Date(`${event.localEnd.replace(' ', 'T')}Z`) < NOW) {
        expect(PAST).toContain(event.status);
      }
      expect(event.cancelReason !== null).toBe(event.status === 'cancelled');
      if (event.format === 'virtual') {
        expect([event.venueName, event.venueCity, event.venueCountry]).toEqual([null, null, null]);
      } else {
        expect(codes).toContain(event.venueCountry);
      }
      expect(event.meetingLink === null).toBe(event.format === 'in_person');
      for (const host of event.hostStates) expect(codes).toContain(host);
      expect(new Set(event.hostStates).size).toBe(event.hostStates.length);
      expect(event.createdAt.getTime()).toBeLessThanOrEqual(event.updatedAt.getTime());
      expect(event.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(event.thematicAreas.length).toBeGreaterThan(0);
      expect(event.workingLanguages.length).toBeGreaterThan(0);
      expect(event.interpretation).toBe(event.workingLanguages.length > 1);
    }
  });
});
