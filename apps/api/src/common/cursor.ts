import { saneInstant } from '@convene/contracts';
import { AppException } from './app-exception';
import { isUuid } from './uuid';

/** What each position of a cursor must hold, checked before it reaches SQL. */
type Kind = 'text' | 'number' | 'uuid' | 'timestamp';
type Values<K extends readonly Kind[]> = {
  [I in keyof K]: K[I] extends 'number' ? number : string;
};

const valid: Record<Kind, (value: unknown) => boolean> = {
  // Only NUL is refused: it is what PostgreSQL cannot take, while a sort key
  // written before the contracts refused control characters (a name with a
  // tab) must still page.
  text: (value) => typeof value === 'string' && value.length <= 500 && !value.includes('\u0000'),
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  uuid: isUuid,
  // A real instant within the years the contracts accept: year 0000 or
  // 30 February would otherwise reach PostgreSQL and come back as a 500.
  timestamp: (value) => typeof value === 'string' && saneInstant(value) !== null,
};

/** Keyset cursors are opaque to clients: base64url of the last row's sort key. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor<K extends readonly Kind[]>(
  cursor: string | undefined,
  kinds: K,
): Values<K> | null {
  if (cursor === undefined) return null;
  // Built only when needed: an exception captures a stack trace, on every page request.
  const invalid = () => new AppException(400, 'invalid-cursor', 'The page cursor is not valid');
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== kinds.length) throw invalid();
  values.forEach((value, index) => {
    const kind = kinds[index];
    if (!kind || !valid[kind](value)) throw invalid();
  });
  return values as Values<K>;
}
