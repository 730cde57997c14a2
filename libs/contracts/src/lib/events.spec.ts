import { EventCreate, EventQuery, EventTransition } from './events';

const valid = {
  type: 'webinar',
  title: 'Online propaganda: what platforms see',
  thematicAreas: ['propaganda'],
  format: 'virtual',
  meetingLink: 'https://meet.example.org/abc',
  startsAt: '2027-01-20T13:00:00Z',
  endsAt: '2027-01-20T15:00:00Z',
  timeZone: 'America/New_York',
  workingLanguages: ['en'],
  responsibleOfficerId: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60',
};

const issues = (input: unknown) => {
  const result = EventCreate.safeParse(input);
  return result.success
    ? []
    : [...new Set(result.error.issues.map((issue) => issue.path.join('.')))];
};

describe('EventCreate', () => {
  it('accepts a virtual event and fills the defaults', () => {
    expect(EventCreate.parse(valid)).toMatchObject({
      summary: '',
      venue: null,
      hostStates: [],
      interpretation: false,
      isPublic: false,
    });
  });

  it('needs a venue to meet in and a link to connect to', () => {
    expect(issues({ ...valid, format: 'in_person', meetingLink: null })).toEqual(['venue']);
    expect(issues({ ...valid, format: 'hybrid' })).toEqual(['venue']);
    expect(
      issues({
        ...valid,
        format: 'virtual',
        venue: { name: 'Palais', city: 'Geneva', countryAlpha3: 'CHE' },
      }),
    ).toEqual(['venue']);
    expect(issues({ ...valid, meetingLink: null })).toEqual(['meetingLink']);
    expect(issues({ ...valid, meetingLink: 'http://meet.example.org/abc' })).toEqual([
      'meetingLink',
    ]);
    expect(issues({ ...valid, meetingLink: 'javascript:alert(1)' })).toEqual(['meetingLink']);
  });

  it('ends after it starts, in a real time zone', () => {
    expect(issues({ ...valid, endsAt: valid.startsAt })).toEqual(['endsAt']);
    expect(issues({ ...valid, timeZone: 'Europe/Atlantis' })).toEqual(['timeZone']);
    expect(issues({ ...valid, timeZone: 'EST' })).toEqual(['timeZone']);
    expect(EventCreate.parse({ ...valid, timeZone: 'europe/vienna' }).timeZone).toBe(
      'Europe/Vienna',
    );
    expect(EventCreate.parse({ ...valid, timeZone: 'UTC' }).timeZone).toBe('UTC');
    expect(issues({ ...valid, startsAt: '2027-01-20 13:00' })).toContain('startsAt');
  });

  it('refuses unknown fields, unknown values and repeats', () => {
    expect(issues({ ...valid, tenantId: 'x' })).toEqual(['']);
    expect(issues({ ...valid, type: 'party' })).toEqual(['type']);
    expect(issues({ ...valid, thematicAreas: ['propaganda', 'propaganda'] })).toEqual([
      'thematicAreas',
    ]);
    expect(issues({ ...valid, thematicAreas: [] })).toEqual(['thematicAreas']);
    expect(issues({ ...valid, hostStates: ['KENYA'] })).toEqual(['hostStates.0']);
  });
});

describe('EventTransition and EventQuery', () => {
  it('wants a postponement to end after it starts', () => {
    expect(
      EventTransition.safeParse({
        action: 'postpone',
        startsAt: '2027-02-02T10:00:00Z',
        endsAt: '2027-02-01T10:00:00Z',
      }).success,
    ).toBe(false);
    expect(EventTransition.safeParse({ action: 'fly' }).success).toBe(false);
  });

  it('defaults to the earliest first and upper-cases a country', () => {
    expect(EventQuery.parse({ country: 'ken' })).toMatchObject({
      country: 'KEN',
      sort: 'starts_at',
      limit: 25,
    });
  });
});
