import Handlebars from 'handlebars';
import { MAIL_KINDS, OPTIONAL_MAIL_KINDS } from '@convene/contracts';
import type {
  AdminDigestMessage,
  EventReminderMessage,
  InvitationMessage,
  MailMessage,
  PasswordResetMessage,
} from './mail-message';
import { SECURITY_KINDS } from './mail-message';
import { renderMail } from './mail-renderer';
import type * as MailStrings from './mail-strings';

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

/** The link as it appears in HTML, where "&" and "=" are escaped. */
const inHtml = (link: string) => Handlebars.escapeExpression(link);

describe('mail kinds', () => {
  it('always sends invitations and resets, and lets people turn off the digest', () => {
    expect([...MAIL_KINDS].sort()).toEqual([
      'admin_digest',
      'event_reminder',
      'invitation',
      'password_reset',
    ]);
    expect([...SECURITY_KINDS].sort()).toEqual(['invitation', 'password_reset']);
    expect(OPTIONAL_MAIL_KINDS).toEqual(['admin_digest', 'event_reminder']);
  });
});

describe('renderMail', () => {
  const expected: Record<'en' | 'fr' | 'es', Record<MailMessage['kind'], string>> = {
    en: {
      invitation: 'Invitation to join Counter-Terrorism Centre on Convene',
      password_reset: 'Reset your Convene password',
      admin_digest: 'Waiting for a decision in Counter-Terrorism Centre',
      event_reminder: 'Reminder: Regional workshop on digital evidence, 29 March 2027',
    },
    fr: {
      invitation: 'Invitation à rejoindre Counter-Terrorism Centre sur Convene',
      password_reset: 'Réinitialisation de votre mot de passe Convene',
      admin_digest: 'En attente de décision dans Counter-Terrorism Centre',
      event_reminder: 'Rappel\u00a0: Regional workshop on digital evidence, 29 mars 2027',
    },
    es: {
      invitation: 'Invitación para unirse a Counter-Terrorism Centre en Convene',
      password_reset: 'Restablecimiento de su contraseña de Convene',
      admin_digest: 'Pendiente de decisión en Counter-Terrorism Centre',
      event_reminder: 'Recordatorio: Regional workshop on digital evidence, 29 de marzo de 2027',
    },
  };

  describe.each(['en', 'fr', 'es'] as const)('in %s', (language) => {
    it.each<MailMessage>([invitation, passwordReset, digest, reminder])(
      'renders $kind with its subject and link',
      (message) => {
        const mail = renderMail(message, language, context);
        expect(mail.subject).toBe(expected[language][message.kind]);
        expect(mail.text).toContain(message.link);
        expect(mail.html).toContain(`href="${inHtml(message.link)}"`);
        // Also as text, for clients that drop the button.
        expect(mail.html).toContain(`>${inHtml(message.link)}</a>`);
        expect(mail.html).toContain(`<html lang="${language}" dir="ltr">`);
        expect(mail.html).toContain(`<title>${Handlebars.escapeExpression(mail.subject)}</title>`);
        if (message.kind !== 'event_reminder') expect(mail.attachments).toBeUndefined();
      },
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

  it('falls back to English for Chinese, and says so in lang', () => {
    const mail = renderMail(invitation, 'zh', context);
    expect(mail.subject).toBe(expected.en.invitation);
    expect(mail.text).toContain('Amina Diallo invites you to join');
    expect(mail.text).toContain('5 December 2026');
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
  });

  it('marks the English fallback for Arabic readers as English, left to right', () => {
    // An English text marked rtl would be read by an Arabic voice, with its
    // punctuation on the wrong side.
    const mail = renderMail(invitation, 'ar', context);
    expect(mail.subject).toBe(expected.en.invitation);
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
  });

  it('sets dir="rtl" once the mail is written in Arabic', () => {
    // Arabic strings are not written yet: give Arabic the English strings
    // under its own name to exercise the right-to-left layout.
    jest.isolateModules(() => {
      jest.doMock('./mail-strings', () => {
        const actual = jest.requireActual<typeof MailStrings>('./mail-strings');
        return {
          ...actual,
          MAIL_STRINGS: { ...actual.MAIL_STRINGS, ar: { ...actual.MAIL_STRINGS.en, locale: 'ar' } },
          mailLanguageFor: (language: string) => (language === 'ar' ? 'ar' : 'en'),
        };
      });
      const { renderMail: render } =
        jest.requireActual<typeof import('./mail-renderer')>('./mail-renderer');
      const html = render(invitation, 'ar', context).html;
      expect(html).toContain('<html lang="ar" dir="rtl">');
    });
    jest.dontMock('./mail-strings');
  });
});
