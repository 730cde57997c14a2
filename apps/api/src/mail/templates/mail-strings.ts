import type { Language, Role } from '@convene/contracts';
import type { MailKind, MessageOf } from './mail-message';

/**
 * Languages whose mail strings are complete. A recipient with any other UN
 * language (ar, zh, ru for now) gets the English mail: an English message
 * they can read, or have translated, beats a half-translated one. Adding a
 * language here makes the compiler demand every string for it.
 */
export const MAIL_LANGUAGES = ['en', 'fr', 'es'] as const satisfies readonly Language[];
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** Locale-aware formatting, handed to the strings so that they stay plain sentences. */
export interface MailFormat {
  /** An ISO 8601 instant as a long date, e.g. "5 December 2026". */
  date(iso: string): string;
  /** E.g. "1 minute", "30 minutes", with the language's plural rules. */
  minutes(count: number): string;
  /** An instant as the clock in `zone` shows it, e.g. "Tuesday 9 March 2027, 09:00 CET". */
  dateTime(iso: string, zone: string): string;
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
}

/** French puts a no-break space before ":", so the colon never starts a line. */
const NBSP = '\u00a0';

/** French elides "que" before a vowel: "en tant qu’expert", "en tant que point focal". */
const enTantQue = (role: string) =>
  /^[aàâeéèêiîoôuûy]/i.test(role) ? `en tant qu’${role}` : `en tant que ${role}`;

/**
 * Role names follow the UN editorial practice of the generic masculine in
 * French and Spanish.
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
    },
  },
};

const isMailLanguage = (language: Language): language is MailLanguage =>
  (MAIL_LANGUAGES as readonly Language[]).includes(language);

/** The language a mail is written in for a recipient: theirs if shipped, else English. */
export const mailLanguageFor = (language: Language): MailLanguage =>
  isMailLanguage(language) ? language : 'en';
