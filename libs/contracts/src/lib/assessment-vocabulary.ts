/*
 * The words and bounds of needs assessments (docs/assessments.md), apart from their schemas in
 * assessments.ts: the web app's pages read these, and a module of plain constants keeps zod out
 * of the chunks those pages share.
 */

/** What each question of the questionnaire rates, per thematic area. */
export const ASSESSMENT_DIMENSIONS = [
  'legal_framework',
  'institutional_capacity',
  'inter_agency_coordination',
  'international_cooperation',
  'private_sector_cooperation',
  'human_rights_safeguards',
] as const;

/** The rating scale, 0–4: its index is the rating. */
export const ASSESSMENT_RATING_LEVELS = [
  'none',
  'initial',
  'developing',
  'established',
  'advanced',
] as const;
export type AssessmentRatingLevel = (typeof ASSESSMENT_RATING_LEVELS)[number];
/** The highest rating: a gap is measured against it. */
export const ASSESSMENT_RATING_MAX = 4;

/**
 * Where an assessment stands: filled (`draft`), sent for validation (`submitted`), sent back
 * to be completed (`returned`), accepted by an officer (`validated`).
 */
export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'returned', 'validated'] as const;

/** A questionnaire version is edited while `draft`, then `published` and never changed. */
export const QUESTIONNAIRE_STATUSES = ['draft', 'published'] as const;

/** The built-in default questionnaire is version 1; tenants' own versions follow from 2. */
export const DEFAULT_QUESTIONNAIRE_VERSION = 1;
/** How routes name the built-in version (tenant versions by their uuid). */
export const DEFAULT_QUESTIONNAIRE_ID = 'default';
/** The most questions one questionnaire version holds. */
export const QUESTIONNAIRE_QUESTIONS_MAX = 300;
/** The longest question text, per language. */
export const QUESTION_TEXT_MAX = 500;
/** The longest evidence text of one answer. */
export const ASSESSMENT_EVIDENCE_MAX = 2000;
/** The longest officer's priorities or recommendations text. */
export const ASSESSMENT_CONCLUSION_MAX = 4000;
/** A question's stable key: lower-case letters, digits, dots, dashes and underscores. */
export const QUESTION_KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,79}$/;
