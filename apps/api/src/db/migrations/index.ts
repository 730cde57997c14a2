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
];
