import { z } from 'zod';
import { PROBLEM_CODES } from './problems';
import { int32, multiLineText, patternText, singleLineText } from './text';
import { UN_LANGUAGES } from './interface-vocabulary';
import { NEW_PASSWORD_MAX_LENGTH, NEW_PASSWORD_MIN_LENGTH } from './vocabulary';

export const Language = z.enum(UN_LANGUAGES);
export type Language = z.infer<typeof Language>;

/** A UUID is 36 characters; the bound says so to the OpenAPI document too. */
export const Uuid = z.uuid().max(36);
export type Uuid = z.infer<typeof Uuid>;

/** A tenant's name in URLs ("demo", "unodc-tpb"); the tenants table checks the same pattern. */
export const TENANT_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
export const TenantSlug = patternText(63, TENANT_SLUG_PATTERN, 'not a tenant slug');

/** Emails compare case-insensitively; we store and compare them lowercased. */
export const Email = singleLineText(254)
  .trim()
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

/** A password being chosen: NEW_PASSWORD_MIN_LENGTH to NEW_PASSWORD_MAX_LENGTH characters. */
export const NewPassword = singleLineText(NEW_PASSWORD_MAX_LENGTH).min(NEW_PASSWORD_MIN_LENGTH);

/**
 * A password being checked rather than chosen: an old account may predate
 * today's length policy, but no password ever held a control character.
 */
export const CurrentPassword = singleLineText(128).min(1);

export const PersonName = singleLineText(200).trim().min(1);

/*
 * The same values as the API writes them, for response schemas: no transform, no trimming.
 */

/** An address as stored (lowercased on the way in); 254 is the longest an address can be. */
export const EmailAddress = singleLineText(254).meta({ format: 'email' });
/** A person's or a thing's name as stored; an inviter since deleted shows as ''. */
export const DisplayName = singleLineText(200);

/** The most items one page holds (PageQuery's `limit`). */
export const PAGE_LIMIT_MAX = 100;

/** Keyset pagination: `after` is an opaque cursor from the previous page. */
export const PageQuery = z.strictObject({
  after: singleLineText(500).optional(),
  limit: int32(z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX)).default(25),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** An opaque keyset cursor as the API hands it out; PageQuery's `after` takes it back. */
export const Cursor = singleLineText(500);

export interface Page<T> {
  items: T[];
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** The schema of one page of `item`: at most PAGE_LIMIT_MAX items and the next cursor. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item).max(PAGE_LIMIT_MAX),
    nextCursor: Cursor.nullable(),
  });

/**
 * RFC 9457 problem details, as every error response carries them. `type` is
 * `/problems/<code>` with a code of PROBLEM_CODES for every answer the API
 * makes itself; it stays a string here because a proxy in front of the API,
 * or the web app's own `network` problem, may carry another.
 */
export const ProblemDetails = z.strictObject({
  type: singleLineText(100).meta({
    description: `\`/problems/<code>\`, where code is one of: ${PROBLEM_CODES.join(', ')}`,
  }),
  title: singleLineText(500),
  status: int32(z.number().int().min(0).max(599)),
  detail: multiLineText(2000).optional(),
  /** The path of the request that met the problem. */
  instance: singleLineText(2048).optional(),
  /** For a validation problem: each field refused and why. */
  errors: z
    .array(z.strictObject({ path: singleLineText(500), message: multiLineText(1000) }))
    .max(1000)
    .optional(),
  /** For a stale save (409 stale-version) where the feature says: the version now… */
  currentVersion: int32(z.number().int().min(1)).optional(),
  /** …and the fields changed since the version the caller read. */
  changed: z.array(singleLineText(100)).max(100).optional(),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;
