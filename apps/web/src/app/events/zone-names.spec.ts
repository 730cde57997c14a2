import { englishCity, zoneLabel, zoneLongName, zonePlace } from './zone-names';

describe('time zones in the reader’s language', () => {
  it('takes the city from Intl where it names the zone after one', () => {
    expect(zonePlace('America/New_York', 'ar')).toEqual({ city: 'نيويورك', country: null });
    expect(zonePlace('America/Sao_Paulo', 'fr')).toEqual({ city: 'São Paulo', country: null });
  });

  it('keeps the English city, with the country in the language, where Intl names the country', () => {
    expect(zonePlace('Europe/Vienna', 'fr')).toEqual({ city: 'Vienna', country: 'Autriche' });
    expect(zonePlace('Europe/Vienna', 'ar')).toEqual({ city: 'Vienna', country: 'النمسا' });
    expect(zonePlace('Asia/Kolkata', 'en')).toEqual({ city: 'Kolkata', country: 'India' });
  });

  it('falls back to the English city when the language has an abbreviation instead', () => {
    // English writes "ET" for New York's generic name: no place in it.
    expect(zonePlace('America/New_York', 'en')).toEqual({ city: 'New York', country: null });
    expect(englishCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zonePlace('UTC', 'fr')).toEqual({ city: null, country: null });
  });

  it('names zones as the language does, generic or at an instant', () => {
    expect(zoneLongName('Europe/Vienna', 'fr')).toBe('heure d’Europe centrale');
    expect(zoneLongName('Europe/Vienna', 'ar', '2027-07-01T08:00:00.000Z')).toBe(
      'توقيت وسط أوروبا الصيفي',
    );
    expect(zoneLongName('UTC', 'en')).toBe('Coordinated Universal Time');
  });

  it('writes a zone for a sentence with its short name', () => {
    expect(zoneLabel('Europe/Vienna', 'en', '2027-07-01T08:00:00.000Z')).toBe(
      'Central European Summer Time (CEST)',
    );
    expect(zoneLabel('Europe/Vienna', 'fr', '2027-01-15T08:00:00.000Z')).toBe(
      'heure normale d’Europe centrale (UTC+1)',
    );
  });
});
