import PDFDocument from 'pdfkit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import type { ObjectStore } from '../storage/storage';
import { seedExpertCv } from './expert-cv.fixtures';

/** A one-page CV. */
function cvPdf(name: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `CV — ${name}` } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.fontSize(20).text(name).moveDown();
    for (const line of lines) pdf.fontSize(11).text(line).moveDown(0.4);
    pdf.end();
  });
}

const CVS: { email: string; name: string; fileName: string; lines: string[] }[] = [
  {
    email: 'ahmed.elsayed@expert.example',
    name: 'Ahmed El-Sayed',
    fileName: 'Ahmed El-Sayed CV 2026.pdf',
    lines: [
      'Senior prosecutor, counter-terrorism financing unit, 2014 to date.',
      'Trainer on financial investigations for judges and prosecutors (Arabic, English, French).',
      'LL.M. in international criminal law.',
    ],
  },
  {
    email: 'olena.kovalenko@expert.example',
    name: 'Olena Kovalenko',
    fileName: 'Kovalenko_CV.pdf',
    lines: [
      'Digital forensics adviser; cross-border requests for electronic evidence.',
      'Author of the practitioners’ guide on preservation requests.',
    ],
  },
];

/**
 * Two experts of the roster with a CV (docs/experts.md); Camille, the demo's signed-in expert,
 * has none, so the browser test uploads hers.
 */
export async function seedExpertCvsDemo(
  dataSource: DataSource,
  store: ObjectStore,
  tenantId: string,
  officerId: string | null,
): Promise<void> {
  const users = await inTransaction(dataSource, { tenantId }, (manager) =>
    sql(
      manager,
      `select u.email, u.id from memberships m join users u on u.id = m.user_id
        where m.role = 'expert' and u.email = any ($1::text[])`,
      [CVS.map((cv) => cv.email)],
      z.strictObject({ email: z.string(), id: z.guid() }),
    ),
  );
  for (const cv of CVS) {
    const user = users.find((row) => row.email === cv.email);
    if (!user) continue;
    await seedExpertCv(dataSource, store, tenantId, user.id, {
      fileName: cv.fileName,
      bytes: await cvPdf(cv.name, cv.lines),
      uploadedBy: cv.email === 'olena.kovalenko@expert.example' ? officerId : user.id,
    });
  }
}
