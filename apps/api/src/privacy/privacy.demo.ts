import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';

const Subject = z.strictObject({ id: z.guid() });

/**
 * The record of privacy requests (docs/privacy.md) with something in it: last year a participant
 * of the programme's history asked, by email, for the data held about them, and the admin
 * exported it. The person is one of the demo's made-up history participants.
 */
export async function seedPrivacyDemo(
  dataSource: DataSource,
  tenantId: string,
  admin: string | null,
): Promise<void> {
  if (!admin) return;
  await inTransaction(dataSource, { tenantId }, async (manager) => {
    const [subject] = await sql(
      manager,
      `select id from participants where email like 'history.%' order by email limit 1`,
      [],
      Subject,
    );
    if (!subject) return;
    await sql(
      manager,
      `insert into privacy_requests (tenant_id, kind, subject_kind, subject_id, reason,
                                     requested_by, requested_at)
       values (nullif(current_setting('app.tenant_id', true), '')::uuid, 'export',
               'participant', $1, $2, $3, now() - interval '200 days')`,
      [
        subject.id,
        'Subject access request received by email; the export was sent by registered post',
        admin,
      ],
    );
  });
}
