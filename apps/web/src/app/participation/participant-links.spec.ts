import { linkStanding } from './participant-links';

describe('linkStanding', () => {
  const now = new Date('2027-05-01T12:00:00Z');
  const link = {
    purpose: 'decision' as const,
    createdAt: '2027-04-01T08:00:00Z',
    expiresAt: '2027-05-10T06:00:00Z',
    usedAt: null,
    revokedAt: null,
  };

  it.each([
    ['active', {}],
    ['used', { usedAt: '2027-04-02T09:00:00Z' }],
    ['expired', { expiresAt: '2027-05-01T12:00:00Z' }],
    ['revoked', { revokedAt: '2027-04-03T09:00:00Z', usedAt: '2027-04-02T09:00:00Z' }],
    ['revoked', { revokedAt: '2027-04-03T09:00:00Z', expiresAt: '2027-04-04T00:00:00Z' }],
    ['used', { usedAt: '2027-04-02T09:00:00Z', expiresAt: '2027-04-04T00:00:00Z' }],
  ] as const)('reads %s', (expected, change) => {
    expect(linkStanding({ ...link, ...change }, now)).toBe(expected);
  });
});
