import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersonSummary } from '@convene/contracts';
import { renderPersonSummary } from './person-pdf';

const ID = '0b6f4f5e-8f0e-4d43-9a59-2f1b2c3d4e5f';
const AT = '2026-11-03T09:30:00.000Z';

/** A participant whose name and texts are Arabic (no lam-alef: poppler reads that glyph backwards). */
const nomination: PersonSummary['nominations'][number] = {
  id: ID,
  eventId: ID,
  eventTitle: 'حلقة عمل إقليمية بشأن التحقيقات الرقمية',
  startsAt: AT,
  endsAt: AT,
  status: 'approved',
  confirmation: 'confirmed',
  memberStateAlpha3: 'MAR',
  sex: 'female',
  institutionType: 'prosecution',
  audience: 'prosecutors',
  preferredLanguage: 'ar',
  functionTitle: 'مدعية عامة',
  institution: 'النيابة العامة',
  languages: ['ar', 'fr'],
  dietaryNeeds: null,
  accessibilityNeeds: null,
  decisionReason: null,
  nominatedAt: AT,
};

const summary: PersonSummary = {
  account: {
    kind: 'participant',
    id: ID,
    name: 'فاطمة الزهراء بنعيسى',
    email: 'fatima.benaissa@ma-gov.example',
    language: null,
    createdAt: AT,
    anonymised: false,
    membership: null,
  },
  nominations: [nomination],
  attendance: [],
  consents: [],
  certificates: [],
  expert: null,
  documents: [],
  mail: [],
  audit: { byThem: [], aboutThem: [] },
};

describe('the person PDF', () => {
  const folder = mkdtempSync(join(tmpdir(), 'person-pdf-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const textOf = async (input: PersonSummary) => {
    const file = join(folder, 'person.pdf');
    writeFileSync(
      file,
      await renderPersonSummary(input, {
        organisation: 'Counter-Terrorism Centre',
        generatedAt: new Date(AT),
      }),
    );
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  };

  it('joins Arabic letters and reads them back in logical order, labels in English', async () => {
    const text = await textOf(summary);
    // Joined: what poppler reads back are the letters as written, not presentation forms in
    // reverse (an unshaped, left-to-right drawing reads "ىسيعنب ءارهزلا ةمطاف").
    expect(text).toContain('فاطمة الزهراء بنعيسى');
    expect(text).not.toContain('ىسيعنب');
    expect(text).toMatch(/Name: ?\u202b?فاطمة الزهراء بنعيسى/u);
    expect(text).toContain('حلقة عمل إقليمية بشأن التحقيقات الرقمية');
    expect(text).toContain('النيابة العامة');
    expect(text).toContain('مدعية عامة');
    expect(text).toContain('fatima.benaissa@ma-gov.example');
    // No letter is drawn unjoined: every Arabic glyph maps back to the basic Arabic block.
    expect(text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufeff]/u);
    expect(text).toContain('Nominations (1)');
  });

  it('flows a long Arabic text onto as many pages as it needs', async () => {
    const long = Array.from({ length: 400 }, () => 'نص طويل عن الشخص').join(' ');
    const text = await textOf({
      ...summary,
      nominations: [{ ...nomination, decisionReason: long }],
    });
    // (On a page mostly Arabic, poppler reads every line right to left: brackets come mirrored.)
    expect(text).toContain('Audit entries about them');
    expect((text.match(/\f/g) ?? []).length).toBeGreaterThan(1);
  });
});
