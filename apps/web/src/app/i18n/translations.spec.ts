import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };

const folder = join(__dirname, '../../../public/i18n');
const load = (language: string): Tree =>
  JSON.parse(readFileSync(join(folder, `${language}.json`), 'utf8'));

/** Every key with the parameters its text uses, e.g. `users.count {{count}}`. */
function entries(tree: Tree, prefix = ''): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      found.set(
        path,
        [...value.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort(),
      );
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
