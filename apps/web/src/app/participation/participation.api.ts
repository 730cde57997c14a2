import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CertificateSummary,
  CertificateStanding,
  EventParticipation,
  NominationBulkDecision,
  NominationBulkResult,
  NominationCreate,
  NominationFull,
  NominationPage,
  OpenInvitationList,
  ParticipantExportRequest,
  ParticipantLinks,
  ParticipationFigures,
  ParticipationSettings,
  ParticipationSettingsInput,
  StateInvitation,
  StateInvitationCreate,
  StateInvitationResult,
  StateInvitationUpdate,
  StateList,
  StateListCollection,
  StateListInput,
} from './participation.models';

const enc = encodeURIComponent;

/** The most nominees one page of the list holds (the API's page limit). */
export const NOMINATIONS_PAGE = 100;

/** Invitations of States, nominations, figures and exports: /api/t/:tenant/... */
@Injectable({ providedIn: 'root' })
export class ParticipationApi {
  private readonly http = inject(HttpClient);

  private tenantBase(tenant: string): string {
    return `/api/t/${enc(tenant)}`;
  }

  private eventBase(tenant: string, eventId: string): string {
    return `${this.tenantBase(tenant)}/events/${enc(eventId)}`;
  }

  private invitation(tenant: string, eventId: string, invitationId: string): string {
    return `${this.eventBase(tenant, eventId)}/invitations/${enc(invitationId)}`;
  }

  private nomination(tenant: string, nominationId: string): string {
    return `${this.tenantBase(tenant)}/nominations/${enc(nominationId)}`;
  }

  // ---- Invitations: officers ----

  /** The participation tab: planners get every invited State, a focal point their own. */
  participation(tenant: string, eventId: string) {
    return this.http.get<EventParticipation>(`${this.eventBase(tenant, eventId)}/participation`);
  }

  invite(tenant: string, eventId: string, body: StateInvitationCreate) {
    return this.http.post<StateInvitationResult>(
      `${this.eventBase(tenant, eventId)}/invitations`,
      body,
    );
  }

  updateInvitation(
    tenant: string,
    eventId: string,
    invitationId: string,
    body: StateInvitationUpdate,
  ) {
    return this.http.patch<StateInvitation>(this.invitation(tenant, eventId, invitationId), body);
  }

  withdrawInvitation(tenant: string, eventId: string, invitationId: string) {
    return this.http.post<StateInvitation>(
      `${this.invitation(tenant, eventId, invitationId)}/withdraw`,
      {},
    );
  }

  remind(tenant: string, eventId: string, invitationId: string) {
    return this.http.post<unknown>(`${this.invitation(tenant, eventId, invitationId)}/remind`, {});
  }

  answerSeatRequest(
    tenant: string,
    eventId: string,
    invitationId: string,
    decision: 'grant' | 'refuse',
    answer?: string,
  ) {
    return this.http.post<StateInvitation>(
      `${this.invitation(tenant, eventId, invitationId)}/seat-request/answer`,
      { decision, ...(answer ? { answer } : {}) },
    );
  }

  stateLists(tenant: string) {
    return this.http.get<StateListCollection>(`${this.tenantBase(tenant)}/state-lists`);
  }

  saveStateList(tenant: string, name: string, memberStates: string[]) {
    return this.http.post<StateList>(`${this.tenantBase(tenant)}/state-lists`, {
      name,
      memberStates,
    });
  }

  updateStateList(tenant: string, stateListId: string, body: StateListInput) {
    return this.http.put<StateList>(
      `${this.tenantBase(tenant)}/state-lists/${enc(stateListId)}`,
      body,
    );
  }

  deleteStateList(tenant: string, stateListId: string) {
    return this.http.delete<void>(`${this.tenantBase(tenant)}/state-lists/${enc(stateListId)}`);
  }

  /** The event's default nomination deadline and whether its experts see participants. */
  saveSettings(tenant: string, eventId: string, body: ParticipationSettingsInput) {
    return this.http.put<ParticipationSettings>(
      `${this.eventBase(tenant, eventId)}/participation-settings`,
      body,
    );
  }

  // ---- Invitations: focal points ----

  openInvitations(tenant: string) {
    return this.http.get<OpenInvitationList>(`${this.tenantBase(tenant)}/me/invitations`);
  }

  accept(tenant: string, eventId: string, invitationId: string) {
    return this.http.post<StateInvitation>(
      `${this.invitation(tenant, eventId, invitationId)}/accept`,
      {},
    );
  }

