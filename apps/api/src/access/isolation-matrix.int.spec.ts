import { randomUUID } from 'node:crypto';
import { CONSENT_TEXT_VERSION, ROLES, type Role } from '@convene/contracts';
import { can, isPermission, type Permission } from '@convene/domain';
import { addMember, createTenant, inviteToTenant } from '../tenants/tenant-provisioning';
import { newToken } from '../auth/secrets';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import type { ApiClient } from '../testing/http-client';
import { approvedNominee, type Nominee } from '../participation/participant-links.testing';
import { ownerQuery, startTestApp, type TestApp } from '../testing/test-app';
import { seedParticipation } from '../participation/figures.fixtures';
import {
  attended,
  nominee,
  participantLink,
  participationEvent,
} from '../participation/attendance.fixtures';
import { newVerificationCode } from '../participation/certificates.service';
import { recommendationEvent, recommendationOf } from '../recommendations/recommendations.fixtures';
import { seedRequest } from '../requests/requests.fixtures';
import { seedDocument } from '../documents/documents.fixtures';
import { pdfWith } from '../documents/documents.testing';
import { signDownload } from '../documents/download-token';
import { seedExpertCv } from '../experts/expert-cv.fixtures';
import { ratedArea, seedAssessment, seedQuestionnaire } from '../assessments/assessments.fixtures';
import {
  deliveryEvent,
  seedDelivery,
  seedEdition,
  seedIatiSettings,
} from '../delivery/delivery.fixtures';
import { SESSION_COOKIE } from '../common/cookie-names';
import { ROUTE_ACCESS, type RouteKey } from './route-access';

const PASSWORD = 'matrix passphrase 2026';

/** A real request for a route, built fresh for each call (some calls spend what they use). */
type Recipe = (
  world: World,
  tenant: 'alpha' | 'beta',
) => Promise<{
  path: Record<string, string>;
  body?: unknown;
  /** An upload: the query string, and the file as the body (application/octet-stream). */
  upload?: { query: Record<string, string>; file: Uint8Array };
  /** A query string of a route that is not an upload (filters, a State, a version). */
  query?: Record<string, string>;
  /**
   * A signed-in caller to use instead of the matrix's own person, for a route that ends its
   * caller's account (the matrix's people serve every later test). Anonymous calls stay
   * anonymous.
   */
  as?: ApiClient;
}>;

