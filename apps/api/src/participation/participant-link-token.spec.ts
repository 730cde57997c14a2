import { checkLink, signLink, type LinkClaims } from './participant-link-token';

const SECRET = 'a secret of at least thirty-two characters';
const NOW = new Date('2026-12-01T12:00:00Z');
const claims: LinkClaims = {
  tenantId: '8f7c2a4e-1b3d-4c5e-9f60-718293a4b5c6',
  linkId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  purpose: 'decision',
  expiresAt: new Date('2026-12-15T00:00:00Z'),
};

describe('participant link tokens', () => {
  it('carries its claims and checks back to them', () => {
    for (const purpose of ['decision', 'page'] as const) {
      const token = signLink({ ...claims, purpose }, SECRET);
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(checkLink(token, SECRET, NOW)).toEqual({ ok: true, claims: { ...claims, purpose } });
    }
  });

  it('refuses a token with any character changed as tampered', () => {
    const token = signLink(claims, SECRET);
    for (let at = 0; at < token.length; at++) {
      if (token[at] === '.') continue;
      const changed = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
      const check = checkLink(changed, SECRET, NOW);
      expect({ at, ok: check.ok }).toEqual({ at, ok: false });
    }
  });

  it('refuses a token signed with another secret', () => {
    expect(checkLink(signLink(claims, `${SECRET}!`), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });

  it('refuses an expired token, even at the second it expires', () => {
    const token = signLink(claims, SECRET);
    expect(checkLink(token, SECRET, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    expect(checkLink(token, SECRET, new Date(claims.expiresAt.getTime() - 1000)).ok).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['no signature', 'abc'],
    ['NUL', `${'A'.repeat(51)}.\u0000${'A'.repeat(42)}`],
    ['too long', `${'A'.repeat(52)}.${'A'.repeat(43)}`],
    ['padding', `${'A'.repeat(50)}=.${'A'.repeat(43)}`],
  ])('refuses a malformed token (%s)', (_, token) => {
    expect(checkLink(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });
});
