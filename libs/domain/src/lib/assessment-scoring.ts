import {
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_RATING_MAX,
  type AssessmentDimension,
  type AssessmentStatus,
  THEMATIC_AREAS,
  type ThematicArea,
} from '@convene/contracts';

/*
 * Needs assessments' results (docs/assessments.md). A question is rated 0 (none) to 4
 * (advanced); its gap is 4 − rating. A group of questions (an area, a dimension, an area's
 * dimension, the whole assessment) scores the mean gap of its answered questions, normalised to
 * 0–100 and rounded to a whole number: 0 = nothing left to do (all advanced), 100 = nothing in
 * place (all none). Unanswered questions count in no score; a group with none answered has no
 * score (null), which is not the same as 0.
 */

/** What scoring needs of a question. */
export interface ScoredQuestion {
  key: string;
  area: ThematicArea;
  dimension: AssessmentDimension;
}

/** Ratings by question key; a missing key or null is not answered. */
export type Ratings = Readonly<Record<string, number | null | undefined>>;

export interface AreaScore {
  area: ThematicArea;
  /** 0–100, null when no question of the area is answered. */
  gap: number | null;
  answered: number;
  questions: number;
}

export interface DimensionScore {
  dimension: AssessmentDimension;
  gap: number | null;
}

export interface CellScore {
  area: ThematicArea;
  dimension: AssessmentDimension;
  gap: number | null;
}

export interface AssessmentScores {
  /** The whole assessment's gap, 0–100. */
  overall: number | null;
  answered: number;
  questions: number;
  areas: AreaScore[];
  dimensions: DimensionScore[];
  /** Each area × dimension: the heat map. */
  cells: CellScore[];
  /** The areas with the largest gaps, largest first (at most WEAKEST_AREAS, gap above 0). */
  weakest: ThematicArea[];
}

/** How many weakest areas a result names. */
export const WEAKEST_AREAS = 3;

const isRating = (value: number | null | undefined): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= 0 &&
  value <= ASSESSMENT_RATING_MAX;

/** The normalised gap (0–100) of these ratings, null for none. */
export function gapScore(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  const gaps = ratings.reduce((sum, rating) => sum + (ASSESSMENT_RATING_MAX - rating), 0);
  return Math.round((gaps / ratings.length / ASSESSMENT_RATING_MAX) * 100);
}

const ratedIn = (questions: readonly ScoredQuestion[], ratings: Ratings): number[] =>
  questions.map((question) => ratings[question.key]).filter(isRating);

/** The scores of one assessment: per area, per dimension, per cell, overall, the weakest areas. */
export function scoreAssessment(
  questions: readonly ScoredQuestion[],
  ratings: Ratings,
): AssessmentScores {
  const areasPresent = THEMATIC_AREAS.filter((area) =>
    questions.some((question) => question.area === area),
  );
  const dimensionsPresent = ASSESSMENT_DIMENSIONS.filter((dimension) =>
    questions.some((question) => question.dimension === dimension),
  );
  const areas = areasPresent.map((area) => {
    const inArea = questions.filter((question) => question.area === area);
    const rated = ratedIn(inArea, ratings);
    return { area, gap: gapScore(rated), answered: rated.length, questions: inArea.length };
  });
  const dimensions = dimensionsPresent.map((dimension) => ({
    dimension,
    gap: gapScore(
      ratedIn(
        questions.filter((question) => question.dimension === dimension),
        ratings,
      ),
    ),
  }));
  const cells = areasPresent.flatMap((area) =>
    dimensionsPresent.map((dimension) => ({
      area,
      dimension,
      gap: gapScore(
        ratedIn(
          questions.filter(
            (question) => question.area === area && question.dimension === dimension,
          ),
          ratings,
        ),
      ),
    })),
  );
  const all = ratedIn(questions, ratings);
  return {
    overall: gapScore(all),
    answered: all.length,
    questions: questions.length,
    areas,
    dimensions,
    cells,
    weakest: weakestAreas(areas),
  };
}

/**
 * The areas with the largest gaps, largest first; ties keep the order of THEMATIC_AREAS. Areas
 * without a score, or with nothing left to do (0), are not weak.
 */
export function weakestAreas(areas: readonly AreaScore[], count = WEAKEST_AREAS): ThematicArea[] {
  return areas
    .filter((area): area is AreaScore & { gap: number } => area.gap !== null && area.gap > 0)
    .map((area, index) => ({ ...area, index }))
    .sort((a, b) => b.gap - a.gap || a.index - b.index)
    .slice(0, count)
    .map((area) => area.area);
}

export interface AreaChange {
  area: ThematicArea;
  /** The gaps over the comparable questions only, then and now; null when none compare. */
  earlier: number | null;
  current: number | null;
  /** current − earlier: negative means the gap narrowed. */
  change: number | null;
  /** Questions answered in both assessments under the same key. */
  comparable: number;
}

export interface AssessmentChange {
  earlier: number | null;
  current: number | null;
  change: number | null;
  comparable: number;
  areas: AreaChange[];
}

/**
 * The change since an earlier assessment, comparing only the questions both answered under the
 * same key (a key is one unchanged question across questionnaire versions, so a question added,
 * removed or replaced since then counts in neither side). Areas follow the current questionnaire.
 */
export function assessmentChange(
  current: { questions: readonly ScoredQuestion[]; ratings: Ratings },
  earlier: { questions: readonly ScoredQuestion[]; ratings: Ratings },
): AssessmentChange {
  const earlierKeys = new Set(earlier.questions.map((question) => question.key));
  const comparable = current.questions.filter(
    (question) =>
      earlierKeys.has(question.key) &&
      isRating(current.ratings[question.key]) &&
      isRating(earlier.ratings[question.key]),
  );
  const compare = (questions: readonly ScoredQuestion[]) => {
    const now = gapScore(ratedIn(questions, current.ratings));
    const then = gapScore(ratedIn(questions, earlier.ratings));
    return {
      earlier: then,
      current: now,
      change: now !== null && then !== null ? now - then : null,
      comparable: questions.length,
    };
  };
  const areas = THEMATIC_AREAS.filter((area) =>
    current.questions.some((question) => question.area === area),
  ).map((area) => ({
    area,
    ...compare(comparable.filter((question) => question.area === area)),
  }));
  return { ...compare(comparable), areas };
}

/** What may happen to an assessment. */
export type AssessmentAction = 'save' | 'submit' | 'validate' | 'return';

/**
 * The assessment lifecycle: filled while draft or returned, submitted from there, then
 * validated or returned by an officer. A validated assessment is final.
 */
export function assessmentTransition(
  status: AssessmentStatus,
  action: AssessmentAction,
): { ok: true; to: AssessmentStatus } | { ok: false; reason: string } {
  const editable = status === 'draft' || status === 'returned';
  switch (action) {
    case 'save':
      return editable ? { ok: true, to: status } : refuse(status, 'changed');
    case 'submit':
      return editable ? { ok: true, to: 'submitted' } : refuse(status, 'submitted');
    case 'validate':
      return status === 'submitted' ? { ok: true, to: 'validated' } : refuse(status, 'validated');
    case 'return':
      return status === 'submitted' ? { ok: true, to: 'returned' } : refuse(status, 'returned');
  }
}

const refuse = (status: AssessmentStatus, verb: string) =>
  ({ ok: false, reason: `An assessment that is ${status} cannot be ${verb}.` }) as const;

/** Whether an assessment in this status may still be filled. */
export const assessmentEditable = (status: AssessmentStatus): boolean =>
  assessmentTransition(status, 'save').ok;