interface World {
  app: TestApp;
  tenants: { alpha: string; beta: string };
  /** A membership of an expert, to read and change. */
  subject: { alpha: string; beta: string };
  invite(tenant: 'alpha' | 'beta'): Promise<{ id: string; token: string }>;
  /** A planned event hosted by Kenya, where the tenant's expert speaks: every role sees it. */
  event(tenant: 'alpha' | 'beta'): Promise<string>;
  /** The same, with the id of its one agenda session. */
  eventWithSession(tenant: 'alpha' | 'beta'): Promise<{ eventId: string; sessionId: string }>;
  /** A valid new event for the tenant. */
  eventBody(tenant: 'alpha' | 'beta'): Promise<Record<string, unknown>>;
  /** The token of the alpha expert's private calendar feed. */
  feedToken(): Promise<string>;
  /** An outbox row the server refused to deliver, to retry or cancel. */
  failedMail(tenant: 'alpha' | 'beta'): Promise<string>;
  /** An approved nominee of the tenant's own event, with both links (part-links). */
  nominee(tenant: 'alpha' | 'beta'): Promise<Nominee>;
  /**
   * A fresh event open for nominations (Kenya invited with 5 seats, the tenant's expert speaking,
   * experts allowed to see participants) and a Kenyan nomination in it, awaiting a decision or
   * approved: every role that reads events sees it (the expert its names when approved).
   */
  nomination(
    tenant: 'alpha' | 'beta',
    status?: 'nominated' | 'approved',
  ): Promise<{ eventId: string; nominationId: string }>;
  /** Kenya invited to a new planned event of the tenant (its focal points answer it). */
  stateInvitation(tenant: 'alpha' | 'beta'): Promise<{ eventId: string; invitationId: string }>;
  /** A saved list of States of the tenant. */
  stateList(tenant: 'alpha' | 'beta'): Promise<string>;
  /** The user id of the tenant's expert who signs in (alpha's expert, beta's expert). */
  expert(tenant: 'alpha' | 'beta'): Promise<string>;
  /** The version of that expert's profile to send back, absent while they have none. */
  profileVersion(tenant: 'alpha' | 'beta'): Promise<{ version?: number }>;
  /** A new event of the tenant where its expert is asked to be the rapporteur. */
  assignment(tenant: 'alpha' | 'beta'): Promise<{ eventId: string; assignmentId: string }>;
  /** A new planned event of the tenant whose expert accepted to be the rapporteur. */
  acceptedEvent(tenant: 'alpha' | 'beta'): Promise<string>;
  /** part-figures: the same event with Kenyan and French nominees, approved and confirmed. */
  eventWithNominees(tenant: 'alpha' | 'beta'): Promise<string>;
  /**
   * An approved participant of a new event, present on its first day; with `certificate`, also
   * issued a certificate and holding a participant page link.
   */
  participant(
    tenant: 'alpha' | 'beta',
    certificate?: boolean,
  ): Promise<{
    eventId: string;
    nominationId: string;
    code: string;
    token: string;
    verification: string;
  }>;
  /**
   * A held meeting of the tenant hosted by Kenya, the tenant's expert its accepted rapporteur,
   * and a recommendation of it addressed to Kenya: every role reads it, officers and the
   * rapporteur write it, officers and Kenya's focal point follow it up.
   */
  recommendation(tenant: 'alpha' | 'beta'): Promise<{ eventId: string; recommendationId: string }>;
  /**
   * An event every role sees, with the tenant's expert among its experts, and a published
   * public document on it in `versions` versions (every role reads it); `draft`: an unpublished
   * meeting report instead.
   */
  document(
    tenant: 'alpha' | 'beta',
    options?: { versions?: number; draft?: boolean },
  ): Promise<{ eventId: string; documentId: string; versionIds: string[] }>;
  /** A PDF to upload. */
  pdf(): Promise<Buffer>;
  /** A signed download link of a new document's file, for the tenant's administrator. */
  downloadToken(tenant: 'alpha' | 'beta'): Promise<string>;
  /** The tenant's expert (`expert`) with a CV of a file name of its own; their user id. */
  cv(tenant: 'alpha' | 'beta'): Promise<string>;
  /** A new expert of the tenant, signed in: someone whose account a test may close. */
  throwawayMember(tenant: 'alpha' | 'beta'): Promise<ApiClient>;
  /** The tenant's settings version, to send back. */
  settingsVersion(tenant: 'alpha' | 'beta'): Promise<number>;
  /** The tenant's retention periods' version (0 before the first save), to send back. */
  retentionVersion(tenant: 'alpha' | 'beta'): Promise<number>;
  /** A participant of an event that ended years ago, with a name of its own per tenant. */
  pastParticipant(tenant: 'alpha' | 'beta'): Promise<void>;
  /** A retention run done in the tenant (a day of its own), with its figures. */
  retentionRun(tenant: 'alpha' | 'beta'): Promise<void>;
  /**
   * A new participant nominated to a new event of the tenant (a name and an email of their own,
   * mail sent to them): their id and name, to find, export and erase.
   */
  person(tenant: 'alpha' | 'beta'): Promise<{ id: string; name: string }>;
  /**
   * A recorded export about a new participant of the tenant, asked by its admin, with a reason of
   * its own (reasons and request ids are among each tenant's leak markers).
   */
  privacyRequest(tenant: 'alpha' | 'beta'): Promise<void>;
  /**
   * A new needs assessment of Kenya in the tenant (its focal point's State: every role but the
   * expert reads it), in the given status, financing rated with evidence of its own.
   */
  assessment(tenant: 'alpha' | 'beta', status?: 'draft' | 'submitted'): Promise<string>;
  /** A new version of the tenant's questionnaire, draft (the admin's) or published. */
  questionnaire(tenant: 'alpha' | 'beta', status?: 'draft' | 'published'): Promise<string>;
  /**
   * Tool delivery: a new edition of the tenant (a title of its own), a held workshop a Kenyan
   * attended, and a delivery of the edition to Kenya (its focal point reads it).
   */
  delivery(
    tenant: 'alpha' | 'beta',
  ): Promise<{ editionId: string; eventId: string; deliveryId: string }>;
  /** The tenant's IATI settings saved (public file on) and a public event announced. */
  iati(tenant: 'alpha' | 'beta'): Promise<void>;
  /**
   * A new assistance request of Kenya (the focal points' State in both tenants), under
   * assessment unless said, the tenant's expert its reviewer: every role reads it.
   */
  request(
    tenant: 'alpha' | 'beta',
    options?: {
      status?: 'draft';
      eventId?: string;
      attachment?: boolean;
      attachmentSide?: 'state' | 'officer';
    },
  ): Promise<{ requestId: string; attachmentId: string | null }>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

const RECIPES: Record<RouteKey, Recipe> = {
  'GET /api/health': async () => ({ path: {} }),
  'GET /api/auth/session': async () => ({ path: {} }),
  'POST /api/auth/login': async () => ({
    path: {},
    body: { email: 'admin@alpha.example', password: PASSWORD },
  }),
  'POST /api/auth/logout': async () => ({ path: {} }),
  'POST /api/auth/password-reset': async () => ({
    path: {},
    body: { email: 'nobody@alpha.example' },
  }),
  'POST /api/auth/password-reset/complete': async () => ({
    path: {},
    body: { token: 'x'.repeat(43), password: 'whatever long enough' },
  }),
  'GET /api/auth/invitations/:token': async (world, tenant) => ({
    path: { token: (await world.invite(tenant)).token },
  }),
  'POST /api/auth/invitations/accept': async (world, tenant) => ({
    path: {},
    body: {
      token: (await world.invite(tenant)).token,
      name: 'New Person',
      password: 'a long new passphrase',
    },
  }),
  'GET /api/me': async () => ({ path: {} }),
  'PATCH /api/me': async () => ({ path: {}, body: { preferredLanguage: 'en' } }),
  'POST /api/me/password': async () => ({
    path: {},
    body: { currentPassword: PASSWORD, newPassword: PASSWORD },
  }),
  'PUT /api/me/last-tenant': async () => ({ path: {}, body: { tenant: 'alpha' } }),
  'POST /api/me/account/close': async (world, tenant) => ({
    path: {},
    body: { currentPassword: PASSWORD, confirm: true },
    as: await world.throwawayMember(tenant),
  }),
  'GET /api/member-states': async () => ({ path: {} }),
  'GET /api/me/calendar-feed': async () => ({ path: {} }),
  'POST /api/me/calendar-feed': async () => ({ path: {} }),
  'DELETE /api/me/calendar-feed': async () => ({ path: {} }),
  'GET /api/calendar/:token/events.ics': async (world) => ({
    path: { token: await world.feedToken() },
  }),
  'GET /api/public/:slug/events': async () => ({ path: { slug: 'alpha' } }),
  'GET /api/public/:slug/events.ics': async () => ({ path: { slug: 'alpha' } }),
  'GET /api/t/:tenant': async () => ({ path: {} }),
  'GET /api/t/:tenant/members': async () => ({ path: {} }),
  'GET /api/t/:tenant/members/:membershipId': async (world, tenant) => ({
    path: { membershipId: world.subject[tenant] },
  }),
  'PATCH /api/t/:tenant/members/:membershipId': async (world, tenant) => ({
    path: { membershipId: world.subject[tenant] },
    body: { role: 'expert' },
  }),
  'POST /api/t/:tenant/members/:membershipId/deactivate': async (world, tenant) => ({
    path: { membershipId: world.subject[tenant] },
  }),
  'POST /api/t/:tenant/members/:membershipId/reactivate': async (world, tenant) => ({
    path: { membershipId: world.subject[tenant] },
  }),
  'GET /api/t/:tenant/invitations': async () => ({ path: {} }),
  'POST /api/t/:tenant/invitations': async () => ({
    path: {},
    body: { email: `new-${unique()}@example.org`, role: 'expert' },
  }),
  'DELETE /api/t/:tenant/invitations/:invitationId': async (world, tenant) => ({
    path: { invitationId: (await world.invite(tenant)).id },
  }),
  'GET /api/t/:tenant/audit-log': async () => ({ path: {} }),
  'GET /api/t/:tenant/events': async () => ({ path: {} }),
  'POST /api/t/:tenant/events': async (world, tenant) => ({
    path: {},
    body: await world.eventBody(tenant),
  }),
  'GET /api/t/:tenant/events/:eventId': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
  }),
  'PUT /api/t/:tenant/events/:eventId': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
    body: { ...(await world.eventBody(tenant)), version: 1 },
  }),
  'POST /api/t/:tenant/events/:eventId/duplicate': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
  }),
  'POST /api/t/:tenant/events/:eventId/transitions': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
    body: { action: 'open_nominations' },
  }),
  'GET /api/t/:tenant/events/:eventId/calendar.ics': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
  }),
  'GET /api/t/:tenant/events/:eventId/agenda': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
  }),
  'POST /api/t/:tenant/events/:eventId/agenda': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
    body: { title: 'Panel', startsAt: '2027-05-10T08:00:00Z', endsAt: '2027-05-10T09:00:00Z' },
  }),
  'PUT /api/t/:tenant/events/:eventId/agenda/order': async (world, tenant) => {
    const { eventId, sessionId } = await world.eventWithSession(tenant);
    return { path: { eventId }, body: { sessionIds: [sessionId] } };
  },
  'PUT /api/t/:tenant/events/:eventId/agenda/:sessionId': async (world, tenant) => ({
    path: await world.eventWithSession(tenant),
    body: { title: 'Renamed', startsAt: '2027-05-10T08:00:00Z', endsAt: '2027-05-10T09:00:00Z' },
  }),
  'DELETE /api/t/:tenant/events/:eventId/agenda/:sessionId': async (world, tenant) => ({
    path: await world.eventWithSession(tenant),
  }),
  // part-figures
  'GET /api/t/:tenant/events/:eventId/figures': async (world, tenant) => ({
    path: { eventId: await world.eventWithNominees(tenant) },
  }),
  'POST /api/t/:tenant/events/:eventId/participants/export': async (world, tenant) => ({
    path: { eventId: await world.eventWithNominees(tenant) },
    body: { format: 'csv', scope: 'all', reason: 'Isolation matrix check' },
  }),
  'GET /api/t/:tenant/mail': async () => ({ path: {} }),
  'GET /api/t/:tenant/mail/counts': async () => ({ path: {} }),
  'POST /api/t/:tenant/mail/retry': async (world, tenant) => {
    await world.failedMail(tenant);
    return { path: {}, body: { status: 'failed' } };
  },
  'POST /api/t/:tenant/mail/:messageId/retry': async (world, tenant) => ({
    path: { messageId: await world.failedMail(tenant) },
  }),
  'POST /api/t/:tenant/mail/:messageId/cancel': async (world, tenant) => ({
    path: { messageId: await world.failedMail(tenant) },
  }),
  // part-links
  'GET /api/participant/decision/:linkToken': async (world, tenant) => ({
    path: { linkToken: (await world.nominee(tenant)).decisionToken },
  }),
  'POST /api/participant/decision/:linkToken': async (world, tenant) => ({
    path: { linkToken: (await world.nominee(tenant)).decisionToken },
    body: { answer: 'confirm', dietaryNeeds: 'Halal' },
  }),
  'GET /api/participant/:linkToken': async (world, tenant) => ({
    path: { linkToken: (await world.nominee(tenant)).pageToken },
  }),
  'GET /api/participant/:linkToken/calendar.ics': async (world, tenant) => ({
    path: { linkToken: (await world.nominee(tenant)).pageToken },
  }),
  'GET /api/participant/:linkToken/check-in.svg': async (world, tenant) => ({
    path: { linkToken: (await world.nominee(tenant)).pageToken },
  }),
  'POST /api/participant/:linkToken/consent-withdrawal': async (world, tenant) => ({
    path: { linkToken: (await world.nominee(tenant)).pageToken },
    body: { confirm: true },
  }),
  'GET /api/t/:tenant/events/:eventId/nominations/:nominationId/links': async (world, tenant) => {
    const { eventId, nominationId } = await world.nominee(tenant);
    return { path: { eventId, nominationId } };
  },
  'POST /api/t/:tenant/events/:eventId/nominations/:nominationId/links/revoke': async (
    world,
    tenant,
  ) => {
    const { eventId, nominationId } = await world.nominee(tenant);
    return { path: { eventId, nominationId } };
  },
  'POST /api/t/:tenant/events/:eventId/nominations/:nominationId/links/reissue': async (
    world,
    tenant,
  ) => {
    const { eventId, nominationId } = await world.nominee(tenant);
    return { path: { eventId, nominationId } };
  },
  // Nominations (part-nom).
  'GET /api/t/:tenant/events/:eventId/nominations': async (world, tenant) => ({
    path: { eventId: (await world.nomination(tenant, 'approved')).eventId },
  }),
  'POST /api/t/:tenant/events/:eventId/nominations': async (world, tenant) => ({
    path: { eventId: (await world.nomination(tenant)).eventId },
    body: nomineeBody(),
  }),
  'GET /api/t/:tenant/nominations': async () => ({ path: {} }),
  'POST /api/t/:tenant/nominations/decisions': async (world, tenant) => ({
    path: {},
    body: {
      nominationIds: [(await world.nomination(tenant)).nominationId],
      decision: 'approve',
    },
  }),
  'GET /api/t/:tenant/nominations/:nominationId': async (world, tenant) => ({
    path: { nominationId: (await world.nomination(tenant, 'approved')).nominationId },
  }),
  'PUT /api/t/:tenant/nominations/:nominationId': async (world, tenant) => ({
    path: { nominationId: (await world.nomination(tenant)).nominationId },
    body: { ...nomineeBody(), version: 1 },
  }),
  'POST /api/t/:tenant/nominations/:nominationId/withdraw': async (world, tenant) => ({
    path: { nominationId: (await world.nomination(tenant)).nominationId },
    body: { version: 1 },
  }),
  'POST /api/t/:tenant/nominations/:nominationId/decision': async (world, tenant) => ({
    path: { nominationId: (await world.nomination(tenant)).nominationId },
    body: { decision: 'approve' },
  }),
  // Invitations of States (part-inv).
  'GET /api/t/:tenant/state-lists': async () => ({ path: {} }),
  'POST /api/t/:tenant/state-lists': async () => ({
    path: {},
    body: { name: `List ${unique()}`, memberStates: ['KEN', 'UGA'] },
  }),
  'PUT /api/t/:tenant/state-lists/:stateListId': async (world, tenant) => ({
    path: { stateListId: await world.stateList(tenant) },
    body: { name: `List ${unique()}`, memberStates: ['TZA'] },
  }),
  'DELETE /api/t/:tenant/state-lists/:stateListId': async (world, tenant) => ({
    path: { stateListId: await world.stateList(tenant) },
  }),
  'GET /api/t/:tenant/events/:eventId/participation': async (world, tenant) => ({
    path: { eventId: (await world.stateInvitation(tenant)).eventId },
  }),
  'PUT /api/t/:tenant/events/:eventId/participation-settings': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
    body: { nominationDeadline: '2027-04-01', expertsSeeParticipants: true },
  }),
  'POST /api/t/:tenant/events/:eventId/invitations': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
    body: { memberStates: ['KEN', 'UGA'], seats: 2, nominationDeadline: '2027-04-01' },
  }),
  'PATCH /api/t/:tenant/events/:eventId/invitations/:invitationId': async (world, tenant) => ({
    path: await world.stateInvitation(tenant),
    body: { seats: 3 },
  }),
  'POST /api/t/:tenant/events/:eventId/invitations/:invitationId/withdraw': async (
    world,
    tenant,
  ) => ({ path: await world.stateInvitation(tenant) }),
  'POST /api/t/:tenant/events/:eventId/invitations/:invitationId/remind': async (
    world,
    tenant,
  ) => ({ path: await world.stateInvitation(tenant) }),
  'POST /api/t/:tenant/events/:eventId/invitations/:invitationId/seat-request/answer': async (
    world,
    tenant,
  ) => {
    const path = await world.stateInvitation(tenant);
    await ownerQuery(
      world.app,
      `update event_invitations set seats_requested = 5, seats_request_reason = 'More',
              seats_request_status = 'pending' where id = $1`,
      [path.invitationId],
    );
    return { path, body: { decision: 'grant' } };
  },
  'POST /api/t/:tenant/events/:eventId/invitations/:invitationId/accept': async (
    world,
    tenant,
  ) => ({ path: await world.stateInvitation(tenant) }),
  'POST /api/t/:tenant/events/:eventId/invitations/:invitationId/decline': async (
    world,
    tenant,
  ) => ({ path: await world.stateInvitation(tenant), body: { reason: 'No one free' } }),
  'POST /api/t/:tenant/events/:eventId/invitations/:invitationId/seat-request': async (
    world,
    tenant,
  ) => ({ path: await world.stateInvitation(tenant), body: { seats: 5, reason: 'More' } }),
  // Experts (issue 13).
  'GET /api/t/:tenant/experts': async () => ({ path: {} }),
  'POST /api/t/:tenant/experts/invitations': async () => ({
    path: {},
    body: { email: `expert-${unique()}@example.org` },
  }),
  'GET /api/t/:tenant/experts/:userId': async (world, tenant) => ({
    path: { userId: await world.expert(tenant) },
  }),
  'PUT /api/t/:tenant/experts/:userId': async (world, tenant) => ({
    path: { userId: await world.expert(tenant) },
    body: { organisation: `Org ${unique()}`, ...(await world.profileVersion(tenant)) },
  }),
  'PUT /api/t/:tenant/experts/:userId/notes': async (world, tenant) => ({
    path: { userId: await world.expert(tenant) },
    body: { notes: `Notes ${tenant} ${unique()}` },
  }),
  'GET /api/t/:tenant/me/expert-profile': async () => ({ path: {} }),
  'PUT /api/t/:tenant/me/expert-profile': async (world, tenant) => ({
    path: {},
    body: { bio: `Bio ${unique()}`, ...(await world.profileVersion(tenant)) },
  }),
  'GET /api/t/:tenant/me/expert-panel': async () => ({ path: {} }),
  'POST /api/t/:tenant/me/assignments/:assignmentId/accept': async (world, tenant) => ({
    path: { assignmentId: (await world.assignment(tenant)).assignmentId },
    body: { version: 1 },
  }),
  'POST /api/t/:tenant/me/assignments/:assignmentId/decline': async (world, tenant) => ({
    path: { assignmentId: (await world.assignment(tenant)).assignmentId },
    body: { version: 1, reason: 'Teaching that week' },
  }),
  'PUT /api/t/:tenant/me/declarations/:eventId': async (world, tenant) => ({
    path: { eventId: await world.acceptedEvent(tenant) },
    body: { hasInterests: false },
  }),
  'GET /api/t/:tenant/events/:eventId/experts': async (world, tenant) => ({
    path: { eventId: (await world.assignment(tenant)).eventId },
  }),
  'POST /api/t/:tenant/events/:eventId/experts': async (world, tenant) => ({
    path: { eventId: await world.event(tenant) },
    body: { userId: await world.expert(tenant), sessionId: null, role: 'rapporteur' },
  }),
  'POST /api/t/:tenant/events/:eventId/experts/:assignmentId/withdraw': async (world, tenant) => ({
    path: await world.assignment(tenant),
    body: { version: 1 },
  }),
  'GET /api/t/:tenant/me/invitations': async (world, tenant) => {
    await world.stateInvitation(tenant);
    return { path: {} };
  },
  // Participation: attendance, check-in and certificates (part-attend).
  'GET /api/t/:tenant/events/:eventId/check-in': async (world, tenant) => ({
    path: { eventId: (await world.participant(tenant)).eventId },
  }),
  'POST /api/t/:tenant/events/:eventId/check-in': async (world, tenant) => {
    const { eventId, code } = await world.participant(tenant);
    return { path: { eventId }, body: { day: '2027-05-11', code } };
  },
  'PUT /api/t/:tenant/events/:eventId/attendance/:nominationId': async (world, tenant) => {
    const { eventId, nominationId } = await world.participant(tenant);
    return { path: { eventId, nominationId }, body: { day: '2027-05-12', status: 'partly' } };
  },
  'POST /api/t/:tenant/events/:eventId/certificates': async (world, tenant) => ({
    path: { eventId: (await world.participant(tenant)).eventId },
  }),
  'GET /api/t/:tenant/nominations/:nominationId/certificate': async (world, tenant) => ({
    path: { nominationId: (await world.participant(tenant, true)).nominationId },
  }),
  'POST /api/t/:tenant/nominations/:nominationId/certificate': async (world, tenant) => ({
    path: { nominationId: (await world.participant(tenant)).nominationId },
  }),
  'POST /api/t/:tenant/nominations/:nominationId/certificate/revoke': async (world, tenant) => ({
    path: { nominationId: (await world.participant(tenant, true)).nominationId },
    body: { reason: 'Issued by mistake' },
  }),
  'GET /api/t/:tenant/nominations/:nominationId/certificate.pdf': async (world, tenant) => ({
    path: { nominationId: (await world.participant(tenant, true)).nominationId },
  }),
  'GET /api/participant/:linkToken/certificate.pdf': async (world, tenant) => ({
    path: { linkToken: (await world.participant(tenant, true)).token },
  }),
  'GET /api/public/:slug/certificates/:code': async (world, tenant) => ({
    path: { slug: tenant, code: (await world.participant(tenant, true)).verification },
  }),
  // Recommendations of meetings.
  'GET /api/t/:tenant/recommendations': async (world, tenant) => {
    await world.recommendation(tenant);
    return { path: {} };
  },
  'GET /api/t/:tenant/recommendations.csv': async (world, tenant) => {
    await world.recommendation(tenant);
    return { path: {} };
  },
  'GET /api/t/:tenant/recommendations/:recommendationId': async (world, tenant) => ({
    path: { recommendationId: (await world.recommendation(tenant)).recommendationId },
  }),
  'PUT /api/t/:tenant/recommendations/:recommendationId': async (world, tenant) => ({
    path: { recommendationId: (await world.recommendation(tenant)).recommendationId },
    body: {
      text: `Edited ${unique()}`,
      thematicArea: 'financing',
      addressedStates: ['KEN'],
      version: 1,
    },
  }),
  'POST /api/t/:tenant/recommendations/:recommendationId/follow-ups': async (world, tenant) => ({
    path: { recommendationId: (await world.recommendation(tenant)).recommendationId },
    body: { note: `Progress ${unique()}` },
  }),
  'GET /api/t/:tenant/events/:eventId/recommendations': async (world, tenant) => ({
    path: { eventId: (await world.recommendation(tenant)).eventId },
  }),
  'POST /api/t/:tenant/events/:eventId/recommendations': async (world, tenant) => ({
    path: { eventId: (await world.recommendation(tenant)).eventId },
    body: { text: `New ${unique()}`, thematicArea: 'training', addressedToOrganisation: true },
  }),
  'PUT /api/t/:tenant/events/:eventId/recommendations/order': async (world, tenant) => {
    const { eventId, recommendationId } = await world.recommendation(tenant);
    return { path: { eventId }, body: { recommendationIds: [recommendationId] } };
  },
  'GET /api/public/:slug/recommendations': async (world, tenant) => {
    await world.recommendation(tenant);
    return { path: { slug: tenant } };
  },
  // Needs assessments (issue 14).
  'GET /api/t/:tenant/assessments': async (world, tenant) => {
    await world.assessment(tenant);
    return { path: {} };
  },
  'POST /api/t/:tenant/assessments': async () => ({ path: {}, body: { memberState: 'KEN' } }),
  'GET /api/t/:tenant/assessments/:assessmentId': async (world, tenant) => ({
    path: { assessmentId: await world.assessment(tenant) },
  }),
  'PUT /api/t/:tenant/assessments/:assessmentId/sections/:area': async (world, tenant) => ({
    path: { assessmentId: await world.assessment(tenant), area: 'training' },
    body: {
      answers: [
        { key: 'training.legal_framework', rating: 2, evidence: `Saved ${tenant} ${unique()}` },
      ],
      version: 1,
    },
  }),
  'POST /api/t/:tenant/assessments/:assessmentId/submit': async (world, tenant) => ({
    path: { assessmentId: await world.assessment(tenant) },
    body: { version: 1 },
  }),
  'POST /api/t/:tenant/assessments/:assessmentId/validate': async (world, tenant) => ({
    path: { assessmentId: await world.assessment(tenant, 'submitted') },
    body: { version: 1, priorities: `Priority ${unique()}`, recommendations: `Do ${unique()}` },
  }),
  'POST /api/t/:tenant/assessments/:assessmentId/return': async (world, tenant) => ({
    path: { assessmentId: await world.assessment(tenant, 'submitted') },
    body: { version: 1, reason: `Complete it ${unique()}` },
  }),
  'GET /api/t/:tenant/assessment-questionnaires': async (world, tenant) => {
    await world.questionnaire(tenant, 'published');
    return { path: {} };
  },
  'POST /api/t/:tenant/assessment-questionnaires': async () => ({ path: {}, body: { from: 1 } }),
  'GET /api/t/:tenant/assessment-questionnaires/:questionnaireId': async (world, tenant) => ({
    path: { questionnaireId: await world.questionnaire(tenant, 'published') },
  }),
  'PUT /api/t/:tenant/assessment-questionnaires/:questionnaireId': async (world, tenant) => ({
    path: { questionnaireId: await world.questionnaire(tenant) },
    body: {
      title: `Edited ${tenant} ${unique()}`,
      questions: [
        {
          key: 'financing.legal_framework',
          area: 'financing',
          dimension: 'legal_framework',
          text: { en: 'Is financing of terrorism an offence?' },
        },
      ],
      version: 1,
    },
  }),
  'POST /api/t/:tenant/assessment-questionnaires/:questionnaireId/publish': async (
    world,
    tenant,
  ) => ({
    path: { questionnaireId: await world.questionnaire(tenant) },
    body: { version: 1 },
  }),
  // Coverage map, dashboard and State page: each tenant's figures come from its own held event
  // with a Kenyan participant trained and a recommendation addressed to Kenya, its own copies of
  // the tool delivered to Kenya and its own request of Kenya (the charts that count them).
  'GET /api/t/:tenant/dashboard': async (world, tenant) => {
    await world.recommendation(tenant);
    await world.participant(tenant, true);
    await world.delivery(tenant);
    await world.request(tenant);
    return { path: {}, query: { from: '2020', to: '2030' } };
  },
  'GET /api/t/:tenant/dashboard/map': async (world, tenant) => {
    await world.participant(tenant, true);
    return { path: {}, query: { from: '2020', to: '2030' } };
  },
  'GET /api/t/:tenant/dashboard/export': async (world, tenant) => {
    await world.participant(tenant, true);
    return {
      path: {},
      query: { chart: 'participantsBySex', format: 'csv', from: '2020', to: '2030' },
    };
  },
  'GET /api/t/:tenant/state-overview': async (world, tenant) => {
    await world.recommendation(tenant);
    await world.participant(tenant, true);
    return { path: {}, query: { state: 'KEN' } };
  },
  // Documents (issue 13).
  'GET /api/t/:tenant/events/:eventId/documents': async (world, tenant) => ({
    path: { eventId: (await world.document(tenant)).eventId },
  }),
  'POST /api/t/:tenant/events/:eventId/documents': async (world, tenant) => ({
    path: { eventId: (await world.document(tenant)).eventId },
    upload: {
      query: {
        title: `Presentation ${unique()}`,
        kind: 'presentation',
        visibility: 'public',
        language: 'en',
        fileName: 'slides.pdf',
      },
      file: await world.pdf(),
    },
  }),
  'GET /api/t/:tenant/documents': async () => ({ path: {} }),
  'POST /api/t/:tenant/documents': async (world) => ({
    path: {},
    upload: {
      query: {
        title: `Edition ${unique()}`,
        kind: 'other',
        visibility: 'public',
        language: 'en',
        fileName: 'edition.pdf',
      },
      file: await world.pdf(),
    },
  }),
  'GET /api/t/:tenant/documents/search': async (world, tenant) => {
    await world.document(tenant);
    return { path: {} };
  },
  'GET /api/t/:tenant/documents/:documentId': async (world, tenant) => ({
    path: { documentId: (await world.document(tenant)).documentId },
  }),
  'PATCH /api/t/:tenant/documents/:documentId': async (world, tenant) => ({
    path: { documentId: (await world.document(tenant)).documentId },
    body: { title: `Renamed ${unique()}`, version: 1 },
  }),
  'POST /api/t/:tenant/documents/:documentId/versions': async (world, tenant) => ({
    path: { documentId: (await world.document(tenant)).documentId },
    upload: { query: { language: 'fr', fileName: 'note.pdf' }, file: await world.pdf() },
  }),
  'POST /api/t/:tenant/documents/:documentId/versions/:versionId/restore': async (
    world,
    tenant,
  ) => {
    const { documentId, versionIds } = await world.document(tenant, { versions: 2 });
    return { path: { documentId, versionId: versionIds[0] ?? '' } };
  },
  'POST /api/t/:tenant/documents/:documentId/publish': async (world, tenant) => ({
    path: { documentId: (await world.document(tenant, { draft: true })).documentId },
  }),
  'GET /api/files/:fileToken': async (world, tenant) => ({
    path: { fileToken: await world.downloadToken(tenant) },
  }),
  'GET /api/participant/:linkToken/documents': async (world, tenant) => ({
    path: { linkToken: (await world.nominee(tenant)).pageToken },
  }),
  // Finishing experts and outputs: search, document delete, CVs, the tenant's settings.
  'GET /api/t/:tenant/search': async (world, tenant) => {
    await world.document(tenant);
    await world.recommendation(tenant);
    return { path: {} };
  },
  'DELETE /api/t/:tenant/documents/:documentId': async (world, tenant) => ({
    path: { documentId: (await world.document(tenant)).documentId },
    query: { version: '1' },
  }),
  'GET /api/t/:tenant/experts/:userId/cv': async (world, tenant) => ({
    path: { userId: await world.cv(tenant) },
  }),
  'PUT /api/t/:tenant/experts/:userId/cv': async (world, tenant) => ({
    path: { userId: await world.expert(tenant) },
    upload: { query: { fileName: `Resume ${tenant} ${unique()}.pdf` }, file: await world.pdf() },
  }),
  'DELETE /api/t/:tenant/experts/:userId/cv': async (world, tenant) => ({
    path: { userId: await world.cv(tenant) },
  }),
  'GET /api/t/:tenant/experts/:userId/cv/file': async (world, tenant) => ({
    path: { userId: await world.cv(tenant) },
  }),
  'GET /api/t/:tenant/me/expert-profile/cv': async (world, tenant) => {
    await world.cv(tenant);
    return { path: {} };
  },
  'PUT /api/t/:tenant/me/expert-profile/cv': async (world, tenant) => ({
    path: {},
    upload: { query: { fileName: `My CV ${tenant} ${unique()}.pdf` }, file: await world.pdf() },
  }),
  'DELETE /api/t/:tenant/me/expert-profile/cv': async (world, tenant) => {
    await world.cv(tenant);
    return { path: {} };
  },
  'GET /api/t/:tenant/me/expert-profile/cv/file': async (world, tenant) => {
    await world.cv(tenant);
    return { path: {} };
  },
  'GET /api/t/:tenant/settings': async () => ({ path: {} }),
  'PUT /api/t/:tenant/settings': async (world, tenant) => ({
    path: {},
    body: { documentMaxBytes: 20 * 1024 * 1024, version: await world.settingsVersion(tenant) },
  }),
  'GET /api/t/:tenant/privacy/retention': async () => ({ path: {} }),
  'PUT /api/t/:tenant/privacy/retention': async (world, tenant) => ({
    path: {},
    body: {
      participantsMonths: 36,
      expertsMonths: 24,
      mailDays: 90,
      linksDays: 30,
      version: await world.retentionVersion(tenant),
    },
  }),
  'GET /api/t/:tenant/privacy/retention/preview': async (world, tenant) => {
    // A participant of an event long past in the tenant: the preview counts them.
    await world.pastParticipant(tenant);
    return { path: {} };
  },
  'GET /api/t/:tenant/privacy/retention/runs': async (world, tenant) => {
    await world.retentionRun(tenant);
    return { path: {} };
  },
  // A person's data, on request: participants of each tenant with names of their own, and the
  // tenant's expert (a member with a profile, a CV and assignments).
  'GET /api/t/:tenant/privacy/people': async (world, tenant) => {
    await world.cv(tenant);
    return { path: {}, query: { q: (await world.person(tenant)).name } };
  },
  'GET /api/t/:tenant/privacy/people/:kind/:id': async (world, tenant) => ({
    path: { kind: 'member', id: await world.cv(tenant) },
  }),
  'POST /api/t/:tenant/privacy/people/:kind/:id/export': async (world, tenant) => ({
    path: { kind: 'participant', id: (await world.person(tenant)).id },
    body: { reason: `Subject access request ${unique()}`, format: 'json' },
  }),
  'GET /api/t/:tenant/privacy/people/:kind/:id/erasure': async (world, tenant) => ({
    path: { kind: 'member', id: await world.cv(tenant) },
  }),
  'POST /api/t/:tenant/privacy/people/:kind/:id/erasure': async (world, tenant) => ({
    path: { kind: 'participant', id: (await world.person(tenant)).id },
    body: { reason: `Erasure requested ${unique()}`, confirm: true },
  }),
  'GET /api/t/:tenant/privacy/requests': async (world, tenant) => {
    await world.privacyRequest(tenant);
    return { path: {} };
  },
  'GET /api/t/:tenant/tool-editions': async (world, tenant) => {
    await world.delivery(tenant);
    return { path: {} };
  },
  'POST /api/t/:tenant/tool-editions': async (_, tenant) => ({
    path: {},
    body: {
      title: `Edition ${tenant} ${unique()}`,
      language: 'en',
      format: 'pdf',
      editionYear: 2012,
    },
  }),
  'PUT /api/t/:tenant/tool-editions/:editionId': async (world, tenant) => ({
    path: { editionId: (await world.delivery(tenant)).editionId },
    body: {
      title: `Edition ${tenant} ${unique()}`,
      language: 'fr',
      format: 'print',
      editionYear: 2013,
      version: 1,
    },
  }),
  'GET /api/t/:tenant/deliveries': async (world, tenant) => {
    await world.delivery(tenant);
    return { path: {} };
  },
  'POST /api/t/:tenant/deliveries': async (world, tenant) => ({
    path: {},
    body: {
      editionId: (await world.delivery(tenant)).editionId,
      quantity: 3,
      channel: 'download',
      memberState: 'KEN',
      deliveredOn: '2026-04-01',
    },
  }),
  'GET /api/t/:tenant/deliveries/:deliveryId': async (world, tenant) => ({
    path: { deliveryId: (await world.delivery(tenant)).deliveryId },
  }),
  'PUT /api/t/:tenant/deliveries/:deliveryId': async (world, tenant) => {
    const { editionId, eventId, deliveryId } = await world.delivery(tenant);
    return {
      path: { deliveryId },
      body: {
        editionId,
        quantity: 12,
        channel: 'download',
        memberState: 'KEN',
        institution: 'Ministry of Justice',
        deliveredOn: '2026-03-03',
        eventId,
        version: 1,
      },
    };
  },
  'DELETE /api/t/:tenant/deliveries/:deliveryId': async (world, tenant) => ({
    path: { deliveryId: (await world.delivery(tenant)).deliveryId },
    query: { version: '1' },
  }),
  'GET /api/t/:tenant/events/:eventId/delivery-preview': async (world, tenant) => ({
    path: { eventId: (await world.delivery(tenant)).eventId },
  }),
  'POST /api/t/:tenant/events/:eventId/deliveries': async (world, tenant) => {
    const { editionId, eventId } = await world.delivery(tenant);
    return {
      path: { eventId },
      body: {
        key: randomUUID(),
        editions: [{ editionId, perParticipant: 1 }],
        deliveredOn: '2026-03-12',
      },
    };
  },
  'GET /api/t/:tenant/coverage': async (world, tenant) => {
    await world.delivery(tenant);
    return { path: {} };
  },
  'GET /api/t/:tenant/iati/settings': async (world, tenant) => {
    await world.iati(tenant);
    return { path: {} };
  },
  'PUT /api/t/:tenant/iati/settings': async (world, tenant) => {
    await world.iati(tenant);
    const [row] = await ownerQuery<{ version: number }>(
      world.app,
      `select version from iati_settings where tenant_id = $1`,
      [world.tenants[tenant]],
    );
    return {
      path: {},
      body: {
        organisationIdentifier: 'XM-DAC-41146',
        organisationName: `Reporting ${tenant}`,
        organisationType: '40',
        sectorCodes: ['15130'],
        aidType: 'D02',
        flowType: '10',
        publicFile: true,
        version: row?.version,
      },
    };
  },
  'GET /api/t/:tenant/iati/activities.xml': async (world, tenant) => {
    await world.iati(tenant);
    return { path: {} };
  },
  'GET /api/public/:slug/iati-activities.xml': async (world, tenant) => {
    await world.iati(tenant);
    return { path: { slug: tenant } };
  },
  // Assistance requests (issue 14).
  'GET /api/t/:tenant/requests': async (world, tenant) => {
    await world.request(tenant);
    return { path: {} };
  },
  'GET /api/t/:tenant/requests/home': async (world, tenant) => {
    await world.request(tenant);
    return { path: {} };
  },
  'POST /api/t/:tenant/requests': async (_, tenant) => ({
    path: {},
    body: { title: `Request of ${tenant} ${unique()}`, thematicAreas: ['financing'] },
  }),
  'GET /api/t/:tenant/requests/:requestId': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant)).requestId },
  }),
  'PUT /api/t/:tenant/requests/:requestId': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant, { status: 'draft' })).requestId },
    body: { title: `Draft of ${tenant} ${unique()}`, modality: 'training', version: 1 },
  }),
  'POST /api/t/:tenant/requests/:requestId/transitions': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant)).requestId },
    body: { action: 'approve', version: 1 },
  }),
  'POST /api/t/:tenant/requests/:requestId/state-transitions': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant)).requestId },
    body: { action: 'withdraw', version: 1 },
  }),
  'POST /api/t/:tenant/requests/:requestId/messages': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant)).requestId },
    body: { body: `Message of ${tenant} ${unique()}` },
  }),
  'PUT /api/t/:tenant/requests/:requestId/assignment': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant)).requestId },
    body: { responsibleOfficerId: null, expertReviewerId: null, version: 1 },
  }),
  'POST /api/t/:tenant/requests/:requestId/events': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant)).requestId },
    body: { eventId: await world.event(tenant) },
  }),
  'POST /api/t/:tenant/requests/:requestId/events/new': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant)).requestId },
  }),
  'DELETE /api/t/:tenant/requests/:requestId/events/:eventId': async (world, tenant) => {
    const eventId = await world.event(tenant);
    return { path: { requestId: (await world.request(tenant, { eventId })).requestId, eventId } };
  },
  'POST /api/t/:tenant/requests/:requestId/attachments': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant, { status: 'draft' })).requestId },
    upload: { query: { fileName: 'annex.pdf' }, file: await world.pdf() },
  }),
  'GET /api/t/:tenant/requests/:requestId/attachments/:attachmentId': async (world, tenant) => {
    const { requestId, attachmentId } = await world.request(tenant, { attachment: true });
    return { path: { requestId, attachmentId: attachmentId ?? '' } };
  },
  'DELETE /api/t/:tenant/requests/:requestId/attachments/:attachmentId': async (world, tenant) => {
    const { requestId, attachmentId } = await world.request(tenant, {
      status: 'draft',
      attachment: true,
    });
    return { path: { requestId, attachmentId: attachmentId ?? '' } };
  },
  'POST /api/t/:tenant/requests/:requestId/officer-attachments': async (world, tenant) => ({
    path: { requestId: (await world.request(tenant)).requestId },
    upload: { query: { fileName: 'minutes.pdf' }, file: await world.pdf() },
  }),
  'DELETE /api/t/:tenant/requests/:requestId/officer-attachments/:attachmentId': async (
    world,
    tenant,
  ) => {
    const { requestId, attachmentId } = await world.request(tenant, {
      attachment: true,
      attachmentSide: 'officer',
    });
    return { path: { requestId, attachmentId: attachmentId ?? '' } };
  },
};

