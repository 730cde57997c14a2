/**
 * Writes XML a piece at a time, escaping every text and attribute value it is given: callers
 * never concatenate markup themselves. Characters XML 1.0 cannot carry (control characters,
 * lone surrogates) are dropped rather than written.
 */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private readonly open: string[] = [];

  /** Opens an element; close it with end(). */
  start(name: string, attributes: Attributes = {}): this {
    this.parts.push(`${this.indent()}<${checkedName(name)}${attributeText(attributes)}>\n`);
    this.open.push(name);
    return this;
  }

  end(): this {
    const name = this.open.pop();
    if (!name) throw new Error('XmlWriter: nothing to close');
    this.parts.push(`${this.indent()}</${name}>\n`);
    return this;
  }

  /** An element with only text (or nothing) inside. */
  leaf(name: string, attributes: Attributes = {}, text?: string): this {
    const open = `${this.indent()}<${checkedName(name)}${attributeText(attributes)}`;
    this.parts.push(text === undefined ? `${open}/>\n` : `${open}>${escapeText(text)}</${name}>\n`);
    return this;
  }

  toString(): string {
    if (this.open.length > 0) throw new Error(`XmlWriter: <${this.open.join('>, <')}> left open`);
    return this.parts.join('');
  }

  private indent(): string {
    return '  '.repeat(this.open.length);
  }
}

/** Attribute values; an undefined or null one is left out. */
export type Attributes = Record<string, string | number | boolean | null | undefined>;

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function checkedName(name: string): string {
  if (!NAME.test(name)) throw new Error(`XmlWriter: ${name} is not an XML name`);
  return name;
}

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] != null)
    .map(([name, value]) => ` ${checkedName(name)}="${escapeAttribute(String(value))}"`)
    .join('');
}

export function escapeText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
