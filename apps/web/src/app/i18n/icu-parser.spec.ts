import { parse } from '@messageformat/parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessage } from './icu-parser';

const folder = join(__dirname, '../../../public/i18n');

type Tree = { [key: string]: string | Tree };

function messages(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : messages(value, path);
  });
}

/** messageformat's tokens without their source positions (ctx), which ours do not carry. */
function reference(text: string): unknown {
  return JSON.parse(
    JSON.stringify(parse(text), (key, value: unknown) => (key === 'ctx' ? undefined : value)),
  );
}

/** Ours, as plain data. */
const ours = (text: string): unknown => JSON.parse(JSON.stringify(parseMessage(text)));

describe('the ICU message reader', () => {
  const files = readdirSync(folder).filter((file) => file.endsWith('.json'));

  it.each(files)('reads every message of %s exactly as @messageformat/parser does', (file) => {
    const all = messages(JSON.parse(readFileSync(join(folder, file), 'utf8')) as Tree);
    expect(all.length).toBeGreaterThan(500);
    const differ = all.filter(
      ([, text]) => JSON.stringify(ours(text)) !== JSON.stringify(reference(text)),
    );
    expect(differ).toEqual([]);
  });

  it.each([
    ['plain text', 'Sign in'],
    ['a variable', 'Plan {title}?'],
    ['spaces inside braces', '{ name }, {count , number}'],
    ['apostrophes as text', "L'événement n'a pas d'ordre du jour"],
    ['a doubled apostrophe', "It''s {name}''s"],
    ['quoted braces', "Write '{name}' to name it, or '{' alone"],
    ['an apostrophe left open', "Type ' here, or '"],
    ['braces that name no argument', 'Hello {} and {#}'],
    ['a brace in a case that starts no argument', '{n, plural, one {# event other {# events}}'],
    ['a hash outside a plural', 'Room #4'],
    ['a quoted hash in a plural', "{n, plural, one {'#' # item} other {'#'# items}}"],
    ['a quoted hash outside one', "Number '#1'"],
    ['plural forms and exact values', '{n, plural, =0 {none} one {# event} other {# events}}'],
    ['an offset', '{n, plural, offset:1 =0 {nobody} one {you} other {you and # more}}'],
    ['a select', '{role, select, admin {Administrator} other {{role}}}'],
    [
      'a plural in a select',
      '{g, select, f {{n, plural, one {# amie} other {# amies}}} other {x}}',
    ],
    [
      'a hash in a select in a plural',
      '{n, plural, other {{g, select, f {# elles} other {# ils}}}}',
    ],
    ['an ordinal', '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}'],
    [
      'Arabic forms',
      '{n, plural, zero {لا شيء} one {واحد} two {اثنان} few {# قليلة} many {# كثيرة} other {# أخرى}}',
    ],
    ['new lines', 'First\n{n, plural,\n  one {# line}\n  other {# lines}\n}'],
  ])('reads %s as messageformat does', (_, text) => {
    expect(ours(text)).toEqual(reference(text));
  });

  it.each([
    ['an unclosed argument', 'Hello {name'],
    ['an unclosed case', '{n, plural, one {# event} other {# events}'],
    ['an apostrophe left open before a brace', "Type '{ here"],
    ['a case without braces', '{n, plural, one # event}'],
    ['an exact value in a select', '{g, select, =1 {one} other {x}}'],
    ['an offset in a select', '{g, select, offset:1 a {x} other {y}}'],
    ['an offset after a case', '{n, plural, one {x} offset:1 other {y}}'],
    ['a plural key no language has', '{n, plural, single {x} other {y}}'],
    ['a select without cases separator', '{n, plural}'],
  ])('refuses %s, as messageformat does', (_, text) => {
    expect(() => parse(text)).toThrow();
    expect(() => parseMessage(text)).toThrow(SyntaxError);
  });

  it('does not read a styled argument, which the messages do not use', () => {
    expect(() => parseMessage('{when, date, short}')).toThrow(/Unsupported argument "date"/);
  });
});
