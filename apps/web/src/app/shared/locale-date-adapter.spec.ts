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

  it('reads Chinese, Russian and Spanish dates as they are written', () => {
    expect(day(parseNumericDate('2027/3/28', 'zh'))).toEqual([2027, 3, 28]);
    expect(day(parseNumericDate('2027年3月28日', 'zh'))).toEqual([2027, 3, 28]);
    expect(numericDateOrder('ru')).toEqual(['day', 'month', 'year']);
    expect(day(parseNumericDate('28.03.2027', 'ru'))).toEqual([2027, 3, 28]);
    expect(day(parseNumericDate('28/3/2027', 'es'))).toEqual([2027, 3, 28]);
    expect(parseNumericDate('2027年2月30日', 'zh')).toBe('invalid');
  });

  it('calls impossible days invalid and leaves words to the browser', () => {
    expect(parseNumericDate('31/02/2027', 'fr')).toBe('invalid');
    expect(parseNumericDate('28 March 2027', 'en')).toBeNull();
  });
});
