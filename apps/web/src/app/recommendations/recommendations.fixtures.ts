import type { Recommendation, RecommendationDetail } from '@convene/contracts';

/** A recommendation as the list gives it. */
export function aRecommendation(change: Partial<Recommendation> = {}): Recommendation {
  return {
    id: 'rec-1',
    event: {
      id: 'event-1',
      title: 'EGM on electronic evidence',
      startsAt: '2026-03-10T07:00:00.000Z',
      timeZone: 'Europe/Vienna',
      status: 'reported',
    },
    number: 1,
    text: 'States should designate a 24/7 point of contact.',
    thematicArea: 'international_cooperation',
    addressedStates: ['KEN'],
    addressedToOrganisation: false,
    addressedPartners: [],
    status: 'open',
    version: 1,
    createdBy: null,
    createdAt: '2026-03-12T10:00:00.000Z',
    updatedAt: '2026-03-12T10:00:00.000Z',
    ...change,
  };
}

/** The same with its history and what the caller may do. */
export function aRecommendationDetail(
  change: Partial<RecommendationDetail> = {},
): RecommendationDetail {
  return {
    ...aRecommendation(),
    followUps: [],
    canEdit: true,
    canSetStatus: true,
    canAddNote: true,
    ...change,
  };
}
