import type { Language } from '@convene/contracts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

interface Copy {
  subject: string;
  lines: string[];
  action: string;
  footer: string;
}

function render(copy: Copy, link: string): RenderedMail {
  const text = [...copy.lines, '', `${copy.action}: ${link}`, '', copy.footer].join('\n');
  const html = `<!doctype html><html><body style="font-family:Roboto,Arial,sans-serif;color:#1b1b1f">
${copy.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}" style="background:#005cbb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(copy.action)}</a></p>
<p style="color:#5d5e66;font-size:13px">${escapeHtml(copy.footer)}</p>
</body></html>`;
  return { subject: copy.subject, text, html };
}

const ROLE_NAMES: Record<'en' | 'fr' | 'es', Record<string, string>> = {
  en: {
    tenant_admin: 'tenant administrator',
    programme_officer: 'programme officer',
    focal_point: 'focal point',
    expert: 'expert',
  },
  fr: {
    tenant_admin: 'administrateur',
    programme_officer: 'chargé de programme',
    focal_point: 'point focal',
    expert: 'expert',
  },
  es: {
    tenant_admin: 'administrador',
    programme_officer: 'oficial de programa',
    focal_point: 'punto focal',
    expert: 'experto',
  },
};

const pick = (language: Language) => (language === 'fr' || language === 'es' ? language : 'en');

export function invitationMail(
  language: Language,
  values: { tenantName: string; inviterName: string; role: string; link: string; expiresAt: Date },
): RenderedMail {
  const lang = pick(language);
  const role = ROLE_NAMES[lang][values.role] ?? values.role;
  const until = values.expiresAt.toISOString().slice(0, 10);
  const copy: Record<typeof lang, Copy> = {
    en: {
      subject: `Invitation to join ${values.tenantName} on Convene`,
      lines: [
        `${values.inviterName} invites you to join ${values.tenantName} on Convene as ${role}.`,
        `The link works once, until ${until}.`,
      ],
      action: 'Accept the invitation',
      footer: 'If you did not expect this invitation, ignore this message.',
    },
    fr: {
      subject: `Invitation à rejoindre ${values.tenantName} sur Convene`,
      lines: [
        `${values.inviterName} vous invite à rejoindre ${values.tenantName} sur Convene en tant que ${role}.`,
        `Le lien ne sert qu’une fois, jusqu’au ${until}.`,
      ],
      action: 'Accepter l’invitation',
      footer: 'Si vous n’attendiez pas cette invitation, ignorez ce message.',
    },
    es: {
      subject: `Invitación a unirse a ${values.tenantName} en Convene`,
      lines: [
        `${values.inviterName} le invita a unirse a ${values.tenantName} en Convene como ${role}.`,
        `El enlace sirve una sola vez, hasta el ${until}.`,
      ],
      action: 'Aceptar la invitación',
      footer: 'Si no esperaba esta invitación, ignore este mensaje.',
    },
  };
  return render(copy[lang], values.link);
}

export function passwordResetMail(
  language: Language,
  values: { name: string; link: string; minutes: number },
): RenderedMail {
  const lang = pick(language);
  const copy: Record<typeof lang, Copy> = {
    en: {
      subject: 'Reset your Convene password',
      lines: [
        `Hello ${values.name},`,
        `Someone asked to reset your Convene password. The link works once, for ${values.minutes} minutes.`,
      ],
      action: 'Choose a new password',
      footer: 'If it was not you, ignore this message: your password stays as it is.',
    },
    fr: {
      subject: 'Réinitialiser votre mot de passe Convene',
      lines: [
        `Bonjour ${values.name},`,
        `Une réinitialisation de votre mot de passe Convene a été demandée. Le lien ne sert qu’une fois, pendant ${values.minutes} minutes.`,
      ],
      action: 'Choisir un nouveau mot de passe',
      footer: 'Si ce n’était pas vous, ignorez ce message : votre mot de passe reste inchangé.',
    },
    es: {
      subject: 'Restablecer su contraseña de Convene',
      lines: [
        `Hola ${values.name}:`,
        `Se solicitó restablecer su contraseña de Convene. El enlace sirve una sola vez, durante ${values.minutes} minutos.`,
      ],
      action: 'Elegir una nueva contraseña',
      footer: 'Si no fue usted, ignore este mensaje: su contraseña no cambia.',
    },
  };
  return render(copy[lang], values.link);
}
