import { z } from 'zod';
import { Cursor, DisplayName, PAGE_LIMIT_MAX, Uuid } from './common';
import { int32, patternText, singleLineText, Timestamp } from './text';
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, DOCUMENT_VISIBILITIES } from './vocabulary';

/*
 * Documents on an event or in the tenant's library, with files per language and versions of
 * each (docs/documents.md).
 */

export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DocumentVisibility = z.enum(DOCUMENT_VISIBILITIES);
export type DocumentVisibility = z.infer<typeof DocumentVisibility>;

export const DocumentLanguage = z.enum(DOCUMENT_LANGUAGES);
export type DocumentLanguage = z.infer<typeof DocumentLanguage>;

/** The types a file may have, by its bytes (never its name). */
export const DOCUMENT_CONTENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'image/png',
  'image/jpeg',
] as const;
export const DocumentContentType = z.enum(DOCUMENT_CONTENT_TYPES);

export const DocumentTitle = singleLineText(300).trim().min(1);

/** A file's name as the uploader's computer had it: one line, no path. */
export const DocumentFileName = singleLineText(255)
  .trim()
  .min(1)
  .refine((name) => !/[/\\]/.test(name), 'a file name, without folders');

/** The query string of an upload; the body is the file's bytes (application/octet-stream). */
export const DocumentUploadQuery = z.strictObject({
  title: DocumentTitle,
  kind: DocumentKind,
  visibility: DocumentVisibility,
  language: DocumentLanguage,
  fileName: DocumentFileName,
});
export type DocumentUploadQuery = z.infer<typeof DocumentUploadQuery>;

/** A new version of one language's file (or the first file of a new language). */
export const DocumentVersionUploadQuery = z.strictObject({
  language: DocumentLanguage,
  fileName: DocumentFileName,
});
export type DocumentVersionUploadQuery = z.infer<typeof DocumentVersionUploadQuery>;

export const DocumentUpdate = z.strictObject({
  title: DocumentTitle.optional(),
  kind: DocumentKind.optional(),
  visibility: DocumentVisibility.optional(),
  /** The version read: a stale edit gets 409. */
  version: int32(z.number().int().min(1)),
});
export type DocumentUpdate = z.infer<typeof DocumentUpdate>;

export const DocumentListQuery = z.strictObject({
  kind: DocumentKind.optional(),
  after: Cursor.optional(),
  limit: int32(z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX)).default(50),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuery>;

export const DocumentSearchQuery = z.strictObject({
  q: singleLineText(200).trim().min(2),
  limit: int32(z.coerce.number().int().min(1).max(50)).default(20),
});
export type DocumentSearchQuery = z.infer<typeof DocumentSearchQuery>;

/** A signed download link: the API's own, short-lived (`/api/files/<token>`). */
export const DOWNLOAD_TOKEN_PATTERN = /^[A-Za-z0-9_-]{72}\.[A-Za-z0-9_-]{22}$/;
export const DownloadToken = patternText(95, DOWNLOAD_TOKEN_PATTERN, 'not a download link');

export const DocumentVersionView = z.strictObject({
  id: Uuid,
  number: int32(z.number().int().min(1)),
  fileName: singleLineText(255),
  contentType: DocumentContentType,
  sizeBytes: int32(z.number().int().min(1)),
  uploadedAt: Timestamp,
  uploadedBy: DisplayName.nullable(),
  /** The number of the version this one restored. */
  restoredFrom: int32(z.number().int().min(1)).nullable(),
  /** Whether the text was extracted and is searchable. */
  searchable: z.boolean(),
  /** Signed, short-lived; each download is in the audit log. */
  downloadUrl: singleLineText(200),
});
export type DocumentVersionView = z.infer<typeof DocumentVersionView>;

export const DocumentFileView = z.strictObject({
  language: DocumentLanguage,
  current: DocumentVersionView,
});
export type DocumentFileView = z.infer<typeof DocumentFileView>;

export const DocumentSummary = z.strictObject({
  id: Uuid,
  eventId: Uuid.nullable(),
  eventTitle: singleLineText(200).nullable(),
  title: singleLineText(300),
  kind: DocumentKind,
  visibility: DocumentVisibility,
  publishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: int32(z.number().int().min(1)),
  files: z.array(DocumentFileView).max(7),
  /** Whether the caller may upload versions and edit it (publishing is the staff's). */
  canEdit: z.boolean(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentPage = z.strictObject({
  items: z.array(DocumentSummary).max(PAGE_LIMIT_MAX),
  nextCursor: Cursor.nullable(),
});
export type DocumentPage = z.infer<typeof DocumentPage>;

export const DocumentDetail = DocumentSummary.extend({
  /** Every version of each language, newest first. */
  history: z
    .array(
      z.strictObject({
        language: DocumentLanguage,
        versions: z.array(DocumentVersionView).max(500),
      }),
    )
    .max(7),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

/** A part of a search snippet: `match` marks the words the query found. */
export const SnippetPart = z.strictObject({ text: z.string().max(2000), match: z.boolean() });

export const DocumentSearchHit = z.strictObject({
  document: DocumentSummary,
  snippet: z.array(SnippetPart).max(100),
  rank: z.number(),
});
export const DocumentSearchResult = z.strictObject({
  items: z.array(DocumentSearchHit).max(50),
});
export type DocumentSearchResult = z.infer<typeof DocumentSearchResult>;

/** What a participant's page lists: the event's documents shared with its participants. */
export const ParticipantDocument = z.strictObject({
  id: Uuid,
  title: singleLineText(300),
  kind: DocumentKind,
  files: z
    .array(
      z.strictObject({
        language: DocumentLanguage,
        fileName: singleLineText(255),
        sizeBytes: int32(z.number().int().min(1)),
        downloadUrl: singleLineText(200),
      }),
    )
    .max(7),
});
export const ParticipantDocuments = z.strictObject({
  items: z.array(ParticipantDocument).max(500),
});
export type ParticipantDocuments = z.infer<typeof ParticipantDocuments>;

/** Deleting a document names the version read: a stale one gets 409. */
export const DocumentDeleteQuery = z.strictObject({
  version: int32(z.coerce.number().int().min(1).max(2_147_483_647)),
});
export type DocumentDeleteQuery = z.infer<typeof DocumentDeleteQuery>;
