import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AttendanceStatus,
  CheckInEntry,
  CheckInPage,
  CertificatesIssued,
} from '@convene/contracts';

export const CHECK_IN_PAGE_SIZE = 50;

/** An event day's check-in list and attendance: /api/t/:tenant/events/:eventId. */
@Injectable({ providedIn: 'root' })
export class CheckInApi {
  private readonly http = inject(HttpClient);

  private base(tenant: string, eventId: string): string {
    return `/api/t/${encodeURIComponent(tenant)}/events/${encodeURIComponent(eventId)}`;
  }

  /** A page of the day's list (without a day: today at the venue, or the nearest day). */
  list(
    tenant: string,
    eventId: string,
    filter: { day: string | null; q: string },
    after: string | null,
  ) {
    let params = new HttpParams().set('limit', CHECK_IN_PAGE_SIZE);
    if (filter.day) params = params.set('day', filter.day);
    if (filter.q.trim()) params = params.set('q', filter.q.trim());
    if (after) params = params.set('after', after);
    return this.http.get<CheckInPage>(`${this.base(tenant, eventId)}/check-in`, { params });
  }

  record(
    tenant: string,
    eventId: string,
    nominationId: string,
    day: string,
    status: AttendanceStatus,
  ) {
    return this.http.put<CheckInEntry>(
      `${this.base(tenant, eventId)}/attendance/${encodeURIComponent(nominationId)}`,
      { day, status },
    );
  }

  /** Checks in by the code of a participant's QR code, typed or scanned. */
  checkIn(tenant: string, eventId: string, day: string, code: string) {
    return this.http.post<CheckInEntry>(`${this.base(tenant, eventId)}/check-in`, { day, code });
  }

  issueCertificates(tenant: string, eventId: string) {
    return this.http.post<CertificatesIssued>(`${this.base(tenant, eventId)}/certificates`, {});
  }
}
