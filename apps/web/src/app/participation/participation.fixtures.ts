import type {
  EventParticipation,
  NominationFull,
  NominationPage,
  ParticipationFigures,
  StateInvitation,
} from './participation.models';

/** Small factories for tests: the participation API's answers. */
export function anInvitation(
  memberState: string,
  overrides: Partial<StateInvitation> = {},
): StateInvitation {
  return {
    id: `inv-${memberState}`,
    eventId: 'event-1',
    memberState,
    regionalGroups: ['african'],
    seats: 2,
    seatsLeft: 2,
    nominationDeadline: '2099-01-31',
    status: 'invited',
    declineReason: null,
    seatRequest: null,
    counts: { nominated: 0, pending: 0, approved: 0, waitlisted: 0, confirmed: 0, attended: 0 },
    invitedAt: '2026-11-01T09:00:00.000Z',
    respondedAt: null,
    remindedAt: null,
    lastActivityAt: '2026-11-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aParticipation(
  states: StateInvitation[],
  capacity: number | null = null,
): EventParticipation {
  const sum = (pick: (row: StateInvitation) => number) =>
    states.reduce((total, row) => total + pick(row), 0);
  return {
    eventId: 'event-1',
    nominationDeadline: '2099-01-31',
    expertsSeeParticipants: false,
    totals: {
      states: states.length,
      seats: sum((row) => row.seats),
      counts: {
        nominated: sum((row) => row.counts.nominated),
        pending: sum((row) => row.counts.pending),
        approved: sum((row) => row.counts.approved),
        waitlisted: sum((row) => row.counts.waitlisted),
        confirmed: sum((row) => row.counts.confirmed),
        attended: sum((row) => row.counts.attended),
      },
      capacity,
    },
    states,
  };
}

export function aNomination(
  id: string,
  fullName: string,
  memberStateCode: string,
  overrides: Partial<NominationFull> = {},
): NominationFull {
  return {
    view: 'full',
    id,
    eventId: 'event-1',
    eventTitle: 'Regional workshop',
    invitationId: `inv-${memberStateCode}`,
    memberStateCode,
    participant: { id: `p-${id}`, fullName, email: `${id}@example.org` },
    fullName,
    sex: 'female',
    functionTitle: 'Prosecutor',
    institution: 'Office of the Prosecutor',
    institutionType: 'prosecution',
    audience: 'prosecutors',
    languages: ['en'],
    preferredLanguage: 'en',
    status: 'nominated',
    confirmation: null,
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
    waitlistedAt: null,
    confirmedAt: null,
    dietaryNeeds: '',
    accessibilityNeeds: '',
    nominatedBy: null,
    nominatedAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aNominationPage(
  items: NominationFull[],
  nextCursor: string | null = null,
): NominationPage {
  return { items, nextCursor };
}

const stages = (approved: number, confirmed = 0, attended = 0) => ({
  approved,
  confirmed,
  attended,
});

export function someFigures(): ParticipationFigures {
  return {
    eventId: 'event-1',
    capacity: 40,
    totals: {
      nominations: 5,
      pending: 1,
      waitlisted: 1,
      declined: 0,
      approved: 3,
      confirmed: 2,
      declinedByParticipant: 0,
      attended: 0,
    },
    womenShare: { approved: 2 / 3, confirmed: 0.5, attended: null },
    bySex: [
      { key: 'female', ...stages(2, 1) },
      { key: 'male', ...stages(1, 1) },
      { key: 'other', ...stages(0) },
    ],
    byInstitutionType: [
      { key: 'prosecution', ...stages(2, 2) },
      { key: 'judiciary', ...stages(1) },
    ],
    byAudience: [{ key: 'prosecutors', ...stages(3, 2) }],
    byRegionalGroup: [
      { key: 'african', ...stages(3, 2) },
      { key: 'none', ...stages(0) },
    ],
    byGeographicRegion: [{ key: 'africa', ...stages(3, 2) }],
    byState: [{ key: 'KEN', ...stages(3, 2) }],
    states: { invited: 4, accepted: 2, withApproved: 1, represented: 1, attended: 0 },
  };
}
