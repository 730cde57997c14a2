import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CalendarFeedCreated, CalendarFeedStatus } from '@convene/contracts';

/** The person's private calendar feed: /api/me/calendar-feed. */
@Injectable({ providedIn: 'root' })
export class CalendarFeedApi {
  private readonly http = inject(HttpClient);
  private readonly url = '/api/me/calendar-feed';

  status() {
    return this.http.get<CalendarFeedStatus>(this.url);
  }

  /** A new secret URL; any earlier one stops working. */
  create() {
    return this.http.post<CalendarFeedCreated>(this.url, null);
  }

  revoke() {
    return this.http.delete<void>(this.url);
  }
}
