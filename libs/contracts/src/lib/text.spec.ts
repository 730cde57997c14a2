import { z } from 'zod';
import * as contracts from '../index';
import { Alpha3, MEMBER_STATE_CODES } from './member-states';
import { Instant, isRealDate, multiLineText, saneInstant, singleLineText } from './text';

describe('the text primitives', () => {
  it('refuse every control character on one line, and allow only \\n \\r \\t on several', () => {
    const line = singleLineText(50);
    const text = multiLineText(50);
    expect(line.parse('Vienna, 10–12 March: “ok” ✓ عربي')).toBe('Vienna, 10–12 March: “ok” ✓ عربي');
    for (let code = 0; code < 0x20; code++) {
      const char = String.fromCharCode(code);
      expect({ code, line: line.safeParse(`a${char}b`).success }).toEqual({ code, line: false });
      expect({ code, text: text.safeParse(`a${char}b`).success }).toEqual({
        code,
        text: char === '\n' || char === '\r' || char === '\t',
      });
    }
    for (const char of ['\u007f', '\u0085', '\u009b']) {
      expect(line.safeParse(char).success).toBe(false);
      expect(text.safeParse(char).success).toBe(false);
    }
    expect(line.safeParse('x'.repeat(51)).success).toBe(false);
    expect(text.safeParse('x'.repeat(51)).success).toBe(false);
  });

  it('check the control characters before trimming, so a trailing line break is refused', () => {
    expect(singleLineText(10).trim().safeParse('title\n').success).toBe(false);
    expect(singleLineText(10).trim().parse('  title ')).toBe('title');
  });
});

describe('dates and instants', () => {
  it('know which calendar dates exist', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2026, 2, 29)).toBe(false);
    expect(isRealDate(2026, 2, 30)).toBe(false);
    expect(isRealDate(2026, 4, 31)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(isRealDate(2026, 0, 1)).toBe(false);
    expect(isRealDate(50, 1, 1)).toBe(true);
  });

  it('read ISO and PostgreSQL date-times to the same instant, within 1900–2200', () => {
    const at = Date.UTC(2026, 2, 10, 8, 0, 0, 123);
    for (const text of [
      '2026-03-10T08:00:00.123Z',
      '2026-03-10T09:00:00.123+01:00',
      '2026-03-10 09:00:00.123456+01',
      '2026-03-10 03:00:00.123-0500',
    ]) {
      expect({ text, at: saneInstant(text)?.getTime() }).toEqual({ text, at });
    }
    expect(saneInstant('2026-03-10 08:00:00')?.getTime()).toBe(Date.UTC(2026, 2, 10, 8));
    for (const text of [
      '0000-01-01T00:00:00Z',
      '1899-12-31T23:59:59Z',
      '2200-12-31T23:00:00-02:00',
      '2201-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '2026-02-30T10:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:60:00Z',
      '2026-01-01T10:00:00+16:00',
      '2026-01-01T10:00:00Z\u0000',
      'infinity',
      '',
    ]) {
      expect({ text, at: saneInstant(text) }).toEqual({ text, at: null });
    }
  });

  it('Instant wants an offset, a real date and a sane year', () => {
    expect(Instant.parse('2026-03-10T09:00:00+01:00')).toBe('2026-03-10T09:00:00+01:00');
    for (const text of [
      '2026-03-10T09:00:00',
      '2026-02-30T09:00:00Z',
      '0000-01-01T00:00:00Z',
      '1066-10-14T09:00:00Z',
      '2999-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
    ]) {
      expect({ text, ok: Instant.safeParse(text).success }).toEqual({ text, ok: false });
    }
  });
});

describe('State codes', () => {
  it('list the 195 States once each, sorted', () => {
    expect(MEMBER_STATE_CODES).toHaveLength(195);
    expect([...MEMBER_STATE_CODES].sort()).toEqual([...MEMBER_STATE_CODES]);
    expect(new Set(MEMBER_STATE_CODES).size).toBe(195);
    expect(MEMBER_STATE_CODES).toEqual(expect.arrayContaining(['KEN', 'VAT', 'PSE']));
  });

  it('accept known codes in any case and refuse the rest', () => {
    expect(Alpha3.parse(' ken ')).toBe('KEN');
    for (const code of ['ZZZ', 'zzz', 'XKX', 'ATA', 'KE', 'KENY', 'K\u0000N', '']) {
      expect({ code, ok: Alpha3.safeParse(code).success }).toEqual({ code, ok: false });
    }
  });
});

