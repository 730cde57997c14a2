/*
 * The shapes of the participation API as the web app reads them: the contracts' types only
 * (`import type`), never their schemas, so no zod reaches the browser.
 */
export type {
  CertificateStanding,
  CertificateSummary,
  CheckInEntry,
  CheckInPage,
  ConfirmationStatus,
  EventParticipation,
  ExportFormat,
  ExportScope,
  FigureStage,
  InstitutionType,
  InvitationStatus,
  Nomination,
  NominationBulkDecision,
  NominationBulkResult,
  NominationCreate,
  NominationDecisionKind,
  NominationDecisionOutcome,
  NominationFull,
  NominationPage,
  NominationStatus,
  OpenInvitation,
  OpenInvitationList,
  ParticipantExportRequest,
  ParticipantLinks,
  ParticipantLinkState,
  ParticipationFigures,
  ParticipationSettings,
  ParticipationSettingsInput,
  SeatRequest,
  SeatRequestStatus,
  Sex,
  StageCounts,
  StateInvitation,
  StateInvitationCreate,
  StateInvitationResult,
  StateInvitationUpdate,
  StateList,
  StateListCollection,
  StateListInput,
  TargetAudience as Audience,
} from '@convene/contracts';

import type { StageCounts } from '@convene/contracts';

/** One breakdown of the figures (by sex, institution type…): a row per key, counted by stage. */
export type Breakdown = readonly (StageCounts & { key: string })[];
