import MessageFormat from '@messageformat/core';
import { parse, type Token } from '@messageformat/parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERFACE_LANGUAGES } from '@convene/contracts';
import { formatMessage } from './icu-message';

type Tree = { [key: string]: string | Tree };

const folder = join(__dirname, '../../../public/i18n');
const load = (language: string): Tree =>
  JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8'));

/** Every key with its text, e.g. `users.count` → `{count, plural, …}`. */
function texts(tree: Tree, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) {
      for (const [childKey, text] of texts(value, path)) found.set(childKey, text);
    } else {
      found.set(path, value);
    }
  }
  return found;
}

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

/** The variables a text uses, sorted, e.g. ['count'] for `{count, plural, …}`; unreadable: ['?']. */
function params(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  try {
    return [...variablesOf(parse(text))].sort();
  } catch {
    return ['?'];
  }
}

/**
 * Texts that may read exactly as in English: the product's name everywhere, and in French the
 * words the two languages share. Anything else equal to English was left untranslated.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  all: [
    'app.name',
    // Tool delivery: the names of a format and of an identifier, and IATI's acronym.
    'delivery.formats.pdf',
    'delivery.editions.isbn',
    'delivery.tabs.iati',
  ],
  fr: [
    // A participant is « participant » in French too.
    'privacy.people.kinds.participant',
    'common.actions',
    'common.tenant',
    'roles.expert',
    'events.filters.dates',
    'events.fields.type',
    'events.fields.description',
    'events.fields.format',
    'events.form.participation',
    'events.form.organisation',
    'events.overview.public',
    'events.agenda.description',
    'memberStates.columns.code',
    'mail.kinds.invitation',
    'profile.notifications.title',
    'geographicRegions.europe',
    'events.tabs.participation',
    'participation.fields.institution',
    'participation.export.format',
    'titles.experts',
    'titles.expert',
    'shell.nav.experts',
    'events.tabs.experts',
    'experts.roster.title',
    'experts.fields.organisation',
    'experts.roles.rapporteur',
    'experts.notes.label',
    'experts.assign.expert',
    'titles.documents',
    'shell.nav.documents',
    'events.tabs.documents',
    'documents.versions',
    'documents.versionNumber',
    'documents.libraryTitle',
    'documents.visibilities.public',
    'documents.visibilities.participants',
    'search.groups.documents',
    'search.groups.experts',
    'reports.total',
    'reports.womenShare.participants',
    'reports.state.invitations',
    'delivery.fields.format',
    'delivery.editions.versionLabel',
    'delivery.coverage.formats',
  ],
  es: [
    'events.thematicAreas.propaganda',
    'events.formats.virtual',
    'geographicRegions.asia',
    'reports.total',
    'delivery.fields.format',
    'delivery.editions.versionLabel',
    'delivery.coverage.formats',
  ],
};

const english = texts(load('en'));
const translations = INTERFACE_LANGUAGES.filter((language) => language !== 'en');

/** Whether a text has words of its own, besides its variables ("{city}, {country}" has none). */
const hasWords = (text: unknown): boolean =>
  typeof text === 'string' && /\p{L}/u.test(text.replace(/\{[^{}]*\}/g, ''));

/** What is wrong with one translation, key by key, measured against English. */
function faults(language: string, tree: Tree) {
  const translated = texts(tree);
  const allowed = [...(SAME_AS_ENGLISH['all'] ?? []), ...(SAME_AS_ENGLISH[language] ?? [])];
  return {
    missing: [...english.keys()].filter((key) => !translated.has(key)),
    extra: [...translated.keys()].filter((key) => !english.has(key)),
    parameters: [...english]
      .filter(([key]) => translated.has(key))
      .filter(([key, text]) => params(translated.get(key)).join() !== params(text).join())
      .map(([key]) => key),
    empty: [...translated]
      .filter(([, text]) => typeof text !== 'string' || text.trim() === '')
      .map(([key]) => key),
    untranslated: [...translated]
      .filter(
        ([key, text]) => text === english.get(key) && hasWords(text) && !allowed.includes(key),
      )
      .map(([key]) => key),
  };
}

const NONE = { missing: [], extra: [], parameters: [], empty: [], untranslated: [] };

describe('the translation files', () => {
  it('ship the six UN languages, and only them', () => {
    expect(readdirSync(folder).sort()).toEqual(
      [...INTERFACE_LANGUAGES].map((language) => `${language}.json`).sort(),
    );
  });

  it.each(translations)(
    'give %s exactly the English keys, the same parameters, and real text',
    (language) => {
      expect(faults(language, load(language))).toEqual(NONE);
    },
  );

  it('leave no English text empty', () => {
    expect(faults('en', load('en')).empty).toEqual([]);
  });

  it('catch each kind of fault', () => {
    const fr = load('fr');
    const app = fr['app'] as Tree;
    const users = fr['users'] as Tree;
    const broken: Tree = {
      ...fr,
      app: { name: app['name'] ?? '' },
      users: { ...users, count: 'Affichage', intro: ' ', title: 'Users' },
      extra: 'Nouveau',
    };
    expect(faults('fr', broken)).toEqual({
      missing: ['app.tagline'],
      extra: ['extra'],
      parameters: ['users.count'],
      empty: ['users.intro'],
      untranslated: ['users.title'],
    });
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
