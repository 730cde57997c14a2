import { TenantSlug, Uuid } from './common';
import { Token } from './auth';
import { ParticipantLinkToken } from './participant-page';
import { VerificationCode } from './attendance';
import { DownloadToken } from './documents';
import { PERSON_KINDS } from './privacy-vocabulary';
import { patternText } from './text';

/**
 * What each path parameter of the API may hold. The OpenAPI document declares every `{name}`
 * in a path with the schema named here; a value outside it never matches a row (404).
 */
export const PATH_PARAMETERS = {
  tenant: TenantSlug,
  slug: TenantSlug,
  token: Token,
  eventId: Uuid,
  sessionId: Uuid,
  membershipId: Uuid,
  invitationId: Uuid,
  messageId: Uuid,
  // part-links
  linkToken: ParticipantLinkToken,
  nominationId: Uuid,
  stateListId: Uuid,
  code: VerificationCode,
  // Recommendations of meetings.
  recommendationId: Uuid,
  // Documents (issue 13).
  documentId: Uuid,
  versionId: Uuid,
  fileToken: DownloadToken,
  // Experts (issue 13).
  userId: Uuid,
  assignmentId: Uuid,
  // Needs assessments (issue 14): a questionnaire version is its uuid, or `default` (version 1).
  assessmentId: Uuid,
  // A thematic area's key; the service answers 404 for a word that is not one.
  area: patternText(60, /^[a-z][a-z_]{0,59}$/, 'not a thematic area'),
  questionnaireId: patternText(
    36,
    /^(default|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
    'not a questionnaire version',
  ),
  // Tool delivery (issue 15).
  editionId: Uuid,
  deliveryId: Uuid,
  // Assistance requests (issue 14).
  requestId: Uuid,
  attachmentId: Uuid,
  // A person's data, on request: which kind of person (a pattern, so the document bounds it),
  // and a participant's id or a member's user id.
  kind: patternText(11, new RegExp(`^(${PERSON_KINDS.join('|')})$`), 'not a kind of person'),
  id: Uuid,
} as const;
export type PathParameterName = keyof typeof PATH_PARAMETERS;
