/*
 * The closed sets of words the API and the web app share, and the few numbers both check.
 * This module imports only the interface vocabulary (interface-vocabulary.ts), zod least of all:
 * the web app reads these at run time, and because the contracts are marked free of side effects
 * (package.json), a page that needs only these downloads none of the schemas (vocabulary.spec.ts
 * keeps it so). The zod enums built from them live beside the schemas that use them.
 */
import { UN_LANGUAGES } from './interface-vocabulary';

/**
 * Length is what makes a password strong (NIST SP 800-63B); the upper bound
 * keeps hashing cost bounded.
 */
export const NEW_PASSWORD_MIN_LENGTH = 12;
export const NEW_PASSWORD_MAX_LENGTH = 128;

export const MEMBERSHIP_STATUSES = ['active', 'deactivated'] as const;

/**
 * Every kind of mail Convene sends. Security mails always go; the others
 * are notifications each person may turn off in their profile.
 */
export const SECURITY_MAIL_KINDS = ['invitation', 'password_reset'] as const;
export const OPTIONAL_MAIL_KINDS = [
  'admin_digest',
  'event_reminder',
  'event_announced',
  // Participation: a nomination received (to the event's officers), a decision on one (to the
  // focal points of the nominee's State).
  'nomination_received',
  'nomination_decided',
  // Invitations of States (part-inv).
  'state_invited',
  'invitation_updated',
  'invitation_answered',
  'nomination_reminder',
  // Experts (docs/experts.md): an officer asks an expert to speak, moderate, report…
  'expert_assigned',
  // Assistance requests (docs/requests.md): each step to the other side — the State's focal
  // points hear of officers' decisions and messages, officers of the State's.
  'request_updated',
  'request_received',
  // An officer assigns an expert to review a request: the expert hears of it.
  'request_review_assigned',
  // Needs assessments (docs/assessments.md): officers hear of a State's submitted assessment,
  // the State's focal points of its validation or return.
  'assessment_submitted',
  'assessment_reviewed',
] as const;
/**
 * Mail to participants, who hold no account and so no preferences: it always goes, since it
 * carries what they need to take part (their signed links).
 */
export const PARTICIPANT_MAIL_KINDS = [
  'participation_confirmation',
  // part-links: links sent again by an officer, the reminder before the event.
  'participant_links',
  'participant_reminder',
  // part-attend: the certificate, in the language the participant chose when nominated.
  'certificate_issued',
] as const;
export const MAIL_KINDS = [
  ...SECURITY_MAIL_KINDS,
  ...OPTIONAL_MAIL_KINDS,
  ...PARTICIPANT_MAIL_KINDS,
] as const;

export const MAIL_STATUSES = ['queued', 'sent', 'failed', 'cancelled'] as const;

/** The five geographic regions of the UN Statistics Division's M49 standard. */
export const GEOGRAPHIC_REGIONS = ['africa', 'americas', 'asia', 'europe', 'oceania'] as const;

/** The five UN regional groups. */
export const REGIONAL_GROUPS = [
  'african',
  'asia_pacific',
  'eastern_european',
  'latin_american_caribbean',
  'western_european_others',
] as const;

export const EVENT_TYPES = [
  'expert_group_meeting',
  'national_workshop',
  'regional_workshop',
  'training_course',
  'training_of_trainers',
  'study_visit',
  'webinar',
  'launch_event',
] as const;

/** The thematic areas of the tool "The Use of the Internet for Terrorist Purposes". */
export const THEMATIC_AREAS = [
  'propaganda',
  'radicalization_recruitment',
  'financing',
  'training',
  'planning_secret_communication',
  'execution_of_attacks',
  'investigations_digital_evidence',
  'prosecution_adjudication',
  'international_cooperation',
  'private_sector_cooperation',
  'legal_policy_frameworks',
  'human_rights',
] as const;

export const TARGET_AUDIENCES = [
  'policy_makers',
  'investigators',
  'prosecutors',
  'judges',
  'central_authorities',
  'private_sector',
  'civil_society',
] as const;

