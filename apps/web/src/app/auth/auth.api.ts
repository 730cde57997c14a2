import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  InvitationAcceptance,
  InvitationPreview,
  LoginRequest,
  PasswordChange,
  ProfileUpdate,
  SessionView,
  UserProfile,
} from '@convene/contracts';

/** The account endpoints: /api/auth and /api/me. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  session() {
    return this.http.get<SessionView>('/api/auth/session');
  }

  login(credentials: LoginRequest) {
    return this.http.post<SessionView>('/api/auth/login', credentials);
  }

  logout() {
    return this.http.post<void>('/api/auth/logout', null);
  }

  requestPasswordReset(email: string) {
    return this.http.post<void>('/api/auth/password-reset', { email });
  }

  completePasswordReset(token: string, password: string) {
    return this.http.post<void>('/api/auth/password-reset/complete', {
      token,
      password,
    });
  }

  previewInvitation(token: string) {
    return this.http.get<InvitationPreview>(`/api/auth/invitations/${encodeURIComponent(token)}`);
  }

  acceptInvitation(acceptance: InvitationAcceptance) {
    return this.http.post<SessionView>('/api/auth/invitations/accept', acceptance);
  }

  updateProfile(update: ProfileUpdate) {
    return this.http.patch<UserProfile>('/api/me', update);
  }

  /** The tenant just opened, where signing in will land next time. */
  rememberLastTenant(tenant: string) {
    return this.http.put<void>('/api/me/last-tenant', { tenant });
  }

  changePassword(change: PasswordChange) {
    return this.http.post<void>('/api/me/password', change);
  }

  /** Closes the signed-in person's own account (docs/privacy.md). */
  closeAccount(currentPassword: string) {
    return this.http.post<void>('/api/me/account/close', { currentPassword, confirm: true });
  }
}