/** A valid value for every request schema the contracts export. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  LoginRequest: { email: 'a@b.org', password: 'secret' },
  PasswordResetRequest: { email: 'a@b.org' },
  PasswordResetCompletion: { token: 'a'.repeat(43), password: 'a long passphrase' },
  InvitationAcceptance: {
    token: 'a'.repeat(43),
    name: 'Ana',
    password: 'a long passphrase',
    preferredLanguage: 'fr',
  },
  ProfileUpdate: { name: 'Ana', preferredLanguage: 'fr', mutedMailKinds: ['admin_digest'] },
  PasswordChange: { currentPassword: 'old one', newPassword: 'a long passphrase' },
  LastTenantUpdate: { tenant: 'acme' },
  PageQuery: { after: 'abc', limit: '10' },
  MemberStateQuery: { q: 'ken', group: 'african', geographicRegion: 'africa', lang: 'fr' },
  Venue: { name: 'Palais', city: 'Geneva', countryAlpha3: 'CHE' },
  EventCreate: {
    type: 'national_workshop',
    title: 'Workshop',
    summary: 'Two\nlines',
    description: 'Long\r\n\ttext',
    thematicAreas: ['propaganda'],
    targetAudiences: ['judges'],
    format: 'hybrid',
    venue: { name: 'Palais', city: 'Geneva', countryAlpha3: 'CHE' },
    meetingLink: 'https://meet.example.org/abc',
    startsAt: '2030-03-01T09:00:00Z',
    endsAt: '2030-03-01T17:00:00Z',
    timeZone: 'Europe/Zurich',
    workingLanguages: ['en'],
    capacity: 30,
    hostStates: ['KEN'],
    organisers: ['UNODC'],
    partnerOrganisations: ['OSCE'],
    responsibleOfficerId: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60',
    isPublic: true,
  },
  EventTransition: {
    action: 'postpone',
    reason: 'Weather',
    startsAt: '2030-04-01T09:00:00Z',
    endsAt: '2030-04-01T17:00:00Z',
    version: 2,
  },
  EventQuery: {
    after: 'abc',
    limit: '10',
    status: 'planned',
    type: 'webinar',
    thematicArea: 'financing',
    region: 'african',
    country: 'KEN',
    from: '2030-01-01T00:00:00Z',
    to: '2031-01-01T00:00:00Z',
    q: 'cyber',
    sort: '-starts_at',
  },
  AgendaSessionInput: {
    title: 'Opening',
    description: 'Welcome',
    startsAt: '2030-03-01T09:00:00Z',
    endsAt: '2030-03-01T10:00:00Z',
    room: 'Room A',
    guestSpeakers: ['Guest'],
  },
  AgendaOrder: { sessionIds: ['6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60'] },
  // Experts (issue 13).
  AssignmentCreate: {
    userId: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60',
    sessionId: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60',
    role: 'speaker',
  },
  AssignmentDecline: { version: 2, reason: 'Teaching that week' },
  AssignmentVersion: { version: 2 },
  AvailabilityWindow: { from: '2030-06-01', to: '2030-06-10' },
  DeclarationInput: { hasInterests: true, details: 'Consultant to a software vendor' },
  ExpertInvite: { email: 'expert@example.org' },
  ExpertLanguage: { language: 'fr', level: 'fluent' },
  ExpertNotesInput: { notes: 'Prefers morning sessions' },
  ExpertProfileInput: {
    organisation: 'Federal Police',
    bio: 'Digital forensics trainer',
    nationality: 'DEU',
    sex: 'male',
    thematicAreas: ['financing'],
    targetAudiences: ['investigators'],
    languages: [{ language: 'de', level: 'native' }],
    availability: [{ from: '2030-06-01', to: '2030-06-10' }],
    version: 1,
  },
  ExpertRosterQuery: {
    after: 'abc',
    limit: '10',
    q: 'forensics',
    area: 'financing',
    language: 'fr',
    regionalGroup: 'african',
    availableFrom: '2030-06-01',
    availableTo: '2030-06-03',
  },
  OutboxQuery: { after: 'abc', limit: '10', status: 'failed' },
  MailRetryFilter: {
    status: 'failed',
    kind: 'invitation',
    createdFrom: '2030-01-01T00:00:00Z',
    createdTo: '2030-02-01T00:00:00Z',
  },
  TenantMemberQuery: { after: 'abc', limit: '10', q: 'ana', role: 'expert', status: 'active' },
  MembershipUpdate: { role: 'focal_point', memberStateAlpha3: 'KEN' },
  InvitationCreate: { email: 'a@b.org', role: 'focal_point', memberStateAlpha3: 'KEN' },
  ParticipantExportRequest: { format: 'xlsx', scope: 'all', reason: 'Badges for the venue' },
  // Participation: attendance and certificates (part-attend).
  CheckInQuery: { day: '2030-03-01', q: 'ana', after: 'abc', limit: '10' },
  AttendanceRecord: { day: '2030-03-01', status: 'partly' },
  CodeCheckIn: { day: '2030-03-01', code: '7kq2-9zxd-m4' },
  CertificateRevocation: { reason: 'Issued to the wrong person' },
  // Documents (issue 13).
  DocumentUploadQuery: {
    title: 'Meeting report',
    kind: 'meeting_report',
    visibility: 'public',
    language: 'en',
    fileName: 'report.pdf',
  },
  DocumentVersionUploadQuery: { language: 'fr', fileName: 'rapport.pdf' },
  DocumentUpdate: { title: 'Concept note', kind: 'concept_note', visibility: 'staff', version: 2 },
  DocumentListQuery: { kind: 'presentation', after: 'abc', limit: '10' },
  DocumentSearchQuery: { q: 'digital evidence', limit: '10' },
};
SAMPLES['EventUpdate'] = { ...SAMPLES['EventCreate'], version: 1 };
// Recommendations of meetings.
SAMPLES['RecommendationCreate'] = {
  text: 'States should designate a central authority.\n\nThey should publish it.',
  thematicArea: 'international_cooperation',
  addressedStates: ['KEN', 'uga'],
  addressedToOrganisation: true,
  addressedPartners: ['INTERPOL'],
};
SAMPLES['RecommendationUpdate'] = { ...SAMPLES['RecommendationCreate'], version: 2 };
SAMPLES['RecommendationOrder'] = {
  recommendationIds: ['0b7c2f47-7a8e-4d8c-9a55-3f0f7d6c1e21'],
};
SAMPLES['RecommendationFollowUpCreate'] = {
  note: 'The bill is before Parliament.',
  status: 'in_progress',
  version: 1,
};
SAMPLES['RecommendationQuery'] = {
  after: 'abc',
  limit: '10',
  thematicArea: 'financing',
  state: 'ken',
  region: 'african',
  status: 'open',
  eventId: '0b7c2f47-7a8e-4d8c-9a55-3f0f7d6c1e21',
  year: '2025',
  q: 'evidence',
};
SAMPLES['RecommendationExportQuery'] = {
  thematicArea: 'financing',
  state: 'ken',
  region: 'african',
  status: 'open',
  eventId: '0b7c2f47-7a8e-4d8c-9a55-3f0f7d6c1e21',
  year: '2025',
  q: 'evidence',
};
// Coverage map, dashboard and State page (issue 15).
SAMPLES['DashboardQuery'] = {
  from: '2022',
  to: '2026',
  regionalGroup: 'african',
  geographicRegion: 'africa',
};
SAMPLES['MapQuery'] = { ...SAMPLES['DashboardQuery'], metric: 'events' };
SAMPLES['DashboardExportQuery'] = {
  ...SAMPLES['DashboardQuery'],
  chart: 'participantsBySex',
  metric: 'participants',
  format: 'xlsx',
};
SAMPLES['StateOverviewQuery'] = { state: 'ken' };
// Nominations (part-nom).
SAMPLES['ConsentAttestationInput'] = { attested: true, textVersion: '2026-12', language: 'fr' };
SAMPLES['NominationCreate'] = {
  fullName: 'Amina Odhiambo',
  email: 'amina@gov.example',
  sex: 'female',
  functionTitle: 'Senior investigator',
  institution: 'National Police Service',
  institutionType: 'law_enforcement',
  audience: 'investigators',
  languages: ['en', 'fr'],
  preferredLanguage: 'fr',
  consent: SAMPLES['ConsentAttestationInput'],
};
SAMPLES['NominationUpdate'] = { ...SAMPLES['NominationCreate'], version: 2 };
SAMPLES['NominationWithdraw'] = { version: 2 };
SAMPLES['NominationDecision'] = {
  decision: 'decline',
  reason: 'Profile does not match',
  version: 1,
};
SAMPLES['NominationBulkDecision'] = {
  nominationIds: ['6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60'],
  decision: 'decline',
  reason: 'Seats are taken',
};
SAMPLES['NominationQuery'] = {
  after: 'abc',
  limit: '10',
  state: 'KEN',
  status: 'approved',
  confirmation: 'pending',
  participantId: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60',
  q: 'amina',
};
// Invitations of States (part-inv).
Object.assign(SAMPLES, {
  StateListInput: { name: 'Sahel', memberStates: ['MLI', 'NER', 'BFA'] },
  ParticipationSettingsInput: { nominationDeadline: '2027-02-01', expertsSeeParticipants: false },
  StateInvitationCreate: {
    memberStates: ['KEN'],
    regionalGroups: ['african'],
    includeObservers: false,
    geographicRegions: ['oceania'],
    stateListIds: ['6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60'],
    seats: 2,
    nominationDeadline: '2027-02-01',
  },
  StateInvitationUpdate: { seats: 3, nominationDeadline: '2027-02-01', version: 1 },
  InvitationDecline: { reason: 'No expert available on these dates' },
  SeatRequestCreate: { seats: 4, reason: 'Two ministries want to attend' },
  SeatRequestAnswer: { decision: 'refuse', answer: 'The room is full' },
  ParticipationQuery: { status: 'accepted', regionalGroup: 'african', q: 'Ken' },
});

// The participant's answer through their decision link (part-links).
SAMPLES['ParticipantDecision'] = {
  answer: 'confirm',
  dietaryNeeds: 'Vegetarian',
  accessibilityNeeds: 'Step-free access',
};

// Needs assessments (issue 14).
Object.assign(SAMPLES, {
  QuestionText: { en: 'Is financing an offence?', fr: 'Le financement est-il une infraction ?' },
  QuestionnaireQuestion: {
    key: 'financing.crypto-assets',
    area: 'financing',
    dimension: 'institutional_capacity',
    text: {
      en: 'Can the authorities trace crypto-assets?',
      ar: 'هل تستطيع السلطات تتبع الأصول المشفرة؟',
    },
  },
  QuestionnaireCopy: { from: 1 },
  QuestionnaireUpdate: {
    title: 'Questionnaire 2026',
    questions: [
      {
        key: 'financing.legal_framework',
        area: 'financing',
        dimension: 'legal_framework',
        text: { en: 'How far do the laws cover this area?' },
      },
    ],
    version: 1,
  },
  VersionOnly: { version: 3 },
  AssessmentCreate: { memberState: 'ken', requestId: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60' },
  AssessmentAnswer: {
    key: 'financing.legal_framework',
    rating: 2,
    evidence: 'The 2023 Act.\nArt. 4.',
  },
  AssessmentSectionSave: {
    answers: [{ key: 'financing.legal_framework', rating: null, evidence: 'Pending the bill' }],
    version: 2,
  },
  AssessmentValidate: {
    version: 4,
    priorities: 'Financial investigations.',
    recommendations: 'A national workshop.\n\nA study visit.',
  },
  AssessmentReturn: { version: 4, reason: 'Please rate the training section.' },
  AssessmentQuery: { after: 'abc', limit: '10', state: 'KEN', status: 'submitted' },
});

// Assistance requests (issue 14).
SAMPLES['RequestDraftCreate'] = {
  title: 'Workshop on digital evidence',
  thematicAreas: ['investigations_digital_evidence'],
  targetAudiences: ['investigators', 'prosecutors'],
  priority: 'high',
  modality: 'national_workshop',
  periodFrom: '2027-03-01',
  periodTo: '2027-04-30',
  officials: 25,
  institutions: ['National Police Service'],
  description: 'Our investigators need training.\n\nPlease help.',
  recommendationIds: ['0b7c2f47-7a8e-4d8c-9a55-3f0f7d6c1e21'],
};
SAMPLES['RequestDraftUpdate'] = { ...SAMPLES['RequestDraftCreate'], version: 3 };
SAMPLES['RequestTransition'] = {
  action: 'move',
  version: 2,
  reason: 'Agreed by phone',
  to: 'in_assessment',
};
SAMPLES['RequestMessageCreate'] = { body: 'Which dates suit you?', internal: true };
SAMPLES['RequestAssignment'] = {
  responsibleOfficerId: '0b7c2f47-7a8e-4d8c-9a55-3f0f7d6c1e21',
  expertReviewerId: null,
  version: 1,
};
SAMPLES['RequestAttachmentUploadQuery'] = { fileName: 'needs.pdf' };
SAMPLES['RequestEventLink'] = { eventId: '0b7c2f47-7a8e-4d8c-9a55-3f0f7d6c1e21' };
SAMPLES['RequestQuery'] = {
  after: 'abc',
  limit: '10',
  status: 'submitted',
  state: 'ken',
  region: 'african',
  thematicArea: 'financing',
  minAgeDays: '7',
};
SAMPLES['DocumentDeleteQuery'] = { version: '2' };
SAMPLES['TenantSearchQuery'] = { q: 'digital evidence', limit: '8' };
SAMPLES['ExpertCvUploadQuery'] = { fileName: 'Curriculum vitae.pdf' };
SAMPLES['TenantSettingsUpdate'] = { documentMaxBytes: 20 * 1024 * 1024, version: 1 };
SAMPLES['RetentionPolicyUpdate'] = {
  participantsMonths: 36,
  expertsMonths: 24,
  mailDays: 90,
  linksDays: 30,
  version: 0,
};
SAMPLES['RetentionPreviewQuery'] = { on: '2027-03-01' };
SAMPLES['ConsentWithdrawal'] = { confirm: true };
SAMPLES['AccountClosure'] = { currentPassword: 'my old passphrase', confirm: true };
SAMPLES['PersonPath'] = { kind: 'participant', id: '6f1c1e1e-8f43-4e7b-9a7c-1b2c3d4e5f60' };
SAMPLES['PeopleQuery'] = { q: 'amina' };
SAMPLES['PersonExportRequest'] = { reason: 'Subject access request by email', format: 'pdf' };
SAMPLES['PersonErasureRequest'] = { reason: 'Erasure requested in writing', confirm: true };

const responseSchemas = new Set<unknown>(Object.values(contracts.RESPONSE_SCHEMAS));
const requestSchemas = Object.entries(contracts as Record<string, unknown>).flatMap(
  ([name, value]) =>
    value instanceof z.ZodObject && !responseSchemas.has(value) ? [[name, value] as const] : [],
);

type Path = (string | number)[];
const stringLeaves = (value: unknown, path: Path = []): Path[] => {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
};
const withValue = (body: unknown, path: Path, value: unknown): unknown => {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
  return copy;
};
const at = (body: unknown, path: Path) =>
  path.reduce<unknown>((value, step) => (value as Record<string | number, unknown>)[step], body);

describe('every string field of every request schema', () => {
  it('has a sample here, so a new schema cannot escape these checks', () => {
    expect(requestSchemas.map(([name]) => name).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(requestSchemas)('%s accepts its sample', (name, schema) => {
    expect(schema.safeParse(SAMPLES[name]).error?.issues).toBeUndefined();
  });

  it.each(requestSchemas)(
    '%s refuses a NUL, an escape, an over-long value in each string',
    (name, schema) => {
      const sample = SAMPLES[name];
      for (const path of stringLeaves(sample)) {
        const original = at(sample, path) as string;
        for (const bad of [
          `${original}\u0000`,
          `\u001b[2J${original}`,
          original + 'x'.repeat(100_000),
        ]) {
          const result = schema.safeParse(withValue(sample, path, bad));
          expect({ name, path: path.join('.'), bad: bad.slice(0, 40), ok: result.success }).toEqual(
            { name, path: path.join('.'), bad: bad.slice(0, 40), ok: false },
          );
        }
      }
    },
  );

  it.each(requestSchemas)('%s refuses impossible dates and unknown States', (name, schema) => {
    const sample = SAMPLES[name];
    for (const path of stringLeaves(sample)) {
      const original = at(sample, path) as string;
      const bad: string[] = [];
      if (/^\d{4}-\d{2}-\d{2}T/.test(original)) {
        bad.push('0000-01-01T00:00:00Z', '2026-02-30T10:00:00Z', '+275760-09-13T00:00:00Z');
      }
      if (path.includes('hostStates') || /Alpha3$|^country$/.test(String(path[path.length - 1]))) {
        bad.push('ZZZ', 'zzz');
      }
      for (const value of bad) {
        const result = schema.safeParse(withValue(sample, path, value));
        expect({ name, path: path.join('.'), value, ok: result.success }).toEqual({
          name,
          path: path.join('.'),
          value,
          ok: false,
        });
      }
    }
  });
});

/** Every node of a JSON schema, with where it sits. */
function* nodes(schema: unknown, path = '#'): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) yield* nodes(item, `${path}/${i}`);
  } else if (schema && typeof schema === 'object') {
    yield [path, schema as Record<string, unknown>];
    for (const [key, value] of Object.entries(schema)) yield* nodes(value, `${path}/${key}`);
  }
}