  decline(tenant: string, eventId: string, invitationId: string, reason: string) {
    return this.http.post<StateInvitation>(
      `${this.invitation(tenant, eventId, invitationId)}/decline`,
      { reason },
    );
  }

  askSeats(tenant: string, eventId: string, invitationId: string, seats: number, reason: string) {
    return this.http.post<StateInvitation>(
      `${this.invitation(tenant, eventId, invitationId)}/seat-request`,
      { seats, reason },
    );
  }

  // ---- Nominations ----

  /** One page of an event's nominees, as the caller may see them. */
  nominations(tenant: string, eventId: string, after: string | null = null) {
    let params = new HttpParams().set('limit', NOMINATIONS_PAGE);
    if (after) params = params.set('after', after);
    return this.http.get<NominationPage>(`${this.eventBase(tenant, eventId)}/nominations`, {
      params,
    });
  }

  /** A State's nominations across events (its history), newest pages first. */
  stateHistory(tenant: string, memberState: string, after: string | null = null) {
    let params = new HttpParams().set('limit', NOMINATIONS_PAGE).set('state', memberState);
    if (after) params = params.set('after', after);
    return this.http.get<NominationPage>(`${this.tenantBase(tenant)}/nominations`, { params });
  }

  nominate(tenant: string, eventId: string, body: NominationCreate) {
    return this.http.post<NominationFull>(`${this.eventBase(tenant, eventId)}/nominations`, body);
  }

  updateNomination(
    tenant: string,
    nominationId: string,
    body: NominationCreate & { version: number },
  ) {
    return this.http.put<NominationFull>(this.nomination(tenant, nominationId), body);
  }

  withdrawNomination(tenant: string, nominationId: string, version: number) {
    return this.http.post<NominationFull>(`${this.nomination(tenant, nominationId)}/withdraw`, {
      version,
    });
  }

  decide(tenant: string, body: NominationBulkDecision) {
    return this.http.post<NominationBulkResult>(
      `${this.tenantBase(tenant)}/nominations/decisions`,
      body,
    );
  }

  // ---- One nominee: their links and certificate (officers) ----

  private links(tenant: string, eventId: string, nominationId: string): string {
    return `${this.eventBase(tenant, eventId)}/nominations/${enc(nominationId)}/links`;
  }

  /** The participant's links: purpose, dates, used or revoked (never the tokens). */
  participantLinks(tenant: string, eventId: string, nominationId: string) {
    return this.http.get<ParticipantLinks>(this.links(tenant, eventId, nominationId));
  }

  revokeLinks(tenant: string, eventId: string, nominationId: string) {
    return this.http.post<ParticipantLinks>(
      `${this.links(tenant, eventId, nominationId)}/revoke`,
      {},
    );
  }

  /** Revokes the links and mails new ones to the participant. */
  reissueLinks(tenant: string, eventId: string, nominationId: string) {
    return this.http.post<ParticipantLinks>(
      `${this.links(tenant, eventId, nominationId)}/reissue`,
      {},
    );
  }

  /** One nominee's standing for a certificate: on the list, days attended, the certificate. */
  certificateStanding(tenant: string, nominationId: string) {
    return this.http.get<CertificateStanding>(
      `${this.nomination(tenant, nominationId)}/certificate`,
    );
  }

  issueCertificate(tenant: string, nominationId: string) {
    return this.http.post<CertificateSummary>(
      `${this.nomination(tenant, nominationId)}/certificate`,
      {},
    );
  }

  revokeCertificate(tenant: string, nominationId: string, reason: string) {
    return this.http.post<CertificateSummary>(
      `${this.nomination(tenant, nominationId)}/certificate/revoke`,
      { reason },
    );
  }

  certificatePdf(tenant: string, nominationId: string) {
    return this.http.get(`${this.nomination(tenant, nominationId)}/certificate.pdf`, {
      responseType: 'blob',
    });
  }

  // ---- Figures and exports ----

  figures(tenant: string, eventId: string) {
    return this.http.get<ParticipationFigures>(`${this.eventBase(tenant, eventId)}/figures`);
  }

  /** The participant list as a file; the reason goes into the audit log with who asked. */
  exportParticipants(tenant: string, eventId: string, body: ParticipantExportRequest) {
    return this.http.post(`${this.eventBase(tenant, eventId)}/participants/export`, body, {
      responseType: 'blob',
      observe: 'response',
    });
  }
}
