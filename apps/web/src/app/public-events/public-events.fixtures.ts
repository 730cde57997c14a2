import type { PublicEvent, PublicEventsPage } from '@convene/contracts';

/** Small factories for tests: public events as the API sends them. */
export function aPublicEvent(change: Partial<PublicEvent> = {}): PublicEvent {
  return {
    id: 'event-1',
    type: 'regional_workshop',
    title: 'Regional workshop on digital evidence for East Africa',
    summary: 'Collecting, preserving and sharing electronic evidence across borders.',
    thematicAreas: ['investigations_digital_evidence'],
    format: 'hybrid',
    venue: { city: 'Nairobi', countryAlpha3: 'KEN' },
    startsAt: '2027-03-29T07:00:00.000Z',
    endsAt: '2027-03-31T15:00:00.000Z',
    timeZone: 'Africa/Nairobi',
    workingLanguages: ['en', 'fr'],
    status: 'open_for_nominations',
    ...change,
  };
}

export const aPublicPage = (
  items: PublicEvent[],
  nextCursor: string | null = null,
  name = 'Terrorism Prevention Branch',
): PublicEventsPage => ({ tenant: { name }, items, nextCursor });
