import { Foundation1764316800000 } from './1764316800000-foundation';
import { MemberStates1764316800001 } from './1764316800001-member-states';
import { RateLimits1764316800002 } from './1764316800002-rate-limits';
import { MailOutbox1764316800003 } from './1764316800003-mail-outbox';
import { MailPreferences1764316800004 } from './1764316800004-mail-preferences';
import { Events1764316800005 } from './1764316800005-events';
import { CalendarFeeds1764316800006 } from './1764316800006-calendar-feeds';
import { RequestScope1764316800007 } from './1764316800007-request-scope';
import { RateLimitBackoff1764316800008 } from './1764316800008-rate-limit-backoff';
import { LoginRole1764316800009 } from './1764316800009-login-role';
import { MailRetries1764316800010 } from './1764316800010-mail-retries';
import { EventAnnounced1764316800011 } from './1764316800011-event-announced';
import { RegionalGroupParticipation1764316800012 } from './1764316800012-regional-group-participation';
import { LastTenant1764316800013 } from './1764316800013-last-tenant';
import { Participation1764316800014 } from './1764316800014-participation';
import { NominationAudience1764316800015 } from './1764316800015-nomination-audience';
import { ExpertAssignments1764316800016 } from './1764316800016-expert-assignments';
import { ExpertRoster1764316800017 } from './1764316800017-expert-roster';
import { Documents1764316800018 } from './1764316800018-documents';
import { Recommendations1764316800019 } from './1764316800019-recommendations';
import { AssistanceRequests1764316800020 } from './1764316800020-assistance-requests';
import { NeedsAssessments1764316800021 } from './1764316800021-needs-assessments';
import { ToolDelivery1764316800022 } from './1764316800022-tool-delivery';
import { RequestLinks1764316800023 } from './1764316800023-request-links';
import { OutputsFinish1764316800024 } from './1764316800024-outputs-finish';
import { Privacy1764316800025 } from './1764316800025-privacy';
import { PrivacyRequests1764316800026 } from './1764316800026-privacy-requests';
import { PlatformRetention1764316800027 } from './1764316800027-platform-retention';
import { RequestOfficerFiles1764316800028 } from './1764316800028-request-officer-files';
import { DashboardRollups1764316800029 } from './1764316800029-dashboard-rollups';
import { RequestScopeCachedPlans1764316800030 } from './1764316800030-request-scope-cached-plans';

/** Listed explicitly: the API is bundled, so no glob can find them at run time. */
export const MIGRATIONS = [
  Foundation1764316800000,
  MemberStates1764316800001,
  RateLimits1764316800002,
  MailOutbox1764316800003,
  MailPreferences1764316800004,
  Events1764316800005,
  CalendarFeeds1764316800006,
  RequestScope1764316800007,
  RateLimitBackoff1764316800008,
  LoginRole1764316800009,
  MailRetries1764316800010,
  EventAnnounced1764316800011,
  RegionalGroupParticipation1764316800012,
  LastTenant1764316800013,
  Participation1764316800014,
  NominationAudience1764316800015,
  ExpertAssignments1764316800016,
  ExpertRoster1764316800017,
  Documents1764316800018,
  Recommendations1764316800019,
  AssistanceRequests1764316800020,
  NeedsAssessments1764316800021,
  ToolDelivery1764316800022,
  RequestLinks1764316800023,
  OutputsFinish1764316800024,
  Privacy1764316800025,
  PrivacyRequests1764316800026,
  PlatformRetention1764316800027,
  RequestOfficerFiles1764316800028,
  DashboardRollups1764316800029,
  RequestScopeCachedPlans1764316800030,
];
