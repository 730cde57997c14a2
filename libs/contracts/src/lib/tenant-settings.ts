import { z } from 'zod';
import { int32 } from './text';

/* A tenant's own settings, kept by its admins (docs/documents.md: the upload limit). */

/** The smallest per-file limit a tenant may set: 1 MiB. */
export const DOCUMENT_MAX_BYTES_MIN = 1024 * 1024;

export const TenantSettings = z.strictObject({
  /** The largest file one upload may be, in bytes. */
  documentMaxBytes: int32(z.number().int().min(1)),
  /** The server's own ceiling (UPLOAD_MAX_BYTES): no tenant may allow more. */
  serverMaxBytes: int32(z.number().int().min(1)),
  version: int32(z.number().int().min(1)),
});
export type TenantSettings = z.infer<typeof TenantSettings>;

export const TenantSettingsUpdate = z.strictObject({
  documentMaxBytes: int32(z.number().int().min(DOCUMENT_MAX_BYTES_MIN).max(2_147_483_647)),
  /** The version read: a stale change gets 409. */
  version: int32(z.number().int().min(1).max(2_147_483_647)),
});
export type TenantSettingsUpdate = z.infer<typeof TenantSettingsUpdate>;
