import { numericDateOrder, parseNumericDate } from './locale-date-adapter';

const day = (date: Date | null | 'invalid') =>
  date instanceof Date ? [date.getFullYear(), date.getMonth() + 1, date.getDate()] : date;

describe('typed dates', () => {
  it('reads them in the order the language writes them', () => {
    expect(numericDateOrder('en')).toEqual(['month', 'day', 'year']);
    expect(numericDateOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(day(parseNumericDate('3/28/2027', 'en'))).toEqual([2027, 3, 28]);
    expect(day(parseNumericDate('28/03/2027', 'fr'))).toEqual([2027, 3, 28]);
    expect(day(parseNumericDate('28.03.27', 'fr'))).toEqual([2027, 3, 28]);
  });

  it('reads ISO dates and Arabic-Indic digits anywhere', () => {
    expect(day(parseNumericDate('2027-03-28', 'fr'))).toEqual([2027, 3, 28]);
    expect(day(parseNumericDate('٢٨/٠٣/٢٠٢٧', 'ar'))).toEqual([2027, 3, 28]);
  });

  it('calls impossible days invalid and leaves words to the browser', () => {
    expect(parseNumericDate('31/02/2027', 'fr')).toBe('invalid');
    expect(parseNumericDate('28 March 2027', 'en')).toBeNull();
  });
});
