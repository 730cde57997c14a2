import { decodeCursor, encodeCursor } from './cursor';

const ID = '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60';
const decode = (values: unknown[]) =>
  decodeCursor(encodeCursor(values as (string | number)[]), ['timestamp', 'uuid'] as const);
const invalid = expect.objectContaining({ status: 400, code: 'invalid-cursor' });

describe('page cursors', () => {
  it('round-trip the sort key of a row as PostgreSQL writes it', () => {
    for (const at of [
      '2026-03-10 09:00:00+01',
      '2026-03-10 09:00:00.123456+00',
      '2026-03-10 09:00:00+05:30',
      '2026-03-10T09:00:00Z',
    ]) {
      expect(decode([at, ID])).toEqual([at, ID]);
    }
    expect(decodeCursor(undefined, ['uuid'] as const)).toBeNull();
  });

  it('refuse a timestamp that is no real instant, or lies outside 1900–2200', () => {
    for (const at of [
      '0000-01-01 00:00:00+00',
      '2026-02-30 10:00:00+00',
      '2026-02-29 10:00:00+00',
      '2026-01-01 25:00:00+00',
      '1899-12-31 23:59:59+00',
      '2201-01-01 00:00:00+00',
      '275760-09-13 00:00:00+00',
      '2026-01-01 10:00:00+00\u0000',
      'infinity',
      '',
    ]) {
      expect(() => decode([at, ID])).toThrow(invalid);
    }
  });

  it('refuse a NUL in text, and anything that is not the expected shape', () => {
    const text = (value: unknown) =>
      decodeCursor(encodeCursor([value as string, ID]), ['text', 'uuid'] as const);
    expect(text('Ana Admin')).toEqual(['Ana Admin', ID]);
    // A name stored before the contracts refused control characters still pages.
    expect(text('Ana\tAdmin')).toEqual(['Ana\tAdmin', ID]);
    for (const value of ['a\u0000b', 'x'.repeat(501), 42]) {
      expect(() => text(value)).toThrow(invalid);
    }
    expect(() => decodeCursor('%%%', ['uuid'] as const)).toThrow(invalid);
    expect(() => decodeCursor(encodeCursor([ID, ID]), ['uuid'] as const)).toThrow(invalid);
    expect(() => decodeCursor(encodeCursor(['x']), ['uuid'] as const)).toThrow(invalid);
    expect(() =>
      decodeCursor(Buffer.from('{"0":1}').toString('base64url'), ['number'] as const),
    ).toThrow(invalid);
  });
});
