import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { extractText } from 'unpdf';

/** The most text kept of one file (a tsvector holds at most 1 MB). */
const MAX_TEXT = 400_000;

/** PostgreSQL's text search configuration for a file's language (simple where it has none). */
export function textSearchConfig(language: string): string {
  switch (language) {
    case 'en':
      return 'english';
    case 'fr':
      return 'french';
    case 'es':
      return 'spanish';
    case 'ru':
      return 'russian';
    case 'ar':
      return 'arabic';
    default:
      return 'simple';
  }
}

/** The configurations a search query is read in: every language's, so a hit in any is found. */
export const SEARCH_CONFIGS = ['simple', 'english', 'french', 'spanish', 'russian', 'arabic'];

const decodeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');

/** The text runs of OOXML parts: `<a:t>` (slides), `<t>` (spreadsheet strings). */
function xmlText(parts: Record<string, Uint8Array>, element: RegExp): string {
  return Object.keys(parts)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) =>
      [...strFromU8(parts[name] as Uint8Array).matchAll(element)]
        .map((match) => decodeXml(match[1] ?? ''))
        .join(' '),
    )
    .join('\n');
}

/**
 * The text of a file, for search: PDF through unpdf, DOCX through mammoth, PPTX and XLSX from
 * their XML. Images have none. Archives were measured at upload (document-file.ts), so what is
 * inflated here is bounded.
 */
export async function extractDocumentText(bytes: Buffer, contentType: string): Promise<string> {
  let text = '';
  switch (contentType) {
    case 'application/pdf': {
      const result = await extractText(new Uint8Array(bytes), { mergePages: true });
      text = result.text;
      break;
    }
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      text = (await mammoth.extractRawText({ buffer: bytes })).value;
      break;
    case 'application/vnd.openxmlformats-officedocument.presentationml.presentation':
      text = xmlText(
        unzipSync(bytes, {
          filter: (file) => /^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(file.name),
        }),
        /<a:t>([^<]*)<\/a:t>/g,
      );
      break;
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      text = xmlText(
        unzipSync(bytes, {
          filter: (file) =>
            file.name === 'xl/sharedStrings.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(file.name),
        }),
        /<t(?:\s[^>]*)?>([^<]*)<\/t>/g,
      );
      break;
    default:
      text = '';
  }
  // NUL is not text to PostgreSQL.
  return text.replace(/\0/g, ' ').slice(0, MAX_TEXT);
}
