import type {
  MailKind as ContractMailKind,
  ExpertRole,
  RequestStatus,
  Role,
} from '@convene/contracts';
import { PARTICIPANT_MAIL_KINDS, SECURITY_MAIL_KINDS } from '@convene/contracts';

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
  | EventAnnouncedMessage
  | ParticipantLinksMessage
  | ParticipantReminderMessage
  | NominationReceivedMessage
  | NominationDecidedMessage
  | ParticipationConfirmationMessage
  | StateInvitedMessage
  | InvitationUpdatedMessage
  | InvitationAnsweredMessage
  | NominationReminderMessage
  | CertificateIssuedMessage
  | ExpertAssignedMessage
  | RequestUpdatedMessage
  | RequestReceivedMessage
  | RequestReviewAssignedMessage
  | AssessmentSubmittedMessage
  | AssessmentReviewedMessage;

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

/** A focal point nominated someone for an event: to its responsible officer (or its planners). */
export interface NominationReceivedMessage {
  kind: 'nomination_received';
  name: string;
  tenantName: string;
  eventTitle: string;
  /** The nominating State, named in the recipient's language. */
  stateName: string;
  nomineeName: string;
  link: string;
}

/** One decision on a nomination as a focal point reads it. */
export interface NominationDecisionLine {
  nomineeName: string;
  /** approved also covers a waitlisted nominee promoted to a freed seat. */
  decision: 'approved' | 'waitlisted' | 'declined';
  /** The officer's reason, for a decline. */
  reason: string | null;
}

/**
 * An officer decided on nominations: to the focal points of the nominees' State. One decision
 * names its nominee in the subject; a State's share of a bulk decision lists `decisions`, in the
 * order taken (nominations.mail.ts sends one mail per focal point and event).
 */
export type NominationDecidedMessage = {
  kind: 'nomination_decided';
  name: string;
  tenantName: string;
  eventTitle: string;
  link: string;
} & (NominationDecisionLine | { decisions: NominationDecisionLine[] });

/**
 * An approved participant's invitation to confirm: the one-time decision link (the button) and
 * the participant page, with the event's .ics attached. In the participant's preferred language.
 */
export interface ParticipationConfirmationMessage {
  kind: 'participation_confirmation';
  name: string;
  tenantName: string;
  eventTitle: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string | null;
  /** The one-time decision link: confirm or decline. */
  link: string;
  /** The participant's page: calendar file, check-in code, certificate. */
  pageLink: string;
  ics: string;
}

/** A State invited to an event, to its focal points (participation, part-inv). */
export interface StateInvitedMessage {
  kind: 'state_invited';
  name: string;
  tenantName: string;
  eventTitle: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string | null;
  /** The State's name in the recipient's language. */
  stateName: string;
  seats: number;
  /** The nomination deadline, as an ISO instant at noon UTC of that day. */
  deadline: string;
  link: string;
}

/** The officer changed the State's seats or deadline, or answered its request for seats. */
export interface InvitationUpdatedMessage {
  kind: 'invitation_updated';
  name: string;
  eventTitle: string;
  stateName: string;
  seats: number;
  previousSeats: number;
  deadline: string;
  previousDeadline: string;
  /** Set when this answers the focal point's request for more seats. */
  seatRequest: { granted: boolean; answer: string | null } | null;
  link: string;
}

/** A focal point answered the invitation, to the event's officer (else the planners). */
export interface InvitationAnsweredMessage {
  kind: 'invitation_answered';
  name: string;
  eventTitle: string;
  stateName: string;
  answer: 'accepted' | 'declined' | 'seats_requested';
  /** The reason the focal point gave (decline, seat request). */
  reason: string | null;
  /** For a seat request: the seats asked for, in all. */
  seats: number | null;
  link: string;
}

/** Before the nomination deadline (or on an officer's "remind"), to the State's focal points. */
export interface NominationReminderMessage {
  kind: 'nomination_reminder';
  name: string;
  eventTitle: string;
  stateName: string;
  deadline: string;
  seatsLeft: number;
  link: string;
}

/**
 * A participant's links, sent again by an officer (the earlier ones stop working): the
 * participant page (`link`) and, while the participant has not answered, the one-time decision
 * link. Both carry live tokens: the worker strips both once the mail is sent.
 */
