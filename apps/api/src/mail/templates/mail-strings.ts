import {
  type ExpertRole,
  type Language,
  type ParticipantExportColumn,
  type Role,
  UN_LANGUAGES,
} from '@convene/contracts';
import type { MailKind, MessageOf } from './mail-message';
import { ASSESSMENT_MAIL_STRINGS } from './assessment-mail-strings';
import { REQUEST_MAIL_STRINGS } from './request-mail-strings';

/**
 * Languages whose mail strings are complete: all six UN languages. The type
 * below makes the compiler demand every string of every kind in each; a
 * language outside them (none today) would get the English mail.
 */
export const MAIL_LANGUAGES = UN_LANGUAGES satisfies readonly Language[];
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** Locale-aware formatting, handed to the strings so that they stay plain sentences. */
export interface MailFormat {
  /** An ISO 8601 instant as a long date, e.g. "5 December 2026". */
  date(iso: string): string;
  /** E.g. "1 minute", "30 minutes", with the language's plural rules. */
  minutes(count: number): string;
  /** An instant as the clock in `zone` shows it, e.g. "Tuesday 9 March 2027, 09:00 CET". */
  dateTime(iso: string, zone: string): string;
  /**
   * From one instant to another as the clock in `zone` shows them, the shared parts once:
   * "Monday, 29 March 2027, 09:00–17:30 (Europe/Vienna)".
   */
  dateTimeRange(startIso: string, endIso: string, zone: string): string;
  /** A number in the language's digits and grouping. */
  count(value: number): string;
  role(role: Role): string;
}

/**
 * The words of one kind of mail. Sentences are functions of the message so
 * that each language can order the words its own way.
 */
export interface KindStrings<M> {
  subject(message: M, format: MailFormat): string;
  paragraphs(message: M, format: MailFormat): string[];
  /** The call-to-action button. */
  action: string;
  /** Why the recipient got this mail, and what to do if it was not expected. */
  footer: string;
}

export interface LanguageStrings {
  /** BCP 47 locale for dates and numbers. */
  locale: string;
  /** Shown under the button, above the link as text. */
  linkIntro: string;
  roles: Record<Role, string>;
  kinds: { [K in MailKind]: KindStrings<MessageOf<K>> };
  /**
   * The participant list export's sheet name and column headers, in the exporter's language
   * (apps/api/src/participation/exports.service.ts): kept here, with the mail, as the API's one
   * source of translations.
   */
  participantExport: { sheet: string; columns: Record<ParticipantExportColumn, string> };
}

/** What an expert is asked to be, as the sentences of each language need it. */
const EXPERT_ROLE_NAMES: Record<MailLanguage, Record<ExpertRole, string>> = {
  en: {
    speaker: 'a speaker',
    facilitator: 'a facilitator',
    rapporteur: 'the rapporteur',
    resource_person: 'a resource person',
    moderator: 'the moderator',
  },
  fr: {
    speaker: 'intervenant',
    facilitator: 'facilitateur',
    rapporteur: 'rapporteur',
    resource_person: 'personne ressource',
    moderator: 'modérateur',
  },
  es: {
    speaker: 'ponente',
    facilitator: 'facilitador',
    rapporteur: 'relator',
    resource_person: 'persona de referencia',
    moderator: 'moderador',
  },
  ar: {
    speaker: 'متحدث',
    facilitator: 'ميسّر',
    rapporteur: 'مقرر',
    resource_person: 'شخص مرجعي',
    moderator: 'مدير الجلسة',
  },
  zh: {
    speaker: '发言人',
    facilitator: '协调人',
    rapporteur: '报告员',
    resource_person: '资源人士',
    moderator: '主持人',
  },
  // Genitive, after "в качестве".
  ru: {
    speaker: 'докладчика',
    facilitator: 'фасилитатора',
    rapporteur: 'докладчика-составителя отчета',
    resource_person: 'эксперта-консультанта',
    moderator: 'модератора',
  },
};

/** French puts a no-break space before ":", so the colon never starts a line. */
const NBSP = '\u00a0';

/** French elides "que" before a vowel: "en tant qu’expert", "en tant que point focal". */
const enTantQue = (role: string) =>
  /^[aàâeéèêiîoôuûy]/i.test(role) ? `en tant qu’${role}` : `en tant que ${role}`;

/**
 * Role names follow the UN editorial practice of the generic masculine in
 * French, Spanish, Arabic and Russian. Arabic addresses the reader in the
 * respectful plural, as UN correspondence does.
 */
