import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ConsentWithdrawalResult,
  ParticipantDecisionInput,
  ParticipantDecisionResult,
} from '@convene/contracts';

/** The participant's links as the API serves them: /api/participant/… (no session). */
@Injectable({ providedIn: 'root' })
export class ParticipantApi {
  private readonly http = inject(HttpClient);

  decisionPath(token: string): string {
    return `/api/participant/decision/${encodeURIComponent(token)}`;
  }

  pagePath(token: string): string {
    return `/api/participant/${encodeURIComponent(token)}`;
  }

  calendarPath(token: string): string {
    return `${this.pagePath(token)}/calendar.ics`;
  }

  certificatePath(token: string): string {
    return `${this.pagePath(token)}/certificate.pdf`;
  }

  documentsPath(token: string): string {
    return `${this.pagePath(token)}/documents`;
  }

  checkInQrPath(token: string): string {
    return `${this.pagePath(token)}/check-in.svg`;
  }

  /** Withdraws the consent attested for the nomination (confirmed by the participant). */
  withdrawConsent(token: string) {
    return this.http.post<ConsentWithdrawalResult>(`${this.pagePath(token)}/consent-withdrawal`, {
      confirm: true,
    });
  }

  decide(token: string, decision: ParticipantDecisionInput) {
    return this.http.post<ParticipantDecisionResult>(this.decisionPath(token), decision);
  }
}
