import type { ParticipantLinkState } from './participation.models';

/** Where a participant's link stands, as the officer reads it. */
export type LinkStanding = 'active' | 'used' | 'expired' | 'revoked';

/**
 * A revoked link is revoked whatever else is true; a used one (the decision link, answered) is
 * spent before it expires; past its date it has expired; otherwise it works.
 */
export function linkStanding(link: ParticipantLinkState, now = new Date()): LinkStanding {
  if (link.revokedAt) return 'revoked';
  if (link.usedAt) return 'used';
  if (new Date(link.expiresAt).getTime() <= now.getTime()) return 'expired';
  return 'active';
}
