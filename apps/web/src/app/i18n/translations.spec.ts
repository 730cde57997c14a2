import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERFACE_LANGUAGES } from '@convene/contracts';

type Tree = { [key: string]: string | Tree };

const folder = join(__dirname, '../../../public/i18n');
const load = (language: string): Tree =>
  JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8'));

/** Every key with its text, e.g. `users.count` → `Showing {{count}}`. */
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

/** The parameters a text uses, sorted, e.g. ['count'] for `Showing {{count}}`. */
const params = (text: unknown): string[] =>
  typeof text === 'string'
    ? [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort()
    : [];

/**
 * Texts that may read exactly as in English: the product's name everywhere, and in French the
 * words the two languages share. Anything else equal to English was left untranslated.
 */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  all: ['app.name'],
  fr: [
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
  ],
  es: ['events.thematicAreas.propaganda', 'events.formats.virtual', 'geographicRegions.asia'],
};

const english = texts(load('en'));
const translations = INTERFACE_LANGUAGES.filter((language) => language !== 'en');

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
      .filter(([key, text]) => text === english.get(key) && !allowed.includes(key))
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