export const MAIL_STRINGS: Record<MailLanguage, LanguageStrings> = {
  en: {
    // British English, as at the UN: "5 December 2026".
    locale: 'en-GB',
    linkIntro: 'If the button does not work, copy this link into your browser:',
    roles: {
      tenant_admin: 'tenant administrator',
      programme_officer: 'programme officer',
      focal_point: 'focal point',
      expert: 'expert',
    },
    participantExport: {
      sheet: 'Participants',
      columns: {
        name: 'Name',
        state: 'State',
        stateCode: 'State code',
        functionTitle: 'Function',
        institution: 'Institution',
        institutionType: 'Institution type',
        email: 'Email',
        sex: 'Sex',
        audience: 'Audience',
        preferredLanguage: 'Preferred language',
        languages: 'Languages',
        status: 'Status',
        confirmation: 'Confirmation',
        dietaryNeeds: 'Dietary needs',
        accessibilityNeeds: 'Accessibility needs',
      },
    },
    kinds: {
      invitation: {
        subject: (m) => `Invitation to join ${m.tenantName} on Convene`,
        paragraphs: (m, f) => [
          m.inviterName === null
            ? `You are invited to join ${m.tenantName} on Convene as ${f.role(m.role)}.`
            : `${m.inviterName} invites you to join ${m.tenantName} on Convene as ${f.role(m.role)}.`,
          `The link can be used only once, until ${f.date(m.expiresAt)}.`,
        ],
        action: 'Accept the invitation',
        footer: 'If you did not expect this invitation, you can ignore this message.',
      },
      password_reset: {
        subject: () => 'Reset your Convene password',
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          `We received a request to reset your Convene password. The link can be used only once, within ${f.minutes(m.minutes)}.`,
        ],
        action: 'Choose a new password',
        footer: 'If you did not ask for this, ignore this message: your password stays unchanged.',
      },
      admin_digest: {
        subject: (m) => `Waiting for a decision in ${m.tenantName}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          ...(m.expiringInvitations.length > 0
            ? [
                'These invitations have not been accepted and expire soon:',
                ...m.expiringInvitations.map(
                  (i) => `${i.email} (${f.role(i.role)}), until ${f.date(i.expiresAt)}`,
                ),
              ]
            : []),
          ...(m.failedMails > 0
            ? [
                `Messages that could not be delivered in the last 24 hours: ${f.count(m.failedMails)}.`,
              ]
            : []),
        ],
        action: 'Review in Convene',
        footer:
          'You receive this summary as an administrator of the organisation. You can turn it off in your profile.',
      },
      event_reminder: {
        subject: (m, f) => `Reminder: ${m.eventTitle}, ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          `${m.eventTitle} starts on ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`Venue: ${m.place}.`] : []),
          'The invitation for your calendar is attached.',
        ],
        action: 'Open the event',
        footer:
          'You receive this reminder because you organise or speak at this event. You can turn reminders off in your profile.',
      },
      event_announced: {
        subject: (m) => `New event: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          `${m.tenantName} has announced an event that your State hosts: ${m.eventTitle}.`,
          `Dates: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Venue: ${m.place}.`] : []),
        ],
        action: 'Open the event',
        footer:
          'You receive this message as the focal point of a State that hosts this event. You can turn these messages off in your profile.',
      },
      participant_links: {
        subject: (m) => `Your links for ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          `${m.tenantName} has sent you new links for ${m.eventTitle}, which starts on ${f.dateTime(m.startsAt, m.timeZone)}. The links you received before no longer work.`,
          ...(m.decisionLink
            ? [`Please confirm or decline your participation here: ${m.decisionLink}`]
            : []),
          'Your participant page holds the event’s details, the calendar file and your check-in code.',
        ],
        action: 'Open your participant page',
        footer:
          'You receive this message because your State nominated you for this event. Do not forward it: the links are personal.',
      },
      participant_reminder: {
        subject: (m, f) => `Reminder: ${m.eventTitle}, ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          `${m.eventTitle} starts on ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`Venue: ${m.place}.`] : []),
          'Your participant page holds the calendar file and the check-in code to show on arrival.',
        ],
        action: 'Open your participant page',
        footer:
          'You receive this reminder because you confirmed your participation. Do not forward it: the link is personal.',
      },
      nomination_received: {
        subject: (m) => `Nomination from ${m.stateName}: ${m.eventTitle}`,
        paragraphs: (m) => [
          `Hello ${m.name},`,
          `${m.stateName} has nominated ${m.nomineeName} for ${m.eventTitle}. The nomination awaits your decision.`,
        ],
        action: 'Review the nominations',
        footer:
          'You receive this message as the officer responsible for this event. You can turn these messages off in your profile.',
      },
      nomination_decided: {
        subject: (m, f) =>
          'decisions' in m
            ? `Decisions on ${f.count(m.decisions.length)} nominations for ${m.eventTitle}`
            : `Nomination for ${m.eventTitle}: ${m.nomineeName}`,
        paragraphs: (m, f) =>
          'decisions' in m
            ? [
                `Hello ${m.name},`,
                `Decisions were taken on ${f.count(m.decisions.length)} nominations of your State for ${m.eventTitle}:`,
                ...m.decisions.map(
                  (d) =>
                    `${d.nomineeName}: ${{ approved: 'approved', waitlisted: 'on the waiting list', declined: 'declined' }[d.decision]}${d.reason ? ` (reason: ${d.reason})` : ''}`,
                ),
                'Approved participants will receive an email to confirm their participation. If a seat becomes free, it is offered to the waiting list.',
              ]
            : [
                `Hello ${m.name},`,
                m.decision === 'approved'
                  ? `${m.nomineeName} has been approved for ${m.eventTitle}. They will receive an email to confirm their participation.`
                  : m.decision === 'waitlisted'
                    ? `${m.nomineeName} has been placed on the waiting list for ${m.eventTitle}. If a seat becomes free, they will be offered it.`
                    : `The nomination of ${m.nomineeName} for ${m.eventTitle} has been declined.`,
                ...(m.reason ? [`Reason: ${m.reason}`] : []),
              ],
        action: 'Open the nominations',
        footer:
          'You receive this message as the focal point of the nominating State. You can turn these messages off in your profile.',
      },
      participation_confirmation: {
        subject: (m) => `Please confirm your participation: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          `${m.tenantName} is pleased to confirm your seat at ${m.eventTitle}.`,
          `Dates: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Venue: ${m.place}.`] : []),
          'Please tell us whether you will take part, with any dietary or accessibility needs, through the button below. The link can be used once.',
          `Your participant page, with the calendar file, your check-in code and later your certificate: ${m.pageLink}`,
          'The invitation for your calendar is attached.',
        ],
        action: 'Confirm or decline',
        footer:
          'You receive this message because your State nominated you for this event. Keep it: the links are personal.',
      },
      // Invitations of States (part-inv).
      state_invited: {
        subject: (m) => `Invitation for ${m.stateName}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          `${m.tenantName} invites ${m.stateName} to ${m.eventTitle}, with ${f.count(m.seats)} ${m.seats === 1 ? 'seat' : 'seats'}.`,
          `Dates: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Venue: ${m.place}.`] : []),
          `Please accept or decline the invitation and nominate participants by ${f.date(m.deadline)}.`,
        ],
        action: 'Answer the invitation',
        footer:
          'You receive this message as the focal point of the invited State. You can turn these messages off in your profile.',
      },
      invitation_updated: {
        subject: (m) => `Invitation updated: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          ...(m.seatRequest
            ? [
                m.seatRequest.granted
                  ? `Your request for more seats for ${m.stateName} has been granted.`
                  : `Your request for more seats for ${m.stateName} has been refused.`,
                ...(m.seatRequest.answer ? [`Answer: ${m.seatRequest.answer}`] : []),
              ]
            : [`The invitation of ${m.stateName} to ${m.eventTitle} has changed.`]),
          m.seats === m.previousSeats
            ? `Seats: ${f.count(m.seats)}.`
            : `Seats: ${f.count(m.seats)} (previously ${f.count(m.previousSeats)}).`,
          m.deadline === m.previousDeadline
            ? `Nomination deadline: ${f.date(m.deadline)}.`
            : `Nomination deadline: ${f.date(m.deadline)} (previously ${f.date(m.previousDeadline)}).`,
        ],
        action: 'Open the invitation',
        footer:
          'You receive this message as the focal point of the invited State. You can turn these messages off in your profile.',
      },
      invitation_answered: {
        subject: (m) =>
          m.answer === 'accepted'
            ? `${m.stateName} accepts: ${m.eventTitle}`
            : m.answer === 'declined'
              ? `${m.stateName} declines: ${m.eventTitle}`
              : `${m.stateName} asks for more seats: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          m.answer === 'accepted'
            ? `${m.stateName} has accepted the invitation to ${m.eventTitle}.`
            : m.answer === 'declined'
              ? `${m.stateName} has declined the invitation to ${m.eventTitle}.`
              : `${m.stateName} asks for ${f.count(m.seats ?? 0)} seats in all for ${m.eventTitle}.`,
          ...(m.reason ? [`Reason given: ${m.reason}`] : []),
        ],
        action: 'Open the participation',
        footer:
          'You receive this message as an officer of this event. You can turn these messages off in your profile.',
      },
      nomination_reminder: {
        subject: (m, f) => `Nominations due by ${f.date(m.deadline)}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          `The deadline for ${m.stateName} to nominate participants for ${m.eventTitle} is ${f.date(m.deadline)}.`,
          `Seats left: ${f.count(m.seatsLeft)}.`,
        ],
        action: 'Nominate participants',
        footer:
          'You receive this reminder as the focal point of the invited State. You can turn reminders off in your profile.',
      },
      certificate_issued: {
        subject: (m) => `Your certificate of participation: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          `${m.tenantName} has issued your certificate of participation in ${m.eventTitle} (${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}).`,
          'You can download it as a PDF from your participant page.',
          `Its verification code is ${m.verificationCode}: anyone can check that it is genuine at ${m.verificationUrl}`,
        ],
        action: 'Download the certificate',
        footer: 'You receive this message because you took part in this event.',
      },
      expert_assigned: {
        subject: (m) => `You are asked to take part in ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hello ${m.name},`,
          m.sessionTitle
            ? `${m.tenantName} asks you to take part in ${m.eventTitle} as ${EXPERT_ROLE_NAMES.en[m.role]} in the session “${m.sessionTitle}”.`
            : `${m.tenantName} asks you to take part in ${m.eventTitle} as ${EXPERT_ROLE_NAMES.en[m.role]}.`,
          `Dates: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          'Please accept or decline in Convene. Your name appears on the agenda once you accept.',
        ],
        action: 'Answer the request',
        footer:
          'You receive this message as an expert of this organisation. You can turn these messages off in your profile.',
      },
      ...REQUEST_MAIL_STRINGS.en,
      ...ASSESSMENT_MAIL_STRINGS.en,
    },
  },
  fr: {
    locale: 'fr',
    linkIntro: `Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur${NBSP}:`,
    roles: {
      tenant_admin: 'administrateur',
      programme_officer: 'chargé de programme',
      focal_point: 'point focal',
      expert: 'expert',
    },
    participantExport: {
      sheet: 'Participants',
      columns: {
        name: 'Nom',
        state: 'État',
        stateCode: 'Code de l’État',
        functionTitle: 'Fonction',
        institution: 'Institution',
        institutionType: 'Type d’institution',
        email: 'Courriel',
        sex: 'Sexe',
        audience: 'Public cible',
        preferredLanguage: 'Langue préférée',
        languages: 'Langues de travail',
        status: 'Statut',
        confirmation: 'Réponse du participant',
        dietaryNeeds: 'Besoins alimentaires',
        accessibilityNeeds: 'Besoins d’accessibilité',
      },
    },
    kinds: {
      invitation: {
        subject: (m) => `Invitation à rejoindre ${m.tenantName} sur Convene`,
        paragraphs: (m, f) => [
          // "Nous" (the platform) avoids the gendered "vous êtes invité(e)".
          m.inviterName === null
            ? `Nous vous invitons à rejoindre ${m.tenantName} sur Convene ${enTantQue(f.role(m.role))}.`
            : `${m.inviterName} vous invite à rejoindre ${m.tenantName} sur Convene ${enTantQue(f.role(m.role))}.`,
          `Ce lien n’est utilisable qu’une seule fois, jusqu’au ${f.date(m.expiresAt)}.`,
        ],
        action: 'Accepter l’invitation',
        footer: 'Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.',
      },
      password_reset: {
        subject: () => 'Réinitialisation de votre mot de passe Convene',
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          `Nous avons reçu une demande de réinitialisation de votre mot de passe Convene. Ce lien n’est utilisable qu’une seule fois, pendant ${f.minutes(m.minutes)}.`,
        ],
        action: 'Choisir un nouveau mot de passe',
        footer: `Si vous n’êtes pas à l’origine de cette demande, ignorez ce message${NBSP}: votre mot de passe reste inchangé.`,
      },
      admin_digest: {
        subject: (m) => `En attente de décision dans ${m.tenantName}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          ...(m.expiringInvitations.length > 0
            ? [
                `Ces invitations n’ont pas été acceptées et expirent bientôt${NBSP}:`,
                ...m.expiringInvitations.map(
                  (i) => `${i.email} (${f.role(i.role)}), jusqu’au ${f.date(i.expiresAt)}`,
                ),
              ]
            : []),
          ...(m.failedMails > 0
            ? [
                `Messages non distribués ces dernières 24${NBSP}heures${NBSP}: ${f.count(m.failedMails)}.`,
              ]
            : []),
        ],
        action: 'Voir dans Convene',
        footer:
          'Vous recevez ce récapitulatif en tant qu’administrateur de l’organisation. Vous pouvez le désactiver dans votre profil.',
      },
      event_reminder: {
        subject: (m, f) => `Rappel${NBSP}: ${m.eventTitle}, ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          `${m.eventTitle} commence le ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`Lieu${NBSP}: ${m.place}.`] : []),
          'L’invitation pour votre agenda est jointe.',
        ],
        action: 'Voir l’événement',
        footer:
          'Vous recevez ce rappel parce que vous organisez cet événement ou y intervenez. Vous pouvez désactiver les rappels dans votre profil.',
      },
      event_announced: {
        subject: (m) => `Nouvel événement${NBSP}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          `${m.tenantName} annonce un événement accueilli par votre État${NBSP}: ${m.eventTitle}.`,
          `Dates${NBSP}: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Lieu${NBSP}: ${m.place}.`] : []),
        ],
        action: 'Voir l’événement',
        footer:
          'Vous recevez ce message en tant que point focal d’un État hôte de cet événement. Vous pouvez désactiver ces messages dans votre profil.',
      },
      participant_links: {
        subject: (m) => `Vos liens pour ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          `${m.tenantName} vous envoie de nouveaux liens pour ${m.eventTitle}, qui commence le ${f.dateTime(m.startsAt, m.timeZone)}. Les liens reçus auparavant ne fonctionnent plus.`,
          ...(m.decisionLink
            ? [`Veuillez confirmer ou décliner votre participation ici${NBSP}: ${m.decisionLink}`]
            : []),
          'Votre page de participant contient les détails de l’événement, le fichier d’agenda et votre code d’enregistrement.',
        ],
        action: 'Ouvrir votre page de participant',
        footer: `Vous recevez ce message parce que votre État vous a proposé pour cet événement. Ne le transférez pas${NBSP}: les liens sont personnels.`,
      },
      participant_reminder: {
        subject: (m, f) => `Rappel${NBSP}: ${m.eventTitle}, ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          `${m.eventTitle} commence le ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`Lieu${NBSP}: ${m.place}.`] : []),
          'Votre page de participant contient le fichier d’agenda et le code d’enregistrement à présenter à l’arrivée.',
        ],
        action: 'Ouvrir votre page de participant',
        footer: `Vous recevez ce rappel parce que vous avez confirmé votre participation. Ne le transférez pas${NBSP}: le lien est personnel.`,
      },
      nomination_received: {
        subject: (m) => `Désignation de l’État ${m.stateName}${NBSP}: ${m.eventTitle}`,
        paragraphs: (m) => [
          `Bonjour ${m.name},`,
          `L’État ${m.stateName} a désigné ${m.nomineeName} pour ${m.eventTitle}. La désignation attend votre décision.`,
        ],
        action: 'Examiner les désignations',
        footer:
          'Vous recevez ce message en tant que responsable de cet événement. Vous pouvez désactiver ces messages dans votre profil.',
      },
      nomination_decided: {
        subject: (m, f) =>
          'decisions' in m
            ? `Décisions sur ${f.count(m.decisions.length)} désignations pour ${m.eventTitle}`
            : `Désignation pour ${m.eventTitle}${NBSP}: ${m.nomineeName}`,
        paragraphs: (m, f) =>
          'decisions' in m
            ? [
                `Bonjour ${m.name},`,
                `Des décisions ont été prises sur ${f.count(m.decisions.length)} désignations de votre État pour ${m.eventTitle}${NBSP}:`,
                ...m.decisions.map(
                  (d) =>
                    `${d.nomineeName}${NBSP}: ${{ approved: 'approuvée', waitlisted: 'sur liste d’attente', declined: 'refusée' }[d.decision]}${d.reason ? ` (motif${NBSP}: ${d.reason})` : ''}`,
                ),
                'Les participants approuvés recevront un e-mail pour confirmer leur participation. Si une place se libère, elle est proposée à la liste d’attente.',
              ]
            : [
                `Bonjour ${m.name},`,
                m.decision === 'approved'
                  ? `La désignation de ${m.nomineeName} pour ${m.eventTitle} a été approuvée. Un e-mail lui demandera de confirmer sa participation.`
                  : m.decision === 'waitlisted'
                    ? `La désignation de ${m.nomineeName} pour ${m.eventTitle} a été placée sur liste d’attente. Si une place se libère, elle lui sera proposée.`
                    : `La désignation de ${m.nomineeName} pour ${m.eventTitle} a été refusée.`,
                ...(m.reason ? [`Motif${NBSP}: ${m.reason}`] : []),
              ],
        action: 'Voir les désignations',
        footer:
          'Vous recevez ce message en tant que point focal de l’État qui a fait la désignation. Vous pouvez désactiver ces messages dans votre profil.',
      },
      participation_confirmation: {
        subject: (m) => `Merci de confirmer votre participation${NBSP}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          `${m.tenantName} a le plaisir de vous confirmer une place à ${m.eventTitle}.`,
          `Dates${NBSP}: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Lieu${NBSP}: ${m.place}.`] : []),
          'Merci de nous indiquer, avec le bouton ci-dessous, si vous participerez, ainsi que vos besoins alimentaires ou d’accessibilité. Ce lien n’est utilisable qu’une seule fois.',
          `Votre page de participant, avec le fichier d’agenda, votre code d’enregistrement et plus tard votre certificat${NBSP}: ${m.pageLink}`,
          'L’invitation pour votre agenda est jointe.',
        ],
        action: 'Confirmer ou décliner',
        footer: `Vous recevez ce message parce que votre État vous a désigné pour cet événement. Conservez-le${NBSP}: les liens sont personnels.`,
      },
      // Invitations of States (part-inv).
      state_invited: {
        subject: (m) => `Invitation pour ${m.stateName}${NBSP}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          `${m.tenantName} invite ${m.stateName} à ${m.eventTitle}, avec ${f.count(m.seats)} ${m.seats === 1 ? 'place' : 'places'}.`,
          `Dates${NBSP}: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Lieu${NBSP}: ${m.place}.`] : []),
          `Merci d’accepter ou de décliner l’invitation et de proposer des participants avant le ${f.date(m.deadline)}.`,
        ],
        action: 'Répondre à l’invitation',
        footer:
          'Vous recevez ce message en tant que point focal de l’État invité. Vous pouvez désactiver ces messages dans votre profil.',
      },
      invitation_updated: {
        subject: (m) => `Invitation modifiée${NBSP}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          ...(m.seatRequest
            ? [
                m.seatRequest.granted
                  ? `Votre demande de places supplémentaires pour ${m.stateName} a été acceptée.`
                  : `Votre demande de places supplémentaires pour ${m.stateName} a été refusée.`,
                ...(m.seatRequest.answer ? [`Réponse${NBSP}: ${m.seatRequest.answer}`] : []),
              ]
            : [`L’invitation de ${m.stateName} à ${m.eventTitle} a été modifiée.`]),
          m.seats === m.previousSeats
            ? `Places${NBSP}: ${f.count(m.seats)}.`
            : `Places${NBSP}: ${f.count(m.seats)} (auparavant ${f.count(m.previousSeats)}).`,
          m.deadline === m.previousDeadline
            ? `Date limite des candidatures${NBSP}: ${f.date(m.deadline)}.`
            : `Date limite des candidatures${NBSP}: ${f.date(m.deadline)} (auparavant ${f.date(m.previousDeadline)}).`,
        ],
        action: 'Voir l’invitation',
        footer:
          'Vous recevez ce message en tant que point focal de l’État invité. Vous pouvez désactiver ces messages dans votre profil.',
      },
      invitation_answered: {
        subject: (m) =>
          m.answer === 'accepted'
            ? `${m.stateName} accepte${NBSP}: ${m.eventTitle}`
            : m.answer === 'declined'
              ? `${m.stateName} décline${NBSP}: ${m.eventTitle}`
              : `${m.stateName} demande des places supplémentaires${NBSP}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          m.answer === 'accepted'
            ? `${m.stateName} a accepté l’invitation à ${m.eventTitle}.`
            : m.answer === 'declined'
              ? `${m.stateName} a décliné l’invitation à ${m.eventTitle}.`
              : `${m.stateName} demande ${f.count(m.seats ?? 0)} places au total pour ${m.eventTitle}.`,
          ...(m.reason ? [`Motif indiqué${NBSP}: ${m.reason}`] : []),
        ],
        action: 'Voir la participation',
        footer:
          'Vous recevez ce message en tant que responsable de cet événement. Vous pouvez désactiver ces messages dans votre profil.',
      },
      nomination_reminder: {
        subject: (m, f) =>
          `Candidatures attendues avant le ${f.date(m.deadline)}${NBSP}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          `${m.stateName} peut proposer des participants à ${m.eventTitle} jusqu’au ${f.date(m.deadline)}.`,
          `Places restantes${NBSP}: ${f.count(m.seatsLeft)}.`,
        ],
        action: 'Proposer des participants',
        footer:
          'Vous recevez ce rappel en tant que point focal de l’État invité. Vous pouvez désactiver les rappels dans votre profil.',
      },
      certificate_issued: {
        subject: (m) => `Votre certificat de participation${NBSP}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          `${m.tenantName} vous a délivré un certificat de participation à ${m.eventTitle} (${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}).`,
          'Vous pouvez le télécharger en PDF depuis votre page de participant.',
          `Son code de vérification est ${m.verificationCode}${NBSP}: chacun peut vérifier son authenticité sur ${m.verificationUrl}`,
        ],
        action: 'Télécharger le certificat',
        footer: 'Vous recevez ce message parce que vous avez participé à cet événement.',
      },
      expert_assigned: {
        subject: (m) => `Votre participation est sollicitée${NBSP}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Bonjour ${m.name},`,
          m.sessionTitle
            ? `${m.tenantName} vous invite à participer à ${m.eventTitle} ${enTantQue(EXPERT_ROLE_NAMES.fr[m.role])}, lors de la séance «${NBSP}${m.sessionTitle}${NBSP}».`
            : `${m.tenantName} vous invite à participer à ${m.eventTitle} ${enTantQue(EXPERT_ROLE_NAMES.fr[m.role])}.`,
          `Dates${NBSP}: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          'Veuillez accepter ou refuser dans Convene. Votre nom figurera au programme dès que vous aurez accepté.',
        ],
        action: 'Répondre à la demande',
        footer:
          'Vous recevez ce message en tant qu’expert de cette organisation. Vous pouvez désactiver ces messages dans votre profil.',
      },
      ...REQUEST_MAIL_STRINGS.fr,
      ...ASSESSMENT_MAIL_STRINGS.fr,
    },
  },
  es: {
    locale: 'es',
    linkIntro: 'Si el botón no funciona, copie este enlace en su navegador:',
    roles: {
      tenant_admin: 'administrador',
      programme_officer: 'oficial de programas',
      focal_point: 'punto focal',
      expert: 'experto',
    },
    participantExport: {
      sheet: 'Participantes',
      columns: {
        name: 'Nombre',
        state: 'Estado',
        stateCode: 'Código del Estado',
        functionTitle: 'Cargo',
        institution: 'Institución',
        institutionType: 'Tipo de institución',
        email: 'Correo electrónico',
        sex: 'Sexo',
        audience: 'Público destinatario',
        preferredLanguage: 'Idioma preferido',
        languages: 'Idiomas de trabajo',
        status: 'Situación',
        confirmation: 'Respuesta del participante',
        dietaryNeeds: 'Necesidades alimentarias',
        accessibilityNeeds: 'Necesidades de accesibilidad',
      },
    },
    kinds: {
      invitation: {
        subject: (m) => `Invitación para unirse a ${m.tenantName} en Convene`,
        paragraphs: (m, f) => [
          m.inviterName === null
            ? `Le invitamos a unirse a ${m.tenantName} en Convene como ${f.role(m.role)}.`
            : `${m.inviterName} le invita a unirse a ${m.tenantName} en Convene como ${f.role(m.role)}.`,
          `El enlace puede utilizarse una sola vez y es válido hasta el ${f.date(m.expiresAt)}.`,
        ],
        action: 'Aceptar la invitación',
        footer: 'Si no esperaba esta invitación, puede ignorar este mensaje.',
      },
      password_reset: {
        subject: () => 'Restablecimiento de su contraseña de Convene',
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          `Hemos recibido una solicitud para restablecer su contraseña de Convene. El enlace puede utilizarse una sola vez y es válido durante ${f.minutes(m.minutes)}.`,
        ],
        action: 'Elegir una nueva contraseña',
        footer: 'Si usted no hizo esta solicitud, ignore este mensaje: su contraseña no cambiará.',
      },
      admin_digest: {
        subject: (m) => `Pendiente de decisión en ${m.tenantName}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          ...(m.expiringInvitations.length > 0
            ? [
                'Estas invitaciones no han sido aceptadas y vencen pronto:',
                ...m.expiringInvitations.map(
                  (i) => `${i.email} (${f.role(i.role)}), hasta el ${f.date(i.expiresAt)}`,
                ),
              ]
            : []),
          ...(m.failedMails > 0
            ? [`Mensajes no entregados en las últimas 24 horas: ${f.count(m.failedMails)}.`]
            : []),
        ],
        action: 'Revisar en Convene',
        footer:
          'Recibe este resumen como administrador de la organización. Puede desactivarlo en su perfil.',
      },
      event_reminder: {
        subject: (m, f) => `Recordatorio: ${m.eventTitle}, ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          `${m.eventTitle} comienza el ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`Lugar: ${m.place}.`] : []),
          'Se adjunta la invitación para su calendario.',
        ],
        action: 'Ver el evento',
        footer:
          'Recibe este recordatorio porque organiza este evento o interviene en él. Puede desactivar los recordatorios en su perfil.',
      },
      event_announced: {
        subject: (m) => `Nuevo evento: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          `${m.tenantName} ha anunciado un evento del que su Estado es anfitrión: ${m.eventTitle}.`,
          `Fechas: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Lugar: ${m.place}.`] : []),
        ],
        action: 'Ver el evento',
        footer:
          'Recibe este mensaje como punto focal de un Estado anfitrión de este evento. Puede desactivar estos mensajes en su perfil.',
      },
      participant_links: {
        subject: (m) => `Sus enlaces para ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          `${m.tenantName} le envía nuevos enlaces para ${m.eventTitle}, que comienza el ${f.dateTime(m.startsAt, m.timeZone)}. Los enlaces recibidos antes ya no funcionan.`,
          ...(m.decisionLink
            ? [`Confirme o decline su participación aquí: ${m.decisionLink}`]
            : []),
          'Su página de participante contiene los detalles del evento, el archivo de calendario y su código de registro.',
        ],
        action: 'Abrir su página de participante',
        footer:
          'Recibe este mensaje porque su Estado lo propuso para este evento. No lo reenvíe: los enlaces son personales.',
      },
      participant_reminder: {
        subject: (m, f) => `Recordatorio: ${m.eventTitle}, ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          `${m.eventTitle} comienza el ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`Lugar: ${m.place}.`] : []),
          'Su página de participante contiene el archivo de calendario y el código de registro que debe mostrar a su llegada.',
        ],
        action: 'Abrir su página de participante',
        footer:
          'Recibe este recordatorio porque confirmó su participación. No lo reenvíe: el enlace es personal.',
      },
      nomination_received: {
        subject: (m) => `Designación de ${m.stateName}: ${m.eventTitle}`,
        paragraphs: (m) => [
          `Hola, ${m.name}:`,
          `${m.stateName} ha designado a ${m.nomineeName} para ${m.eventTitle}. La designación espera su decisión.`,
        ],
        action: 'Examinar las designaciones',
        footer:
          'Recibe este mensaje como responsable de este evento. Puede desactivar estos mensajes en su perfil.',
      },
      nomination_decided: {
        subject: (m, f) =>
          'decisions' in m
            ? `Decisiones sobre ${f.count(m.decisions.length)} designaciones para ${m.eventTitle}`
            : `Designación para ${m.eventTitle}: ${m.nomineeName}`,
        paragraphs: (m, f) =>
          'decisions' in m
            ? [
                `Hola, ${m.name}:`,
                `Se han tomado decisiones sobre ${f.count(m.decisions.length)} designaciones de su Estado para ${m.eventTitle}:`,
                ...m.decisions.map(
                  (d) =>
                    `${d.nomineeName}: ${{ approved: 'aprobada', waitlisted: 'en lista de espera', declined: 'rechazada' }[d.decision]}${d.reason ? ` (motivo: ${d.reason})` : ''}`,
                ),
                'Los participantes aprobados recibirán un correo electrónico para confirmar su participación. Si se libera una plaza, se ofrecerá a la lista de espera.',
              ]
            : [
                `Hola, ${m.name}:`,
                m.decision === 'approved'
                  ? `Se ha aprobado la designación de ${m.nomineeName} para ${m.eventTitle}. Recibirá un correo electrónico para confirmar su participación.`
                  : m.decision === 'waitlisted'
                    ? `La designación de ${m.nomineeName} para ${m.eventTitle} ha quedado en lista de espera. Si se libera una plaza, se le ofrecerá.`
                    : `Se ha rechazado la designación de ${m.nomineeName} para ${m.eventTitle}.`,
                ...(m.reason ? [`Motivo: ${m.reason}`] : []),
              ],
        action: 'Ver las designaciones',
        footer:
          'Recibe este mensaje como punto focal del Estado que hizo la designación. Puede desactivar estos mensajes en su perfil.',
      },
      participation_confirmation: {
        subject: (m) => `Confirme su participación: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          `${m.tenantName} tiene el gusto de confirmarle una plaza en ${m.eventTitle}.`,
          `Fechas: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Lugar: ${m.place}.`] : []),
          'Indíquenos con el botón de abajo si participará, junto con sus necesidades alimentarias o de accesibilidad. El enlace puede utilizarse una sola vez.',
          `Su página de participante, con el archivo de calendario, su código de registro y más adelante su certificado: ${m.pageLink}`,
          'Se adjunta la invitación para su calendario.',
        ],
        action: 'Confirmar o declinar',
        footer:
          'Recibe este mensaje porque su Estado le designó para este evento. Consérvelo: los enlaces son personales.',
      },
      // Invitations of States (part-inv).
      state_invited: {
        subject: (m) => `Invitación para ${m.stateName}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          `${m.tenantName} invita a ${m.stateName} a ${m.eventTitle}, con ${f.count(m.seats)} ${m.seats === 1 ? 'plaza' : 'plazas'}.`,
          `Fechas: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Lugar: ${m.place}.`] : []),
          `Le rogamos que acepte o decline la invitación y proponga participantes antes del ${f.date(m.deadline)}.`,
        ],
        action: 'Responder a la invitación',
        footer:
          'Recibe este mensaje como punto focal del Estado invitado. Puede desactivar estos mensajes en su perfil.',
      },
      invitation_updated: {
        subject: (m) => `Invitación modificada: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          ...(m.seatRequest
            ? [
                m.seatRequest.granted
                  ? `Se ha aceptado su solicitud de plazas adicionales para ${m.stateName}.`
                  : `Se ha rechazado su solicitud de plazas adicionales para ${m.stateName}.`,
                ...(m.seatRequest.answer ? [`Respuesta: ${m.seatRequest.answer}`] : []),
              ]
            : [`La invitación de ${m.stateName} a ${m.eventTitle} ha cambiado.`]),
          m.seats === m.previousSeats
            ? `Plazas: ${f.count(m.seats)}.`
            : `Plazas: ${f.count(m.seats)} (antes ${f.count(m.previousSeats)}).`,
          m.deadline === m.previousDeadline
            ? `Plazo para las candidaturas: ${f.date(m.deadline)}.`
            : `Plazo para las candidaturas: ${f.date(m.deadline)} (antes ${f.date(m.previousDeadline)}).`,
        ],
        action: 'Ver la invitación',
        footer:
          'Recibe este mensaje como punto focal del Estado invitado. Puede desactivar estos mensajes en su perfil.',
      },
      invitation_answered: {
        subject: (m) =>
          m.answer === 'accepted'
            ? `${m.stateName} acepta: ${m.eventTitle}`
            : m.answer === 'declined'
              ? `${m.stateName} declina: ${m.eventTitle}`
              : `${m.stateName} solicita más plazas: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          m.answer === 'accepted'
            ? `${m.stateName} ha aceptado la invitación a ${m.eventTitle}.`
            : m.answer === 'declined'
              ? `${m.stateName} ha declinado la invitación a ${m.eventTitle}.`
              : `${m.stateName} solicita ${f.count(m.seats ?? 0)} plazas en total para ${m.eventTitle}.`,
          ...(m.reason ? [`Motivo indicado: ${m.reason}`] : []),
        ],
        action: 'Ver la participación',
        footer:
          'Recibe este mensaje como responsable de este evento. Puede desactivar estos mensajes en su perfil.',
      },
      nomination_reminder: {
        subject: (m, f) => `Candidaturas hasta el ${f.date(m.deadline)}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          `${m.stateName} puede proponer participantes para ${m.eventTitle} hasta el ${f.date(m.deadline)}.`,
          `Plazas disponibles: ${f.count(m.seatsLeft)}.`,
        ],
        action: 'Proponer participantes',
        footer:
          'Recibe este recordatorio como punto focal del Estado invitado. Puede desactivar los recordatorios en su perfil.',
      },
      certificate_issued: {
        subject: (m) => `Su certificado de participación: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          `${m.tenantName} le ha expedido un certificado de participación en ${m.eventTitle} (${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}).`,
          'Puede descargarlo en PDF desde su página de participante.',
          `Su código de verificación es ${m.verificationCode}: cualquiera puede comprobar su autenticidad en ${m.verificationUrl}`,
        ],
        action: 'Descargar el certificado',
        footer: 'Recibe este mensaje porque participó en este evento.',
      },
      expert_assigned: {
        subject: (m) => `Se solicita su participación: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Hola, ${m.name}:`,
          m.sessionTitle
            ? `${m.tenantName} le invita a participar en ${m.eventTitle} como ${EXPERT_ROLE_NAMES.es[m.role]} en la sesión «${m.sessionTitle}».`
            : `${m.tenantName} le invita a participar en ${m.eventTitle} como ${EXPERT_ROLE_NAMES.es[m.role]}.`,
          `Fechas: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          'Acepte o rechace la solicitud en Convene. Su nombre figurará en el programa cuando acepte.',
        ],
        action: 'Responder a la solicitud',
        footer:
          'Recibe este mensaje como experto de esta organización. Puede desactivar estos mensajes en su perfil.',
      },
      ...REQUEST_MAIL_STRINGS.es,
      ...ASSESSMENT_MAIL_STRINGS.es,
    },
  },
  ar: {
    locale: 'ar',
    linkIntro: 'إذا لم يعمل الزر، انسخ هذا الرابط والصقه في متصفحك:',
    roles: {
      tenant_admin: 'مسؤول المنظمة',
      programme_officer: 'موظف برامج',
      focal_point: 'جهة تنسيق',
      expert: 'خبير',
    },
    participantExport: {
      sheet: 'المشاركون',
      columns: {
        name: 'الاسم',
        state: 'الدولة',
        stateCode: 'رمز الدولة',
        functionTitle: 'الوظيفة',
        institution: 'المؤسسة',
        institutionType: 'نوع المؤسسة',
        email: 'البريد الإلكتروني',
        sex: 'الجنس',
        audience: 'الفئة المستهدفة',
        preferredLanguage: 'اللغة المفضلة',
        languages: 'لغات العمل',
        status: 'الحالة',
        confirmation: 'رد المشارك',
        dietaryNeeds: 'الاحتياجات الغذائية',
        accessibilityNeeds: 'احتياجات إمكانية الوصول',
      },
    },
    kinds: {
      invitation: {
        subject: (m) => `دعوة للانضمام إلى ${m.tenantName} على Convene`,
        paragraphs: (m, f) => [
          m.inviterName === null
            ? `ندعوكم إلى الانضمام إلى ${m.tenantName} على Convene بصفة ${f.role(m.role)}.`
            : `يدعوكم ${m.inviterName} إلى الانضمام إلى ${m.tenantName} على Convene بصفة ${f.role(m.role)}.`,
          `لا يمكن استخدام هذا الرابط إلا مرة واحدة، وهو صالح حتى ${f.date(m.expiresAt)}.`,
        ],
        action: 'قبول الدعوة',
        footer: 'إذا لم تكونوا تتوقعون هذه الدعوة، يمكنكم تجاهل هذه الرسالة.',
      },
      password_reset: {
        subject: () => 'إعادة تعيين كلمة المرور في Convene',
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          // After a colon the duration stays in the nominative that Intl gives ("دقيقتان").
          `تلقّينا طلبًا لإعادة تعيين كلمة المرور الخاصة بكم في Convene. لا يمكن استخدام هذا الرابط إلا مرة واحدة. مدة صلاحيته: ${f.minutes(m.minutes)}.`,
        ],
        action: 'اختيار كلمة مرور جديدة',
        footer: 'إذا لم تطلبوا ذلك، فتجاهلوا هذه الرسالة: ستبقى كلمة المرور دون تغيير.',
      },
      admin_digest: {
        subject: (m) => `بانتظار قرار في ${m.tenantName}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          ...(m.expiringInvitations.length > 0
            ? [
                'لم تُقبل هذه الدعوات بعد، وستنتهي صلاحيتها قريبًا:',
                ...m.expiringInvitations.map(
                  (i) => `${i.email} (${f.role(i.role)})، حتى ${f.date(i.expiresAt)}`,
                ),
              ]
            : []),
          ...(m.failedMails > 0
            ? [`الرسائل التي تعذّر تسليمها خلال الساعات الـ 24 الماضية: ${f.count(m.failedMails)}.`]
            : []),
        ],
        action: 'المراجعة في Convene',
        footer: 'تتلقّون هذا الملخص بصفتكم مسؤولًا عن المنظمة. يمكنكم إيقافه من ملفكم الشخصي.',
      },
      event_reminder: {
        subject: (m, f) => `تذكير: ${m.eventTitle}، ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          `تبدأ فعالية ${m.eventTitle} يوم ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`المكان: ${m.place}.`] : []),
          'مرفق دعوة لإضافتها إلى تقويمكم.',
        ],
        action: 'فتح الفعالية',
        footer:
          'تتلقّون هذا التذكير لأنكم تنظّمون هذه الفعالية أو تتحدثون فيها. يمكنكم إيقاف التذكيرات من ملفكم الشخصي.',
      },
      event_announced: {
        subject: (m) => `فعالية جديدة: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          `أعلنت ${m.tenantName} عن فعالية تستضيفها دولتكم: ${m.eventTitle}.`,
          `المواعيد: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`المكان: ${m.place}.`] : []),
        ],
        action: 'فتح الفعالية',
        footer:
          'تتلقّون هذه الرسالة بصفتكم جهة التنسيق لدولة تستضيف هذه الفعالية. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
      },
      participant_links: {
        subject: (m) => `روابطكم الخاصة بفعالية ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          `أرسلت إليكم ${m.tenantName} روابط جديدة لفعالية ${m.eventTitle} التي تبدأ يوم ${f.dateTime(m.startsAt, m.timeZone)}. لم تعد الروابط التي تلقيتموها من قبل صالحة.`,
          ...(m.decisionLink
            ? [`يرجى تأكيد مشاركتكم أو الاعتذار عنها من هنا: ${m.decisionLink}`]
            : []),
          'تتضمن صفحة المشارك تفاصيل الفعالية وملف التقويم ورمز تسجيل الحضور.',
        ],
        action: 'فتح صفحة المشارك',
        footer:
          'تتلقّون هذه الرسالة لأن دولتكم رشّحتكم لهذه الفعالية. يرجى عدم إعادة توجيهها: الروابط شخصية.',
      },
      participant_reminder: {
        subject: (m, f) => `تذكير: ${m.eventTitle}، ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          `تبدأ فعالية ${m.eventTitle} يوم ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`المكان: ${m.place}.`] : []),
          'تتضمن صفحة المشارك ملف التقويم ورمز تسجيل الحضور الذي تُبرزونه عند الوصول.',
        ],
        action: 'فتح صفحة المشارك',
        footer: 'تتلقّون هذا التذكير لأنكم أكّدتم مشاركتكم. يرجى عدم إعادة توجيهه: الرابط شخصي.',
      },
      nomination_received: {
        subject: (m) => `ترشيح من ${m.stateName}: ${m.eventTitle}`,
        paragraphs: (m) => [
          `مرحبًا ${m.name}،`,
          `رشّحت ${m.stateName} ${m.nomineeName} للمشاركة في ${m.eventTitle}. الترشيح بانتظار قراركم.`,
        ],
        action: 'مراجعة الترشيحات',
        footer:
          'تتلقون هذه الرسالة بصفتكم المسؤول عن هذه الفعالية. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
      },
      nomination_decided: {
        subject: (m, f) =>
          'decisions' in m
            ? `قرارات بشأن الترشيحات للمشاركة في ${m.eventTitle} (${f.count(m.decisions.length)})`
            : `ترشيح للمشاركة في ${m.eventTitle}: ${m.nomineeName}`,
        paragraphs: (m, f) =>
          'decisions' in m
            ? [
                `مرحبًا ${m.name}،`,
                `اتُّخذت قرارات بشأن ترشيحات دولتكم للمشاركة في ${m.eventTitle}، وعددها ${f.count(m.decisions.length)}:`,
                ...m.decisions.map(
                  (d) =>
                    `${d.nomineeName}: ${{ approved: 'تمت الموافقة', waitlisted: 'على قائمة الانتظار', declined: 'رُفض الترشيح' }[d.decision]}${d.reason ? ` (السبب: ${d.reason})` : ''}`,
                ),
                'سيتلقى المشاركون الموافَق عليهم رسالة لتأكيد مشاركتهم. وإذا شغر مقعد فسيُعرض على من في قائمة الانتظار.',
              ]
            : [
                `مرحبًا ${m.name}،`,
                m.decision === 'approved'
                  ? `تمت الموافقة على ترشيح ${m.nomineeName} للمشاركة في ${m.eventTitle}. ستصله رسالة لتأكيد مشاركته.`
                  : m.decision === 'waitlisted'
                    ? `وُضع ترشيح ${m.nomineeName} للمشاركة في ${m.eventTitle} على قائمة الانتظار. وإذا شغر مقعد فسيُعرض عليه.`
                    : `رُفض ترشيح ${m.nomineeName} للمشاركة في ${m.eventTitle}.`,
                ...(m.reason ? [`السبب: ${m.reason}`] : []),
              ],
        action: 'فتح الترشيحات',
        footer:
          'تتلقون هذه الرسالة بصفتكم جهة التنسيق للدولة التي قدّمت الترشيح. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
      },
      participation_confirmation: {
        subject: (m) => `يرجى تأكيد مشاركتكم: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          `يسرّ ${m.tenantName} أن يؤكد لكم مقعدًا في ${m.eventTitle}.`,
          `المواعيد: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`المكان: ${m.place}.`] : []),
          'يرجى إبلاغنا عبر الزر أدناه بما إذا كنتم ستشاركون، مع أي احتياجات غذائية أو احتياجات تتعلق بإمكانية الوصول. لا يمكن استخدام الرابط إلا مرة واحدة.',
          `صفحتكم الخاصة بالمشاركة، وفيها ملف التقويم ورمز التسجيل ولاحقًا شهادتكم: ${m.pageLink}`,
          'الدعوة الخاصة بتقويمكم مرفقة.',
        ],
        action: 'التأكيد أو الاعتذار',
        footer: 'تتلقون هذه الرسالة لأن دولتكم رشّحتكم لهذه الفعالية. احتفظوا بها: الروابط شخصية.',
      },
      // Invitations of States (part-inv).
      state_invited: {
        subject: (m) => `دعوة إلى ${m.stateName}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          `تدعو ${m.tenantName} ${m.stateName} إلى ${m.eventTitle}، وعدد المقاعد المخصصة: ${f.count(m.seats)}.`,
          `المواعيد: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`المكان: ${m.place}.`] : []),
          `يُرجى قبول الدعوة أو الاعتذار عنها وترشيح المشاركين قبل ${f.date(m.deadline)}.`,
        ],
        action: 'الرد على الدعوة',
        footer:
          'تتلقّون هذه الرسالة بصفتكم جهة التنسيق للدولة المدعوة. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
      },
      invitation_updated: {
        subject: (m) => `تعديل الدعوة: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          ...(m.seatRequest
            ? [
                m.seatRequest.granted
                  ? `تمت الموافقة على طلبكم الحصول على مقاعد إضافية لـ${m.stateName}.`
                  : `رُفض طلبكم الحصول على مقاعد إضافية لـ${m.stateName}.`,
                ...(m.seatRequest.answer ? [`الرد: ${m.seatRequest.answer}`] : []),
              ]
            : [`عُدّلت دعوة ${m.stateName} إلى ${m.eventTitle}.`]),
          m.seats === m.previousSeats
            ? `عدد المقاعد: ${f.count(m.seats)}.`
            : `عدد المقاعد: ${f.count(m.seats)} (كان ${f.count(m.previousSeats)}).`,
          m.deadline === m.previousDeadline
            ? `الموعد النهائي للترشيحات: ${f.date(m.deadline)}.`
            : `الموعد النهائي للترشيحات: ${f.date(m.deadline)} (كان ${f.date(m.previousDeadline)}).`,
        ],
        action: 'فتح الدعوة',
        footer:
          'تتلقّون هذه الرسالة بصفتكم جهة التنسيق للدولة المدعوة. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
      },
      invitation_answered: {
        subject: (m) =>
          m.answer === 'accepted'
            ? `${m.stateName} تقبل الدعوة: ${m.eventTitle}`
            : m.answer === 'declined'
              ? `${m.stateName} تعتذر عن الدعوة: ${m.eventTitle}`
              : `${m.stateName} تطلب مقاعد إضافية: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          m.answer === 'accepted'
            ? `قبلت ${m.stateName} الدعوة إلى ${m.eventTitle}.`
            : m.answer === 'declined'
              ? `اعتذرت ${m.stateName} عن الدعوة إلى ${m.eventTitle}.`
              : `تطلب ${m.stateName} ما مجموعه ${f.count(m.seats ?? 0)} من المقاعد في ${m.eventTitle}.`,
          ...(m.reason ? [`السبب المذكور: ${m.reason}`] : []),
        ],
        action: 'فتح المشاركة',
        footer:
          'تتلقّون هذه الرسالة بصفتكم مسؤولًا عن هذه الفعالية. يمكنكم إيقاف هذه الرسائل من ملفكم الشخصي.',
      },
      nomination_reminder: {
        subject: (m, f) => `الترشيحات قبل ${f.date(m.deadline)}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          `آخر موعد لترشيح ${m.stateName} مشاركين في ${m.eventTitle} هو ${f.date(m.deadline)}.`,
          `المقاعد المتبقية: ${f.count(m.seatsLeft)}.`,
        ],
        action: 'ترشيح المشاركين',
        footer:
          'تتلقّون هذا التذكير بصفتكم جهة التنسيق للدولة المدعوة. يمكنكم إيقاف التذكيرات من ملفكم الشخصي.',
      },
      certificate_issued: {
        subject: (m) => `شهادة مشاركتكم: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          `أصدرت ${m.tenantName} شهادة مشاركتكم في ${m.eventTitle} (${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}).`,
          'يمكنكم تنزيلها بصيغة PDF من صفحة المشارك الخاصة بكم.',
          `رمز التحقق منها هو ${m.verificationCode}، ويمكن لأي شخص التأكد من صحتها على ${m.verificationUrl}`,
        ],
        action: 'تنزيل الشهادة',
        footer: 'تتلقّون هذه الرسالة لأنكم شاركتم في هذه الفعالية.',
      },
      expert_assigned: {
        subject: (m) => `مطلوب مشاركتك: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `مرحبًا ${m.name}،`,
          m.sessionTitle
            ? `تدعوك ${m.tenantName} إلى المشاركة في ${m.eventTitle} بصفة ${EXPERT_ROLE_NAMES.ar[m.role]} في جلسة «${m.sessionTitle}».`
            : `تدعوك ${m.tenantName} إلى المشاركة في ${m.eventTitle} بصفة ${EXPERT_ROLE_NAMES.ar[m.role]}.`,
          `التواريخ: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          'يرجى القبول أو الاعتذار في Convene. يظهر اسمك في جدول الأعمال بعد قبولك.',
        ],
        action: 'الرد على الطلب',
        footer:
          'تتلقى هذه الرسالة بصفتك خبيراً لدى هذه المنظمة. يمكنك إيقاف هذه الرسائل من ملفك الشخصي.',
      },
      ...REQUEST_MAIL_STRINGS.ar,
      ...ASSESSMENT_MAIL_STRINGS.ar,
    },
  },
  zh: {
    // Simplified Chinese, as the UN writes it.
    locale: 'zh-Hans',
    linkIntro: '如果按钮无法使用，请将以下链接复制到浏览器中：',
    roles: {
      tenant_admin: '组织管理员',
      programme_officer: '方案干事',
      focal_point: '联络人',
      expert: '专家',
    },
    participantExport: {
      sheet: '参与者',
      columns: {
        name: '姓名',
        state: '国家',
        stateCode: '国家代码',
        functionTitle: '职务',
        institution: '所属机构',
        institutionType: '机构类型',
        email: '电子邮件',
        sex: '性别',
        audience: '目标受众',
        preferredLanguage: '首选语言',
        languages: '工作语言',
        status: '状态',
        confirmation: '参与者的答复',
        dietaryNeeds: '饮食需求',
        accessibilityNeeds: '无障碍需求',
      },
    },
    kinds: {
      invitation: {
        subject: (m) => `邀请您加入 Convene 上的 ${m.tenantName}`,
        paragraphs: (m, f) => [
          m.inviterName === null
            ? `我们邀请您以${f.role(m.role)}身份加入 Convene 上的 ${m.tenantName}。`
            : `${m.inviterName} 邀请您以${f.role(m.role)}身份加入 Convene 上的 ${m.tenantName}。`,
          `该链接只能使用一次，有效期至 ${f.date(m.expiresAt)}。`,
        ],
        action: '接受邀请',
        footer: '如果您并未期待此邀请，可以忽略本邮件。',
      },
      password_reset: {
        subject: () => '重置您的 Convene 密码',
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          `我们收到了重置您 Convene 密码的请求。该链接只能使用一次，有效期为 ${f.minutes(m.minutes)}。`,
        ],
        action: '设置新密码',
        footer: '如果这不是您本人的请求，请忽略本邮件：您的密码不会改变。',
      },
      admin_digest: {
        subject: (m) => `${m.tenantName} 中待决定的事项`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          ...(m.expiringInvitations.length > 0
            ? [
                '以下邀请尚未被接受，即将过期：',
                ...m.expiringInvitations.map(
                  (i) => `${i.email}（${f.role(i.role)}），有效期至 ${f.date(i.expiresAt)}`,
                ),
              ]
            : []),
          ...(m.failedMails > 0
            ? [`过去 24 小时内无法投递的邮件：${f.count(m.failedMails)} 封。`]
            : []),
        ],
        action: '在 Convene 中查看',
        footer: '您以组织管理员身份收到此摘要。您可以在个人资料中关闭此摘要。',
      },
      event_reminder: {
        subject: (m, f) => `提醒：${m.eventTitle}，${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          `${m.eventTitle} 将于 ${f.dateTime(m.startsAt, m.timeZone)} 开始。`,
          ...(m.place ? [`地点：${m.place}。`] : []),
          '附件为可添加到您日历中的邀请。',
        ],
        action: '打开活动',
        footer: '您收到此提醒，是因为您是本活动的组织者或发言人。您可以在个人资料中关闭提醒。',
      },
      event_announced: {
        subject: (m) => `新活动：${m.eventTitle}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          `${m.tenantName} 宣布了一项由贵国主办的活动：${m.eventTitle}。`,
          `时间：${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}。`,
          ...(m.place ? [`地点：${m.place}。`] : []),
        ],
        action: '打开活动',
        footer:
          '您收到此邮件，是因为您是主办本活动的国家的联络人。您可以在个人资料中关闭此类邮件。',
      },
      participant_links: {
        subject: (m) => `您参加 ${m.eventTitle} 的链接`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          `${m.tenantName} 向您发送了 ${m.eventTitle} 的新链接，该活动将于 ${f.dateTime(m.startsAt, m.timeZone)} 开始。您之前收到的链接已失效。`,
          ...(m.decisionLink ? [`请在此确认或谢绝参加：${m.decisionLink}`] : []),
          '您的参会者页面包含活动详情、日历文件和签到码。',
        ],
        action: '打开参会者页面',
        footer: '您收到此邮件，是因为您的国家提名您参加本活动。请勿转发：这些链接仅供您本人使用。',
      },
      participant_reminder: {
        subject: (m, f) => `提醒：${m.eventTitle}，${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          `${m.eventTitle} 将于 ${f.dateTime(m.startsAt, m.timeZone)} 开始。`,
          ...(m.place ? [`地点：${m.place}。`] : []),
          '您的参会者页面包含日历文件和抵达时出示的签到码。',
        ],
        action: '打开参会者页面',
        footer: '您收到此提醒，是因为您已确认参加。请勿转发：该链接仅供您本人使用。',
      },
      nomination_received: {
        subject: (m) => `${m.stateName}的提名：${m.eventTitle}`,
        paragraphs: (m) => [
          `${m.name}，您好：`,
          `${m.stateName}已提名${m.nomineeName}参加${m.eventTitle}。该提名等待您的决定。`,
        ],
        action: '审阅提名',
        footer: '您收到此邮件，是因为您是本活动的负责人。您可以在个人资料中关闭此类邮件。',
      },
      nomination_decided: {
        subject: (m, f) =>
          'decisions' in m
            ? `${m.eventTitle}的${f.count(m.decisions.length)}项提名已有决定`
            : `${m.eventTitle}的提名：${m.nomineeName}`,
        paragraphs: (m, f) =>
          'decisions' in m
            ? [
                `${m.name}，您好：`,
                `贵国为${m.eventTitle}提出的${f.count(m.decisions.length)}项提名已有决定：`,
                ...m.decisions.map(
                  (d) =>
                    `${d.nomineeName}：${{ approved: '已获批准', waitlisted: '已列入候补名单', declined: '未获批准' }[d.decision]}${d.reason ? `（理由：${d.reason}）` : ''}`,
                ),
                '获批准的参与者将收到一封确认参加的电子邮件。如有空出的名额，将提供给候补名单上的人员。',
              ]
            : [
                `${m.name}，您好：`,
                m.decision === 'approved'
                  ? `${m.nomineeName}参加${m.eventTitle}的提名已获批准。其本人将收到一封确认参加的电子邮件。`
                  : m.decision === 'waitlisted'
                    ? `${m.nomineeName}参加${m.eventTitle}的提名已列入候补名单。如有空出的名额，将优先提供给其本人。`
                    : `${m.nomineeName}参加${m.eventTitle}的提名未获批准。`,
                ...(m.reason ? [`理由：${m.reason}`] : []),
              ],
        action: '打开提名',
        footer: '您收到此邮件，是因为您是提名国的联络人。您可以在个人资料中关闭此类邮件。',
      },
      participation_confirmation: {
        subject: (m) => `请确认您的参加：${m.eventTitle}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          `${m.tenantName}很高兴为您确认${m.eventTitle}的名额。`,
          `时间：${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}。`,
          ...(m.place ? [`地点：${m.place}。`] : []),
          '请通过下方按钮告知您是否参加，并说明任何饮食或无障碍需求。该链接仅可使用一次。',
          `您的参会者页面，包含日历文件、签到码以及日后的证书：${m.pageLink}`,
          '随附您日历的邀请。',
        ],
        action: '确认或谢绝',
        footer: '您收到此邮件，是因为贵国提名您参加本活动。请妥善保存：链接仅供您本人使用。',
      },
      // Invitations of States (part-inv).
      state_invited: {
        subject: (m) => `致${m.stateName}的邀请：${m.eventTitle}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          `${m.tenantName} 邀请${m.stateName}参加 ${m.eventTitle}，名额为 ${f.count(m.seats)} 个。`,
          `时间：${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}。`,
          ...(m.place ? [`地点：${m.place}。`] : []),
          `请在 ${f.date(m.deadline)} 之前接受或谢绝邀请并提名参与者。`,
        ],
        action: '答复邀请',
        footer: '您收到此邮件，是因为您是受邀国家的联络人。您可以在个人资料中关闭此类邮件。',
      },
      invitation_updated: {
        subject: (m) => `邀请已更新：${m.eventTitle}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          ...(m.seatRequest
            ? [
                m.seatRequest.granted
                  ? `您为${m.stateName}申请增加名额的请求已获批准。`
                  : `您为${m.stateName}申请增加名额的请求未获批准。`,
                ...(m.seatRequest.answer ? [`答复：${m.seatRequest.answer}`] : []),
              ]
            : [`${m.stateName}参加 ${m.eventTitle} 的邀请已更改。`]),
          m.seats === m.previousSeats
            ? `名额：${f.count(m.seats)}。`
            : `名额：${f.count(m.seats)}（原为 ${f.count(m.previousSeats)}）。`,
          m.deadline === m.previousDeadline
            ? `提名截止日期：${f.date(m.deadline)}。`
            : `提名截止日期：${f.date(m.deadline)}（原为 ${f.date(m.previousDeadline)}）。`,
        ],
        action: '打开邀请',
        footer: '您收到此邮件，是因为您是受邀国家的联络人。您可以在个人资料中关闭此类邮件。',
      },
      invitation_answered: {
        subject: (m) =>
          m.answer === 'accepted'
            ? `${m.stateName}接受邀请：${m.eventTitle}`
            : m.answer === 'declined'
              ? `${m.stateName}谢绝邀请：${m.eventTitle}`
              : `${m.stateName}申请增加名额：${m.eventTitle}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          m.answer === 'accepted'
            ? `${m.stateName}已接受参加 ${m.eventTitle} 的邀请。`
            : m.answer === 'declined'
              ? `${m.stateName}已谢绝参加 ${m.eventTitle} 的邀请。`
              : `${m.stateName}申请 ${m.eventTitle} 共 ${f.count(m.seats ?? 0)} 个名额。`,
          ...(m.reason ? [`所述理由：${m.reason}`] : []),
        ],
        action: '打开参与情况',
        footer: '您收到此邮件，是因为您是本活动的负责人。您可以在个人资料中关闭此类邮件。',
      },
      nomination_reminder: {
        subject: (m, f) => `请于 ${f.date(m.deadline)} 前提名：${m.eventTitle}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          `${m.stateName}为 ${m.eventTitle} 提名参与者的截止日期为 ${f.date(m.deadline)}。`,
          `剩余名额：${f.count(m.seatsLeft)}。`,
        ],
        action: '提名参与者',
        footer: '您收到此提醒，是因为您是受邀国家的联络人。您可以在个人资料中关闭提醒。',
      },
      certificate_issued: {
        subject: (m) => `您的参会证书：${m.eventTitle}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          `${m.tenantName} 已为您颁发 ${m.eventTitle}（${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}）的参会证书。`,
          '您可以在参会者页面下载 PDF 版本。',
          `证书验证码为 ${m.verificationCode}，任何人都可以在 ${m.verificationUrl} 核实其真实性。`,
        ],
        action: '下载证书',
        footer: '您收到此邮件，是因为您参加了本活动。',
      },
      expert_assigned: {
        subject: (m) => `邀请您参加：${m.eventTitle}`,
        paragraphs: (m, f) => [
          `${m.name}，您好：`,
          m.sessionTitle
            ? `${m.tenantName} 邀请您以${EXPERT_ROLE_NAMES.zh[m.role]}身份参加 ${m.eventTitle} 的“${m.sessionTitle}”会议。`
            : `${m.tenantName} 邀请您以${EXPERT_ROLE_NAMES.zh[m.role]}身份参加 ${m.eventTitle}。`,
          `日期：${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}。`,
          '请在 Convene 中接受或谢绝。接受后，您的姓名将列入议程。',
        ],
        action: '答复邀请',
        footer: '您作为本组织的专家收到此邮件。您可以在个人资料中关闭此类邮件。',
      },
      ...REQUEST_MAIL_STRINGS.zh,
      ...ASSESSMENT_MAIL_STRINGS.zh,
    },
  },
  ru: {
    locale: 'ru',
    linkIntro: 'Если кнопка не работает, скопируйте эту ссылку в адресную строку браузера:',
    roles: {
      tenant_admin: 'администратор организации',
      programme_officer: 'сотрудник по программам',
      focal_point: 'координатор',
      expert: 'эксперт',
    },
    participantExport: {
      sheet: 'Участники',
      columns: {
        name: 'ФИО',
        state: 'Государство',
        stateCode: 'Код государства',
        functionTitle: 'Должность',
        institution: 'Учреждение',
        institutionType: 'Тип учреждения',
        email: 'Электронная почта',
        sex: 'Пол',
        audience: 'Целевая аудитория',
        preferredLanguage: 'Предпочтительный язык',
        languages: 'Рабочие языки',
        status: 'Статус',
        confirmation: 'Ответ участника',
        dietaryNeeds: 'Диетические потребности',
        accessibilityNeeds: 'Потребности в доступности',
      },
    },
    kinds: {
      invitation: {
        subject: (m) => `Приглашение присоединиться к ${m.tenantName} в Convene`,
        paragraphs: (m, f) => [
          // "С ролью «…»" keeps the role in the nominative, as the roles list gives it.
          m.inviterName === null
            ? `Приглашаем вас присоединиться к ${m.tenantName} в Convene с ролью «${f.role(m.role)}».`
            : `${m.inviterName} приглашает вас присоединиться к ${m.tenantName} в Convene с ролью «${f.role(m.role)}».`,
          // The date ends in "г.": it stays inside the sentence, not before its full stop.
          `Ссылка действительна до ${f.date(m.expiresAt)} и может быть использована только один раз.`,
        ],
        action: 'Принять приглашение',
        footer: 'Если вы не ожидали этого приглашения, просто проигнорируйте это сообщение.',
      },
      password_reset: {
        subject: () => 'Сброс пароля Convene',
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          // The duration after a colon stays in the nominative that Intl gives ("1 минута").
          `Мы получили запрос на сброс вашего пароля Convene. Ссылкой можно воспользоваться только один раз. Срок её действия: ${f.minutes(m.minutes)}.`,
        ],
        action: 'Задать новый пароль',
        footer:
          'Если вы не запрашивали сброс, проигнорируйте это сообщение: ваш пароль не изменится.',
      },
      admin_digest: {
        subject: (m) => `Ожидает решения в ${m.tenantName}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          ...(m.expiringInvitations.length > 0
            ? [
                'Эти приглашения ещё не приняты, и срок их действия скоро истекает:',
                ...m.expiringInvitations.map(
                  (i) => `${i.email} (${f.role(i.role)}), до ${f.date(i.expiresAt)}`,
                ),
              ]
            : []),
          ...(m.failedMails > 0
            ? [
                `Сообщений, которые не удалось доставить за последние 24 часа: ${f.count(m.failedMails)}.`,
              ]
            : []),
        ],
        action: 'Открыть в Convene',
        footer:
          'Вы получаете эту сводку как администратор организации. Её можно отключить в профиле.',
      },
      event_reminder: {
        subject: (m, f) => `Напоминание: ${m.eventTitle}, ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          `Начало мероприятия «${m.eventTitle}»: ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`Место проведения: ${m.place}.`] : []),
          'Приглашение для вашего календаря прилагается.',
        ],
        action: 'Открыть мероприятие',
        footer:
          'Вы получаете это напоминание, потому что организуете это мероприятие или выступаете на нём. Напоминания можно отключить в профиле.',
      },
      event_announced: {
        subject: (m) => `Новое мероприятие: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          `${m.tenantName} объявляет о мероприятии, которое принимает ваше государство: «${m.eventTitle}».`,
          `Сроки: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Место проведения: ${m.place}.`] : []),
        ],
        action: 'Открыть мероприятие',
        footer:
          'Вы получаете это сообщение как координатор государства, принимающего это мероприятие. Такие сообщения можно отключить в профиле.',
      },
      participant_links: {
        subject: (m) => `Ваши ссылки для мероприятия «${m.eventTitle}»`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          `${m.tenantName} направляет вам новые ссылки для мероприятия «${m.eventTitle}», которое начнётся ${f.dateTime(m.startsAt, m.timeZone)}. Полученные ранее ссылки больше не действуют.`,
          ...(m.decisionLink
            ? [`Подтвердите участие или откажитесь от него здесь: ${m.decisionLink}`]
            : []),
          'На вашей странице участника есть сведения о мероприятии, файл для календаря и код регистрации.',
        ],
        action: 'Открыть страницу участника',
        footer:
          'Вы получаете это сообщение, потому что ваше государство выдвинуло вас для участия в этом мероприятии. Не пересылайте его: ссылки персональные.',
      },
      participant_reminder: {
        subject: (m, f) => `Напоминание: ${m.eventTitle}, ${f.date(m.startsAt)}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          `Начало мероприятия «${m.eventTitle}»: ${f.dateTime(m.startsAt, m.timeZone)}.`,
          ...(m.place ? [`Место проведения: ${m.place}.`] : []),
          'На вашей странице участника есть файл для календаря и код регистрации, который нужно показать по прибытии.',
        ],
        action: 'Открыть страницу участника',
        footer:
          'Вы получаете это напоминание, потому что подтвердили своё участие. Не пересылайте его: ссылка персональная.',
      },
      nomination_received: {
        subject: (m) => `Кандидатура от государства ${m.stateName}: ${m.eventTitle}`,
        paragraphs: (m) => [
          `Здравствуйте, ${m.name}!`,
          `Государство ${m.stateName} выдвинуло кандидатуру ${m.nomineeName} на мероприятие «${m.eventTitle}». Кандидатура ожидает вашего решения.`,
        ],
        action: 'Рассмотреть кандидатуры',
        footer:
          'Вы получаете это сообщение как ответственный за это мероприятие. Такие сообщения можно отключить в профиле.',
      },
      nomination_decided: {
        subject: (m, f) =>
          'decisions' in m
            ? `Решения по кандидатурам на «${m.eventTitle}»: ${f.count(m.decisions.length)}`
            : `Кандидатура на «${m.eventTitle}»: ${m.nomineeName}`,
        paragraphs: (m, f) =>
          'decisions' in m
            ? [
                `Здравствуйте, ${m.name}!`,
                `По кандидатурам вашего государства на мероприятие «${m.eventTitle}» приняты решения (${f.count(m.decisions.length)}):`,
                ...m.decisions.map(
                  (d) =>
                    `${d.nomineeName}: ${{ approved: 'одобрена', waitlisted: 'в листе ожидания', declined: 'отклонена' }[d.decision]}${d.reason ? ` (причина: ${d.reason})` : ''}`,
                ),
                'Утверждённым участникам придёт письмо с просьбой подтвердить участие. Если место освободится, его предложат кандидатам из листа ожидания.',
              ]
            : [
                `Здравствуйте, ${m.name}!`,
                m.decision === 'approved'
                  ? `Кандидатура ${m.nomineeName} на мероприятие «${m.eventTitle}» одобрена. Участнику придёт письмо с просьбой подтвердить участие.`
                  : m.decision === 'waitlisted'
                    ? `Кандидатура ${m.nomineeName} на мероприятие «${m.eventTitle}» внесена в лист ожидания. Если место освободится, его предложат этому участнику.`
                    : `Кандидатура ${m.nomineeName} на мероприятие «${m.eventTitle}» отклонена.`,
                ...(m.reason ? [`Причина: ${m.reason}`] : []),
              ],
        action: 'Открыть кандидатуры',
        footer:
          'Вы получаете это сообщение как координатор государства, выдвинувшего кандидатуру. Такие сообщения можно отключить в профиле.',
      },
      participation_confirmation: {
        subject: (m) => `Пожалуйста, подтвердите участие: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          `${m.tenantName}: с радостью подтверждаем вам место на мероприятии «${m.eventTitle}».`,
          `Сроки: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Место проведения: ${m.place}.`] : []),
          'Сообщите нам с помощью кнопки ниже, примете ли вы участие, и укажите потребности в питании или доступности. Ссылкой можно воспользоваться только один раз.',
          `Ваша страница участника с файлом календаря, кодом регистрации и впоследствии сертификатом: ${m.pageLink}`,
          'Приглашение для вашего календаря прилагается.',
        ],
        action: 'Подтвердить или отказаться',
        footer:
          'Вы получаете это сообщение, потому что ваше государство выдвинуло вашу кандидатуру на это мероприятие. Сохраните его: ссылки персональные.',
      },
      // Invitations of States (part-inv).
      state_invited: {
        subject: (m) => `Приглашение для государства ${m.stateName}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          `${m.tenantName} приглашает государство ${m.stateName} на мероприятие «${m.eventTitle}». Число мест: ${f.count(m.seats)}.`,
          `Сроки: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          ...(m.place ? [`Место проведения: ${m.place}.`] : []),
          `Просим принять приглашение или отказаться от него и выдвинуть участников до ${f.date(m.deadline)}.`,
        ],
        action: 'Ответить на приглашение',
        footer:
          'Вы получаете это сообщение как координатор приглашённого государства. Такие сообщения можно отключить в профиле.',
      },
      invitation_updated: {
        subject: (m) => `Приглашение изменено: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          ...(m.seatRequest
            ? [
                m.seatRequest.granted
                  ? `Ваш запрос на дополнительные места для государства ${m.stateName} удовлетворён.`
                  : `Ваш запрос на дополнительные места для государства ${m.stateName} отклонён.`,
                ...(m.seatRequest.answer ? [`Ответ: ${m.seatRequest.answer}`] : []),
              ]
            : [
                `Приглашение государства ${m.stateName} на мероприятие «${m.eventTitle}» изменено.`,
              ]),
          m.seats === m.previousSeats
            ? `Число мест: ${f.count(m.seats)}.`
            : `Число мест: ${f.count(m.seats)} (ранее ${f.count(m.previousSeats)}).`,
          m.deadline === m.previousDeadline
            ? `Срок выдвижения кандидатур: ${f.date(m.deadline)}.`
            : `Срок выдвижения кандидатур: ${f.date(m.deadline)} (ранее ${f.date(m.previousDeadline)}).`,
        ],
        action: 'Открыть приглашение',
        footer:
          'Вы получаете это сообщение как координатор приглашённого государства. Такие сообщения можно отключить в профиле.',
      },
      invitation_answered: {
        subject: (m) =>
          m.answer === 'accepted'
            ? `${m.stateName}: приглашение принято — ${m.eventTitle}`
            : m.answer === 'declined'
              ? `${m.stateName}: приглашение отклонено — ${m.eventTitle}`
              : `${m.stateName}: запрос дополнительных мест — ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          m.answer === 'accepted'
            ? `Государство ${m.stateName} приняло приглашение на мероприятие «${m.eventTitle}».`
            : m.answer === 'declined'
              ? `Государство ${m.stateName} отклонило приглашение на мероприятие «${m.eventTitle}».`
              : `Государство ${m.stateName} просит всего ${f.count(m.seats ?? 0)} мест на мероприятии «${m.eventTitle}».`,
          ...(m.reason ? [`Указанная причина: ${m.reason}`] : []),
        ],
        action: 'Открыть участие',
        footer:
          'Вы получаете это сообщение как ответственный за это мероприятие. Такие сообщения можно отключить в профиле.',
      },
      nomination_reminder: {
        subject: (m, f) => `Кандидатуры до ${f.date(m.deadline)}: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          `Государство ${m.stateName} может выдвинуть участников мероприятия «${m.eventTitle}» до ${f.date(m.deadline)}.`,
          `Осталось мест: ${f.count(m.seatsLeft)}.`,
        ],
        action: 'Выдвинуть участников',
        footer:
          'Вы получаете это напоминание как координатор приглашённого государства. Напоминания можно отключить в профиле.',
      },
      certificate_issued: {
        subject: (m) => `Ваш сертификат участника: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          `${m.tenantName} выдает вам сертификат участника мероприятия «${m.eventTitle}» (${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}).`,
          'Его можно скачать в формате PDF на вашей странице участника.',
          `Код проверки: ${m.verificationCode}. Любой может убедиться в подлинности сертификата по адресу ${m.verificationUrl}`,
        ],
        action: 'Скачать сертификат',
        footer: 'Вы получаете это сообщение, потому что участвовали в этом мероприятии.',
      },
      expert_assigned: {
        subject: (m) => `Приглашение к участию: ${m.eventTitle}`,
        paragraphs: (m, f) => [
          `Здравствуйте, ${m.name}!`,
          m.sessionTitle
            ? `${m.tenantName} приглашает вас принять участие в мероприятии «${m.eventTitle}» в качестве ${EXPERT_ROLE_NAMES.ru[m.role]} на заседании «${m.sessionTitle}».`
            : `${m.tenantName} приглашает вас принять участие в мероприятии «${m.eventTitle}» в качестве ${EXPERT_ROLE_NAMES.ru[m.role]}.`,
          `Даты: ${f.dateTimeRange(m.startsAt, m.endsAt, m.timeZone)}.`,
          'Пожалуйста, примите или отклоните приглашение в Convene. Ваше имя появится в программе после того, как вы его примете.',
        ],
        action: 'Ответить на приглашение',
        footer:
          'Вы получаете это сообщение как эксперт этой организации. Такие сообщения можно отключить в профиле.',
      },
      ...REQUEST_MAIL_STRINGS.ru,
      ...ASSESSMENT_MAIL_STRINGS.ru,
    },
  },
};

const isMailLanguage = (language: Language): language is MailLanguage =>
  (MAIL_LANGUAGES as readonly Language[]).includes(language);

/** The language a mail is written in for a recipient: theirs if shipped, else English. */
export const mailLanguageFor = (language: Language): MailLanguage =>
  isMailLanguage(language) ? language : 'en';
