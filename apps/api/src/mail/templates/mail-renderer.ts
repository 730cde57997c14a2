import { type Language, RTL_LANGUAGES } from '@convene/contracts';
import Handlebars from 'handlebars';
import type { KindStrings, MailFormat } from './mail-strings';
import { MAIL_STRINGS, mailLanguageFor } from './mail-strings';
import type { MailKind, MailMessage, MessageOf, RenderedMail } from './mail-message';

export interface MailContext {
  /** The organisation the mail is sent for; null for platform mail, which says "Convene". */
  tenantName: string | null;
  /** The web app's address, linked from the footer. */
  appUrl: string;
}

/** What both layouts show. Every value is plain text: the HTML layout escapes it. */
interface LayoutView {
  lang: string;
  dir: 'ltr' | 'rtl';
  subject: string;
  header: string;
  paragraphs: string[];
  action: string;
  link: string;
  linkIntro: string;
  footer: string;
  appUrl: string;
}

// Templates live in code, not in files: webpack bundles the API, so there is
// no template folder to read at run time. Only {{double}} mustaches: every
// value, user-provided or not, goes through Handlebars' HTML escaping.
// Tables and inline styles because mail clients ignore <style> and flexbox;
// dir="auto" on the header lets a tenant name in another script display right;
// dir="ltr" on the link as text keeps a URL's slashes in order inside Arabic.
// With dir="rtl" on <html>, paragraphs align right on their own (text-align: start).
const HTML_LAYOUT = `<!doctype html>
<html lang="{{lang}}" dir="{{dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="margin:0;padding:0;background:#f2f3fa;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f2f3fa;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;font-family:Roboto,'Noto Sans Arabic','Noto Sans SC','Microsoft YaHei',Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1f;">
<tr><td dir="auto" style="padding:20px 24px;border-bottom:1px solid #e1e2ec;font-size:20px;font-weight:bold;color:#005cbb;">{{header}}</td></tr>
<tr><td style="padding:24px;">
{{#each paragraphs}}
<p style="margin:0 0 16px;">{{this}}</p>
{{/each}}
<p style="margin:24px 0;"><a href="{{link}}" style="display:inline-block;padding:12px 20px;border-radius:6px;background:#005cbb;color:#ffffff;font-weight:bold;text-decoration:none;">{{action}}</a></p>
<p style="margin:0 0 4px;font-size:14px;color:#44474e;">{{linkIntro}}</p>
<p style="margin:0;font-size:14px;word-break:break-all;"><a href="{{link}}" dir="ltr" style="color:#005cbb;">{{link}}</a></p>
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e1e2ec;font-size:13px;color:#44474e;">
<p style="margin:0 0 8px;">{{footer}}</p>
<p style="margin:0;"><a href="{{appUrl}}" style="color:#44474e;">Convene</a></p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;

// The link stands on its own line so that mail clients make it clickable.
const TEXT_LAYOUT = `{{header}}

