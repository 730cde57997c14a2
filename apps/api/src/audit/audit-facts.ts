/**
 * What the append-only audit log may keep of a change: references (ids) and non-personal facts.
 *
 * The log cannot forget (the app may only insert into it), so what anonymisation and erasure
 * remove must never be written to it in the first place (docs/privacy.md, "The audit log").
 * Every `before` and `after` passes through `auditFacts` on its way in: the value of a personal
 * key, wherever it sits in the object, is replaced by a marker, and when the same key's value
 * differs between before and after the marker says that it changed. So the log still answers
 * "who changed this person's email, and when", never "from what to what".
 */

/** A personal value that was not kept. */
export const PERSONAL = '[personal data not kept]';
/** A personal value that was not kept, and differs from the one before. */
export const PERSONAL_CHANGED = '[personal data changed, not kept]';

/**
 * Keys whose values identify or describe a person, or are free text that may (a reason, a
 * comment): names, emails, functions, biographies, notes, file names (a CV is "Jane_Doe.pdf").
 * An export's stated `purpose` is kept on purpose: the log is there to say why personal data
 * left, and it is the staff's purpose, not text about a person.
 */
const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'email',
  'emails',
  'recipients',
  'name',
  'fullName',
  'full_name',
  'guestSpeakers',
  'bio',
  'organisation',
  'function',
  'functionTitle',
  'function_title',
  'phone',
  'notes',
  'fileName',
  'file_name',
  'reason',
  'answer',
  'body',
  'comment',
  'dietaryNeeds',
  'accessibilityNeeds',
  'declaration',
  'interests',
]);

/** Names that are not a person's: the key is kept when its parent is one of these. */
const NAMED_THINGS: ReadonlySet<string> = new Set(['venue', 'tenant', 'list', 'edition']);

/** One side of a change as the log may keep it; `other` is the opposite side, to mark changes. */
export function auditFacts(value: unknown, other?: unknown, parent?: string): unknown {
  if (Array.isArray(value)) {
    const others = Array.isArray(other) ? other : [];
    return value.map((item, index) => auditFacts(item, others[index], parent));
  }
  if (value === null || typeof value !== 'object') return value;
  const otherObject =
    other !== null && typeof other === 'object' && !Array.isArray(other)
      ? (other as Record<string, unknown>)
      : undefined;
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (isPersonal(key, parent) && item !== null && item !== undefined && item !== '') {
      const changed =
        otherObject !== undefined &&
        key in otherObject &&
        JSON.stringify(otherObject[key]) !== JSON.stringify(item);
      kept[key] = changed ? PERSONAL_CHANGED : PERSONAL;
    } else {
      kept[key] = auditFacts(item, otherObject?.[key], key);
    }
  }
  return kept;
}

function isPersonal(key: string, parent: string | undefined): boolean {
  if (!PERSONAL_KEYS.has(key)) return false;
  return !(key === 'name' && parent !== undefined && NAMED_THINGS.has(parent));
}
