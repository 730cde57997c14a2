import { ASSESSMENT_STATUSES } from '@convene/contracts';
import {
  defaultQuestionnaire,
  questionnaireAreas,
  questionnaireEditProblem,
} from './assessment-questionnaire';
import {
  assessmentChange,
  assessmentEditable,
  assessmentTransition,
  gapScore,
  type ScoredQuestion,
  scoreAssessment,
  weakestAreas,
} from './assessment-scoring';

const q = (key: string): ScoredQuestion => {
  const [area, dimension] = key.split('.') as [ScoredQuestion['area'], string];
  return {
    key,
    area,
    dimension: (dimension === 'custom' || dimension === 'old'
      ? 'legal_framework'
      : dimension) as ScoredQuestion['dimension'],
  };
};

/** Financing in all six dimensions (one unanswered) and training in two. */
const QUESTIONS = [
  q('financing.legal_framework'),
  q('financing.institutional_capacity'),
  q('financing.inter_agency_coordination'),
  q('financing.international_cooperation'),
  q('financing.private_sector_cooperation'),
  q('financing.human_rights_safeguards'),
  q('training.legal_framework'),
  q('training.institutional_capacity'),
];
const RATINGS = {
  'financing.legal_framework': 1,
  'financing.institutional_capacity': 2,
  'financing.inter_agency_coordination': 4,
  'financing.international_cooperation': 0,
  'financing.private_sector_cooperation': 3,
  'financing.human_rights_safeguards': null,
  'training.legal_framework': 4,
  'training.institutional_capacity': 3,
};

describe('needs assessment scoring', () => {
  it('measures a gap as 4 − rating, averaged and normalised to 0–100', () => {
    expect(gapScore([])).toBeNull();
    expect(gapScore([0])).toBe(100);
    expect(gapScore([4, 4])).toBe(0);
    // gaps 3 and 2: mean 2.5 of 4 → 62.5 → 63 (rounded half up)
    expect(gapScore([1, 2])).toBe(63);
  });

  it('scores areas, dimensions, cells and the whole from the answered questions only', () => {
    const scores = scoreAssessment(QUESTIONS, RATINGS);
    // financing: gaps 3, 2, 0, 4, 1 (one unanswered) → mean 2 → 50
    // training: gaps 0, 1 → mean 0.5 → 12.5 → 13
    expect(scores.areas).toEqual([
      { area: 'financing', gap: 50, answered: 5, questions: 6 },
      { area: 'training', gap: 13, answered: 2, questions: 2 },
    ]);
    // all: gaps 3, 2, 0, 4, 1, 0, 1 → 11 / 7 / 4 → 39.3 → 39
    expect(scores.overall).toBe(39);
    expect(scores.answered).toBe(7);
    expect(scores.questions).toBe(8);
    expect(scores.dimensions).toEqual([
      // financing 1 and training 4: gaps 3 and 0 → 37.5 → 38
      { dimension: 'legal_framework', gap: 38 },
      // 2 and 3: gaps 2 and 1 → 38
      { dimension: 'institutional_capacity', gap: 38 },
      { dimension: 'inter_agency_coordination', gap: 0 },
      { dimension: 'international_cooperation', gap: 100 },
      { dimension: 'private_sector_cooperation', gap: 25 },
      // nobody answered it: no score, which is not "no gap"
      { dimension: 'human_rights_safeguards', gap: null },
    ]);
    expect(scores.cells).toContainEqual({
      area: 'financing',
      dimension: 'international_cooperation',
      gap: 100,
    });
    expect(scores.cells).toContainEqual({
      area: 'training',
      dimension: 'human_rights_safeguards',
      gap: null,
    });
    expect(scores.cells).toHaveLength(12);
    expect(scores.weakest).toEqual(['financing', 'training']);
  });

  it('ignores ratings outside 0–4 and keys the questionnaire does not hold', () => {
    const scores = scoreAssessment([q('financing.legal_framework')], {
      'financing.legal_framework': 7,
      'training.legal_framework': 0,
    });
    expect(scores.overall).toBeNull();
    expect(scores.answered).toBe(0);
  });

  it('names the weakest areas largest gap first, ties in the areas’ order, none without a gap', () => {
    expect(
      weakestAreas([
        { area: 'propaganda', gap: 40, answered: 1, questions: 1 },
        { area: 'financing', gap: 75, answered: 1, questions: 1 },
        { area: 'training', gap: 40, answered: 1, questions: 1 },
        { area: 'human_rights', gap: 0, answered: 1, questions: 1 },
        { area: 'execution_of_attacks', gap: null, answered: 0, questions: 1 },
        { area: 'radicalization_recruitment', gap: 10, answered: 1, questions: 1 },
      ]),
    ).toEqual(['financing', 'propaganda', 'training']);
  });

  it('compares with an earlier assessment on the questions both answered under the same key', () => {
    const change = assessmentChange(
      {
        questions: [...QUESTIONS, q('training.custom')],
        ratings: { ...RATINGS, 'training.custom': 0 },
      },
      {
        questions: [...QUESTIONS, q('financing.old')],
        ratings: {
          'financing.legal_framework': 0,
          'financing.institutional_capacity': 2,
          'financing.inter_agency_coordination': 2,
          'training.legal_framework': 2,
          'financing.old': 0,
        },
      },
    );
    // Comparable: financing legal (1 vs 0), capacity (2 vs 2), coordination (4 vs 2) and
    // training legal (4 vs 2). Now: gaps 3, 2, 0, 0 → 31; then: 4, 2, 2, 2 → 62.5 → 63.
    expect(change).toEqual({
      earlier: 63,
      current: 31,
      change: -32,
      comparable: 4,
      areas: [
        // now 3, 2, 0 → 41.7 → 42; then 4, 2, 2 → 66.7 → 67
        { area: 'financing', earlier: 67, current: 42, change: -25, comparable: 3 },
        // now 0 → 0; then 2 → 50
        { area: 'training', earlier: 50, current: 0, change: -50, comparable: 1 },
      ],
    });
  });

  it('has no change where nothing compares', () => {
    const change = assessmentChange(
      { questions: [q('financing.legal_framework')], ratings: { 'financing.legal_framework': 2 } },
      { questions: [q('training.legal_framework')], ratings: { 'training.legal_framework': 2 } },
    );
    expect(change).toEqual({
      earlier: null,
      current: null,
      change: null,
      comparable: 0,
      areas: [{ area: 'financing', earlier: null, current: null, change: null, comparable: 0 }],
    });
  });
});

