import { z } from 'zod';
import { DisplayName, Uuid } from './common';
import { DocumentKind, SnippetPart } from './documents';
import { EventStatus } from './events';
import { RecommendationStatus } from './recommendations';
import { int32, singleLineText, Timestamp } from './text';

/*
 * One search across the tenant, from the header (docs/search.md): events, documents, experts of
 * the roster and recommendations, each group filtered by that data's one visibility rule.
 */

/** The most hits one group shows; the groups' own pages list the rest. */
export const SEARCH_GROUP_LIMIT_MAX = 20;

export const TenantSearchQuery = z.strictObject({
  q: singleLineText(200).trim().min(2),
  limit: int32(z.coerce.number().int().min(1).max(SEARCH_GROUP_LIMIT_MAX)).default(8),
});
export type TenantSearchQuery = z.infer<typeof TenantSearchQuery>;

export const EventSearchHit = z.strictObject({
  id: Uuid,
  title: singleLineText(200),
  status: EventStatus,
  startsAt: Timestamp,
  city: singleLineText(200).nullable(),
});
export type EventSearchHit = z.infer<typeof EventSearchHit>;

export const DocumentSearchHitSummary = z.strictObject({
  id: Uuid,
  title: singleLineText(300),
  kind: DocumentKind,
  eventId: Uuid.nullable(),
  eventTitle: singleLineText(200).nullable(),
  snippet: z.array(SnippetPart).max(100),
});
export type DocumentSearchHitSummary = z.infer<typeof DocumentSearchHitSummary>;

export const ExpertSearchHit = z.strictObject({
  userId: Uuid,
  name: DisplayName,
  organisation: singleLineText(300),
});
export type ExpertSearchHit = z.infer<typeof ExpertSearchHit>;

export const RecommendationSearchHit = z.strictObject({
  id: Uuid,
  eventId: Uuid,
  eventTitle: singleLineText(200),
  position: int32(z.number().int().min(1)),
  status: RecommendationStatus,
  snippet: z.array(SnippetPart).max(100),
});
export type RecommendationSearchHit = z.infer<typeof RecommendationSearchHit>;

export const TenantSearchResult = z.strictObject({
  q: singleLineText(200),
  events: z.array(EventSearchHit).max(SEARCH_GROUP_LIMIT_MAX),
  documents: z.array(DocumentSearchHitSummary).max(SEARCH_GROUP_LIMIT_MAX),
  /** Only for those who keep the roster (`experts.manage`); empty for everyone else. */
  experts: z.array(ExpertSearchHit).max(SEARCH_GROUP_LIMIT_MAX),
  recommendations: z.array(RecommendationSearchHit).max(SEARCH_GROUP_LIMIT_MAX),
});
export type TenantSearchResult = z.infer<typeof TenantSearchResult>;
