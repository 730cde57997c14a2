import { randomUUID } from 'node:crypto';
import { DOWNLOAD_TOKEN_PATTERN } from '@convene/contracts';
import { checkDownload, type DownloadClaims, signDownload } from './download-token';

const SECRET = 'a'.repeat(40);
const claims = (expiresAt: Date): DownloadClaims => ({
  tenantId: randomUUID(),
  versionId: randomUUID(),
  viewer: { kind: 'member', userId: randomUUID() },
  expiresAt,
});

describe('signed download links', () => {
  it('carries its claims, to the second, in the documented shape', () => {
    const issued = claims(new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000));
    const token = signDownload(issued, SECRET);
    expect(token).toMatch(DOWNLOAD_TOKEN_PATTERN);
    expect(checkDownload(token, SECRET)).toEqual({ ok: true, claims: issued });
  });

  it('carries a participant as a participant', () => {
    const nominationId = randomUUID();
    const token = signDownload(
      { ...claims(new Date(Date.now() + 60_000)), viewer: { kind: 'participant', nominationId } },
      SECRET,
    );
    const check = checkDownload(token, SECRET);
    expect(check.ok && check.claims.viewer).toEqual({ kind: 'participant', nominationId });
  });

  it('refuses a link past its expiry', () => {
    const token = signDownload(claims(new Date(Date.now() + 60_000)), SECRET);
    expect(checkDownload(token, SECRET, new Date(Date.now() + 61_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('refuses a link with any byte changed, or signed with another secret', () => {
    const token = signDownload(claims(new Date(Date.now() + 60_000)), SECRET);
    for (const index of [0, 30, 71, 73, 94]) {
      const changed =
        token.slice(0, index) + (token[index] === 'A' ? 'B' : 'A') + token.slice(index + 1);
      expect(checkDownload(changed, SECRET)).toEqual({ ok: false, reason: 'tampered' });
    }
    expect(checkDownload(token, 'b'.repeat(40))).toEqual({ ok: false, reason: 'tampered' });
    expect(checkDownload('x', SECRET)).toEqual({ ok: false, reason: 'malformed' });
  });
});
