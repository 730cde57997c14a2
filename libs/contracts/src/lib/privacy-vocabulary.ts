/*
 * The bounds and defaults of retention (docs/privacy.md), apart from their schemas in privacy.ts:
 * the settings page reads these, and a module of plain constants keeps zod out of its lazy chunk.
 */

/** The bounds the table checks, so the form and the API say the same. */
export const RETENTION_BOUNDS = {
  participantsMonths: { min: 1, max: 240 },
  expertsMonths: { min: 1, max: 240 },
  mailDays: { min: 7, max: 3650 },
  linksDays: { min: 1, max: 3650 },
} as const;

/** The periods that apply until a tenant's admins set their own. */
export const RETENTION_DEFAULTS = {
  participantsMonths: 36,
  expertsMonths: 24,
  mailDays: 90,
  linksDays: 30,
} as const;

/** Whom a request about a person's data names: a participant, or a member (a user). */
export const PERSON_KINDS = ['participant', 'member'] as const;

/** What a request about a person's data asked for (`privacy_requests.kind`). */
export const PRIVACY_REQUEST_KINDS = ['export', 'erasure'] as const;

/** What an erasure removes, by kind of record. */
export const ERASURE_ITEMS = [
  'participant',
  'nominations',
  'certificates',
  'links',
  'expert_profile',
  'expert_notes',
  'expert_cv',
  'expert_declarations',
  'expert_assignments',
  'membership',
  'invitations',
  'mail',
] as const;

/** Why an erasure would be refused now. */
export const ERASURE_REFUSALS = ['already-anonymised', 'own-membership', 'last-admin'] as const;
