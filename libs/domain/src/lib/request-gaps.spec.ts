import type { ThematicArea } from '@convene/contracts';
import { scoreAssessment, type ScoredQuestion } from './assessment-scoring';
import { requestGapCoverage } from './request-gaps';

describe('requestGapCoverage', () => {
  // Four areas, two questions each, rated by hand:
  //   financing         1, 1 → gaps 3, 3 → mean 3 of 4 → 75
  //   training          2, 3 → gaps 2, 1 → mean 1.5    → 38 (37.5 rounded half up)
  //   investigations…   0, 2 → gaps 4, 2 → mean 3      → 75
  //   human_rights      4, 4 → gaps 0, 0               → 0 (nothing left to do: not weak)
  // Weakest three, largest first, ties in THEMATIC_AREAS order: the two 75s, then 38.
  const areas: ThematicArea[] = [
    'financing',
    'investigations_digital_evidence',
    'human_rights',
    'training',
  ];
  const questions: ScoredQuestion[] = areas.flatMap((area) => [
    { key: `${area}.a`, area, dimension: 'legal_framework' },
    { key: `${area}.b`, area, dimension: 'institutional_capacity' },
  ]);
  const ratings = {
    'financing.a': 1,
    'financing.b': 1,
    'training.a': 2,
    'training.b': 3,
    'investigations_digital_evidence.a': 0,
    'investigations_digital_evidence.b': 2,
    'human_rights.a': 4,
    'human_rights.b': 4,
  };

  it('names the weakest areas with their gaps, and what each linked event addresses', () => {
    const scores = scoreAssessment(questions, ratings);
    const order = scores.weakest;
    expect(order).toEqual(['financing', 'investigations_digital_evidence', 'training']);
    const coverage = requestGapCoverage(scores.weakest, scores.areas, [
      { id: 'workshop', thematicAreas: ['training', 'financing', 'human_rights'] },
      { id: 'launch', thematicAreas: ['human_rights'] },
    ]);
    expect(coverage).toEqual({
      weakest: [
        { area: 'financing', gap: 75 },
        { area: 'investigations_digital_evidence', gap: 75 },
        { area: 'training', gap: 38 },
      ],
      events: [
        // In the order of the gaps, not the event's; human rights is not weak.
        { id: 'workshop', addresses: ['financing', 'training'] },
        { id: 'launch', addresses: [] },
      ],
      unaddressed: ['investigations_digital_evidence'],
    });
  });

  it('leaves every weak area unaddressed without events, and has nothing to say without gaps', () => {
    const scores = scoreAssessment(questions, ratings);
    expect(requestGapCoverage(scores.weakest, scores.areas, []).unaddressed).toEqual([
      'financing',
      'investigations_digital_evidence',
      'training',
    ]);
    expect(requestGapCoverage([], [], [{ id: 'workshop', thematicAreas: ['financing'] }])).toEqual({
      weakest: [],
      events: [{ id: 'workshop', addresses: [] }],
      unaddressed: [],
    });
  });
});
