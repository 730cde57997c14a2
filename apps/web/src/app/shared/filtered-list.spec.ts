import { differsFrom } from './filtered-list';

describe('whether a filter narrows a list', () => {
  const empty = { q: '', state: null as string | null, from: '' };

  it('does not while every field is the empty filter’s', () => {
    expect(differsFrom(empty, { ...empty })).toBe(false);
  });

  it('does once any one field differs, the text search included', () => {
    expect(differsFrom(empty, { ...empty, q: 'evidence' })).toBe(true);
    expect(differsFrom(empty, { ...empty, state: 'KEN' })).toBe(true);
    expect(differsFrom(empty, { ...empty, from: '2026-01-01' })).toBe(true);
  });
});
