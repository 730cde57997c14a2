import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  InvitationCreate,
  MembershipStatus,
  MembershipUpdate,
  Page,
  PendingInvitation,
  Role,
  TenantMember,
} from '@convene/contracts';

export interface MemberFilter {
  search: string;
  role: Role | null;
  status: MembershipStatus | null;
}

export const PAGE_SIZE = 25;

/** The tenant's people and pending invitations: /api/t/:tenant/members and /invitations. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  private base(tenant: string): string {
    return `/api/t/${encodeURIComponent(tenant)}`;
  }

  listMembers(tenant: string, filter: MemberFilter, after: string | null) {
    let params = new HttpParams().set('limit', PAGE_SIZE);
    if (filter.search.trim()) params = params.set('q', filter.search.trim());
    if (filter.role) params = params.set('role', filter.role);
    if (filter.status) params = params.set('status', filter.status);
    if (after) params = params.set('after', after);
    return this.http.get<Page<TenantMember>>(`${this.base(tenant)}/members`, {
      params,
    });
  }

  updateMember(tenant: string, membershipId: string, update: MembershipUpdate) {
    return this.http.patch<TenantMember>(`${this.base(tenant)}/members/${membershipId}`, update);
  }

  setStatus(tenant: string, membershipId: string, action: 'deactivate' | 'reactivate') {
    return this.http.post<TenantMember>(
      `${this.base(tenant)}/members/${membershipId}/${action}`,
      null,
    );
  }

  listInvitations(tenant: string, after: string | null, limit = PAGE_SIZE) {
    let params = new HttpParams().set('limit', limit);
    if (after) params = params.set('after', after);
    return this.http.get<Page<PendingInvitation>>(`${this.base(tenant)}/invitations`, { params });
  }

  invite(tenant: string, invitation: InvitationCreate) {
    return this.http.post<PendingInvitation>(`${this.base(tenant)}/invitations`, invitation);
  }

  revokeInvitation(tenant: string, invitationId: string) {
    return this.http.delete<void>(`${this.base(tenant)}/invitations/${invitationId}`);
  }
}
