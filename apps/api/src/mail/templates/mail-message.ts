import type { MailKind as ContractMailKind, Role } from '@convene/contracts';
import { SECURITY_MAIL_KINDS } from '@convene/contracts';

/**
 * What the application asks to send, as data: the outbox stores it as JSON
 * and the mail worker renders it in the recipient's language when sending.
 * Adding a kind is one more member here, its place in the contracts' kind
 * lists (security or optional), and its strings in mail-strings.ts; the
 * compiler points at each.
 */
export type MailMessage =
  | InvitationMessage
  | PasswordResetMessage
  | AdminDigestMessage
  | EventReminderMessage
  | EventAnnouncedMessage;

export type MailKind = MailMessage['kind'];

// The kinds here and the kinds in the contracts (which say which are
// optional) must be the same set; either side missing one fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsAgree: Same<MailKind, ContractMailKind> = true;
void kindsAgree;

/** The message of one kind, e.g. `MessageOf<'invitation'>`. */
export type MessageOf<K extends MailKind> = Extract<MailMessage, { kind: K }>;

export interface InvitationMessage {
  kind: 'invitation';
  tenantName: string;
  /** Null when the platform operator invites (e.g. a new tenant's first administrator). */
  inviterName: string | null;
  role: Role;
  link: string;
  /** ISO 8601; a string because the message travels through JSON. */
  expiresAt: string;
}

export interface PasswordResetMessage {
  kind: 'password_reset';
  name: string;
  link: string;
  /** How long the link stays valid. */
  minutes: number;
}

/** A daily summary for a tenant administrator of what waits for a decision. */
export interface AdminDigestMessage {
  kind: 'admin_digest';
  name: string;
  tenantName: string;
  /** Invitations not accepted yet that lapse in the coming days, soonest first. */
  expiringInvitations: { email: string; role: Role; expiresAt: string }[];
  /** Messages of the tenant that became undeliverable in the 24 hours before the digest. */
  failedMails: number;
  link: string;
}

/** A reminder, some days ahead, to the people who run or speak at an event. */
export interface EventReminderMessage {
  kind: 'event_reminder';
  name: string;
  tenantName: string;
  eventTitle: string;
  startsAt: string;
  /** The venue's IANA zone: the time is given as the venue's clock shows it. */
  timeZone: string;
  /** "Vienna International Centre, Vienna" or null for a virtual event. */
  place: string | null;
  link: string;
  /** The event as iCalendar, attached so it lands in the recipient's calendar. */
  ics: string;
}

/**
 * An event leaving draft (planned), to the focal points of its host States: the people it
 * concerns who may now see it.
 */
export interface EventAnnouncedMessage {
  kind: 'event_announced';
  name: string;
  tenantName: string;
  eventTitle: string;
  startsAt: string;
  endsAt: string;
  /** The venue's IANA zone: the dates are given as the venue's clock shows them. */
  timeZone: string;
  /** "Vienna International Centre, Vienna" or null for a virtual event. */
  place: string | null;
  link: string;
}

/**
 * Mails that always go, whatever the person's notification preferences:
 * without them nobody could join or get back into their account.
 */
export const SECURITY_KINDS: readonly MailKind[] = SECURITY_MAIL_KINDS;

/** A file sent with the mail, e.g. an .ics invitation for an event reminder. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}
