import {
  EventStatus,
  RecommendationStatus,
  type TenantSearchQuery,
  type TenantSearchResult,
} from '@convene/contracts';
import { can } from '@convene/domain';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { DocumentsService, snippetParts } from '../documents/documents.service';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { RosterService } from '../experts/roster.service';
import { visibleRecommendation } from '../recommendations/recommendation-visibility';

const EventHitRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  status: EventStatus,
  starts_at: z.date(),
  venue_city: z.string().nullable(),
});

const RecommendationHitRow = z.strictObject({
  id: z.guid(),
  event_id: z.guid(),
  event_title: z.string(),
  position: z.number().int(),
  status: RecommendationStatus,
  snippet: z.string(),
});

/** ts_headline's markers, as in documents' search: private-use characters no text carries. */
const HEADLINE = `'StartSel=\uE000, StopSel=\uE001, MaxWords=24, MinWords=10, MaxFragments=1'`;

/**
 * The header's search across the tenant (docs/search.md). Each group asks its data's one
 * visibility rule and nothing else: events `visibleEvent`, documents the documents' search
 * (`visibleDocument`), recommendations `visibleRecommendation`, and the roster only for those
 * who keep it (`experts.manage`, the roster routes' permission). Four statements whatever the
 * query (five with the documents' files), each bounded by the group's limit.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly documents: DocumentsService,
    private readonly roster: RosterService,
  ) {}

  async search(query: TenantSearchQuery): Promise<TenantSearchResult> {
    const { manager, user, tenant } = requestContext.current();
    if (!user || !tenant) throw new Error('Search needs a signed-in member');
    const viewer = visibilityOf(user.id, tenant);

    const events = await sql(
      manager,
      `select e.id, e.title, e.status, e.starts_at, e.venue_city
         from events e
        where e.search @@ websearch_to_tsquery('simple', $4)
          and ${visibleEvent('e', viewerParams(1))}
        order by ts_rank(e.search, websearch_to_tsquery('simple', $4)) desc, e.starts_at desc, e.id
        limit $5`,
      [...viewer, query.q, query.limit],
      EventHitRow,
    );

    const documents = await this.documents.search({ q: query.q, limit: query.limit });

    const experts = can(tenant.role, 'experts.manage')
      ? (await this.roster.list({ q: query.q, limit: query.limit })).items
      : [];

    const recommendations = await sql(
      manager,
      `select r.id, r.event_id, e.title as event_title, r.position, r.status,
              ts_headline('simple', r.text, websearch_to_tsquery('simple', $4), ${HEADLINE}) as snippet
         from recommendations r
         join events e on e.tenant_id = r.tenant_id and e.id = r.event_id
        where r.search @@ websearch_to_tsquery('simple', $4)
          and ${visibleRecommendation('r', viewerParams(1))}
        order by ts_rank(r.search, websearch_to_tsquery('simple', $4)) desc, e.starts_at desc,
                 r.position, r.id
        limit $5`,
      [...viewer, query.q, query.limit],
      RecommendationHitRow,
    );

    return {
      q: query.q,
      events: events.map((row) => ({
        id: row.id,
        title: row.title,
        status: row.status,
        startsAt: row.starts_at.toISOString(),
        city: row.venue_city,
      })),
      documents: documents.items.map(({ document, snippet }) => ({
        id: document.id,
        title: document.title,
        kind: document.kind,
        eventId: document.eventId,
        eventTitle: document.eventTitle,
        snippet,
      })),
      experts: experts.map((expert) => ({
        userId: expert.userId,
        name: expert.name,
        organisation: expert.organisation,
      })),
      recommendations: recommendations.map((row) => ({
        id: row.id,
        eventId: row.event_id,
        eventTitle: row.event_title,
        position: row.position,
        status: row.status,
        snippet: snippetParts(row.snippet),
      })),
    };
  }
}
