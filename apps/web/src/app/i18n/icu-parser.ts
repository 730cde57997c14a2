/**
 * A reader of ICU MessageFormat for the app's messages, producing the tokens of
 * @messageformat/parser (without their source positions): plain text with ICU's apostrophe rules
 * ('' is an apostrophe; '{…}' and '#…' quote syntax), `{name}`, `{name, number}`,
 * `{name, plural|selectordinal, offset:n =0 {…} one {…} other {…}}` with `#`, and
 * `{name, select, a {…} other {…}}`. messageformat's parser and its lexer (moo) would be some 5 kB
 * of every first load; this is a fraction of that. Styled arguments (`{d, date, short}`) are not
 * read: the messages do not use them, and a message that does fails to parse, which
 * icu-parser.spec.ts and translations.spec.ts would show. Both check that this reads every
 * message of the six languages exactly as @messageformat/parser does.
 */
export type Token =
  | { type: 'content'; value: string }
  | { type: 'argument'; arg: string }
  | { type: 'function'; arg: string; key: string }
  | { type: 'octothorpe' }
  | {
      type: 'plural' | 'select' | 'selectordinal';
      arg: string;
      pluralOffset?: number;
      cases: { key: string; tokens: Token[] }[];
    };

type Content = Extract<Token, { type: 'content' }>;
type Branching = Extract<Token, { cases: unknown }>;

const IDENTIFIER = /[^\p{Pattern_Syntax}\p{Pattern_White_Space}]+/uy;
const ARGUMENT = /\{\s*([^\p{Pattern_Syntax}\p{Pattern_White_Space}]+)\s*/uy;
const SPACE = /\s*/uy;
const QUOTED = /'[{}#](?:[^']|'')*'(?!')/uy;
const TEXT = /[^{}#']+/uy;
const OFFSET = /offset\s*:\s*(\d+)\s*/uy;
const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);
const CASE = /(=\d+|[^\p{Pattern_Syntax}\p{Pattern_White_Space}]+)\s*\{/uy;

class Reader {
  position = 0;
  constructor(readonly text: string) {}

  /** The pattern's match at the current position, consumed; null when it does not match. */
  take(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.text);
    if (match) this.position += match[0].length;
    return match;
  }

  peek(): string | undefined {
    return this.text[this.position];
  }

  fail(reason: string): never {
    throw new SyntaxError(`${reason} at ${this.position} in the message "${this.text}"`);
  }
}

/** Reads a message into tokens; throws a SyntaxError on a message it cannot read. */
export function parseMessage(text: string): Token[] {
  return body(new Reader(text), false, true);
}

function body(reader: Reader, inPlural: boolean, atRoot: boolean): Token[] {
  const tokens: Token[] = [];
  let content: Content | null = null;
  const add = (value: string) => {
    if (content) content.value += value;
    else tokens.push((content = { type: 'content', value }));
  };
  for (let next = reader.peek(); next !== undefined; next = reader.peek()) {
    if (next === '{') {
      const start = reader.take(ARGUMENT);
      if (!start) {
        // A brace that names no argument ("{}", "{ #"): text, as messageformat reads it.
        reader.position += 1;
        add('{');
        continue;
      }
      content = null;
      tokens.push(argument(reader, start[1] ?? '', inPlural));
    } else if (next === '}' && !atRoot) {
      reader.position += 1;
      return tokens;
    } else if (next === '#' && inPlural) {
      reader.position += 1;
      content = null;
      tokens.push({ type: 'octothorpe' });
    } else if (next === "'") {
      if (reader.text[reader.position + 1] === "'") {
        reader.position += 2;
        add("'");
        continue;
      }
      const quoted = reader.take(QUOTED);
      if (!quoted) {
        reader.position += 1;
        add("'");
        continue;
      }
      let value = quoted[0].slice(1, -1).replace(/''/g, "'");
      if (!inPlural && value.startsWith('#')) {
        if (value.includes('{')) reader.fail(`Unsupported escape pattern: ${value}`);
        value = quoted[0];
      }
      add(value);
    } else {
      add(reader.take(TEXT)?.[0] ?? (reader.position++, next));
    }
  }
  if (!atRoot) reader.fail('Unexpected message end');
  return tokens;
}

function argument(reader: Reader, arg: string, inPlural: boolean): Token {
  if (reader.peek() === '}') {
    reader.position += 1;
    return { type: 'argument', arg };
  }
  if (reader.peek() !== ',') reader.fail('Expected , or }');
  reader.position += 1;
  reader.take(SPACE);
  const key = reader.take(IDENTIFIER)?.[0] ?? reader.fail('Expected an argument type');
  reader.take(SPACE);
  const branching = key === 'plural' || key === 'select' || key === 'selectordinal';
  if (branching && reader.peek() === ',') {
    reader.position += 1;
    reader.take(SPACE);
    return cases(reader, arg, key, inPlural);
  }
  if (!branching && reader.peek() === '}') {
    reader.position += 1;
    return { type: 'function', arg, key };
  }
  return reader.fail(`Unsupported argument "${key}"`);
}

function cases(reader: Reader, arg: string, type: Branching['type'], inPlural: boolean): Branching {
  const token: Branching = { type, arg, cases: [] };
  const inner = type !== 'select' || inPlural;
  for (;;) {
    reader.take(SPACE);
    if (reader.peek() === '}') {
      reader.position += 1;
      return token;
    }
    const offset = reader.take(OFFSET);
    if (offset) {
      if (type === 'select') reader.fail('Unexpected plural offset for select');
      if (token.cases.length > 0) reader.fail('Plural offset must be set before cases');
      token.pluralOffset = Number(offset[1]);
      continue;
    }
    const key = reader.take(CASE)?.[1] ?? reader.fail('Expected a case');
    if (key.startsWith('=')) {
      if (type === 'select') reader.fail(`The case ${key} is not valid with select`);
    } else if (type !== 'select' && !PLURAL_KEYS.has(key)) {
      reader.fail(`The ${type} case ${key} is not valid`);
    }
    token.cases.push({ key, tokens: body(reader, inner, false) });
  }
}
