import type { TextDirection } from './language';

/** First-strong isolate … pop directional isolate (Unicode Bidirectional Algorithm, UAX #9). */
const FSI = '\u2068';
const PDI = '\u2069';

/** Letters of the right-to-left scripts a Convene user may type (Arabic, Hebrew, Syriac, Thaana, N'Ko). */
const RTL_LETTER =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** A digit, or a letter of any other script: text a right-to-left sentence would reorder. */
const NOT_RTL =
  /\p{N}|(?![\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}])\p{L}/u;

/**
 * A value (a name, a title, an email, a date) set into a sentence keeps its
 * own direction and cannot pull the sentence's punctuation into it: without
 * this, "Plan {title}?" in Arabic shows "؟8836" and an English name swaps
 * places with the date beside it. Values already written in the sentence's
 * direction are left as they are, so English text stays plain.
 */
export function isolateFor(value: string, direction: TextDirection): string {
  if (value === '' || value.startsWith(FSI)) return value;
  const foreign = direction === 'rtl' ? NOT_RTL : RTL_LETTER;
  return foreign.test(value) ? `${FSI}${value}${PDI}` : value;
}
