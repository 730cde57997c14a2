import type { z } from 'zod';
import {
  CurrentTenantView,
  Health,
  InvitationPreview,
  MembershipSummary,
  SessionView,
  UserProfile,
} from './auth';
import { ProblemDetails } from './common';
import {
  Agenda,
  AgendaSession,
  CalendarFeedCreated,
  CalendarFeedStatus,
  EventDetail,
  EventHistoryEntry,
  EventSummary,
  EventSummaryPage,
  PublicEvent,
  PublicEventsPage,
} from './events';
import { MailRetryResult, OutboxCounts, OutboxMessage, OutboxMessagePage } from './mail';
import { GroupParticipation, MemberState, MemberStateList } from './member-states';
import {
  AuditEntry,
  AuditEntryPage,
  PendingInvitation,
  PendingInvitationPage,
  TenantMember,
  TenantMemberPage,
} from './users';

/**
 * Every schema of a body the API answers with (and the parts they are made of). The API
 * declares them in its OpenAPI document; the specs tell them from the request schemas, which
 * must refuse hostile input, while these describe what the API writes.
 */
export const RESPONSE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Agenda,
  AgendaSession,
  AuditEntry,
  AuditEntryPage,
  CalendarFeedCreated,
  CalendarFeedStatus,
  CurrentTenantView,
  EventDetail,
  EventHistoryEntry,
  EventSummary,
  EventSummaryPage,
  GroupParticipation,
  Health,
  InvitationPreview,
  MailRetryResult,
  MemberState,
  MemberStateList,
  MembershipSummary,
  OutboxCounts,
  OutboxMessage,
  OutboxMessagePage,
  PendingInvitation,
  PendingInvitationPage,
  ProblemDetails,
  PublicEvent,
  PublicEventsPage,
  SessionView,
  TenantMember,
  TenantMemberPage,
  UserProfile,
};
