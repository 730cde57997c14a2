import { auditFacts, PERSONAL, PERSONAL_CHANGED } from './audit-facts';

describe('what the audit log keeps of a change', () => {
  it('keeps references and facts, and replaces personal values wherever they sit', () => {
    expect(
      auditFacts({
        email: 'amina@example.org',
        role: 'focal_point',
        memberStateAlpha3: 'KEN',
        sessions: [
          { id: 's1', guestSpeakers: ['Jane Doe'], speakers: [{ id: 'u1', name: 'Ann' }] },
        ],
        reason: 'Ms Doe cannot travel',
      }),
    ).toEqual({
      email: PERSONAL,
      role: 'focal_point',
      memberStateAlpha3: 'KEN',
      sessions: [{ id: 's1', guestSpeakers: PERSONAL, speakers: [{ id: 'u1', name: PERSONAL }] }],
      reason: PERSONAL,
    });
  });

  it('says which personal values changed, never from what to what', () => {
    const before = { name: 'Eli Expert', bio: 'Same', sex: 'male' };
    const after = { name: 'Eli E. Expert', bio: 'Same', sex: 'male' };
    expect(auditFacts(before, after)).toEqual({
      name: PERSONAL_CHANGED,
      bio: PERSONAL,
      sex: 'male',
    });
    expect(auditFacts(after, before)).toEqual({
      name: PERSONAL_CHANGED,
      bio: PERSONAL,
      sex: 'male',
    });
  });

  it('keeps the names of things that are not people, and empty values as they are', () => {
    expect(
      auditFacts({
        title: 'Workshop',
        venue: { name: 'Vienna International Centre', city: 'Vienna' },
        notes: '',
        fileName: null,
      }),
    ).toEqual({
      title: 'Workshop',
      venue: { name: 'Vienna International Centre', city: 'Vienna' },
      notes: '',
      fileName: null,
    });
  });

  it('passes what is not an object through', () => {
    expect(auditFacts(undefined)).toBeUndefined();
    expect(auditFacts(null)).toBeNull();
    expect(auditFacts(['a', 1])).toEqual(['a', 1]);
  });
});
