import Handlebars from 'handlebars';
import { MAIL_KINDS, OPTIONAL_MAIL_KINDS } from '@convene/contracts';
import type {
  AdminDigestMessage,
  EventAnnouncedMessage,
  EventReminderMessage,
  InvitationMessage,
  MailMessage,
  PasswordResetMessage,
} from './mail-message';
import { SECURITY_KINDS } from './mail-message';
import { renderMail } from './mail-renderer';
import { MAIL_LANGUAGES, type MailLanguage } from './mail-strings';

const context = { tenantName: 'Counter-Terrorism Centre', appUrl: 'https://convene.example' };

const invitation: InvitationMessage = {
  kind: 'invitation',
  tenantName: 'Counter-Terrorism Centre',
  inviterName: 'Amina Diallo',
  role: 'focal_point',
  link: 'https://convene.example/invitation/tok3n?lang=fr&x=1',
  expiresAt: '2026-12-05T12:00:00.000Z',
};

const passwordReset: PasswordResetMessage = {
  kind: 'password_reset',
  name: 'Amina Diallo',
  link: 'https://convene.example/reset-password/tok3n',
  minutes: 30,
};

const digest: AdminDigestMessage = {
  kind: 'admin_digest',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  expiringInvitations: [
    { email: 'expert@example.org', role: 'expert', expiresAt: '2026-12-02T09:00:00.000Z' },
  ],
  failedMails: 1234,
  link: 'https://convene.example/t/ctc/users',
};

const reminder: EventReminderMessage = {
  kind: 'event_reminder',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  timeZone: 'Europe/Vienna',
  place: 'Vienna International Centre, Vienna',
  link: 'https://convene.example/t/ctc/events/42',
  ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
};

const announced: EventAnnouncedMessage = {
  kind: 'event_announced',
  name: 'Amina Diallo',
  tenantName: 'Counter-Terrorism Centre',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: '2027-03-29T07:00:00.000Z',
  endsAt: '2027-03-29T15:30:00.000Z',
  timeZone: 'Europe/Vienna',
  place: 'Vienna International Centre, Vienna',
  link: 'https://convene.example/t/ctc/events/42',
};

/** The link as it appears in HTML, where "&" and "=" are escaped. */
const inHtml = (link: string) => Handlebars.escapeExpression(link);

