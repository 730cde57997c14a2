import { bytesToUuid, safeEqual, sign, uuidToBytes } from '../auth/secrets';

/**
 * The participant's signed links (docs/participation.md). A participant holds no account: the
 * link is the credential. Its token carries the tenant, the `participant_links` row and the
 * purpose and expiry, and an HMAC over them with the app's secret, so a token is checked before
 * any row is read: one with a changed byte is refused as tampered, one past its expiry as
 * expired, without touching the database. The row then makes it revocable (`revoked_at`) and
 * the decision link single-use (`used_at`): those checks are the reader's.
 *
 * Layout (base64url): tenant id (16 bytes) · link id (16) · purpose (1) · expiry in Unix seconds
 * (5), then `.` and the HMAC-SHA256 of that text.
 */

export const LINK_PURPOSES = ['decision', 'page'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

export interface LinkClaims {
  tenantId: string;
  linkId: string;
  purpose: LinkPurpose;
  expiresAt: Date;
}

export type LinkCheck =
  | { ok: true; claims: LinkClaims }
  | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

const PAYLOAD_BYTES = 16 + 16 + 1 + 5;
/** base64url of 38 bytes, a dot, base64url of 32 bytes. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{51}\.[A-Za-z0-9_-]{43}$/;

export function signLink(claims: LinkClaims, secret: string): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  uuidToBytes(claims.tenantId).copy(payload, 0);
  uuidToBytes(claims.linkId).copy(payload, 16);
  payload.writeUInt8(LINK_PURPOSES.indexOf(claims.purpose), 32);
  payload.writeUIntBE(Math.floor(claims.expiresAt.getTime() / 1000), 33, 5);
  const text = payload.toString('base64url');
  return `${text}.${sign(text, secret)}`;
}

export function checkLink(token: string, secret: string, now = new Date()): LinkCheck {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'malformed' };
  const [text = '', signature = ''] = token.split('.');
  if (!safeEqual(signature, sign(text, secret))) return { ok: false, reason: 'tampered' };
  const payload = Buffer.from(text, 'base64url');
  const purpose = LINK_PURPOSES[payload.readUInt8(32)];
  if (payload.length !== PAYLOAD_BYTES || !purpose) return { ok: false, reason: 'malformed' };
  const expiresAt = new Date(payload.readUIntBE(33, 5) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    claims: {
      tenantId: bytesToUuid(payload.subarray(0, 16)),
      linkId: bytesToUuid(payload.subarray(16, 32)),
      purpose,
      expiresAt,
    },
  };
}
