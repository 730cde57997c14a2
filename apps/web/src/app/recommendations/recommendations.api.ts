import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  EventRecommendations,
  RecommendationCreateInput,
  RecommendationDetail,
  RecommendationFollowUpCreate,
  RecommendationPage,
  RecommendationStatus,
  RegionalGroup,
  ThematicArea,
} from '@convene/contracts';

export const RECOMMENDATIONS_PAGE = 25;

/** What the list asks the server for; null leaves a filter out. */
export interface RecommendationFilter {
  q: string;
  thematicArea: ThematicArea | null;
  state: string | null;
  region: RegionalGroup | null;
  status: RecommendationStatus | null;
  eventId: string | null;
  year: number | null;
}

export const NO_RECOMMENDATION_FILTER: RecommendationFilter = {
  q: '',
  thematicArea: null,
  state: null,
  region: null,
  status: null,
  eventId: null,
  year: null,
};

/** The filter as query parameters: the list and its CSV export ask the same. */
export function filterParams(filter: RecommendationFilter): HttpParams {
  let params = new HttpParams();
  const q = filter.q.trim();
  if (q) params = params.set('q', q);
  for (const key of ['thematicArea', 'state', 'region', 'status', 'eventId', 'year'] as const) {
    const value = filter[key];
    if (value !== null) params = params.set(key, String(value));
  }
  return params;
}

const enc = encodeURIComponent;

/** Meetings' recommendations: /api/t/:tenant/recommendations and an event's own. */
@Injectable({ providedIn: 'root' })
export class RecommendationsApi {
  private readonly http = inject(HttpClient);

  private base(tenant: string): string {
    return `/api/t/${enc(tenant)}`;
  }

  list(tenant: string, filter: RecommendationFilter, after: string | null) {
    let params = filterParams(filter).set('limit', RECOMMENDATIONS_PAGE);
    if (after) params = params.set('after', after);
    return this.http.get<RecommendationPage>(`${this.base(tenant)}/recommendations`, { params });
  }

  /** The address of the CSV of what the list shows, for a download link. */
  exportUrl(tenant: string, filter: RecommendationFilter): string {
    const query = filterParams(filter).toString();
    return `${this.base(tenant)}/recommendations.csv${query ? `?${query}` : ''}`;
  }

  forEvent(tenant: string, eventId: string) {
    return this.http.get<EventRecommendations>(
      `${this.base(tenant)}/events/${enc(eventId)}/recommendations`,
    );
  }

  create(tenant: string, eventId: string, body: RecommendationCreateInput) {
    return this.http.post<RecommendationDetail>(
      `${this.base(tenant)}/events/${enc(eventId)}/recommendations`,
      body,
    );
  }

  update(tenant: string, id: string, body: RecommendationCreateInput & { version: number }) {
    return this.http.put<RecommendationDetail>(
      `${this.base(tenant)}/recommendations/${enc(id)}`,
      body,
    );
  }

  reorder(tenant: string, eventId: string, recommendationIds: string[]) {
    return this.http.put<EventRecommendations>(
      `${this.base(tenant)}/events/${enc(eventId)}/recommendations/order`,
      { recommendationIds },
    );
  }

  get(tenant: string, id: string) {
    return this.http.get<RecommendationDetail>(`${this.base(tenant)}/recommendations/${enc(id)}`);
  }

  followUp(tenant: string, id: string, body: RecommendationFollowUpCreate) {
    return this.http.post<RecommendationDetail>(
      `${this.base(tenant)}/recommendations/${enc(id)}/follow-ups`,
      body,
    );
  }
}
