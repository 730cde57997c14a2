import MessageFormat from '@messageformat/core';
import { parse, type Token } from '@messageformat/parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage } from './icu-message';

type Tree = { [key: string]: string | Tree };

const folder = join(__dirname, '../../../public/i18n');
const load = (language: string): Tree =>
  JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8'));

/** The variables an ICU message uses, at any depth: `{count, plural, one {# by {name}}}` → count, name. */
function variablesOf(tokens: readonly Token[], found = new Set<string>()): Set<string> {
  for (const token of tokens) {
    if (token.type === 'argument' || token.type === 'function') found.add(token.arg);
    if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
      found.add(token.arg);
      for (const branch of token.cases) variablesOf(branch.tokens, found);
    }
  }
  return found;
}

/** Every key with the variables its ICU message uses, e.g. `users.count [count]`. */
function entries(tree: Tree, prefix = ''): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      found.set(path, [...variablesOf(parse(value))].sort());
    } else {
      for (const [childKey, params] of entries(value, path)) found.set(childKey, params);
    }
  }
  return found;
}

describe('the translation files', () => {
  const english = entries(load('en'));

  it('ship English, French and Arabic', () => {
    expect(readdirSync(folder).sort()).toEqual(['ar.json', 'en.json', 'fr.json']);
  });

  it.each(['fr', 'ar'])(
    'give %s every English key, no other, with the same parameters',
    (language) => {
      const translated = entries(load(language));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, params] of english)
        expect({ key, params: translated.get(key) }).toEqual({ key, params });
    },
  );

  it.each(['en', 'fr', 'ar'])('leave no %s text empty', (language) => {
    const empty = [...entries(load(language))].filter(([key]) => {
      const value = key
        .split('.')
        .reduce<
          string | Tree | undefined
        >((node, part) => (typeof node === 'object' ? node[part] : undefined), load(language));
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });
});

/** Every key with its message text. */
function messages(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : messages(value, path);
  });
}

type Branching = Extract<Token, { cases: unknown }>;

function branchings(tokens: readonly Token[]): Branching[] {
  return tokens.flatMap((token) =>
    'cases' in token ? [token, ...token.cases.flatMap((branch) => branchings(branch.tokens))] : [],
  );
}

describe('the ICU messages', () => {
  const languages = readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''));

  describe.each(languages)('in %s', (language) => {
    const all = messages(load(language));
    // The forms counts in the interface can take (French "many" needs a million).
    const rules = new Intl.PluralRules(language);
    const categories = [...new Set(Array.from({ length: 10_000 }, (_, n) => rules.select(n)))];
    const messageFormat = new MessageFormat(language);

    it('all compile with messageformat, with plural keys the language has', () => {
      const broken = all.flatMap(([key, text]) => {
        try {
          messageFormat.compile(text);
          return [];
        } catch (error) {
          return [`${key}: ${(error as Error).message}`];
        }
      });
      expect(broken).toEqual([]);
    });

    it('use ICU variables ({name}), not Transloco’s {{name}}', () => {
      expect(all.filter(([, text]) => text.includes('{{')).map(([key]) => key)).toEqual([]);
    });

    it(`give every plural each form a count below 10,000 takes (${categories.join(', ')})`, () => {
      const short = all.flatMap(([key, text]) =>
        branchings(parse(text))
          .filter((token) => token.type === 'plural')
          .map((token) => ({
            key,
            missing: categories.filter(
              (category) => !token.cases.some((branch) => branch.key === category),
            ),
          }))
          .filter(({ missing }) => missing.length > 0),
      );
      expect(short).toEqual([]);
    });

    it('read in the app exactly as messageformat itself reads them', () => {
      const differ = all.flatMap(([key, text]) => {
        const tokens = parse(text);
        const counted = new Set(
          branchings(tokens)
            .filter((token) => token.type !== 'select')
            .map((token) => token.arg),
        );
        const compiled = messageFormat.compile(text);
        return [0, 1, 2, 3, 11, 100, 1234].flatMap((count) => {
          const values = Object.fromEntries(
            [...variablesOf(tokens)].map((name) => [name, counted.has(name) ? count : `‹${name}›`]),
          );
          const expected = compiled(values);
          const shown = formatMessage(text, values, language);
          return shown === expected ? [] : [{ key, count, shown, expected }];
        });
      });
      expect(differ).toEqual([]);
    });

    it('show plain messages word for word: no apostrophe or brace is taken as syntax', () => {
      const changed = all.flatMap(([key, text]) => {
        const tokens = parse(text);
        if (branchings(tokens).length > 0) return [];
        const names = [...variablesOf(tokens)];
        const values = Object.fromEntries(names.map((name) => [name, `‹${name}›`]));
        const expected = text.replace(/\{(\w+)(, *number)?\}/g, (_, name: string) => `‹${name}›`);
        const shown = messageFormat.compile(text)(values);
        return shown === expected ? [] : [{ key, shown, expected }];
      });
      expect(changed).toEqual([]);
    });
  });
});