export const EVENT_FORMATS = ['in_person', 'virtual', 'hybrid'] as const;

export const EVENT_STATUSES = [
  'draft',
  'planned',
  'open_for_nominations',
  'nominations_closed',
  'confirmed',
  'held',
  'reported',
  'closed',
  'cancelled',
] as const;

// Participation (see docs/participation.md): States are invited, their focal points nominate.

/** A State's answer to an invitation. */
export const INVITATION_STATUSES = ['invited', 'accepted', 'declined', 'withdrawn'] as const;

/** A focal point's request for more seats, and the officer's answer. */
export const SEAT_REQUEST_STATUSES = ['pending', 'granted', 'refused'] as const;

/** The officer's decision on a nomination (withdrawn: by the focal point, before a decision). */
export const NOMINATION_STATUSES = [
  'nominated',
  'approved',
  'waitlisted',
  'declined',
  'withdrawn',
] as const;

/** The participant's own answer to an approval, through the one-time decision link. */
export const CONFIRMATION_STATUSES = ['pending', 'confirmed', 'declined'] as const;

/** Sex as the figures count it; `other` covers another sex and undisclosed. */
export const SEXES = ['female', 'male', 'other'] as const;

export const INSTITUTION_TYPES = [
  'ministry_policy',
  'law_enforcement',
  'prosecution',
  'judiciary',
  'central_authority',
  'private_sector',
  'civil_society',
  'other',
] as const;

/** Attendance of one participant on one day of the event. */
export const ATTENDANCE_STATUSES = ['attended', 'partly', 'absent'] as const;

/** What an expert does at an event or one of its sessions (docs/experts.md). */
export const EXPERT_ROLES = [
  'speaker',
  'facilitator',
  'rapporteur',
  'resource_person',
  'moderator',
] as const;

/** An assignment asks the expert, who accepts or declines; the officer may withdraw it. */
export const ASSIGNMENT_STATUSES = ['asked', 'accepted', 'declined', 'withdrawn'] as const;

/**
 * Languages an expert may list on their profile (ISO 639-1): the six UN languages first, then
 * the working languages most asked for in the regions the programme serves. A closed list, so a
 * filter and a profile speak the same codes; the web app names them with Intl.DisplayNames.
 */
export const EXPERT_LANGUAGES = [
  ...UN_LANGUAGES,
  'pt',
  'de',
  'it',
  'tr',
  'fa',
  'ur',
  'hi',
  'bn',
  'id',
  'ms',
  'sw',
  'ha',
  'am',
  'so',
  'ps',
  'uz',
  'kk',
  'ky',
  'tg',
  'az',
  'ka',
  'uk',
  'sq',
  'sr',
  'bs',
  'mk',
  'tl',
  'th',
  'vi',
  'ja',
  'ko',
] as const;

/** How well an expert speaks a language. */
export const LANGUAGE_LEVELS = ['native', 'fluent', 'working', 'basic'] as const;

/** What an officer or an expert does to an assignment (libs/domain decides when). */
export const ASSIGNMENT_ACTIONS = ['accept', 'decline', 'withdraw', 'ask_again'] as const;

// Documents (docs/documents.md), here rather than beside their schemas: the web app reads these
// lists, and a value from the schemas' module brings zod into the page's chunk.

export const DOCUMENT_KINDS = [
  'concept_note',
  'agenda',
  'presentation',
  'background_paper',
  'meeting_report',
  'recommendations',
  'other',
] as const;

/**
 * Who may read a document: anyone who may see its event (or, in the library, any member);
 * the event's participants (through their participant page), its experts and the staff; the
 * tenant's staff and the event's experts; the staff only. A draft is read as at most
 * `staff_and_experts`, whatever it says.
 */
export const DOCUMENT_VISIBILITIES = [
  'public',
  'participants',
  'staff_and_experts',
  'staff',
] as const;

/** A file's language: the six UN languages, or another. */
export const DOCUMENT_LANGUAGES = [...UN_LANGUAGES, 'other'] as const;
