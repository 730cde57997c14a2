import { type Language, type Role, UN_LANGUAGES } from '@convene/contracts';
import type { MailKind, MessageOf } from './mail-message';

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
}

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
    },
  },
};

const isMailLanguage = (language: Language): language is MailLanguage =>
  (MAIL_LANGUAGES as readonly Language[]).includes(language);

/** The language a mail is written in for a recipient: theirs if shipped, else English. */
export const mailLanguageFor = (language: Language): MailLanguage =>
  isMailLanguage(language) ? language : 'en';