describe('the assessment lifecycle', () => {
  it.each([
    // status, save, submit, validate, return
    ['draft', 'draft', 'submitted', null, null],
    ['returned', 'returned', 'submitted', null, null],
    ['submitted', null, null, 'validated', 'returned'],
    ['validated', null, null, null, null],
  ] as const)('from %s', (status, save, submit, validate, back) => {
    const to = (action: 'save' | 'submit' | 'validate' | 'return') => {
      const result = assessmentTransition(status, action);
      return result.ok ? result.to : null;
    };
    expect([to('save'), to('submit'), to('validate'), to('return')]).toEqual([
      save,
      submit,
      validate,
      back,
    ]);
  });

  it('is filled while draft or returned', () => {
    expect(ASSESSMENT_STATUSES.filter(assessmentEditable)).toEqual(['draft', 'returned']);
    expect(assessmentTransition('validated', 'save')).toEqual({
      ok: false,
      reason: 'An assessment that is validated cannot be changed.',
    });
  });
});

describe('the default questionnaire', () => {
  it('rates six dimensions in each of the twelve thematic areas, in six languages', () => {
    expect(defaultQuestionnaire()).toHaveLength(72);
    expect(questionnaireAreas(defaultQuestionnaire())).toHaveLength(12);
    expect(new Set(defaultQuestionnaire().map((question) => question.key)).size).toBe(72);
    expect(defaultQuestionnaire()[0]?.key).toBe('propaganda.legal_framework');
    for (const question of defaultQuestionnaire()) {
      expect(Object.keys(question.text).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    }
  });

  it('keeps a key’s area and dimension in an edited version, and keys unique', () => {
    const first = defaultQuestionnaire()[0];
    if (!first) throw new Error('no question');
    expect(questionnaireEditProblem([first], defaultQuestionnaire())).toBeNull();
    expect(
      questionnaireEditProblem(
        [{ ...first, dimension: 'human_rights_safeguards' }],
        defaultQuestionnaire(),
      ),
    ).toMatch(/keeps its area and dimension/);
    expect(questionnaireEditProblem([first, first], defaultQuestionnaire())).toMatch(/used twice/);
    expect(questionnaireEditProblem([], defaultQuestionnaire())).toMatch(/at least one/);
    expect(
      questionnaireEditProblem(
        [{ ...first, key: 'propaganda.online-platforms', text: { en: 'New question?' } }],
        defaultQuestionnaire(),
      ),
    ).toBeNull();
  });
});
