import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  Agenda,
  AgendaSessionInput,
  EventCreate,
  EventDetail,
  EventStatus,
  EventSummary,
  EventTransition,
  EventType,
  EventUpdate,
  Page,
  RegionalGroup,
  Role,
  TenantMember,
  ThematicArea,
} from '@convene/contracts';

export const PAGE_SIZE = 25;

/** What the events list asks the server for; null leaves a filter out. */
export interface EventFilter {
  q: string;
  status: EventStatus | null;
  type: EventType | null;
  thematicArea: ThematicArea | null;
  region: RegionalGroup | null;
  country: string | null;
  /** Instants: events ending on or after `from`, starting before `to`. */
  from: string | null;
  to: string | null;
  sort: 'starts_at' | '-starts_at';
}

export const NO_FILTER: EventFilter = {
  q: '',
  status: null,
  type: null,
  thematicArea: null,
  region: null,
  country: null,
  from: null,
  to: null,
  sort: 'starts_at',
};

/** The tenant's events, their agendas and transitions: /api/t/:tenant/events. */
@Injectable({ providedIn: 'root' })
export class EventsApi {
  private readonly http = inject(HttpClient);

  private base(tenant: string): string {
    return `/api/t/${encodeURIComponent(tenant)}/events`;
  }

  private event(tenant: string, eventId: string): string {
    return `${this.base(tenant)}/${encodeURIComponent(eventId)}`;
  }

  list(tenant: string, filter: EventFilter, after: string | null, limit = PAGE_SIZE) {
    let params = new HttpParams().set('limit', limit).set('sort', filter.sort);
    if (filter.q.trim()) params = params.set('q', filter.q.trim());
    for (const key of [
      'status',
      'type',
      'thematicArea',
      'region',
      'country',
      'from',
      'to',
    ] as const) {
      const value = filter[key];
      if (value) params = params.set(key, value);
    }
    if (after) params = params.set('after', after);
    return this.http.get<Page<EventSummary>>(this.base(tenant), { params });
  }

  get(tenant: string, eventId: string) {
    return this.http.get<EventDetail>(this.event(tenant, eventId));
  }

  create(tenant: string, event: EventCreate) {
    return this.http.post<EventDetail>(this.base(tenant), event);
  }

  update(tenant: string, eventId: string, event: EventUpdate) {
    return this.http.put<EventDetail>(this.event(tenant, eventId), event);
  }

  duplicate(tenant: string, eventId: string) {
    return this.http.post<EventDetail>(`${this.event(tenant, eventId)}/duplicate`, null);
  }

  transition(tenant: string, eventId: string, transition: EventTransition) {
    return this.http.post<EventDetail>(`${this.event(tenant, eventId)}/transitions`, transition);
  }

  agenda(tenant: string, eventId: string) {
    return this.http.get<Agenda>(`${this.event(tenant, eventId)}/agenda`);
  }

  addSession(tenant: string, eventId: string, session: AgendaSessionInput) {
    return this.http.post<Agenda>(`${this.event(tenant, eventId)}/agenda`, session);
  }

  updateSession(tenant: string, eventId: string, sessionId: string, session: AgendaSessionInput) {
    return this.http.put<Agenda>(
      `${this.event(tenant, eventId)}/agenda/${encodeURIComponent(sessionId)}`,
      session,
    );
  }

  deleteSession(tenant: string, eventId: string, sessionId: string) {
    return this.http.delete<Agenda>(
      `${this.event(tenant, eventId)}/agenda/${encodeURIComponent(sessionId)}`,
    );
  }

  reorder(tenant: string, eventId: string, sessionIds: string[]) {
    return this.http.put<Agenda>(`${this.event(tenant, eventId)}/agenda/order`, { sessionIds });
  }

  /** Where the browser downloads the event as iCalendar. */
  calendarUrl(tenant: string, eventId: string): string {
    return `${this.event(tenant, eventId)}/calendar.ics`;
  }

  /** Active members with one role, for the officer and speaker pickers (one page of 100). */
  members(tenant: string, role: Role) {
    const params = new HttpParams().set('role', role).set('status', 'active').set('limit', 100);
    return this.http.get<Page<TenantMember>>(`/api/t/${encodeURIComponent(tenant)}/members`, {
      params,
    });
  }
}
