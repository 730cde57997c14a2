import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Language } from '@convene/contracts';
import bidiFactory from 'bidi-js';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CERTIFICATE_STRINGS } from './certificate-strings';

/** What a certificate of participation says. */
export interface CertificateContent {
  language: Language;
  organisation: string;
  holder: string;
  eventTitle: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: string | null;
  verificationCode: string;
  verificationUrl: string;
  issuedAt: Date;
}

/*
 * Fonts. Noto Sans covers Latin, Greek and Cyrillic; Noto Sans Arabic the Arabic script; Noto
 * Sans SC Chinese (and the Latin it needs). They come from npm (@expo-google-fonts/*) and are
 * read from node_modules at run time, resolved from the working directory: the API is bundled
 * by webpack, which leaves node_modules outside the bundle, and both `npm start` and the tests
 * run from the repository's root. pdfkit embeds only the glyphs a certificate uses (a subset),
 * so a Chinese certificate weighs tens of kilobytes, not the font's 11 MB.
 */
export type FontName = 'latin' | 'latinBold' | 'arabic' | 'arabicBold' | 'cjk' | 'cjkBold';

const FONT_FILES: Record<FontName, string> = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  arabicBold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  cjkBold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

const fonts = new Map<FontName, Buffer>();

/** The font's bytes, read once per process (the certificates' and the privacy exports'). */
export function fontBytes(name: FontName): Buffer {
  let bytes = fonts.get(name);
  if (!bytes) {
    const resolve = createRequire(join(process.cwd(), 'package.json')).resolve;
    bytes = readFileSync(resolve(FONT_FILES[name]));
    fonts.set(name, bytes);
  }
  return bytes;
}

/** Reads every font now: a missing one fails at boot, not on the first certificate. */
export function loadCertificateFonts(): void {
  for (const name of Object.keys(FONT_FILES) as FontName[]) fontBytes(name);
}

const bidi = bidiFactory();

type Script = 'latin' | 'arabic' | 'cjk';

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const CJK =
  /[\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
/** Characters every font draws alike, which join the run around them. */
const SPACE = /\s/u;

function scriptOf(char: string): Script {
  if (ARABIC.test(char)) return 'arabic';
  if (CJK.test(char)) return 'cjk';
  return 'latin';
}

/** A piece of a line drawn with one font at one bidi level, its characters in logical order. */
interface Piece {
  text: string;
  script: Script;
  level: number;
}

/**
 * The pieces of one line in visual order, left to right (Unicode bidi algorithm, rule L2).
 * pdfkit shapes each piece (fontkit joins Arabic letters and lays an Arabic piece out right to
 * left) but does not reorder a line whose directions mix: a name in Latin letters inside an
 * Arabic sentence, digits in a date. So the line is cut where the level or the script changes,
 * and the pieces are put in visual order here. A right-to-left piece fontkit would not reverse
 * (neutral characters in a Latin font: brackets, punctuation) is reversed and mirrored here.
 */
export function visualPieces(line: string, direction: 'ltr' | 'rtl'): Piece[] {
  const { levels } = bidi.getEmbeddingLevels(line, direction);
  const chars = [...line];
  const pieces: Piece[] = [];
  let index = 0;
  for (const char of chars) {
    const level = levels[index] ?? 0;
    index += char.length;
    const last = pieces[pieces.length - 1];
    const script = SPACE.test(char) && last ? last.script : scriptOf(char);
    if (last && last.level === level && last.script === script) last.text += char;
    else pieces.push({ text: char, script, level });
  }
  const maxLevel = Math.max(0, ...pieces.map((piece) => piece.level));
  const lowestOdd = Math.min(
    ...pieces.map((piece) => (piece.level % 2 === 1 ? piece.level : Infinity)),
    maxLevel + 1,
  );
  for (let level = maxLevel; level >= lowestOdd; level--) {
    let start = 0;
    while (start < pieces.length) {
      if ((pieces[start]?.level ?? 0) < level) {
        start++;
        continue;
      }
      let end = start;
      while (end + 1 < pieces.length && (pieces[end + 1]?.level ?? 0) >= level) end++;
      const run = pieces.slice(start, end + 1).reverse();
      pieces.splice(start, run.length, ...run);
      start = end + 1;
    }
  }
  return pieces.map((piece) =>
    piece.level % 2 === 1 && piece.script !== 'arabic'
      ? { ...piece, text: [...piece.text].reverse().map(mirror).join('') }
      : piece,
  );
}

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
  '«': '»',
  '»': '«',
};
const mirror = (char: string) => MIRRORED[char] ?? char;

