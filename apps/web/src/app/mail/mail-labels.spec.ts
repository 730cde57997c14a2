import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIL_KINDS, MAIL_STATUSES, OPTIONAL_MAIL_KINDS } from '@convene/contracts';

type Tree = { [key: string]: string | Tree };

const english = JSON.parse(
  readFileSync(join(__dirname, '../../../public/i18n/en.json'), 'utf8'),
) as Tree;

const text = (path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Tree)[part] : undefined,
      english,
    );

// A new kind or status in the contracts needs words before it reaches a screen.
describe('the words for mail', () => {
  it.each(MAIL_KINDS)('names the %s kind', (kind) => {
    expect(typeof text(`mail.kinds.${kind}`)).toBe('string');
  });

  it.each(OPTIONAL_MAIL_KINDS)('explains the optional %s kind on the profile', (kind) => {
    expect(typeof text(`mail.kindDescriptions.${kind}`)).toBe('string');
  });

  it.each(MAIL_STATUSES)('names the %s status and says when none has it', (status) => {
    expect(typeof text(`mail.statuses.${status}`)).toBe('string');
    expect(typeof text(`mail.empty.${status}.title`)).toBe('string');
    expect(typeof text(`mail.empty.${status}.body`)).toBe('string');
  });
});