/** A valid nomination of a new person. */
function nomineeBody() {
  return {
    fullName: `Nominee ${unique()}`,
    email: `nominee-${unique()}@gov.example`,
    sex: 'female',
    institution: 'Ministry of Justice',
    institutionType: 'ministry_policy',
    audience: 'policy_makers',
    preferredLanguage: 'en',
    consent: { attested: true, textVersion: CONSENT_TEXT_VERSION, language: 'en' },
  };
}

/** Public routes answer by design; these are the statuses their sample calls must get. */
const PUBLIC_EXPECTED: Partial<Record<RouteKey, number>> = {
  'POST /api/auth/password-reset/complete': 404,
};

describe('the isolation and role matrix', () => {
  let world: World;
  let app: TestApp;
  const clients = new Map<string, ApiClient>();
  const emails = {
    alpha: {
      tenant_admin: 'admin@alpha.example',
      programme_officer: 'officer@alpha.example',
      focal_point: 'focal@alpha.example',
      expert: 'expert@alpha.example',
    } as Record<Role, string>,
    beta: 'admin@beta.example',
  };

  const betaFocalPoint = 'focal@beta.example';
  /** Beta's expert, for the routes only experts may call (their profile, their answers). */
  const betaExpert = 'expert@beta.example';

  /**
   * Who of a tenant holds a permission, for the calls that prove a denial is no artefact: the
   * administrator, or the focal point for what only focal points may do (nominate).
   */
  const allowed = (tenant: 'alpha' | 'beta', permission: Permission): string => {
    const role = ROLES.find((candidate) => can(candidate, permission)) ?? 'tenant_admin';
    if (tenant === 'alpha') return emails.alpha[role];
    if (role === 'expert') return betaExpert;
    return role === 'focal_point' ? betaFocalPoint : emails.beta;
  };

  const as = async (email: string | null): Promise<ApiClient> => {
    if (!email) return app.client();
    const existing = clients.get(email);
    if (existing) return existing;
    const client = await app.client().signIn(email, PASSWORD);
    clients.set(email, client);
    return client;
  };

  const call = async (
    key: RouteKey,
    given: ApiClient,
    urlTenant: 'alpha' | 'beta',
    idsFrom: 'alpha' | 'beta',
  ) => {
    const [method, template] = key.split(' ') as [string, string];
    const recipe = await RECIPES[key](world, idsFrom);
    const client = recipe.as && given.hasCookie(SESSION_COOKIE) ? recipe.as : given;
    const path = template
      .replace(':tenant', urlTenant)
      .replace(/:(\w+)/g, (_, name: string) =>
        encodeURIComponent(recipe.path[name] ?? `missing-${name}`),
      );
    if (recipe.upload) {
      return client.request(method, `${path}?${new URLSearchParams(recipe.upload.query)}`, {
        rawBody: recipe.upload.file,
        headers: { 'content-type': 'application/octet-stream' },
      });
    }
    const query = recipe.query ? `?${new URLSearchParams(recipe.query)}` : '';
    return client.request(
      method,
      // The searches need words to look for.
      key === 'GET /api/t/:tenant/documents/search' || key === 'GET /api/t/:tenant/search'
        ? `${path}?q=roundtable`
        : `${path}${query}`,
      method === 'GET' || method === 'DELETE' ? {} : { body: recipe.body ?? {} },
    );
  };

  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_RATE_LIMIT: '10000' } });
    const ds = app.running.databases.app;
    const alpha = await createTenant(ds, { slug: 'alpha', name: 'Alpha' });
    const beta = await createTenant(ds, { slug: 'beta', name: 'Beta' });
    for (const role of ROLES) {
      await addMember(ds, alpha, {
        email: emails.alpha[role],
        name: `Alpha ${role}`,
        password: PASSWORD,
        role,
        memberStateAlpha3: role === 'focal_point' ? 'KEN' : null,
      });
    }
    await addMember(ds, beta, {
      email: emails.beta,
      name: 'Beta admin',
      password: PASSWORD,
      role: 'tenant_admin',
    });
    // Beta's focal point, for the routes only focal points may call (nominating).
    await addMember(ds, beta, {
      email: betaFocalPoint,
      name: 'Beta focal point',
      password: PASSWORD,
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
    });
    await addMember(ds, beta, {
      email: betaExpert,
      name: 'Beta expert',
      password: PASSWORD,
      role: 'expert',
    });
    const subjectAlpha = await addMember(ds, alpha, {
      email: 'subject@alpha.example',
      name: 'Subject A',
      password: PASSWORD,
      role: 'expert',
    });
    const subjectBeta = await addMember(ds, beta, {
      email: 'subject@beta.example',
      name: 'Subject B',
      password: PASSWORD,
      role: 'expert',
    });
    const userId = async (email: string) => {
      const [user] = (await ownerQuery(app, `select id from users where email = $1`, [email])) as {
        id: string;
      }[];
      if (!user) throw new Error(`no user ${email}`);
      return user.id;
    };
    world = {
      app,
      tenants: { alpha, beta },
      subject: { alpha: subjectAlpha.membershipId, beta: subjectBeta.membershipId },
      invite: async (tenant) => {
        const token = await inviteToTenant(ds, world.tenants[tenant], {
          email: `invitee-${unique()}@example.org`,
          role: 'expert',
          ttlMs: 3_600_000,
        });
        const admin = await as(tenant === 'alpha' ? emails.alpha.tenant_admin : emails.beta);
        const list = await admin.get(`/api/t/${tenant}/invitations?limit=1`);
        return { id: list.body.items[0].id as string, token };
      },
      eventBody: async (tenant) => ({
        type: 'national_workshop',
        title: `Workshop ${unique()}`,
        thematicAreas: ['financing'],
        format: 'in_person',
        venue: { name: 'UN Gigiri', city: 'Nairobi', countryAlpha3: 'KEN' },
        startsAt: '2027-05-10T06:00:00Z',
        endsAt: '2027-05-12T14:00:00Z',
        timeZone: 'Africa/Nairobi',
        workingLanguages: ['en'],
        hostStates: ['KEN'],
        responsibleOfficerId: await userId(
          tenant === 'alpha' ? emails.alpha.programme_officer : emails.beta,
        ),
      }),
      event: async (tenant) => (await world.eventWithSession(tenant)).eventId,
      eventWithSession: async (tenant) => {
        const speaker = await userId(
          tenant === 'alpha' ? emails.alpha.expert : 'subject@beta.example',
        );
        return inTransaction(ds, { tenantId: world.tenants[tenant] }, async (m) => {
          const [event] = await sql<{ id: string }>(
            m,
            `insert into events (tenant_id, type, title, thematic_areas, format, venue_name,
                                 venue_city, venue_country, starts_at, ends_at, time_zone,
                                 working_languages, host_states, status)
             values ($1, 'national_workshop', $2, '{financing}', 'in_person', 'UN Gigiri',
                     'Nairobi', 'KEN', '2027-05-10T06:00:00Z', '2027-05-12T14:00:00Z',
                     'Africa/Nairobi', '{en}', '{KEN}', 'planned')
             returning id`,
            [world.tenants[tenant], `Event ${unique()}`],
          );
          if (!event) throw new Error('no event');
          const [session] = await sql<{ id: string }>(
            m,
            `with speaking as (
               insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at)
               values ($1, $2, 1, 'Opening', '2027-05-10T06:00:00Z', '2027-05-10T07:00:00Z')
               returning tenant_id, event_id, id),
             speaker as (
               insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
               select tenant_id, event_id, id, $3::uuid, 'speaker', 'accepted', now() from speaking)
             select id from speaking`,
            [world.tenants[tenant], event.id, speaker],
          );
          if (!session) throw new Error('no session');
          return { eventId: event.id, sessionId: session.id };
        });
      },
      feedToken: async () => {
        const { token, hash } = newToken();
        await ownerQuery(
          app,
          `insert into calendar_feeds (user_id, token_hash) values ($1, $2)
           on conflict (user_id) do update set token_hash = excluded.token_hash`,
          [await userId(emails.alpha.expert), hash],
        );
        return token;
      },
      nomination: async (tenant, status = 'nominated') => {
        const speaker = await userId(
          tenant === 'alpha' ? emails.alpha.expert : 'subject@beta.example',
        );
        return inTransaction(ds, { tenantId: world.tenants[tenant] }, async (m) => {
          const tenantId = world.tenants[tenant];
          const [event] = await sql<{ id: string }>(
            m,
            `insert into events (tenant_id, type, title, thematic_areas, format, venue_name,
                                 venue_city, venue_country, starts_at, ends_at, time_zone,
                                 working_languages, host_states, status, announced_at,
                                 experts_see_participants)
             values ($1, 'national_workshop', $2, '{financing}', 'in_person', 'UN Gigiri',
                     'Nairobi', 'KEN', '2027-05-10T06:00:00Z', '2027-05-12T14:00:00Z',
                     'Africa/Nairobi', '{en}', '{KEN}', 'open_for_nominations', now(), true)
             returning id`,
            [tenantId, `Nominations ${unique()}`],
          );
          if (!event) throw new Error('no event');
          await sql(
            m,
            `with speaking as (
               insert into agenda_sessions (tenant_id, event_id, position, title, starts_at, ends_at)
               values ($1, $2, 1, 'Opening', '2027-05-10T06:00:00Z', '2027-05-10T07:00:00Z')
               returning tenant_id, event_id, id)
             insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, status, answered_at)
             select tenant_id, event_id, id, $3::uuid, 'speaker', 'accepted', now() from speaking`,
            [tenantId, event.id, speaker],
          );
          const [invitation] = await sql<{ id: string }>(
            m,
            `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                            nomination_deadline)
             values ($1, $2, 'KEN', 5, '2027-04-01') returning id`,
            [tenantId, event.id],
          );
          const [participant] = await sql<{ id: string }>(
            m,
            `insert into participants (tenant_id, email, full_name) values ($1, $2, $3)
             returning id`,
            // A name of its own per tenant: names are among each tenant's leak markers.
            [tenantId, `matrix-${unique()}@gov.example`, `Matrix Nominee ${unique()}`],
          );
          const [nomination] = await sql<{ id: string }>(
            m,
            `insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                      member_state_code, sex, institution_type, audience,
                                      preferred_language, institution, status, confirmation)
             values ($1, $2, $3, $4, 'KEN', 'male', 'judiciary', 'judges', 'en', 'High Court',
                     $5, $6)
             returning id`,
            [
              tenantId,
              event.id,
              invitation?.id,
              participant?.id,
              status,
              status === 'approved' ? 'pending' : null,
            ],
          );
          if (!nomination) throw new Error('no nomination');
          return { eventId: event.id, nominationId: nomination.id };
        });
      },
      failedMail: async (tenant) => {
        const [row] = await inTransaction(ds, { tenantId: world.tenants[tenant] }, (m) =>
          sql<{ id: string }>(
            m,
            `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status, attempts, last_error)
             values ($1, 'password_reset', $2, 'en', $3, 'failed', 1, '550 mailbox unavailable')
             returning id`,
            [
              world.tenants[tenant],
              `gone-${unique()}@example.org`,
              JSON.stringify({
                kind: 'password_reset',
                name: 'Gone',
                link: 'https://x.example/r',
                minutes: 60,
              }),
            ],
          ),
        );
        if (!row) throw new Error('no outbox row');
        return row.id;
      },
      stateInvitation: async (tenant) => {
        const eventId = await world.event(tenant);
        const [row] = await inTransaction(ds, { tenantId: world.tenants[tenant] }, (m) =>
          sql<{ id: string }>(
            m,
            `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                            nomination_deadline)
             values ($1, $2, 'KEN', 2, '2027-04-01') returning id`,
            [world.tenants[tenant], eventId],
          ),
        );
        if (!row) throw new Error('no invitation');
        return { eventId, invitationId: row.id };
      },
      stateList: async (tenant) => {
        const [row] = await inTransaction(ds, { tenantId: world.tenants[tenant] }, (m) =>
          sql<{ id: string }>(
            m,
            `insert into state_lists (tenant_id, name, member_states)
             values ($1, $2, '{KEN,UGA}') returning id`,
            [world.tenants[tenant], `Saved ${unique()}`],
          ),
        );
        if (!row) throw new Error('no state list');
        return row.id;
      },
      expert: (tenant) => userId(tenant === 'alpha' ? emails.alpha.expert : betaExpert),
      profileVersion: async (tenant) => {
        const [row] = await ownerQuery<{ version: number }>(
          app,
          `select version from expert_profiles where tenant_id = $1 and user_id = $2`,
          [world.tenants[tenant], await world.expert(tenant)],
        );
        return row ? { version: row.version } : {};
      },
      assignment: async (tenant) => {
        const eventId = await world.event(tenant);
        const expert = await world.expert(tenant);
        const [row] = await inTransaction(ds, { tenantId: world.tenants[tenant] }, (m) =>
          sql<{ id: string }>(
            m,
            `insert into expert_assignments (tenant_id, event_id, user_id, role)
             values ($1, $2, $3, 'rapporteur') returning id`,
            [world.tenants[tenant], eventId, expert],
          ),
        );
        if (!row) throw new Error('no assignment');
        return { eventId, assignmentId: row.id };
      },
      acceptedEvent: async (tenant) => {
        const { eventId, assignmentId } = await world.assignment(tenant);
        await ownerQuery(
          app,
          `update expert_assignments set status = 'accepted', answered_at = now() where id = $1`,
          [assignmentId],
        );
        return eventId;
      },
      eventWithNominees: async (tenant) => {
        const speaker = await userId(
          tenant === 'alpha' ? emails.alpha.expert : 'subject@beta.example',
        );
        const nominee = (state: string) => ({
          name: `Nominee ${state} ${unique()}`,
          email: `nominee-${unique()}@${tenant}.example`,
          state,
          sex: 'female' as const,
          institutionType: 'judiciary' as const,
          audience: 'judges' as const,
          status: 'approved' as const,
          confirmation: 'confirmed' as const,
        });
        const { eventId } = await seedParticipation(
          ds,
          world.tenants[tenant],
          {
            title: `Event ${unique()}`,
            hostStates: ['KEN'],
            startsAt: '2027-05-10T06:00:00Z',
            endsAt: '2027-05-12T14:00:00Z',
            invitations: { KEN: 'accepted', FRA: 'accepted' },
            speakers: [speaker],
          },
          [nominee('KEN'), nominee('FRA')],
        );
        return eventId;
      },
      nominee: (tenant) =>
        approvedNominee(ds, app.config.secret, world.tenants[tenant], {
          email: `nominee-${tenant}-${unique()}@example.org`,
          name: `Nominee of ${tenant} ${unique()}`,
        }),
      document: async (tenant, options = {}) => {
        const eventId = await world.event(tenant);
        const expert = await userId(
          tenant === 'alpha' ? emails.alpha.expert : 'subject@beta.example',
        );
        await inTransaction(ds, { tenantId: world.tenants[tenant] }, (m) =>
          sql(
            m,
            `insert into expert_assignments (tenant_id, event_id, user_id, role, status, answered_at)
             values ($1, $2, $3, 'rapporteur', 'accepted', now())`,
            [world.tenants[tenant], eventId, expert],
          ),
        );
        const seeded = await seedDocument(ds, app.running.store, world.tenants[tenant], {
          eventId,
          // A title of its own per tenant: titles are among each tenant's leak markers.
          title: `Roundtable ${tenant} ${unique()}`,
          kind: options.draft ? 'meeting_report' : 'background_paper',
          visibility: 'public',
          published: !options.draft,
          versions: options.versions ?? 1,
        });
        return { eventId, ...seeded };
      },
      pdf: () => pdfWith('Matrix upload'),
      cv: async (tenant) => {
        const expert = await world.expert(tenant);
        await seedExpertCv(ds, app.running.store, world.tenants[tenant], expert, {
          // A name of its own per tenant: file names are among each tenant's leak markers.
          fileName: `CV ${tenant} ${unique()}.pdf`,
        });
        return expert;
      },
      throwawayMember: async (tenant) => {
        const email = `throwaway-${tenant}-${unique()}@${tenant}.example`.toLowerCase();
        await addMember(ds, world.tenants[tenant], {
          email,
          name: `Throwaway ${tenant} ${unique()}`,
          password: PASSWORD,
          role: 'expert',
        });
        return app.client().signIn(email, PASSWORD);
      },
      retentionVersion: async (tenant) => {
        const [row] = await ownerQuery<{ version: number }>(
          app,
          `select version from retention_policies where tenant_id = $1`,
          [world.tenants[tenant]],
        );
        return row?.version ?? 0;
      },
      pastParticipant: async (tenant) => {
        const past = new Date(Date.now() - 10 * 365 * 86_400_000).toISOString();
        await seedParticipation(
          ds,
          world.tenants[tenant],
          {
            title: `Past workshop ${tenant} ${unique()}`,
            hostStates: ['KEN'],
            startsAt: past,
            endsAt: new Date(Date.parse(past) + 86_400_000).toISOString(),
            invitations: { KEN: 'accepted' },
          },
          [
            {
              name: `Past participant ${tenant} ${unique()}`,
              email: `past-${tenant}-${unique()}@gov.example`,
              state: 'KEN',
              sex: 'female',
              institutionType: 'prosecution',
              audience: 'prosecutors',
              status: 'approved',
              confirmation: 'confirmed',
            },
          ],
        );
      },
      retentionRun: async (tenant) => {
        await ownerQuery(
          app,
          `insert into privacy_jobs (tenant_id, kind, run_on, status, result, done_at)
           values ($1, 'retention', current_date - (random() * 1000)::int, 'done',
                   '{"participants":1,"experts":0,"mail":2,"links":3}', now())
           on conflict do nothing`,
          [world.tenants[tenant]],
        );
      },
      person: async (tenant) => {
        const { nominationId } = await world.nomination(tenant, 'approved');
        const [row] = await ownerQuery<{ id: string; name: string; email: string }>(
          app,
          `select p.id, p.full_name as name, p.email from nominations n
             join participants p on p.id = n.participant_id where n.id = $1`,
          [nominationId],
        );
        if (!row) throw new Error('no participant');
        await inTransaction(ds, { tenantId: world.tenants[tenant] }, (m) =>
          sql(
            m,
            `insert into mail_outbox (tenant_id, kind, recipient, language, payload, status)
             values ($1, 'nomination_decided', $2, 'en', $3, 'sent')`,
            [world.tenants[tenant], row.email, JSON.stringify({ participant: row.name })],
          ),
        );
        return { id: row.id, name: row.name };
      },
      privacyRequest: async (tenant) => {
        const { id } = await world.person(tenant);
        const [admin] = await ownerQuery<{ id: string }>(
          app,
          `select id from users where email = $1`,
          [tenant === 'alpha' ? emails.alpha.tenant_admin : emails.beta],
        );
        await ownerQuery(
          app,
          `insert into privacy_requests (tenant_id, kind, subject_kind, subject_id, reason,
                                         requested_by)
           values ($1, 'export', 'participant', $2, $3, $4)`,
          [world.tenants[tenant], id, `Matrix request ${tenant} ${unique()}`, admin?.id],
        );
      },
      settingsVersion: async (tenant) => {
        const [row] = await ownerQuery<{ settings_version: number }>(
          app,
          `select settings_version from tenants where id = $1`,
          [world.tenants[tenant]],
        );
        return row?.settings_version ?? 1;
      },
      downloadToken: async (tenant) => {
        const { versionIds } = await world.document(tenant);
        const admin = await userId(tenant === 'alpha' ? emails.alpha.tenant_admin : emails.beta);
        return signDownload(
          {
            tenantId: world.tenants[tenant],
            versionId: versionIds[0] ?? '',
            viewer: { kind: 'member', userId: admin },
            expiresAt: new Date(Date.now() + 60_000),
          },
          app.config.secret,
        );
      },
      participant: async (tenant, certificate = false) => {
        const tenantId = world.tenants[tenant];
        const event = await participationEvent(ds, tenantId);
        const person = await nominee(ds, tenantId, event, {
          name: `${tenant === 'alpha' ? 'Alpha' : 'Beta'} Participant ${unique()}`,
        });
        await attended(ds, tenantId, person.id, '2027-05-10');
        let verification = '';
        let token = '';
        if (certificate) {
          verification = newVerificationCode();
          await inTransaction(ds, { tenantId }, (m) =>
            sql(
              m,
              `insert into certificates (tenant_id, nomination_id, verification_code, language)
               values ($1, $2, $3, 'en')`,
              [tenantId, person.id, verification],
            ),
          );
          token = await participantLink(ds, tenantId, person.id, app.config.secret);
        }
        return {
          eventId: event.id,
          nominationId: person.id,
          code: person.checkInCode ?? '',
          token,
          verification,
        };
      },
      recommendation: async (tenant) => {
        const tenantId = world.tenants[tenant];
        const rapporteur = await userId(
          tenant === 'alpha' ? emails.alpha.expert : 'subject@beta.example',
        );
        const eventId = await recommendationEvent(ds, tenantId, {
          title: `Meeting of ${tenant} ${unique()}`,
          status: 'held',
          hostStates: ['KEN'],
          rapporteur,
        });
        const recommendationId = await recommendationOf(ds, tenantId, eventId, {
          text: `Recommendation of ${tenant} ${unique()}`,
          states: ['KEN'],
        });
        // And one of a public, reported meeting, so the public page lists something of its own.
        const published = await recommendationEvent(ds, tenantId, {
          title: `Public meeting of ${tenant} ${unique()}`,
          status: 'reported',
          isPublic: true,
        });
        await recommendationOf(ds, tenantId, published, {
          text: `Public recommendation of ${tenant} ${unique()}`,
          states: ['KEN'],
        });
        return { eventId, recommendationId };
      },
      assessment: (tenant, status = 'draft') =>
        seedAssessment(ds, world.tenants[tenant], {
          state: 'KEN',
          status,
          answers: ratedArea('financing', 1, `Evidence of ${tenant} ${unique()}`),
        }),
      questionnaire: (tenant, status = 'draft') =>
        seedQuestionnaire(ds, world.tenants[tenant], {
          status,
          title: `Questionnaire of ${tenant} ${unique()}`,
        }),
      delivery: async (tenant) => {
        const tenantId = world.tenants[tenant];
        const editionId = await seedEdition(ds, tenantId, {
          title: `Edition of ${tenant} ${unique()}`,
        });
        const eventId = await deliveryEvent(ds, tenantId, {
          title: `Workshop of ${tenant} ${unique()}`,
          attendees: [{ state: 'KEN', sex: 'female', attended: true }],
        });
        const deliveryId = await seedDelivery(ds, tenantId, { editionId, state: 'KEN', eventId });
        return { editionId, eventId, deliveryId };
      },
      iati: async (tenant) => {
        await seedIatiSettings(ds, world.tenants[tenant], true);
        await deliveryEvent(ds, world.tenants[tenant], {
          title: `Public workshop of ${tenant} ${unique()}`,
          isPublic: true,
        });
      },
      request: async (tenant, options = {}) =>
        seedRequest(ds, app.running.store, world.tenants[tenant], {
          title: `Request of ${tenant} ${unique()}`,
          state: 'KEN',
          reviewerId: await userId(tenant === 'alpha' ? emails.alpha.expert : betaExpert),
          ...options,
        }),
    };
  });

  afterAll(() => app.close());

  /**
   * What only the given tenant holds: its id, the ids of its rows, the emails and ids of people
   * who belong to it alone, and its URLs. Read at the moment of the check, since recipes keep
   * adding rows.
   */
  const markersOf = async (tenant: 'alpha' | 'beta'): Promise<string[]> => {
    const rows = await ownerQuery<{ marker: string }>(
      app,
      `select id::text as marker from tenants where id = $1
       union all select id::text from events where tenant_id = $1
       union all select id::text from agenda_sessions where tenant_id = $1
       union all select id::text from memberships where tenant_id = $1
       union all select id::text from invitations where tenant_id = $1
       union all select email from invitations where tenant_id = $1
       union all select id::text from mail_outbox where tenant_id = $1
       union all select id::text from audit_log where tenant_id = $1
       union all select id::text from event_invitations where tenant_id = $1
       union all select id::text from nominations where tenant_id = $1
       union all select unnest(array[id::text, email]) from participants where tenant_id = $1
       union all select id::text from participant_links where tenant_id = $1
       union all select id::text from event_invitations where tenant_id = $1
       union all select id::text from state_lists where tenant_id = $1
       union all select id::text from nominations where tenant_id = $1
       union all select unnest(array[id::text, email, full_name]) from participants where tenant_id = $1
       union all select id::text from nominations where tenant_id = $1
       union all select check_in_code from nominations where tenant_id = $1 and check_in_code is not null
       union all select unnest(array[id::text, email, full_name]) from participants where tenant_id = $1
       union all select verification_code from certificates where tenant_id = $1
       union all select unnest(array[id::text, text]) from recommendations where tenant_id = $1
       union all select id::text from recommendation_follow_ups where tenant_id = $1
       union all select note from recommendation_follow_ups where tenant_id = $1 and note is not null
       union all select id::text from expert_assignments where tenant_id = $1
       union all select notes from expert_notes where tenant_id = $1
       union all select organisation from expert_profiles where tenant_id = $1 and organisation <> ''
       union all select bio from expert_profiles where tenant_id = $1 and bio <> ''
       union all select unnest(array[id::text, title]) from documents where tenant_id = $1
       union all select id::text from document_versions where tenant_id = $1
       union all select unnest(array[id::text, file_name]) from expert_cvs where tenant_id = $1
       union all select id::text from needs_assessments where tenant_id = $1
       union all select a.value->>'evidence' from needs_assessments n, jsonb_each(n.answers) a
        where n.tenant_id = $1 and a.value->>'evidence' <> ''
       union all select priorities from needs_assessments where tenant_id = $1 and priorities is not null
       union all select id::text from assessment_questionnaires where tenant_id = $1
       union all select unnest(array[id::text, title]) from tool_editions where tenant_id = $1
       union all select id::text from tool_deliveries where tenant_id = $1
       union all select id::text from tool_delivery_batches where tenant_id = $1
       union all select unnest(array[id::text, title]) from assistance_requests where tenant_id = $1
       union all select body from request_messages where tenant_id = $1
       union all select id::text from request_attachments where tenant_id = $1
       union all select unnest(array[id::text, reason]) from privacy_requests where tenant_id = $1
       union all select unnest(array[u.id::text, u.email]) from users u
        where exists (select from memberships m where m.user_id = u.id and m.tenant_id = $1)
          and not exists (select from memberships o where o.user_id = u.id and o.tenant_id <> $1)`,
      [world.tenants[tenant]],
    );
    return [...rows.map((row) => row.marker), `/t/${tenant}/`, `/public/${tenant}`];
  };

  /** Bodies, not only statuses: an answer given in one tenant names nothing of the other. */
  const expectNothingOf = async (
    tenant: 'alpha' | 'beta',
    key: string,
    response: { text: string },
  ) => {
    const leaked = (await markersOf(tenant)).filter((marker) => response.text.includes(marker));
    expect({ key, leaked }).toEqual({ key, leaked: [] });
  };

  it('has an entry for every route the server registers, and no stale ones', () => {
    const registered = app.running.routes
      .filter(
        (route) =>
          /^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(route) && !route.includes('/api/docs'),
      )
      .sort();
    expect(registered).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  it("leaves another tenant's delivery as it was when a foreign admin corrects or deletes it", async () => {
    const { deliveryId } = await world.delivery('alpha');
    const row = async () =>
      ownerQuery<{ quantity: number; version: number; delivered_on: string }>(
        app,
        `select quantity, version, delivered_on::text as delivered_on from tool_deliveries
          where id = $1`,
        [deliveryId],
      );
    const before = await row();
    expect(before).toHaveLength(1);
    const betaAdmin = await as(emails.beta);
    const corrected = await betaAdmin.put(`/api/t/beta/deliveries/${deliveryId}`, {
      editionId: (await world.delivery('beta')).editionId,
      quantity: 999,
      channel: 'download',
      memberState: 'KEN',
      deliveredOn: '2026-03-03',
      version: 1,
    });
    const deleted = await betaAdmin.delete(`/api/t/beta/deliveries/${deliveryId}?version=1`);
    const read = await betaAdmin.get(`/api/t/beta/deliveries/${deliveryId}`);
    for (const [name, answer] of [
      ['PUT', corrected],
      ['DELETE', deleted],
      ['GET', read],
    ] as const) {
      expect({ name, status: answer.status, type: answer.body?.type }).toEqual({
        name,
        status: 404,
        type: '/problems/not-found',
      });
      // The problem's `instance` echoes the URL sent, the id with it: nothing else of alpha's.
      const leaked = (await markersOf('alpha')).filter(
        (marker) => marker !== deliveryId && answer.text.includes(marker),
      );
      expect({ name, leaked }).toEqual({ name, leaked: [] });
    }
    expect(await row()).toEqual(before);
  });

  const tenantRoutes = (Object.keys(ROUTE_ACCESS) as RouteKey[]).filter((key) =>
    key.includes('/api/t/:tenant'),
  );
  const globalRoutes = (Object.keys(ROUTE_ACCESS) as RouteKey[]).filter(
    (key) => !key.includes('/api/t/:tenant'),
  );

  describe.each(tenantRoutes)('%s', (key) => {
    const permission = ROUTE_ACCESS[key];

    it('answers 401 without a session, 404 to another tenant, and succeeds for an allowed member', async () => {
      if (!isPermission(permission)) throw new Error(`${key} must require a permission`);
      const anonymous = await call(key, await as(null), 'alpha', 'alpha');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('content-type')).toMatch(/problem\+json/);

      // A member of beta naming alpha in the URL: alpha does not exist for them.
      const foreignTenant = await call(key, await as(emails.beta), 'alpha', 'alpha');
      expect(foreignTenant.status).toBe(404);

      // A member of beta allowed the route, in beta, with alpha's ids: the rows do not exist
      // for them.
      if (key.includes('/:') && key.split('/:').length > 2) {
        const foreignId = await call(key, await as(allowed('beta', permission)), 'beta', 'alpha');
        expect({ key, status: foreignId.status }).toEqual({ key, status: 404 });
      }

      // The pair that proves the denials are not an artefact of a broken setup.
      const inAlpha = await call(key, await as(allowed('alpha', permission)), 'alpha', 'alpha');
      expect({
        key,
        status: inAlpha.status,
        body: inAlpha.status >= 300 ? inAlpha.body : 'ok',
      }).toEqual({
        key,
        status: inAlpha.status < 300 ? inAlpha.status : 'a 2xx status',
        body: 'ok',
      });
      const allowedInBeta = await call(key, await as(allowed('beta', permission)), 'beta', 'beta');
      expect({ key, status: allowedInBeta.status }).toEqual({
        key,
        status: allowedInBeta.status < 300 ? allowedInBeta.status : 'a 2xx status',
      });
      await expectNothingOf('beta', key, inAlpha);
      await expectNothingOf('alpha', key, allowedInBeta);
    });

    it.each(ROLES)('gives a %s what the permission table says', async (role) => {
      if (!isPermission(permission)) throw new Error(`${key} must require a permission`);
      const response = await call(key, await as(emails.alpha[role]), 'alpha', 'alpha');
      await expectNothingOf('beta', key, response);
      if (can(role, permission)) expect(response.status).toBeLessThan(300);
      else
        expect({ status: response.status, type: response.body?.type }).toEqual({
          status: 403,
          type: '/problems/forbidden',
        });
    });
  });

  describe.each(globalRoutes)('%s', (key) => {
    const access = ROUTE_ACCESS[key];

    it(
      access === 'public' ? 'answers without a session' : 'needs a session and then succeeds',
      async () => {
        const expectedPublic = PUBLIC_EXPECTED[key];
        const anonymous = await call(key, app.client(), 'alpha', 'alpha');
        if (access === 'public') {
          if (expectedPublic) expect(anonymous.status).toBe(expectedPublic);
          else expect(anonymous.status).toBeLessThan(300);
          return;
        }
        expect(anonymous.status).toBe(401);
        // A fresh session, since some calls (sign-out) spend it.
        const client = await app.client().signIn(emails.alpha.expert, PASSWORD);
        const allowed = await call(key, client, 'alpha', 'alpha');
        await expectNothingOf('beta', key, allowed);
        expect({
          key,
          status: allowed.status,
          body: allowed.status >= 300 ? allowed.body : 'ok',
        }).toEqual({
          key,
          status: allowed.status < 300 ? allowed.status : 'a 2xx status',
          body: 'ok',
        });
      },
    );
  });
});
