import { z } from 'zod';
import { DisplayName } from './common';
import { DocumentFileName } from './documents';
import { int32, singleLineText, Timestamp } from './text';

/* An expert's CV (docs/experts.md): one file, PDF or DOCX, read by the staff and the expert. */

export const EXPERT_CV_CONTENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;

/** The query string of a CV upload; the body is the file's bytes (application/octet-stream). */
export const ExpertCvUploadQuery = z.strictObject({ fileName: DocumentFileName });
export type ExpertCvUploadQuery = z.infer<typeof ExpertCvUploadQuery>;

export const ExpertCv = z.strictObject({
  fileName: singleLineText(255),
  contentType: z.enum(EXPERT_CV_CONTENT_TYPES),
  sizeBytes: int32(z.number().int().min(1)),
  uploadedAt: Timestamp,
  uploadedBy: DisplayName.nullable(),
});
export type ExpertCv = z.infer<typeof ExpertCv>;

/** The CV an expert has, or null. */
export const ExpertCvView = z.strictObject({ cv: ExpertCv.nullable() });
export type ExpertCvView = z.infer<typeof ExpertCvView>;
