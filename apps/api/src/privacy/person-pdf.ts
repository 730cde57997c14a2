import type { PersonSummary } from '@convene/contracts';
import PDFDocument from 'pdfkit';
import {
  drawParagraph,
  type FontName,
  fontBytes,
  hasArabic,
  letterText,
} from '../participation/certificate-pdf';

/** A4 portrait, in points. */
const MARGIN = 56;

const CJK =
  /[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/**
 * The font of a line: Noto Sans for Latin, Greek and Cyrillic, Noto Sans SC (which has Latin
 * too) when the line holds Chinese. A line holding Arabic is drawn as the certificate draws it
 * (`drawParagraph`: letters joined, each run in visual order by the bidi algorithm).
 */
const fontOf = (text: string, bold: boolean): FontName =>
  `${CJK.test(text) ? 'cjk' : 'latin'}${bold ? 'Bold' : ''}` as FontName;

const when = (instant: string | null) =>
  instant === null ? '—' : `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
const day = (instant: string) => instant.slice(0, 10);
const or = (text: string | null | undefined) =>
  text === null || text === undefined || text === '' ? '—' : text;

/**
 * Everything a tenant holds about one person, as a readable A4 document: one heading per group,
 * one line per fact. The same data as the JSON export (people.service.ts builds both from one
 * summary).
 */
export async function renderPersonSummary(
  summary: PersonSummary,
  meta: { organisation: string; generatedAt: Date },
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `Personal data held about ${summary.account.name}`,
      Author: meta.organisation,
      CreationDate: meta.generatedAt,
    },
  });
  for (const name of ['latin', 'latinBold', 'arabic', 'arabicBold', 'cjk', 'cjkBold'] as const) {
    doc.registerFont(name, fontBytes(name));
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const line = (text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) => {
    const size = options.size ?? 10;
    const bold = options.bold ?? false;
    const width = doc.page.width - 2 * MARGIN;
    if (hasArabic(text)) {
      // The paragraph's direction is its first strong letter's (Unicode bidi, rules P2–P3): a
      // label in English keeps the line left to right, an Arabic text starts from the right.
      const dir = firstStrongIsArabic(text) ? 'rtl' : 'ltr';
      const box = { left: MARGIN, width, top: MARGIN, bottom: doc.page.height - MARGIN };
      doc.y = drawParagraph(doc, text, doc.y, box, { size, bold, align: 'start', dir });
      doc.x = MARGIN;
    } else {
      doc
        .font(fontOf(text, bold))
        .fontSize(size)
        .fillColor('#1b1b1f')
        .text(text, MARGIN, doc.y, { width });
    }
    if (options.gap) doc.moveDown(options.gap);
  };
  const heading = (text: string, count?: number) => {
    doc.moveDown(0.8);
    line(count === undefined ? text : `${text} (${count})`, { size: 14, bold: true, gap: 0.3 });
  };
  const field = (label: string, value: string) => line(`${label}: ${value}`);
  const none = () => line('Nothing held.');

  line(meta.organisation, { size: 11 });
  line('Personal data held about a person', { size: 20, bold: true, gap: 0.2 });
  line(`${summary.account.name} <${summary.account.email}>`, { size: 13, bold: true });
  line(`Generated ${when(meta.generatedAt.toISOString())}`, { size: 9, gap: 0.5 });

  const { account } = summary;
  heading('Account');
  field('Kind', account.kind);
  field('Name', account.name);
  field('Email', account.email);
  if (account.language) field('Language', account.language);
  field('Held since', when(account.createdAt));
  field('Anonymised', account.anonymised ? 'yes' : 'no');
  if (account.membership) {
    field('Role', account.membership.role);
    field('State', or(account.membership.memberStateAlpha3));
    field('Membership', `${account.membership.status} since ${day(account.membership.since)}`);
  }

  heading('Nominations', summary.nominations.length);
  if (summary.nominations.length === 0) none();
  for (const n of summary.nominations) {
    line(`${n.eventTitle} (${day(n.startsAt)} – ${day(n.endsAt)})`, { bold: true });
    field('Status', `${n.status}${n.confirmation ? `, ${n.confirmation}` : ''}`);
    field('State', n.memberStateAlpha3);
    field('Function', or(n.functionTitle));
    field('Institution', `${or(n.institution)} (${n.institutionType})`);
    field('Sex, audience, language', `${n.sex}, ${n.audience}, ${n.preferredLanguage}`);
    field('Languages', or(n.languages.join(', ')));
    field('Dietary needs', or(n.dietaryNeeds));
    field('Accessibility needs', or(n.accessibilityNeeds));
    if (n.decisionReason !== null) field('Decision reason', or(n.decisionReason));
    field('Nominated', when(n.nominatedAt));
    doc.moveDown(0.3);
  }

  heading('Attendance', summary.attendance.length);
  if (summary.attendance.length === 0) none();
  for (const a of summary.attendance) line(`${a.day}  ${a.status}  ${a.eventTitle}`);

  heading('Consent attestations', summary.consents.length);
  if (summary.consents.length === 0) none();
  for (const c of summary.consents) {
    line(
      `${c.eventTitle}: text ${c.textVersion}, attested ${when(c.attestedAt)}` +
        (c.withdrawnAt ? `, withdrawn ${when(c.withdrawnAt)}` : ''),
    );
  }

  heading('Certificates', summary.certificates.length);
  if (summary.certificates.length === 0) none();
  for (const c of summary.certificates) {
    line(
      `${c.eventTitle}: issued ${when(c.issuedAt)} (${c.language})` +
        (c.revokedAt ? `, revoked ${when(c.revokedAt)}: ${or(c.revokeReason)}` : ''),
    );
  }

  if (summary.expert) {
    const { expert } = summary;
    heading('Expert profile');
    if (!expert.profile) none();
    else {
      field('Organisation', or(expert.profile.organisation));
      field('Biography', or(expert.profile.bio));
      field('Nationality', or(expert.profile.nationality));
      field('Sex', or(expert.profile.sex));
      field('Thematic areas', or(expert.profile.thematicAreas.join(', ')));
      field('Audiences', or(expert.profile.targetAudiences.join(', ')));
      field('Languages', or(expert.profile.languages.join(', ')));
      field('Availability', or(expert.profile.availability.join(', ')));
      field('Anonymised', expert.profile.anonymised ? 'yes' : 'no');
    }
    heading('Officers’ notes');
    line(or(expert.notes));
    heading('CV');
    if (expert.cv) {
      line(
        `${expert.cv.fileName} (${expert.cv.contentType}, ${expert.cv.sizeBytes} bytes), uploaded ${when(expert.cv.uploadedAt)}`,
      );
    } else none();
    heading('Declarations of interest', expert.declarations.length);
    if (expert.declarations.length === 0) none();
    for (const d of expert.declarations) {
      line(
        `${d.eventTitle}: ${d.hasInterests ? `interests declared: ${or(d.details)}` : 'no interests'} (${when(d.filedAt)})`,
      );
    }
    heading('Assignments', expert.assignments.length);
    if (expert.assignments.length === 0) none();
    for (const a of expert.assignments) {
      line(
        `${a.eventTitle}: ${a.role}, ${a.status}, asked ${when(a.askedAt)}` +
          (a.declineReason ? `, declined: ${a.declineReason}` : ''),
      );
    }
  }

  heading('Documents uploaded', summary.documents.length);
  if (summary.documents.length === 0) none();
  for (const d of summary.documents) line(`${d.title} (${d.language}), ${when(d.uploadedAt)}`);

  heading('Mail sent to them', summary.mail.length);
  if (summary.mail.length === 0) none();
  for (const m of summary.mail) {
    line(
      `${when(m.createdAt)}  ${m.kind}  ${m.status}${m.sentAt ? `, sent ${when(m.sentAt)}` : ''}`,
    );
  }

  heading('Audit entries by them', summary.audit.byThem.length);
  if (summary.audit.byThem.length === 0) none();
  for (const a of summary.audit.byThem)
    line(`${when(a.at)}  ${a.action}  ${a.entity} ${a.entityId}`);
  heading('Audit entries about them', summary.audit.aboutThem.length);
  if (summary.audit.aboutThem.length === 0) none();
  for (const a of summary.audit.aboutThem) {
    line(`${when(a.at)}  ${a.action}  ${a.entity} ${a.entityId}`);
  }

  letterText(doc);
  doc.end();
  return done;
}

/** Whether the first letter of the text (Unicode bidi's first strong character) is Arabic. */
function firstStrongIsArabic(text: string): boolean {
  const first = /\p{L}/u.exec(text)?.[0];
  return first !== undefined && hasArabic(first);
}
