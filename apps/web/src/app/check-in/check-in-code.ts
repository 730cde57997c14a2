/**
 * A typed or scanned code as the API stores it: upper case, the letters people confuse read as
 * the digits they stand for, no spaces or dashes. The same rule as the contracts'
 * normalizeCheckInCode, written again here: importing it would bring the contracts' zod schemas
 * (attendance.ts builds them when loaded) into this page's bundle.
 */
export function normalizeCheckInCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

const CODE_AT_END = /([0-9A-HJKMNP-TV-Z]{10})$/;

/**
 * The check-in code in what a QR code holds: the code itself, or a link that ends with it
 * (…/c/7KQ29ZXDM4). Null for anything else (another QR code held up by mistake).
 */
export function checkInCodeOf(scanned: string): string | null {
  const text = scanned.trim();
  const last =
    text
      .split(/[/=#?]/)
      .filter(Boolean)
      .pop() ?? '';
  const code = normalizeCheckInCode(last);
  return CODE_AT_END.test(code) && code.length === 10 ? code : null;
}
