import type { AgendaSession, EventDetail, EventSummary, Page } from '@convene/contracts';

/** Small factories for tests: events and sessions as the API sends them. */
export function anEvent(change: Partial<EventSummary> = {}): EventSummary {
  return {
    id: 'event-1',
    type: 'regional_workshop',
    title: 'Regional workshop on digital evidence',
    summary: 'Investigators and prosecutors of the region compare practice.',
    thematicAreas: ['investigations_digital_evidence'],
    format: 'in_person',
    venue: { name: 'Vienna International Centre', city: 'Vienna', countryAlpha3: 'AUT' },
    meetingLink: null,
    startsAt: '2027-03-29T07:00:00.000Z',
    endsAt: '2027-03-31T15:00:00.000Z',
    timeZone: 'Europe/Vienna',
    hostStates: ['AUT'],
    status: 'draft',
    isPublic: false,
    responsibleOfficer: { id: 'user-2', name: 'Lukas Berger' },
    ...change,
  };
}

export function anEventDetail(change: Partial<EventDetail> = {}): EventDetail {
  return {
    ...anEvent(),
    description: '',
    targetAudiences: ['investigators', 'prosecutors'],
    workingLanguages: ['en', 'fr'],
    interpretation: true,
    capacity: 40,
    organisers: ['UNODC'],
    partnerOrganisations: [],
    responsibleOfficerId: 'user-2',
    cancelReason: null,
    version: 1,
    createdAt: '2026-11-28T08:00:00.000Z',
    updatedAt: '2026-11-28T08:00:00.000Z',
    allowedActions: ['plan', 'cancel'],
    history: [],
    ...change,
  };
}

export function aSession(id: string, change: Partial<AgendaSession> = {}): AgendaSession {
  return {
    id,
    position: 0,
    title: `Session ${id}`,
    description: '',
    startsAt: '2027-03-29T07:00:00.000Z',
    endsAt: '2027-03-29T08:30:00.000Z',
    room: 'Room A',
    speakers: [],
    guestSpeakers: [],
    ...change,
  };
}

export const aPage = <T>(items: T[], nextCursor: string | null = null): Page<T> => ({
  items,
  nextCursor,
});
