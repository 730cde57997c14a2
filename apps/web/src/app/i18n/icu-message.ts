import { parseMessage, type Token } from './icu-parser';

/**
 * ICU MessageFormat, interpreted. messageformat's own runtime compiles each
 * message to a JavaScript function (`new Function`), which the app's Content
 * Security Policy (script-src 'self', no 'unsafe-eval') rightly refuses; so
 * messages are parsed once (icu-parser.ts, which reads them as messageformat's
 * parser does) and the tree is walked here with the browser's Intl.PluralRules
 * and Intl.NumberFormat. translations.spec.ts checks every message of every
 * language against messageformat itself.
 */

type Values = Readonly<Record<string, unknown>>;

const trees = new Map<string, Token[]>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rules(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale}|${type}`;
  let found = pluralRules.get(key);
  if (!found) pluralRules.set(key, (found = new Intl.PluralRules(locale, { type })));
  return found;
}

function formatNumber(value: number, locale: string): string {
  let found = numberFormats.get(locale);
  if (!found) numberFormats.set(locale, (found = new Intl.NumberFormat(locale)));
  return found.format(value);
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value as number | boolean);
}

function render(tokens: readonly Token[], values: Values, locale: string, count?: number): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'content':
        out += token.value;
        break;
      case 'argument':
        out += text(values[token.arg]);
        break;
      case 'function':
        out +=
          token.key === 'number'
            ? formatNumber(Number(values[token.arg]), locale)
            : text(values[token.arg]);
        break;
      case 'octothorpe':
        out += count === undefined ? '#' : formatNumber(count, locale);
        break;
      case 'select': {
        const chosen =
          token.cases.find((branch) => branch.key === text(values[token.arg])) ??
          token.cases.find((branch) => branch.key === 'other');
        out += chosen ? render(chosen.tokens, values, locale, count) : '';
        break;
      }
      case 'plural':
      case 'selectordinal': {
        const value = Number(values[token.arg]);
        const offset = value - (token.pluralOffset ?? 0);
        const category = rules(locale, token.type === 'plural' ? 'cardinal' : 'ordinal').select(
          offset,
        );
        const chosen =
          token.cases.find((branch) => branch.key === `=${value}`) ??
          token.cases.find((branch) => branch.key === category) ??
          token.cases.find((branch) => branch.key === 'other');
        out += chosen ? render(chosen.tokens, values, locale, offset) : '';
        break;
      }
    }
  }
  return out;
}

/** A message with its values, in a language: "{count, plural, one {# event} other {# events}}". */
export function formatMessage(message: string, values: Values, locale: string): string {
  let tree = trees.get(message);
  if (!tree) {
    tree = parseMessage(message);
    trees.set(message, tree);
  }
  return render(tree, values, locale);
}
