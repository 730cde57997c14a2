import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { pdfWith } from '../documents/documents.testing';
import { expertCvKey, type ObjectStore } from '../storage/storage';

/**
 * A PDF CV for the expert `userId`, written as the API writes it (the row, then the bytes), for
 * tests and the demo that need one without uploading. Replaces any CV they had (its object stays).
 */
export async function seedExpertCv(
  dataSource: DataSource,
  store: ObjectStore,
  tenantId: string,
  userId: string,
  options: { fileName: string; text?: string; bytes?: Buffer; uploadedBy?: string | null },
): Promise<void> {
  const bytes = options.bytes ?? (await pdfWith(options.text ?? options.fileName));
  const id = await inTransaction(dataSource, { tenantId }, async (m) => {
    const [row] = await sql<{ id: string }>(
      m,
      `insert into expert_cvs (tenant_id, user_id, id, storage_key, file_name, content_type,
                               size_bytes, sha256, uploaded_by)
       select $1::uuid, $2::uuid, fresh.id,
              'tenant/' || $1::text || '/experts/' || $2::text || '/' || fresh.id::text,
              $3, 'application/pdf', $4, $5, $6
         from (select gen_random_uuid() as id) fresh
       on conflict (tenant_id, user_id) do update
          set id = excluded.id, storage_key = excluded.storage_key, file_name = excluded.file_name,
              size_bytes = excluded.size_bytes, sha256 = excluded.sha256, uploaded_at = now()
       returning id`,
      [
        tenantId,
        userId,
        options.fileName,
        bytes.length,
        createHash('sha256').update(bytes).digest(),
        options.uploadedBy ?? userId,
      ],
    );
    if (!row) throw new Error('no CV');
    return row.id;
  });
  await store.put(expertCvKey(tenantId, userId, id), bytes, 'application/pdf');
}
