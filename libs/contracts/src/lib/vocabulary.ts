/*
 * The closed sets of words the API and the web app share, and the few numbers both check.
 * This module imports nothing, zod least of all: the web app reads these at run time, and
 * because the contracts are marked free of side effects (package.json), a page that needs only
 * these downloads none of the schemas (vocabulary.spec.ts keeps it so). The zod enums built
 * from them live beside the schemas that use them.
 */

/** The six official UN languages, by ISO 639-1 code. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/**
 * Languages the interface ships translations for: all six UN languages, in the UN's order.
 * A translations test fails on any key missing in any of them.
 */
export const INTERFACE_LANGUAGES = UN_LANGUAGES satisfies readonly (typeof UN_LANGUAGES)[number][];
export const RTL_LANGUAGES: readonly (typeof UN_LANGUAGES)[number][] = ['ar'];

/**
 * Length is what makes a password strong (NIST SP 800-63B); the upper bound
 * keeps hashing cost bounded.
 */
export const NEW_PASSWORD_MIN_LENGTH = 12;
export const NEW_PASSWORD_MAX_LENGTH = 128;

export const ROLES = ['tenant_admin', 'programme_officer', 'focal_point', 'expert'] as const;

export const MEMBERSHIP_STATUSES = ['active', 'deactivated'] as const;

/**
 * Every kind of mail Convene sends. Security mails always go; the others
 * are notifications each person may turn off in their profile.
 */
export const SECURITY_MAIL_KINDS = ['invitation', 'password_reset'] as const;
export const OPTIONAL_MAIL_KINDS = ['admin_digest', 'event_reminder', 'event_announced'] as const;
export const MAIL_KINDS = [...SECURITY_MAIL_KINDS, ...OPTIONAL_MAIL_KINDS] as const;

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

/** A problem's `type` is this prefix and its code (problemType). */
export const PROBLEM_TYPE_PREFIX = '/problems/';
