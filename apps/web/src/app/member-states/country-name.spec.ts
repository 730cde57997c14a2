import { countryName } from './country-name';

describe('a country named without the States list', () => {
  it('names a State in the reader’s language', () => {
    expect(countryName('KEN', 'en')).toBe('Kenya');
    expect(countryName('AUT', 'fr')).toBe('Autriche');
    expect(countryName('KEN', 'ar')).toBe('كينيا');
  });

  it('keeps a code it does not know', () => {
    expect(countryName('XYZ', 'en')).toBe('XYZ');
  });
});
