import { isPermanentSmtpFailure, retryDelayMs } from './mail-worker';

describe('when the mail worker tries again', () => {
  it('doubles the wait from the base, caps it, and spreads it between half and all of it', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 2_000, 900_000, high))).toEqual([
      2_000, 4_000, 8_000, 16_000,
    ]);
    expect(retryDelayMs(1, 2_000, 900_000, low)).toBe(1_000);
    // Past the cap, even after a day of attempts: never longer than the cap, never zero.
    for (const attempts of [10, 100, 2_000]) {
      expect(retryDelayMs(attempts, 2_000, 900_000, high)).toBe(900_000);
      expect(retryDelayMs(attempts, 2_000, 900_000, low)).toBe(450_000);
    }
  });

  it('fails at once only on a 5xx answer; no answer at all is worth another try', () => {
    const smtp = (responseCode: number) =>
      Object.assign(new Error(`${responseCode} from the server`), { responseCode });
    expect(isPermanentSmtpFailure(smtp(550))).toBe(true);
    expect(isPermanentSmtpFailure(smtp(554))).toBe(true);
    expect(isPermanentSmtpFailure(smtp(451))).toBe(false);
    expect(isPermanentSmtpFailure(smtp(421))).toBe(false);
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' });
    expect(isPermanentSmtpFailure(refused)).toBe(false);
    expect(isPermanentSmtpFailure(new Error('Greeting never received'))).toBe(false);
    expect(isPermanentSmtpFailure('a string')).toBe(false);
    expect(isPermanentSmtpFailure(null)).toBe(false);
  });
});
