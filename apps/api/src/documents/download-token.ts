import { DOWNLOAD_TOKEN_PATTERN } from '@convene/contracts';
import { bytesToUuid, safeEqual, sign, uuidToBytes } from '../auth/secrets';

/**
 * A signed download link (docs/documents.md): the app's own HMAC over the tenant, the version,
 * who asked (a member, or a participant through their page) and an expiry. The link is checked
 * before any row is read (tampered, expired); the download then asks the visibility rule again
 * for that person, so a link outlives neither its minutes nor the person's right to read.
 *
 * Layout (base64url): tenant (16 bytes) · version (16) · viewer kind (1: member, participant) ·
 * viewer (16: user id, or nomination id) · padding (1) · expiry in Unix seconds (4), then `.`
 * and the first 128 bits of the HMAC-SHA256 of `download:` and that text.
 */
export interface DownloadClaims {
  tenantId: string;
  versionId: string;
  viewer: { kind: 'member'; userId: string } | { kind: 'participant'; nominationId: string };
  expiresAt: Date;
}

export type DownloadCheck =
  | { ok: true; claims: DownloadClaims }
  | { ok: false; reason: 'malformed' | 'tampered' | 'expired' };

const PAYLOAD_BYTES = 16 + 16 + 1 + 16 + 1 + 4;

/**
 * The HMAC-SHA256, cut to 128 bits (22 characters) so the whole token fits in a path segment of
 * the router's 100 characters; 128 bits stay beyond any forgery.
 */
const signature = (text: string, secret: string) => sign(`download:${text}`, secret).slice(0, 22);

export function signDownload(claims: DownloadClaims, secret: string): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  uuidToBytes(claims.tenantId).copy(payload, 0);
  uuidToBytes(claims.versionId).copy(payload, 16);
  const member = claims.viewer.kind === 'member';
  payload.writeUInt8(member ? 0 : 1, 32);
  uuidToBytes(
    claims.viewer.kind === 'member' ? claims.viewer.userId : claims.viewer.nominationId,
  ).copy(payload, 33);
  payload.writeUInt32BE(Math.floor(claims.expiresAt.getTime() / 1000), 50);
  const text = payload.toString('base64url');
  return `${text}.${signature(text, secret)}`;
}

export function checkDownload(token: string, secret: string, now = new Date()): DownloadCheck {
  if (!DOWNLOAD_TOKEN_PATTERN.test(token)) return { ok: false, reason: 'malformed' };
  const [text = '', mac = ''] = token.split('.');
  if (!safeEqual(mac, signature(text, secret))) return { ok: false, reason: 'tampered' };
  const payload = Buffer.from(text, 'base64url');
  const kind = payload.readUInt8(32);
  if (payload.length !== PAYLOAD_BYTES || kind > 1) return { ok: false, reason: 'malformed' };
  const expiresAt = new Date(payload.readUInt32BE(50) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  const viewerId = bytesToUuid(payload.subarray(33, 49));
  return {
    ok: true,
    claims: {
      tenantId: bytesToUuid(payload.subarray(0, 16)),
      versionId: bytesToUuid(payload.subarray(16, 32)),
      viewer:
        kind === 0
          ? { kind: 'member', userId: viewerId }
          : { kind: 'participant', nominationId: viewerId },
      expiresAt,
    },
  };
}