describe('every response schema', () => {
  it.each(Object.entries(contracts.RESPONSE_SCHEMAS))(
    '%s bounds each string, list and integer, so the OpenAPI document can say how big it gets',
    (name, schema) => {
      const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output' });
      for (const [path, node] of nodes(json)) {
        if (node['type'] === 'string') {
          expect({ name, path, bounded: 'maxLength' in node || 'enum' in node }).toEqual({
            name,
            path,
            bounded: true,
          });
        }
        if (node['type'] === 'array') {
          expect({ name, path, bounded: 'maxItems' in node }).toEqual({
            name,
            path,
            bounded: true,
          });
        }
        if (node['type'] === 'integer') {
          expect({ name, path, format: node['format'], max: 'maximum' in node }).toEqual({
            name,
            path,
            format: 'int32',
            max: true,
          });
        }
      }
    },
  );
});

// Tool delivery and IATI (issue 15).
SAMPLES['EditionCreate'] = {
  title: 'The use of the Internet for terrorist purposes',
  language: 'fr',
  format: 'pdf',
  editionYear: 2012,
  versionLabel: '1st edition',
  isbn: '978-92-1-133796-9',
  salesNumber: 'E.12.V.2',
  documentId: '0f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
};
SAMPLES['EditionUpdate'] = { ...SAMPLES['EditionCreate'], version: 3 };
SAMPLES['DeliveryCreate'] = {
  editionId: '0f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  quantity: 40,
  channel: 'official_transmission',
  memberState: 'KEN',
  institution: 'Office of the Director of Public Prosecutions',
  deliveredOn: '2026-03-12',
  eventId: null,
  requestId: '1f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
};
SAMPLES['DeliveryUpdate'] = { ...SAMPLES['DeliveryCreate'], version: 2 };
SAMPLES['DeliveryDeleteQuery'] = { version: '2' };
SAMPLES['BulkDeliveryCreate'] = {
  key: '2f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  editions: [{ editionId: '0f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b', perParticipant: 1 }],
  channel: 'workshop_handout',
  deliveredOn: '2026-03-12',
};
SAMPLES['DeliveryQuery'] = {
  limit: '25',
  state: 'KEN',
  editionId: '0f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  eventId: '1f9c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  channel: 'download',
  language: 'ar',
  format: 'print',
  from: '2025-01-01',
  to: '2026-12-31',
};
SAMPLES['CoverageQuery'] = {
  from: '2025-01-01',
  to: '2026-12-31',
  regionalGroup: 'african',
  region: 'africa',
};
SAMPLES['IatiSettingsInput'] = {
  organisationIdentifier: 'XM-DAC-41146',
  organisationName: 'United Nations Office on Drugs and Crime',
  organisationType: '40',
  sectorCodes: ['15130', '15210'],
  aidType: 'D02',
  flowType: '10',
  publicFile: true,
  version: 1,
};
