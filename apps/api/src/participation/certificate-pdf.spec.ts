import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Language } from '@convene/contracts';
import { type CertificateContent, renderCertificate, visualPieces } from './certificate-pdf';

const base: CertificateContent = {
  language: 'en',
  organisation: 'Counter-Terrorism Centre',
  holder: 'Amina Diallo',
  eventTitle: 'Regional workshop on digital evidence',
  startsAt: new Date('2027-03-29T07:00:00Z'),
  endsAt: new Date('2027-03-31T15:30:00Z'),
  timeZone: 'Europe/Vienna',
  place: 'Vienna International Centre, Vienna',
  verificationCode: '7KQ2-9ZXD-M4TB-R0WE',
  verificationUrl: 'https://convene.example/verify/ctc/7KQ2-9ZXD-M4TB-R0WE',
  issuedAt: new Date('2027-04-02T10:00:00Z'),
};

const folder = mkdtempSync(join(tmpdir(), 'certificate-'));

/** The PDF's text as poppler reads it, one string per line, in reading order. */
async function pdfText(content: CertificateContent): Promise<string> {
  const pdf = await renderCertificate(content);
  const file = join(folder, `${content.language}.pdf`);
  writeFileSync(file, pdf);
  if (process.env['CERTIFICATE_PNG_DIR']) {
    // For looking at: page one as a PNG.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-singlefile',
      file,
      join(process.env['CERTIFICATE_PNG_DIR'], content.language),
    ]);
  }
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('a certificate of participation', () => {
  it('says in English who took part in what, when, where, and how to verify it', async () => {
    const text = await pdfText(base);
    for (const expected of [
      'Counter-Terrorism Centre',
      'Certificate of participation',
      'Amina Diallo',
      'Regional workshop on digital evidence',
      'held on 29 – 31 March 2027 in Vienna International Centre, Vienna',
      'Verification code: 7KQ2-9ZXD-M4TB-R0WE',
      'https://convene.example/verify/ctc/7KQ2-9ZXD-M4TB-R0WE',
    ])
      expect(text).toContain(expected);
  });

  it('writes Arabic right to left, its words in reading order, with Latin names kept whole', async () => {
    const text = await pdfText({
      ...base,
      language: 'ar',
      holder: 'أمينة ديالو',
      // (No lam-alef here: poppler reads the two letters of that one ligature glyph backwards.)
      eventTitle: 'حلقة عمل إقليمية بشأن التحقيقات الرقمية',
    });
    expect(text).toContain('شهادة مشاركة');
    expect(text).toContain('أمينة ديالو');
    expect(text).toContain('حلقة عمل إقليمية بشأن التحقيقات الرقمية');
    expect(text).toContain('نشهد بأن');
    expect(text).toContain('قد شارك في');
    // The dates' digits run left to right inside the Arabic line (poppler marks the run with
    // LRE…PDF and writes the range as it appears, 31–29 read from the right).
    expect(text).toContain(
      'المنعقدة في \u202a 31–29\u202cمارس \u202a 2027\u202cفي \u202aVienna International Centre, Vienna',
    );
    // The code after the words that name it, as an Arabic reader reads the line (poppler reorders
    // the visual line into logical order).
    expect(text).toMatch(/رمز التحقق\u202a?:? ?7KQ2-9ZXD-M4TB-R0WE/);
    expect(text).toContain('Counter-Terrorism Centre');
  });

  it('draws Chinese with a CJK font embedded', async () => {
    const pdf = await renderCertificate({
      ...base,
      language: 'zh',
      holder: '王小明',
      eventTitle: '关于数字证据的区域讲习班',
    });
    const file = join(folder, 'zh-fonts.pdf');
    writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansSC/);
    // A subset, not the whole 11 MB font.
    expect(pdf.length).toBeLessThan(400_000);
    const text = await pdfText({
      ...base,
      language: 'zh',
      holder: '王小明',
      eventTitle: '关于数字证据的区域讲习班',
    });
    expect(text).toContain('参会证书');
    expect(text).toContain('王小明');
    expect(text).toContain('关于数字证据的区域讲习班');
  });

  it.each<Language>(['fr', 'es', 'ru'])('is written in %s too', async (language) => {
    const text = await pdfText({ ...base, language });
    expect(text).toContain(base.verificationCode);
    expect(text).not.toContain('Certificate of participation');
  });
});

describe('the visual order of a line', () => {
  it('puts an Arabic sentence with a Latin name and digits in visual pieces', () => {
    const pieces = visualPieces('رمز التحقق: 7KQ2', 'rtl');
    // Visual left to right: the code, then the Arabic words (which fontkit lays out right to left).
    expect(pieces.map((piece) => piece.text.trim()).filter(Boolean)).toEqual([
      '7KQ2',
      ':',
      'رمز التحقق',
    ]);
  });
  void readFileSync;
});