/** A4 landscape, in points. */
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 72;

type Doc = InstanceType<typeof PDFDocument>;

function fontFor(script: Script, bold: boolean): FontName {
  return `${script}${bold ? 'Bold' : ''}` as FontName;
}

/*
 * Arabic is drawn from its presentation forms. Noto Sans Arabic joins letters by drawing many of
 * them as a shared dotless skeleton plus dots (ف and ق, ب ت ث ن ي in the middle of a word), and
 * fontkit then loses track of which letter a skeleton stood for: pdfkit's map from glyphs back to
 * text would make في copy and search as قي. So each letter is turned here into its joined form
 * (isolated, initial, medial, final: Unicode's Arabic Presentation Forms-B, which the font draws
 * as whole glyphs), the font's own composition (`ccmp`) is off, and when the document ends each
 * glyph's text is mapped back from the presentation form to the letter (NFKC).
 */
const ARABIC_FEATURES = { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

interface JoiningForms {
  isol: string;
  fina: string;
  init?: string;
  medi?: string;
}

/** Each letter's forms, read from Unicode itself: FE80–FEFC in order isolated, final, initial, medial. */
const FORMS: Map<string, JoiningForms> = (() => {
  const groups = new Map<string, string[]>();
  for (let code = 0xfe80; code <= 0xfefc; code++) {
    const form = String.fromCodePoint(code);
    const base = form.normalize('NFKC');
    groups.set(base, [...(groups.get(base) ?? []), form]);
  }
  const forms = new Map<string, JoiningForms>();
  for (const [base, [isol, fina, init, medi]] of groups) {
    if (isol)
      forms.set(base, { isol, fina: fina ?? isol, ...(init && medi ? { init, medi } : {}) });
  }
  return forms;
})();

const TATWEEL = '\u0640';
const LAM = '\u0644';
const TRANSPARENT = /\p{Mn}/u;

/** Whether the letter joins the one after it (dual-joining letters and the tatweel). */
const joinsNext = (char: string | undefined) =>
  char === TATWEEL || (char !== undefined && !!FORMS.get(char)?.init);
/** Whether the letter joins the one before it (dual- and right-joining letters, lam-alef). */
const joinsPrevious = (char: string | undefined) =>
  char === TATWEEL || (char !== undefined && FORMS.has(char));

/** Arabic text in its joined presentation forms, still in logical order. */
export function arabicForms(text: string): string {
  // Lam followed by an alef is one ligature (لا), which joins only the letter before it.
  const chars = [...text].reduce<string[]>((out, char) => {
    const previous = out[out.length - 1];
    if (previous === LAM && FORMS.has(`${LAM}${char}`)) out[out.length - 1] = `${LAM}${char}`;
    else out.push(char);
    return out;
  }, []);
  const neighbour = (index: number, step: 1 | -1) => {
    for (let at = index + step; at >= 0 && at < chars.length; at += step) {
      const char = chars[at] ?? '';
      if (!TRANSPARENT.test(char)) return char;
    }
    return undefined;
  };
  return chars
    .map((char, index) => {
      const forms = FORMS.get(char);
      if (!forms) return char;
      const before = joinsNext(neighbour(index, -1));
      const after = !!forms.init && joinsPrevious(neighbour(index, 1));
      if (before && after) return forms.medi ?? forms.fina;
      if (before) return forms.fina;
      if (after) return forms.init ?? forms.isol;
      return forms.isol;
    })
    .join('');
}

/** The text pdfkit is given for a piece. */
const drawn = (piece: Piece) => (piece.script === 'arabic' ? arabicForms(piece.text) : piece.text);

/** How the piece is drawn: for Arabic, without the font's composition (see ARABIC_FEATURES). */
function textOptions(piece: Piece): PDFKit.Mixins.TextOptions {
  return piece.script === 'arabic' ? { features: ARABIC_FEATURES } : {};
}

/** Sets the piece's font and answers its width. */
function pieceWidth(doc: Doc, piece: Piece, size: number, bold: boolean): number {
  doc.font(fontFor(piece.script, bold)).fontSize(size);
  return doc.widthOfString(drawn(piece), textOptions(piece));
}

/** A presentation form's letters (one, or two for لا); any other character as it is. */
function letterOf(codePoint: number): number[] {
  const presentation =
    (codePoint >= 0xfb50 && codePoint <= 0xfdff) || (codePoint >= 0xfe70 && codePoint <= 0xfeff);
  if (!presentation) return [codePoint];
  return [...String.fromCodePoint(codePoint).normalize('NFKC')].map(
    (char) => char.codePointAt(0) ?? 0,
  );
}

/**
 * Maps each glyph drawn from a presentation form back to the letter (or for لا, the letters) it
 * stands for, so the PDF's text reads as written. pdfkit writes a font's map from glyphs to text
 * when the document ends, from its `unicode` table: that table is rewritten just before.
 */
export function letterText(doc: Doc): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, { unicode?: number[][] }> })
    ._fontFamilies;
  for (const font of new Set(Object.values(families))) {
    if (!Array.isArray(font.unicode)) continue;
    font.unicode = font.unicode.map((codePoints) =>
      Array.isArray(codePoints) ? codePoints.flatMap(letterOf) : codePoints,
    );
  }
}

