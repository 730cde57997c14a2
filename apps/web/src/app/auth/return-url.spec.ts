import { safeReturnUrl } from './return-url';

describe('the return address after sign-in', () => {
  it('returns to a page of this app', () => {
    expect(safeReturnUrl('/t/demo/users?role=expert')).toBe('/t/demo/users?role=expert');
  });

  it('refuses addresses that would leave the app', () => {
    for (const url of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeReturnUrl(url)).toBeNull();
    }
  });

  it('does not loop back to the sign-in page', () => {
    expect(safeReturnUrl('/sign-in?returnUrl=%2F')).toBeNull();
    expect(safeReturnUrl(null)).toBeNull();
  });
});