{{#each paragraphs}}
{{this}}

{{/each}}
{{action}}
{{link}}

{{footer}}

Convene <{{appUrl}}>
`;

// A private Handlebars: helpers registered elsewhere cannot reach these templates.
const handlebars = Handlebars.create();
// strict: a missing value throws rather than silently rendering as nothing.
// knownHelpersOnly: only the built-in helpers (each) are callable.
const options = { strict: true, knownHelpersOnly: true };
const htmlLayout = handlebars.compile<LayoutView>(HTML_LAYOUT, options);
// Plain text is not HTML: escaping it would show "&amp;" to the reader.
const textLayout = handlebars.compile<LayoutView>(TEXT_LAYOUT, { ...options, noEscape: true });

/**
 * Renders a mail in the recipient's language, or in English when that
 * language has no mail strings yet (see MAIL_LANGUAGES). Throws on an
 * unknown kind, a link that is not http(s), or an invalid date: such a mail
 * cannot be fixed by retrying.
 */
export function renderMail(
  message: MailMessage,
  language: Language,
  context: MailContext,
): RenderedMail {
  const mailLanguage = mailLanguageFor(language);
  const strings = MAIL_STRINGS[mailLanguage];
  const kind = kindStrings(strings.kinds, message.kind);
  if (!kind) throw new Error(`Unknown mail kind: ${String(message.kind)}`);
  const format = formatFor(strings.locale, strings.roles);

  // The decision link is written into a sentence: only a web link may be.
  if (message.kind === 'participant_links' && message.decisionLink !== null)
    httpUrl(message.decisionLink, 'decisionLink');
  const view: LayoutView = {
    // The attributes describe the text as written: a reader who gets the
    // English fallback gets lang="en" dir="ltr", so screen readers use an
    // English voice and punctuation stays where it belongs.
    lang: mailLanguage,
    dir: RTL_LANGUAGES.includes(mailLanguage) ? 'rtl' : 'ltr',
    // A subject is a header line: no line breaks from user data.
    // (Only breaks: French keeps its no-break space before a colon.)
    subject: kind
      .subject(message, format)
      .replace(/[\r\n\t\v\f\u2028\u2029]+/g, ' ')
      .trim(),
    header: context.tenantName ?? 'Convene',
    paragraphs: kind.paragraphs(message, format),
    action: kind.action,
    link: httpUrl(message.link, 'link'),
    linkIntro: strings.linkIntro,
    footer: kind.footer,
    appUrl: httpUrl(context.appUrl, 'appUrl'),
  };
  const rendered: RenderedMail = {
    subject: view.subject,
    text: textLayout(view),
    html: htmlLayout(view),
  };
  if (message.kind === 'event_reminder' || message.kind === 'participation_confirmation') {
    rendered.attachments = [
      {
        filename: 'event.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: message.ics,
      },
    ];
  }
  return rendered;
}

/** Ties a kind's strings to that kind's message type (TypeScript cannot correlate them itself). */
function kindStrings<K extends MailKind>(
  kinds: { [P in MailKind]: KindStrings<MessageOf<P>> },
  kind: K,
): KindStrings<MessageOf<K>> | undefined {
  // Undefined only for a kind stored by a newer or older version of the code.
  return kinds[kind];
}

/**
 * Escaping keeps a link inside its attribute but would let "javascript:" run
 * on click: only web links are allowed. The error does not quote the link,
 * which carries a token and would end up in logs.
 */
function httpUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Mail ${name} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Mail ${name} must be http or https, not ${url.protocol}`);
  }
  return url.href;
}

function formatFor(locale: string, roles: Record<string, string>): MailFormat {
  // UTC: the recipient's time zone is unknown, and UTC is what the ISO value says.
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const minutes = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'minute',
    unitDisplay: 'long',
  });
  const numbers = new Intl.NumberFormat(locale);
  const dateTimes = new Map<string, Intl.DateTimeFormat>();
  const dateTimeIn = (zone: string) => {
    let format = dateTimes.get(zone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: zone,
      });
      dateTimes.set(zone, format);
    }
    return format;
  };
  return {
    date(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) throw new Error('Mail date is not a valid ISO 8601 date');
      const formatted = dates.format(date);
      // French writes the first of the month as an ordinal: "1er décembre 2026".
      return locale.startsWith('fr') ? formatted.replace(/^1 /, '1er ') : formatted;
    },
    minutes: (count) => minutes.format(count),
    count: (value) => numbers.format(value),
    dateTime(iso, zone) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) throw new Error('Mail date is not a valid ISO 8601 date');
      // The zone's name after the time: the reader may be elsewhere.
      return `${dateTimeIn(zone).format(date)} (${zone.replaceAll('_', ' ')})`;
    },
    dateTimeRange(startIso, endIso, zone) {
      const start = new Date(startIso);
      const end = new Date(endIso);
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
        throw new Error('Mail date is not a valid ISO 8601 date');
      return `${dateTimeIn(zone).formatRange(start, end)} (${zone.replaceAll('_', ' ')})`;
    },
    role: (role) => roles[role] ?? role,
  };
}
