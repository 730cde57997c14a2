import type { ThematicArea } from '@convene/contracts';
import type { AreaScore } from './assessment-scoring';

/** A weak area of the State's validated needs assessment, with its gap (0–100). */
export interface RequestGap {
  area: ThematicArea;
  gap: number;
}

/** Which of the assessment's weakest areas each linked event addresses, and which none does. */
export interface RequestGapCoverage {
  /** The weakest areas, largest gap first (as `weakestAreas` orders them). */
  weakest: RequestGap[];
  /** Per linked event, the weak areas among its thematic areas, in the order of `weakest`. */
  events: { id: string; addresses: ThematicArea[] }[];
  /** The weak areas no linked event addresses yet, in the order of `weakest`. */
  unaddressed: ThematicArea[];
}

/**
 * The plan of a request against its needs assessment (docs/requests.md, "Gaps its events
 * address"): an event addresses a weak area when the area is one of the event's thematic areas.
 * `weakest` is the assessment's weakest areas (`scoreAssessment(…).weakest`), `areas` its area
 * scores, to give each its gap.
 */
export function requestGapCoverage(
  weakest: readonly ThematicArea[],
  areas: readonly AreaScore[],
  events: readonly { id: string; thematicAreas: readonly ThematicArea[] }[],
): RequestGapCoverage {
  const gaps: RequestGap[] = weakest.flatMap((area) => {
    const gap = areas.find((score) => score.area === area)?.gap;
    return gap === null || gap === undefined ? [] : [{ area, gap }];
  });
  const covered = events.map((event) => ({
    id: event.id,
    addresses: gaps.map((g) => g.area).filter((area) => event.thematicAreas.includes(area)),
  }));
  const addressed = new Set(covered.flatMap((event) => event.addresses));
  return {
    weakest: gaps,
    events: covered,
    unaddressed: gaps.map((g) => g.area).filter((area) => !addressed.has(area)),
  };
}
