import { DOCUMENT } from '@angular/common';
import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { PublicEventsPage } from '@convene/contracts';

export const PUBLIC_PAGE_SIZE = 12;

/** A tenant's public calendar, readable without a session: /api/public/:slug. */
@Injectable({ providedIn: 'root' })
export class PublicEventsApi {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);

  private base(slug: string): string {
    return `/api/public/${encodeURIComponent(slug)}`;
  }

  /** Upcoming public events, soonest first, with the tenant's name. */
  page(slug: string, after: string | null, limit = PUBLIC_PAGE_SIZE) {
    let params = new HttpParams().set('limit', limit);
    if (after) params = params.set('after', after);
    return this.http.get<PublicEventsPage>(`${this.base(slug)}/events`, { params });
  }

  /** The iCalendar feed, as a link on this site. */
  feedPath(slug: string): string {
    return `${this.base(slug)}/events.ics`;
  }

  /** The same feed as a full URL, for a calendar app to subscribe to. */
  feedUrl(slug: string): string {
    return new URL(this.feedPath(slug), this.document.baseURI).href;
  }
}
