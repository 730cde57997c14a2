import { TenantSlug, Uuid } from './common';
import { Token } from './auth';

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
} as const;
export type PathParameterName = keyof typeof PATH_PARAMETERS;
