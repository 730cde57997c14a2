import type { EventStatus, RecommendationStatus } from '@convene/contracts';

/*
 * When a meeting's recommendations may change, and who may see them outside the tenant
 * (docs/recommendations.md). The API asks these; the SQL visibility rule writes the public one
 * in SQL (recommendation-visibility.ts), from the same list.
 */

/** The event statuses in which recommendations are written: the meeting took place. */
export const RECOMMENDATION_WRITABLE_EVENT_STATUSES: readonly EventStatus[] = ['held', 'reported'];

/** The event statuses in which a public event's recommendations are public. */
export const RECOMMENDATION_PUBLIC_EVENT_STATUSES: readonly EventStatus[] = ['reported', 'closed'];

/** Whether recommendations of an event in this status may be added or edited. */
export function recommendationsWritable(status: EventStatus): boolean {
  return RECOMMENDATION_WRITABLE_EVENT_STATUSES.includes(status);
}

/**
 * Whether they may be put in a new order: only while the event is held. Once it is reported
 * the meeting report cites them by number, so numbers stay; new ones are added at the end.
 */
export function recommendationsReorderable(status: EventStatus): boolean {
  return status === 'held';
}

/** Whether a follow-up step may move a recommendation from `from` to `to`. */
export function followUpAllowed(
  from: RecommendationStatus,
  to: RecommendationStatus,
): { ok: true } | { ok: false; reason: string } {
  if (from === to) return { ok: false, reason: `The recommendation is already ${from}.` };
  return { ok: true };
}
