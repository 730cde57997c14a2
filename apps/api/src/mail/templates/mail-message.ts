import type { Role } from '@convene/contracts';

/**
 * What the application asks to send, as data: the outbox stores it as JSON
 * and the mail worker renders it in the recipient's language when sending.
 * Adding a kind is one more member here, one more entry in KIND_POLICY
 * below, and its strings in mail-strings.ts; the compiler points at each.
 */
export type MailMessage = InvitationMessage | PasswordResetMessage;

export type MailKind = MailMessage['kind'];

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

/**
 * One entry per kind, so a new kind cannot be added without deciding
 * whether it is a security mail.
 */
const KIND_POLICY: Record<MailKind, { security: boolean }> = {
  invitation: { security: true },
  password_reset: { security: true },
};

export const MAIL_KINDS = Object.keys(KIND_POLICY) as readonly MailKind[];

/**
 * Mails that always go, whatever the person's notification preferences:
 * without them nobody could join or get back into their account.
 */
export const SECURITY_KINDS: readonly MailKind[] = MAIL_KINDS.filter(
  (kind) => KIND_POLICY[kind].security,
);

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