function widthOf(doc: Doc, pieces: Piece[], size: number, bold: boolean): number {
  return pieces.reduce((sum, piece) => sum + pieceWidth(doc, piece, size, bold), 0);
}

/** Breaks a text into lines no wider than `width`, at spaces (or between CJK characters). */
function wrap(
  doc: Doc,
  text: string,
  width: number,
  size: number,
  bold: boolean,
  dir: 'ltr' | 'rtl',
) {
  const words = text.split(/(?<=\s)|(?=[\u3400-\u9fff])/u);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current + word;
    if (current && widthOf(doc, visualPieces(candidate.trim(), dir), size, bold) > width) {
      lines.push(current.trim());
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current.trim()) lines.push(current.trim());
  return lines;
}

/** Where a paragraph is drawn: its left edge and width, and the lowest y a line may reach. */
export interface TextBox {
  left: number;
  width: number;
  /** Past it, a new page begins at `top` (a flowing document); none for a fixed page. */
  bottom?: number;
  top?: number;
}

/** Whether a text holds Arabic letters (the certificate's and the person PDF's test alike). */
export const hasArabic = (text: string) => ARABIC.test(text);

/**
 * Draws one paragraph in a box, wrapped, each line in visual order (bidi, Arabic joined):
 * centred, or from the start side of the direction (the right for right-to-left). Returns the
 * y below it. The certificate and the person PDF (privacy/person-pdf.ts) draw Arabic through it.
 */
export function drawParagraph(
  doc: Doc,
  text: string,
  y: number,
  box: TextBox,
  options: {
    size: number;
    bold?: boolean;
    align: 'center' | 'start';
    dir: 'ltr' | 'rtl';
    color?: string;
  },
): number {
  const bold = options.bold ?? false;
  const lineHeight = options.size * 1.5;
  for (const line of wrap(doc, text, box.width, options.size, bold, options.dir)) {
    if (box.bottom !== undefined && y + lineHeight > box.bottom) {
      doc.addPage();
      y = box.top ?? 0;
    }
    const pieces = visualPieces(line, options.dir);
    const total = widthOf(doc, pieces, options.size, bold);
    let x =
      options.align === 'center'
        ? box.left + (box.width - total) / 2
        : options.dir === 'rtl'
          ? box.left + box.width - total
          : box.left;
    doc.fillColor(options.color ?? '#1b1b1f');
    for (const piece of pieces) {
      const width = pieceWidth(doc, piece, options.size, bold);
      // One baseline for every font of the line (their ascenders differ).
      doc.text(drawn(piece), x, y + options.size, {
        lineBreak: false,
        baseline: 'alphabetic',
        ...textOptions(piece),
      });
      x += width;
    }
    y += lineHeight;
  }
  return y;
}

