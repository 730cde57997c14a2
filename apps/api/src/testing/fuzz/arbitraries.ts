import fc from 'fast-check';
import { toJSONSchema, type ZodType } from 'zod';

/** The slice of JSON Schema that zod's converter writes for our contracts. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/** Strings an attacker tries in every text field, query parameter and path segment. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0007\u001b[31m',
  'line\r\nX-Injected: 1',
  'x'.repeat(70_000),
  '0000-01-01',
  '2026-02-30',
  '2026-02-30T10:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  "' or '1'='1' --",
  '%00',
  '../../etc/passwd',
  '\ud800',
  '\u202eevil',
  '😀'.repeat(50),
  'ZZZ',
  '',
  ' ',
  '00000000-0000-0000-0000-000000000000',
];

/** Values of the wrong type, put where the contract expects something else. */
const WRONG_TYPES: unknown[] = [null, true, 0, -1, 1e308, [], {}, [null], { $gt: '' }, 'text'];

/** Malformed keyset cursors: not base64, wrong arity, impossible timestamps, foreign shapes. */
export const HOSTILE_CURSORS = [
  '%%%',
  'e30',
  Buffer.from('[]').toString('base64url'),
  Buffer.from('["0000-01-01 00:00:00+00","x"]').toString('base64url'),
  Buffer.from('["2026-02-30T00:00:00Z","00000000-0000-0000-0000-000000000000"]').toString(
    'base64url',
  ),
  Buffer.from('["2026-01-01T00:00:00Z\\u0000","00000000-0000-0000-0000-000000000000"]').toString(
    'base64url',
  ),
  Buffer.from(JSON.stringify([1e308, 'x'.repeat(1000)])).toString('base64url'),
];

export function jsonSchemaOf(schema: ZodType): JsonSchema {
  return toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Values the contract accepts (mostly: refinements the schema cannot express may still refuse). */
export function validValue(schema: JsonSchema, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return fc.oneof(...union.map((member) => validValue(member, ids)));
  if (schema.allOf?.[0]) return validValue(schema.allOf[0], ids);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_000) + 1;
      const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_000) - 1;
      return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) });
    }
    case 'array': {
      const items = schema.items ? validValue(schema.items, ids) : fc.string();
      return fc.array(items, {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) {
        record[name] = validValue(property, ids);
      }
      return fc.record(record, {
        requiredKeys: Object.keys(properties).filter((name) => required.has(name)),
      });
    }
    case 'string':
      return validString(schema, ids);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

function validString(schema: JsonSchema, ids: fc.Arbitrary<string>): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return ids;
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z') })
        .filter((date) => !Number.isNaN(date.getTime()))
        .map((date) => date.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z') })
        .filter((date) => !Number.isNaN(date.getTime()))
        .map((date) => date.toISOString().slice(0, 10));
    case 'uri':
    case 'url':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => fits(value, schema));
    } catch {
      // A pattern fast-check cannot walk: plain strings of the right length instead.
    }
  }
  return fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 40, 200),
  });
}

const fits = (value: string, schema: JsonSchema) =>
  value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Infinity);

/** A valid value with one place spoiled: a hostile string, a wrong type, an unknown field. */
export function mutatedValue(schema: JsonSchema, ids: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc
    .tuple(validValue(schema, ids), fc.nat(), fc.nat(), fc.constantFrom('string', 'type', 'field'))
    .map(([value, where, what, how]) => spoil(value, where, what, how));
}

function spoil(value: unknown, where: number, what: number, how: string): unknown {
  const places = paths(value);
  const place = places[where % places.length] ?? [];
  const replacement =
    how === 'string'
      ? HOSTILE_STRINGS[what % HOSTILE_STRINGS.length]
      : how === 'type'
        ? WRONG_TYPES[what % WRONG_TYPES.length]
        : undefined;
  if (how === 'field') {
    const target = at(value, place.slice(0, -1));
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      return setAt(value, place.slice(0, -1), { ...target, tenantId: 'other', __proto__x: 1 });
    }
    return { value, unexpected: true };
  }
  return setAt(value, place, replacement);
}

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) {
    return [prefix, ...value.flatMap((item, index) => paths(item, [...prefix, index]))];
  }
  if (value && typeof value === 'object') {
    return [
      prefix,
      ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key])),
    ];
  }
  return [prefix];
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      current && typeof current === 'object'
        ? (current as Record<string, unknown>)[key]
        : undefined,
    value,
  );
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') {
    return value.map((item, index) => (index === head ? setAt(item, rest, replacement) : item));
  }
  if (value && typeof value === 'object' && head !== undefined) {
    const record = value as Record<string, unknown>;
    return { ...record, [head]: setAt(record[head], rest, replacement) };
  }
  return replacement;
}

/** A query string from a query object: arrays repeat the key, as the web app sends them. */
export function queryString(query: unknown): string {
  if (!query || typeof query !== 'object' || Array.isArray(query)) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined) continue;
      const text = typeof item === 'string' ? item : JSON.stringify(item);
      parts.push(`${percentEncoded(key)}=${percentEncoded(text)}`);
    }
  }
  return parts.length ? '?' + parts.join('&') : '';
}

/** Every byte of the UTF-8 (lone surrogates become U+FFFD), as a client library would send it. */
export const percentEncoded = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : '%' + byte.toString(16).toUpperCase().padStart(2, '0'),
    )
    .join('');
