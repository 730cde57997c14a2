import { z } from 'zod';
import { singleLineText } from './text';

/** The six official UN languages, by ISO 639-1 code. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export const Language = z.enum(UN_LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Languages the interface ships translations for; others fall back to English. */
export const INTERFACE_LANGUAGES = ['en', 'fr', 'ar'] as const satisfies readonly Language[];
export const RTL_LANGUAGES: readonly Language[] = ['ar'];

export const Uuid = z.uuid();

/** A tenant's name in URLs ("demo", "unodc-tpb"); the tenants table checks the same pattern. */
export const TENANT_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Emails compare case-insensitively; we store and compare them lowercased. */
export const Email = singleLineText(254)
  .trim()
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

/**
 * Length is what makes a password strong (NIST SP 800-63B); the upper bound
 * keeps hashing cost bounded.
 */
export const NewPassword = singleLineText(128).min(12);

/**
 * A password being checked rather than chosen: an old account may predate
 * today's length policy, but no password ever held a control character.
 */
export const CurrentPassword = singleLineText(128).min(1);

export const PersonName = singleLineText(200).trim().min(1);

/** Keyset pagination: `after` is an opaque cursor from the previous page. */
export const PageQuery = z.strictObject({
  after: singleLineText(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.infer<typeof PageQuery>;

export interface Page<T> {
  items: T[];
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** RFC 9457 problem details, as every error response carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}