/** One paragraph of the certificate, across the page between its margins. */
function paragraph(
  doc: Doc,
  text: string,
  y: number,
  options: Parameters<typeof drawParagraph>[4],
): number {
  return drawParagraph(doc, text, y, { left: MARGIN, width: PAGE.width - 2 * MARGIN }, options);
}

/** The QR code of the verification URL, drawn as vector squares. */
function qrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  doc.fillColor('#000000');
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (qr.modules.get(row, column)) doc.rect(x + column * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill();
}

/** Formats the event's dates as the venue's calendar shows them, in the certificate's language. */
function dateRange(content: CertificateContent, locale: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: content.timeZone,
  });
  if (content.language === 'zh') {
    // ICU writes Chinese ranges as numbers (2027/3/29 – 2027/3/31): each end in words instead.
    const [from, to] = [format.format(content.startsAt), format.format(content.endsAt)];
    return from === to ? from : `${from}至${to}`;
  }
  return format.formatRange(content.startsAt, content.endsAt);
}

/** The certificate as a PDF, in its language. */
export async function renderCertificate(content: CertificateContent): Promise<Buffer> {
  const strings = CERTIFICATE_STRINGS[content.language];
  const dir = content.language === 'ar' ? 'rtl' : 'ltr';
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    lang: content.language,
    displayTitle: true,
    info: {
      Title: `${strings.title}: ${content.holder}`,
      Author: content.organisation,
      Subject: content.eventTitle,
      CreationDate: content.issuedAt,
    },
  });
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, fontBytes(name));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // A double frame.
  doc
    .lineWidth(3)
    .strokeColor('#1f4e79')
    .rect(24, 24, PAGE.width - 48, PAGE.height - 48)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(32, 32, PAGE.width - 64, PAGE.height - 64)
    .stroke();

  const locale = strings.locale;
  let y = 64;
  y = paragraph(doc, content.organisation, y, {
    size: 14,
    align: 'center',
    dir,
    color: '#1f4e79',
  });
  y += 16;
  y = paragraph(doc, strings.title, y, {
    size: 30,
    bold: true,
    align: 'center',
    dir,
    color: '#1f4e79',
  });
  y += 14;
  y = paragraph(doc, strings.certifies, y, { size: 13, align: 'center', dir });
  y += 4;
  y = paragraph(doc, content.holder, y, { size: 24, bold: true, align: 'center', dir });
  y += 4;
  y = paragraph(doc, strings.tookPart, y, { size: 13, align: 'center', dir });
  y += 4;
  y = paragraph(doc, content.eventTitle, y, { size: 18, bold: true, align: 'center', dir });
  y += 6;
  const when = strings.held(dateRange(content, locale), content.place);
  paragraph(doc, when, y, { size: 12, align: 'center', dir });

  // The verification block at the foot: the code and the URL on the start side, the QR code
  // on the end side.
  const qrSize = 92;
  const qrX = dir === 'rtl' ? MARGIN : PAGE.width - MARGIN - qrSize;
  const footY = PAGE.height - MARGIN - qrSize;
  qrCode(doc, content.verificationUrl, qrX, footY, qrSize);
  let footTextY = footY + 8;
  footTextY = paragraph(doc, strings.issued(dateOnly(content.issuedAt, locale)), footTextY, {
    size: 10,
    align: 'start',
    dir,
    color: '#44474e',
  });
  footTextY = paragraph(doc, strings.code(content.verificationCode), footTextY, {
    size: 11,
    bold: true,
    align: 'start',
    dir,
  });
  paragraph(doc, strings.verifyAt(content.verificationUrl), footTextY, {
    size: 9,
    align: 'start',
    dir,
    color: '#44474e',
  });
  letterText(doc);
  doc.end();
  return done;
}

function dateOnly(instant: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(instant);
}
