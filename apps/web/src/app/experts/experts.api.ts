import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  AssignmentCreate,
  Declaration,
  DeclarationInput,
  EventExperts,
  ExpertAssignment,
  ExpertDetail,
  ExpertNotes,
  ExpertPanel,
  ExpertProfile,
  ExpertProfileInput,
  ExpertRosterPage,
  MyAssignment,
  PendingInvitation,
} from '@convene/contracts';

const enc = encodeURIComponent;

/** What the roster page filters on; empty fields filter nothing. */
export interface RosterFilter {
  q: string;
  area: string | null;
  language: string | null;
  regionalGroup: string | null;
  /** YYYY-MM-DD */
  availableFrom: string | null;
  availableTo: string | null;
}

/** The most experts one roster page holds. */
export const ROSTER_PAGE = 25;

/** The roster, assignments and declarations: /api/t/:tenant/experts, …/me/…, …/events/:id/experts. */
@Injectable({ providedIn: 'root' })
export class ExpertsApi {
  private readonly http = inject(HttpClient);

  private base(tenant: string) {
    return `/api/t/${enc(tenant)}`;
  }

  roster(tenant: string, filter: RosterFilter, after: string | null) {
    let params = new HttpParams().set('limit', ROSTER_PAGE);
    if (filter.q.trim()) params = params.set('q', filter.q.trim());
    for (const key of [
      'area',
      'language',
      'regionalGroup',
      'availableFrom',
      'availableTo',
    ] as const) {
      const value = filter[key];
      if (value) params = params.set(key, value);
    }
    if (after) params = params.set('after', after);
    return this.http.get<ExpertRosterPage>(`${this.base(tenant)}/experts`, { params });
  }

  invite(tenant: string, email: string) {
    return this.http.post<PendingInvitation>(`${this.base(tenant)}/experts/invitations`, { email });
  }

  detail(tenant: string, userId: string) {
    return this.http.get<ExpertDetail>(`${this.base(tenant)}/experts/${enc(userId)}`);
  }

  saveProfile(tenant: string, userId: string, profile: ExpertProfileInput) {
    return this.http.put<ExpertProfile>(`${this.base(tenant)}/experts/${enc(userId)}`, profile);
  }

  saveNotes(tenant: string, userId: string, notes: string) {
    return this.http.put<ExpertNotes>(`${this.base(tenant)}/experts/${enc(userId)}/notes`, {
      notes,
    });
  }

  myProfile(tenant: string) {
    return this.http.get<ExpertProfile>(`${this.base(tenant)}/me/expert-profile`);
  }

  saveMyProfile(tenant: string, profile: ExpertProfileInput) {
    return this.http.put<ExpertProfile>(`${this.base(tenant)}/me/expert-profile`, profile);
  }

  panel(tenant: string) {
    return this.http.get<ExpertPanel>(`${this.base(tenant)}/me/expert-panel`);
  }

  accept(tenant: string, assignment: MyAssignment) {
    return this.http.post<MyAssignment>(
      `${this.base(tenant)}/me/assignments/${enc(assignment.id)}/accept`,
      { version: assignment.version },
    );
  }

  decline(tenant: string, assignment: MyAssignment, reason: string) {
    return this.http.post<MyAssignment>(
      `${this.base(tenant)}/me/assignments/${enc(assignment.id)}/decline`,
      { version: assignment.version, reason },
    );
  }

  declare(tenant: string, eventId: string, declaration: DeclarationInput) {
    return this.http.put<Declaration>(
      `${this.base(tenant)}/me/declarations/${enc(eventId)}`,
      declaration,
    );
  }

  eventExperts(tenant: string, eventId: string) {
    return this.http.get<EventExperts>(`${this.base(tenant)}/events/${enc(eventId)}/experts`);
  }

  assign(tenant: string, eventId: string, assignment: AssignmentCreate) {
    return this.http.post<ExpertAssignment>(
      `${this.base(tenant)}/events/${enc(eventId)}/experts`,
      assignment,
    );
  }

  withdraw(tenant: string, assignment: ExpertAssignment) {
    return this.http.post<ExpertAssignment>(
      `${this.base(tenant)}/events/${enc(assignment.eventId)}/experts/${enc(assignment.id)}/withdraw`,
      { version: assignment.version },
    );
  }
}
