import { normalizeCheckInCode as contractsRule } from '@convene/contracts';
import { checkInCodeOf, normalizeCheckInCode } from './check-in-code';

describe('the code in a scanned QR code', () => {
  it.each([
    ['7KQ29ZXDM4', '7KQ29ZXDM4'],
    [' 7kq29zxdm4 ', '7KQ29ZXDM4'],
    ['https://convene.example/c/7KQ29ZXDM4', '7KQ29ZXDM4'],
    ['https://convene.example/check-in?code=7KQ29ZXDM4', '7KQ29ZXDM4'],
    // Letters people and printers confuse read as the digits they stand for.
    ['7KQ29ZXDMO', '7KQ29ZXDM0'],
    ['https://example.org/some/page', null],
    ['7KQ29ZXDM', null],
    ['7KQ29ZXDM44', null],
    ['', null],
  ])('reads %j as %j', (scanned, expected) => {
    expect(checkInCodeOf(scanned)).toBe(expected);
  });
});

describe('the web app’s copy of the code rule', () => {
  it.each(['7kq2-9zxd m4', 'oil2345678', ' DEMCHECK01 ', 'abc-def'])(
    'reads %j as the API does',
    (text) => {
      expect(normalizeCheckInCode(text)).toBe(contractsRule(text));
    },
  );
});
