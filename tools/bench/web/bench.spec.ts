import { describe, expect, it } from '@jest/globals';
import { kindOf, type PageLoad, report } from './bench';

const load = (
  app: PageLoad['app'],
  page: string,
  jsCss: number,
  fonts: number,
  checked = true,
): PageLoad => ({
  app,
  page,
  bytes: { jsCss, fonts, other: 4_000, headers: 1_000 },
  total: jsCss + fonts + 5_000,
  requests: 7,
  headingMs: 1234,
  checked,
});

describe('the web benchmark', () => {
  it('splits what the browser loaded into scripts and styles, fonts, and the rest', () => {
    expect(kindOf('Script', 'text/javascript')).toBe('jsCss');
    expect(kindOf('Stylesheet', 'text/css')).toBe('jsCss');
    expect(kindOf('Font', 'font/woff2')).toBe('fonts');
    expect(kindOf('Other', 'font/woff2')).toBe('fonts');
    expect(kindOf('Other', 'application/javascript')).toBe('jsCss');
    expect(kindOf('Document', 'text/html')).toBe('other');
    expect(kindOf('Fetch', 'application/json')).toBe('other');
    expect(kindOf(undefined, undefined)).toBe('other');
  });

  it('holds sign-in and home to 1.5 × the bare app when that is under 125 kB', () => {
    const { failures, lines } = report([
      load('bare', 'sign-in form', 80_000, 0),
      load('ours', 'sign-in', 120_000, 100_000),
      load('ours', 'home', 121_000, 100_000),
      load('ours', 'events', 900_000, 900_000, false),
    ]);
    expect(failures).toEqual(['home: JS+CSS 121.0 kB > 120.0 kB']);
    expect(lines.join('\n')).toContain('JS+CSS ≤ 120.0 kB');
  });

  it('never allows more than 125 kB of JS+CSS nor 300 kB in all', () => {
    const { failures } = report([
      load('bare', 'sign-in form', 100_000, 0),
      load('ours', 'sign-in', 125_000, 170_000),
      load('ours', 'home', 126_000, 200_000),
    ]);
    expect(failures).toEqual([
      'home: JS+CSS 126.0 kB > 125.0 kB',
      'home: 331.0 kB in all > 300.0 kB',
    ]);
  });
});