describe('mail kinds', () => {
  it('always sends invitations and resets, and lets people turn off the others', () => {
    expect([...MAIL_KINDS].sort()).toEqual([
      'admin_digest',
      'event_announced',
      'event_reminder',
      'invitation',
      'password_reset',
    ]);
    expect([...SECURITY_KINDS].sort()).toEqual(['invitation', 'password_reset']);
    expect(OPTIONAL_MAIL_KINDS).toEqual(['admin_digest', 'event_reminder', 'event_announced']);
  });

  it('are written in all six UN languages', () => {
    expect([...MAIL_LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
  });
});

describe('renderMail', () => {
  const expected: Record<MailLanguage, Record<MailMessage['kind'], string>> = {
    en: {
      invitation: 'Invitation to join Counter-Terrorism Centre on Convene',
      password_reset: 'Reset your Convene password',
      admin_digest: 'Waiting for a decision in Counter-Terrorism Centre',
      event_reminder: 'Reminder: Regional workshop on digital evidence, 29 March 2027',
      event_announced: 'New event: Regional workshop on digital evidence',
    },
    fr: {
      invitation: 'Invitation à rejoindre Counter-Terrorism Centre sur Convene',
      password_reset: 'Réinitialisation de votre mot de passe Convene',
      admin_digest: 'En attente de décision dans Counter-Terrorism Centre',
      event_reminder: 'Rappel\u00a0: Regional workshop on digital evidence, 29 mars 2027',
      event_announced: 'Nouvel événement\u00a0: Regional workshop on digital evidence',
    },
    es: {
      invitation: 'Invitación para unirse a Counter-Terrorism Centre en Convene',
      password_reset: 'Restablecimiento de su contraseña de Convene',
      admin_digest: 'Pendiente de decisión en Counter-Terrorism Centre',
      event_reminder: 'Recordatorio: Regional workshop on digital evidence, 29 de marzo de 2027',
      event_announced: 'Nuevo evento: Regional workshop on digital evidence',
    },
    ar: {
      invitation: 'دعوة للانضمام إلى Counter-Terrorism Centre على Convene',
      password_reset: 'إعادة تعيين كلمة المرور في Convene',
      admin_digest: 'بانتظار قرار في Counter-Terrorism Centre',
      event_reminder: 'تذكير: Regional workshop on digital evidence، 29 مارس 2027',
      event_announced: 'فعالية جديدة: Regional workshop on digital evidence',
    },
    zh: {
      invitation: '邀请您加入 Convene 上的 Counter-Terrorism Centre',
      password_reset: '重置您的 Convene 密码',
      admin_digest: 'Counter-Terrorism Centre 中待决定的事项',
      event_reminder: '提醒：Regional workshop on digital evidence，2027年3月29日',
      event_announced: '新活动：Regional workshop on digital evidence',
    },
    ru: {
      invitation: 'Приглашение присоединиться к Counter-Terrorism Centre в Convene',
      password_reset: 'Сброс пароля Convene',
      admin_digest: 'Ожидает решения в Counter-Terrorism Centre',
      event_reminder: 'Напоминание: Regional workshop on digital evidence, 29 марта 2027 г.',
      event_announced: 'Новое мероприятие: Regional workshop on digital evidence',
    },
  };

  /** The button of each kind in each language: the body is in that language, not English. */
  const actions: Record<MailLanguage, Record<MailMessage['kind'], string>> = {
    en: {
      invitation: 'Accept the invitation',
      password_reset: 'Choose a new password',
      admin_digest: 'Review in Convene',
      event_reminder: 'Open the event',
      event_announced: 'Open the event',
    },
    fr: {
      invitation: 'Accepter l’invitation',
      password_reset: 'Choisir un nouveau mot de passe',
      admin_digest: 'Voir dans Convene',
      event_reminder: 'Voir l’événement',
      event_announced: 'Voir l’événement',
    },
    es: {
      invitation: 'Aceptar la invitación',
      password_reset: 'Elegir una nueva contraseña',
      admin_digest: 'Revisar en Convene',
      event_reminder: 'Ver el evento',
      event_announced: 'Ver el evento',
    },
    ar: {
      invitation: 'قبول الدعوة',
      password_reset: 'اختيار كلمة مرور جديدة',
      admin_digest: 'المراجعة في Convene',
      event_reminder: 'فتح الفعالية',
      event_announced: 'فتح الفعالية',
    },
    zh: {
      invitation: '接受邀请',
      password_reset: '设置新密码',
      admin_digest: '在 Convene 中查看',
      event_reminder: '打开活动',
      event_announced: '打开活动',
    },
    ru: {
      invitation: 'Принять приглашение',
      password_reset: 'Задать новый пароль',
      admin_digest: 'Открыть в Convene',
      event_reminder: 'Открыть мероприятие',
      event_announced: 'Открыть мероприятие',
    },
  };

  /** A greeting or opening in each language, which no other language's mail contains. */
  const opening: Record<MailLanguage, string> = {
    en: 'Hello Amina Diallo,',
    fr: 'Bonjour Amina Diallo,',
    es: 'Hola, Amina Diallo:',
    ar: 'مرحبًا Amina Diallo،',
    zh: 'Amina Diallo，您好：',
    ru: 'Здравствуйте, Amina Diallo!',
  };

  describe.each(MAIL_LANGUAGES)('in %s', (language) => {
    const dir = language === 'ar' ? 'rtl' : 'ltr';
    it.each<MailMessage>([invitation, passwordReset, digest, reminder, announced])(
      'renders $kind with its subject, words and link',
      (message) => {
        const mail = renderMail(message, language, context);
        expect(mail.subject).toBe(expected[language][message.kind]);
        expect(mail.text).toContain(`${actions[language][message.kind]}\n${message.link}`);
        expect(mail.html).toContain(
          `>${Handlebars.escapeExpression(actions[language][message.kind])}</a>`,
        );
        if (message.kind !== 'invitation') expect(mail.text).toContain(opening[language]);
        for (const other of MAIL_LANGUAGES.filter((l) => l !== language))
          expect(mail.text).not.toContain(opening[other]);
        expect(mail.text).toContain(message.link);
        expect(mail.html).toContain(`href="${inHtml(message.link)}"`);
        // Also as text, for clients that drop the button.
        expect(mail.html).toContain(`>${inHtml(message.link)}</a>`);
        expect(mail.html).toContain(`<html lang="${language}" dir="${dir}">`);
        expect(mail.html).toContain(`<title>${Handlebars.escapeExpression(mail.subject)}</title>`);
        if (message.kind !== 'event_reminder') expect(mail.attachments).toBeUndefined();
      },
    );
  });

  it('writes Arabic right to left, with the link kept left to right', () => {
    const mail = renderMail(invitation, 'ar', context);
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain(`dir="ltr" style="color:#005cbb;">${inHtml(invitation.link)}</a>`);
    // Nothing forces left alignment on the Arabic text: it starts on the right.
    expect(mail.html).not.toMatch(/text-align:\s*left/);
    expect(mail.text).toContain(
      'يدعوكم Amina Diallo إلى الانضمام إلى Counter-Terrorism Centre على Convene بصفة جهة تنسيق.',
    );
    expect(mail.text).toContain('صالح حتى 5 ديسمبر 2026.');
  });

  it('formats dates, numbers and plurals for Arabic, Chinese and Russian', () => {
    // Arabic has a dual: two minutes is one word.
    const ar = (minutes: number) => renderMail({ ...passwordReset, minutes }, 'ar', context).text;
    expect(ar(2)).toContain('مدة صلاحيته: دقيقتان.');
    expect(ar(5)).toContain('مدة صلاحيته: 5 دقائق.');
    expect(ar(30)).toContain('مدة صلاحيته: 30 دقيقة.');
    expect(renderMail(invitation, 'zh', context).text).toContain('有效期至 2026年12月5日。');
    expect(renderMail(digest, 'zh', context).text).toContain('无法投递的邮件：1,234 封。');
    expect(renderMail(passwordReset, 'zh', context).text).toContain('有效期为 30分钟。');
    // Russian has three forms: 1 минута, 2 минуты, 5 минут (and 21 минута).
    const ru = (minutes: number) => renderMail({ ...passwordReset, minutes }, 'ru', context).text;
    expect(ru(1)).toContain('Срок её действия: 1 минута.');
    expect(ru(2)).toContain('Срок её действия: 2 минуты.');
    expect(ru(21)).toContain('Срок её действия: 21 минута.');
    expect(ru(30)).toContain('Срок её действия: 30 минут.');
    expect(renderMail(invitation, 'ru', context).text).toContain(
      'Ссылка действительна до 5 декабря 2026 г. и может быть использована только один раз.',
    );
    // Russian groups thousands with a no-break space.
    expect(renderMail(digest, 'ru', context).text).toContain(
      'не удалось доставить за последние 24 часа: 1\u00a0234.',
    );
  });

  it('writes French in French, with French dates', () => {
    const mail = renderMail(invitation, 'fr', context);
    expect(mail.text).toContain(
      'Amina Diallo vous invite à rejoindre Counter-Terrorism Centre sur Convene en tant que point focal.',
    );
    expect(mail.text).toContain('jusqu’au 5 décembre 2026');
    expect(mail.html).toContain('Accepter l’invitation');
    expect(mail.text).not.toContain('invites you');
  });

  it('formats dates and durations for each language', () => {
    expect(renderMail(invitation, 'en', context).text).toContain('until 5 December 2026.');
    expect(renderMail(invitation, 'es', context).text).toContain(
      'hasta el 5 de diciembre de 2026.',
    );
    const first = { ...invitation, expiresAt: '2026-12-01T12:00:00.000Z' };
    expect(renderMail(first, 'fr', context).text).toContain('jusqu’au 1er décembre 2026.');
    expect(renderMail({ ...passwordReset, minutes: 1 }, 'en', context).text).toContain(
      'within 1 minute.',
    );
    expect(renderMail(passwordReset, 'es', context).text).toContain('durante 30 minutos.');
  });

  it('lists what waits in the digest, with numbers and dates for the language', () => {
    expect(renderMail(digest, 'en', context).text).toContain(
      'expert@example.org (expert), until 2 December 2026',
    );
    expect(renderMail(digest, 'en', context).text).toContain(
      'Messages that could not be delivered in the last 24 hours: 1,234.',
    );
    const french = renderMail(digest, 'fr', context).text;
    expect(french).toContain('expert@example.org (expert), jusqu’au 2 décembre 2026');
    // French groups thousands with a narrow no-break space.
    expect(french).toContain(
      'Messages non distribués ces dernières 24\u00a0heures\u00a0: 1\u202f234.',
    );
    const onlyFailures = renderMail({ ...digest, expiringInvitations: [] }, 'es', context).text;
    expect(onlyFailures).not.toContain('invitaciones');
    expect(onlyFailures).toContain('Mensajes no entregados en las últimas 24 horas: 1234.');
  });

  it('gives the event’s time as the venue’s clock shows it, and attaches the .ics', () => {
    const mail = renderMail(reminder, 'en', context);
    // 29 March 2027 is the first day of summer time in Vienna: 07:00Z is 09:00 there.
    expect(mail.text).toContain(
      'Regional workshop on digital evidence starts on Monday, 29 March 2027 at 09:00 (Europe/Vienna).',
    );
    expect(mail.text).toContain('Venue: Vienna International Centre, Vienna.');
    expect(mail.attachments).toEqual([
      {
        filename: 'event.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: reminder.ics,
      },
    ]);
    expect(renderMail(reminder, 'fr', context).text).toContain('lundi 29 mars 2027 à 09:00');
    expect(renderMail({ ...reminder, place: null }, 'es', context).text).not.toContain('Lugar');
  });

  it('announces an event with its dates on the venue’s clock and its venue', () => {
    const mail = renderMail(announced, 'en', context);
    expect(mail.text).toContain(
      'Counter-Terrorism Centre has announced an event that your State hosts: Regional workshop on digital evidence.',
    );
    // 07:00Z–15:30Z on the first day of summer time in Vienna: 09:00–17:30 there.
    expect(mail.text).toContain('Dates: Monday, 29 March 2027, 09:00–17:30 (Europe/Vienna).');
    expect(mail.text).toContain('Venue: Vienna International Centre, Vienna.');
    expect(mail.attachments).toBeUndefined();
    const days = { ...announced, endsAt: '2027-03-31T15:30:00.000Z', timeZone: 'America/New_York' };
    expect(renderMail(days, 'es', context).text).toContain(
      // A range over days puts thin spaces around its dash.
      'Fechas: lunes, 29 de marzo de 2027, 3:00\u2009–\u2009miércoles, 31 de marzo de 2027, 11:30 (America/New York).',
    );
    expect(renderMail(announced, 'zh', context).text).toContain(
      '时间：2027年3月29日星期一 09:00–17:30 (Europe/Vienna)。',
    );
    expect(renderMail({ ...announced, place: null }, 'fr', context).text).not.toContain('Lieu');
  });

  it('elides French "que" before a role starting with a vowel', () => {
    const mail = renderMail({ ...invitation, role: 'expert' }, 'fr', context);
    expect(mail.text).toContain('en tant qu’expert.');
  });

  it('reads naturally when the platform invites', () => {
    const platform = { ...invitation, inviterName: null, role: 'tenant_admin' as const };
    const platformContext = { ...context, tenantName: null };
    expect(renderMail(platform, 'en', platformContext).text).toContain(
      'You are invited to join Counter-Terrorism Centre on Convene as tenant administrator.',
    );
    expect(renderMail(platform, 'fr', platformContext).text).toContain(
      'Nous vous invitons à rejoindre Counter-Terrorism Centre sur Convene en tant qu’administrateur.',
    );
    expect(renderMail(platform, 'es', platformContext).text).toContain(
      'Le invitamos a unirse a Counter-Terrorism Centre en Convene como administrador.',
    );
    const html = renderMail(platform, 'en', platformContext).html;
    expect(html).not.toMatch(/null/);
    expect(html).toMatch(/<td dir="auto"[^>]*>Convene<\/td>/);
  });

  it('shows markup in user data as text, never as a tag', () => {
    const script = '<script>alert(1)</script>';
    const mails = [
      renderMail({ ...invitation, tenantName: script, inviterName: script }, 'en', {
        ...context,
        tenantName: script,
      }),
      renderMail({ ...passwordReset, name: script }, 'fr', context),
    ];
    for (const mail of mails) {
      expect(mail.html).not.toContain('<script');
      expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(mail.text).toContain(script);
    }
    expect(mails[0]?.subject).toBe(`Invitation to join ${script} on Convene`);
  });

  it('keeps line breaks in user data out of the subject', () => {
    const mail = renderMail(
      { ...invitation, tenantName: 'Centre\r\nBcc: x@example.org' },
      'en',
      context,
    );
    expect(mail.subject).toBe('Invitation to join Centre Bcc: x@example.org on Convene');
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' data:text/html,hi', 'not a url'])(
    'refuses the link %j',
    (link) => {
      expect(() => renderMail({ ...passwordReset, link }, 'en', context)).toThrow(/link/);
    },
  );

  it('refuses a non-web app URL', () => {
    expect(() => renderMail(passwordReset, 'en', { ...context, appUrl: 'javascript:0' })).toThrow(
      /appUrl/,
    );
  });

  it('refuses an unknown kind and an invalid date', () => {
    const unknown = { ...passwordReset, kind: 'newsletter' } as unknown as MailMessage;
    expect(() => renderMail(unknown, 'en', context)).toThrow(/Unknown mail kind/);
    expect(() => renderMail({ ...invitation, expiresAt: 'soon' }, 'en', context)).toThrow(/date/);
  });
});
