import { createHash } from 'node:crypto';
import { DOCUMENT_CONTENT_TYPES } from '@convene/contracts';
import { fromBuffer } from 'file-type';
import { Unzip, UnzipInflate } from 'fflate';
import { DocumentsException } from './documents.exception';

export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** What a checked file is: its type by its bytes, and its digest. */
export interface CheckedFile {
  contentType: DocumentContentType;
  extension: string;
  sha256: Buffer;
}

/** The OOXML types, which are zip archives: their entries are measured before anything opens them. */
const OOXML = new Set<string>([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

/** Limits on what an OOXML archive may inflate to: a real report stays far below them. */
export const OOXML_LIMITS = {
  /** All entries together, inflated. */
  totalBytes: 200 * 1024 * 1024,
  /** How many times larger than its compressed self one entry may inflate. */
  ratio: 200,
  entries: 5_000,
};

/**
 * Checks an uploaded file: its size against the tenant's limit, its type from its bytes (the
 * name and the declared type are not believed), and, for OOXML, what its archive inflates to
 * (a zip bomb is refused before any extractor opens it). Refusals are problem+json: 413 too
 * large, 415 a type that is not allowed (HTML, SVG, executables, anything unknown), 422 an
 * archive that inflates beyond reason.
 */
export async function checkFile(bytes: Buffer, maxBytes: number): Promise<CheckedFile> {
  if (bytes.length === 0) {
    throw new DocumentsException(422, 'unprocessable', 'The file is empty');
  }
  if (bytes.length > maxBytes) {
    throw new DocumentsException(
      413,
      'payload-too-large',
      'The file is larger than this organisation allows',
      `At most ${maxBytes} bytes.`,
    );
  }
  const detected = await fromBuffer(bytes);
  const contentType = detected?.mime as string | undefined;
  if (
    !detected ||
    !contentType ||
    !(DOCUMENT_CONTENT_TYPES as readonly string[]).includes(contentType)
  ) {
    throw new DocumentsException(
      415,
      'unsupported-media-type',
      'This kind of file is not accepted',
      'PDF, Word, Excel and PowerPoint documents (DOCX, XLSX, PPTX), PNG and JPEG images only.',
    );
  }
  if (OOXML.has(contentType)) inspectArchive(bytes);
  return {
    contentType: contentType as DocumentContentType,
    extension: detected.ext,
    sha256: createHash('sha256').update(bytes).digest(),
  };
}

const bomb = () =>
  new DocumentsException(
    422,
    'unprocessable',
    'The document unpacks to far more than its size',
    'Its archive holds entries that inflate beyond what any document needs.',
  );

/**
 * Inflates every entry of the archive, counting the bytes it really produces (the sizes an
 * archive declares may lie), and stops at the first limit crossed. Nothing is kept.
 */
export function inspectArchive(bytes: Buffer): void {
  let total = 0;
  let entries = 0;
  const unzip = new Unzip((entry) => {
    entries += 1;
    if (entries > OOXML_LIMITS.entries) throw bomb();
    let inflated = 0;
    const compressed = Math.max(entry.size ?? 0, 1);
    entry.ondata = (error, chunk) => {
      if (error) throw new DocumentsException(422, 'unprocessable', 'The document is damaged');
      inflated += chunk.length;
      total += chunk.length;
      if (total > OOXML_LIMITS.totalBytes) throw bomb();
      if (inflated > 1024 * 1024 && inflated > compressed * OOXML_LIMITS.ratio) throw bomb();
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  // Fed in slices: each slice's inflation runs to its end before the next, so a limit stops the
  // work within one slice's worth of output.
  const slice = 64 * 1024;
  for (let offset = 0; offset < bytes.length; offset += slice) {
    unzip.push(bytes.subarray(offset, offset + slice), offset + slice >= bytes.length);
  }
}

/** A file name safe in a Content-Disposition header: the type's extension, no quotes or paths. */
export function safeFileName(name: string, extension: string): string {
  const base = name
    .replace(/\.[^.]*$/, '')
    .normalize('NFC')
    .replace(/[\p{Cc}"\\/:*?<>|;]+/gu, '_')
    .trim()
    .slice(0, 150);
  return `${base || 'document'}.${extension}`;
}