export interface ParticipantLinksMessage {
  kind: 'participant_links';
  name: string;
  tenantName: string;
  eventTitle: string;
  startsAt: string;
  timeZone: string;
  /** The participant page. */
  link: string;
  /** The one-time decision link, or null once the participant has answered. */
  decisionLink: string | null;
}

/** Some days before the event, to a participant who confirmed: when, where, and their page. */
export interface ParticipantReminderMessage {
  kind: 'participant_reminder';
  name: string;
  tenantName: string;
  eventTitle: string;
  startsAt: string;
  /** The venue's IANA zone: the time is given as the venue's clock shows it. */
  timeZone: string;
  /** "Vienna International Centre, Vienna" or null for a virtual event. */
  place: string | null;
  /** The participant page (calendar file, check-in QR code). */
  link: string;
}

/**
 * A certificate of participation issued to a participant (no account): where to download it
 * and how anyone can check it is genuine.
 */
export interface CertificateIssuedMessage {
  kind: 'certificate_issued';
  name: string;
  tenantName: string;
  eventTitle: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  verificationCode: string;
  verificationUrl: string;
  /** The participant's page, where the PDF downloads; the verification page if they have none. */
  link: string;
}

/**
 * Mails that always go, whatever the person's notification preferences:
 * without them nobody could join or get back into their account.
 */
export const SECURITY_KINDS: readonly MailKind[] = SECURITY_MAIL_KINDS;

/**
 * Mails no preference stops: the security ones, and those to participants, who hold no account
 * (a muted kind of an account that shares their address must not silence them).
 */
export const ALWAYS_SENT_KINDS: readonly MailKind[] = [
  ...SECURITY_MAIL_KINDS,
  ...PARTICIPANT_MAIL_KINDS,
];

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

/** An officer asks an expert to take a role at an event or one of its sessions. */
export interface ExpertAssignedMessage {
  kind: 'expert_assigned';
  name: string;
  tenantName: string;
  eventTitle: string;
  startsAt: string;
  endsAt: string;
  /** The venue's IANA zone: the dates are given as the venue's clock shows them. */
  timeZone: string;
  role: ExpertRole;
  /** The session's title, or null for the event as a whole. */
  sessionTitle: string | null;
  /** The expert's home page, where the assignment waits for an answer. */
  link: string;
}

/**
 * A step of an assistance request, to the requesting State's focal points (docs/requests.md):
 * an officer's decision, linked events moving it on, or a message in the shared thread.
 */
export interface RequestUpdatedMessage {
  kind: 'request_updated';
  name: string;
  tenantName: string;
  requestTitle: string;
  /**
   * `message` for a message in the thread, `file` for a file the officers shared (its name in
   * `reason`); otherwise the status change.
   */
  step: 'status' | 'information_requested' | 'message' | 'file';
  /** The request's status now. */
  status: RequestStatus;
  /** The officer's reason, the message, or the file's name. */
  reason: string | null;
  link: string;
}

/** A step the State took on an assistance request, to the officers who handle it. */
export interface RequestReceivedMessage {
  kind: 'request_received';
  name: string;
  tenantName: string;
  requestTitle: string;
  /** The requesting State's name in the recipient's language. */
  stateName: string;
  step: 'submitted' | 'resubmitted' | 'withdrawn' | 'message';
  /** The message, for `message`. */
  reason: string | null;
  link: string;
}

/** An officer assigned an expert to review a State's assistance request, to that expert. */
export interface RequestReviewAssignedMessage {
  kind: 'request_review_assigned';
  name: string;
  tenantName: string;
  requestTitle: string;
  /** The requesting State's name in the recipient's language. */
  stateName: string;
  link: string;
}

/** A State's needs assessment submitted (again, after a return), to the officers who validate. */
export interface AssessmentSubmittedMessage {
  kind: 'assessment_submitted';
  name: string;
  tenantName: string;
  /** The assessed State's name in the recipient's language. */
  stateName: string;
  /** Questions rated, of the questionnaire's. */
  answered: number;
  questions: number;
  /** Submitted again after an officer returned it. */
  resubmitted: boolean;
  link: string;
}

/** An officer validated or returned a State's needs assessment, to the State's focal points. */
export interface AssessmentReviewedMessage {
  kind: 'assessment_reviewed';
  name: string;
  tenantName: string;
  stateName: string;
  outcome: 'validated' | 'returned';
  /** Why it was returned; null when validated. */
  reason: string | null;
  link: string;
}
