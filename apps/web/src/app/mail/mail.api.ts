import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  MailRetryFilter,
  MailRetryResult,
  MailStatus,
  OutboxCounts,
  OutboxMessage,
  Page,
} from '@convene/contracts';

export const PAGE_SIZE = 25;

/** The tenant's outgoing mail: /api/t/:tenant/mail. */
@Injectable({ providedIn: 'root' })
export class MailApi {
  private readonly http = inject(HttpClient);

  private base(tenant: string): string {
    return `/api/t/${encodeURIComponent(tenant)}/mail`;
  }

  /** Newest first; null status lists every message. */
  list(tenant: string, status: MailStatus | null, after: string | null) {
    let params = new HttpParams().set('limit', PAGE_SIZE);
    if (status) params = params.set('status', status);
    if (after) params = params.set('after', after);
    return this.http.get<Page<OutboxMessage>>(this.base(tenant), { params });
  }

  counts(tenant: string) {
    return this.http.get<OutboxCounts>(`${this.base(tenant)}/counts`);
  }

  /** A failed or cancelled message goes back in the queue. */
  retry(tenant: string, messageId: string) {
    return this.http.post<OutboxMessage>(
      `${this.base(tenant)}/${encodeURIComponent(messageId)}/retry`,
      null,
    );
  }

  /** Every failed message matching the filter goes back in the queue at once. */
  retryAll(tenant: string, filter: MailRetryFilter) {
    return this.http.post<MailRetryResult>(`${this.base(tenant)}/retry`, filter);
  }

  /** A queued or failed message will not be sent. */
  cancel(tenant: string, messageId: string) {
    return this.http.post<OutboxMessage>(
      `${this.base(tenant)}/${encodeURIComponent(messageId)}/cancel`,
      null,
    );
  }
}
