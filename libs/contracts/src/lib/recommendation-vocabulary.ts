/*
 * The words and bounds of recommendations (docs/recommendations.md), apart from their schemas in
 * recommendations.ts: the web app's pages read these, and a module of plain constants leaves the
 * schemas (and what they pull in) out of the chunks those pages share.
 */

/** Where the follow-up of a recommendation stands; officers move it, with a note. */
export const RECOMMENDATION_STATUSES = [
  'open',
  'in_progress',
  'implemented',
  'not_pursued',
] as const;

/** The most States one recommendation may be addressed to (every State is 195). */
export const RECOMMENDATION_STATES_MAX = 195;
/** The most partner organisations named on one recommendation. */
export const RECOMMENDATION_PARTNERS_MAX = 20;
/** The longest recommendation text: a paragraph or a few, the meeting's own words. */
export const RECOMMENDATION_TEXT_MAX = 4000;
/** The longest follow-up note. */
export const FOLLOW_UP_NOTE_MAX = 2000;
/** The most rows one CSV export holds; narrower filters export the rest. */
export const RECOMMENDATION_EXPORT_MAX = 10_000;
