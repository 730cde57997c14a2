import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  EventDetail,
  RegionalGroup,
  RequestAction,
  RequestDetail,
  RequestDraftCreateInput,
  RequestHomePanel,
  RequestMessageCreateInput,
  RequestPage,
  RequestStatus,
  ThematicArea,
} from '@convene/contracts';

export const REQUESTS_PAGE = 25;

/** What the inbox asks the server for; null leaves a filter out. */
export interface RequestFilter {
  status: RequestStatus | null;
  state: string | null;
  region: RegionalGroup | null;
  thematicArea: ThematicArea | null;
  minAgeDays: number | null;
}

export const NO_REQUEST_FILTER: RequestFilter = {
  status: null,
  state: null,
  region: null,
  thematicArea: null,
  minAgeDays: null,
};

/** The State's steps go to /state-transitions, the officers' to /transitions. */
const STATE_ACTIONS: readonly RequestAction[] = ['submit', 'resubmit', 'withdraw'];

const enc = encodeURIComponent;

/** Member States' requests for assistance: /api/t/:tenant/requests. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);

  base(tenant: string): string {
    return `/api/t/${enc(tenant)}/requests`;
  }

  list(tenant: string, filter: RequestFilter, after: string | null, limit = REQUESTS_PAGE) {
    let params = new HttpParams().set('limit', limit);
    for (const key of Object.keys(NO_REQUEST_FILTER) as (keyof RequestFilter)[]) {
      const value = filter[key];
      if (value !== null) params = params.set(key, String(value));
    }
    if (after) params = params.set('after', after);
    return this.http.get<RequestPage>(this.base(tenant), { params });
  }

  home(tenant: string) {
    return this.http.get<RequestHomePanel>(`${this.base(tenant)}/home`);
  }

  get(tenant: string, id: string) {
    return this.http.get<RequestDetail>(`${this.base(tenant)}/${enc(id)}`);
  }

  create(tenant: string, draft: RequestDraftCreateInput) {
    return this.http.post<RequestDetail>(this.base(tenant), draft);
  }

  save(tenant: string, id: string, draft: RequestDraftCreateInput & { version: number }) {
    return this.http.put<RequestDetail>(`${this.base(tenant)}/${enc(id)}`, draft);
  }

  transition(
    tenant: string,
    id: string,
    step: { action: RequestAction; version: number; reason?: string; to?: RequestStatus },
  ) {
    const route = STATE_ACTIONS.includes(step.action) ? 'state-transitions' : 'transitions';
    return this.http.post<RequestDetail>(`${this.base(tenant)}/${enc(id)}/${route}`, step);
  }

  message(tenant: string, id: string, message: RequestMessageCreateInput) {
    return this.http.post<RequestDetail>(`${this.base(tenant)}/${enc(id)}/messages`, message);
  }

  assign(
    tenant: string,
    id: string,
    assignment: {
      responsibleOfficerId: string | null;
      expertReviewerId: string | null;
      version: number;
    },
  ) {
    return this.http.put<RequestDetail>(`${this.base(tenant)}/${enc(id)}/assignment`, assignment);
  }

  linkEvent(tenant: string, id: string, eventId: string) {
    return this.http.post<RequestDetail>(`${this.base(tenant)}/${enc(id)}/events`, { eventId });
  }

  unlinkEvent(tenant: string, id: string, eventId: string) {
    return this.http.delete<RequestDetail>(
      `${this.base(tenant)}/${enc(id)}/events/${enc(eventId)}`,
    );
  }

  createEvent(tenant: string, id: string) {
    return this.http.post<EventDetail>(`${this.base(tenant)}/${enc(id)}/events/new`, {});
  }

  /** The State's files go to `attachments`, the officers' to `officer-attachments`. */
  attach(tenant: string, id: string, file: File, side: 'state' | 'officer' = 'state') {
    const route = side === 'officer' ? 'officer-attachments' : 'attachments';
    return this.http.post<RequestDetail>(`${this.base(tenant)}/${enc(id)}/${route}`, file, {
      params: new HttpParams().set('fileName', file.name),
      headers: { 'content-type': 'application/octet-stream' },
    });
  }

  detach(tenant: string, id: string, attachmentId: string, side: 'state' | 'officer' = 'state') {
    const route = side === 'officer' ? 'officer-attachments' : 'attachments';
    return this.http.delete<RequestDetail>(
      `${this.base(tenant)}/${enc(id)}/${route}/${enc(attachmentId)}`,
    );
  }
}
