import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { documentKey, type ObjectStore } from '../storage/storage';
import { pdfWith } from './documents.testing';

export interface SeededDocument {
  documentId: string;
  /** Oldest first. */
  versionIds: string[];
}

/**
 * A document with `versions` English PDF versions, written as the API writes them (rows, then
 * the bytes in the store), for tests that need one without uploading.
 */
export async function seedDocument(
  dataSource: DataSource,
  store: ObjectStore,
  tenantId: string,
  options: {
    eventId: string | null;
    title: string;
    kind?: string;
    visibility?: string;
    published?: boolean;
    versions?: number;
    text?: string;
  },
): Promise<SeededDocument> {
  const versions = options.versions ?? 1;
  const bytes = await pdfWith(options.text ?? options.title);
  const seeded = await inTransaction(dataSource, { tenantId }, async (m) => {
    const [document] = await sql<{ id: string }>(
      m,
      `insert into documents (tenant_id, event_id, title, kind, visibility, published_at)
       values ($1, $2, $3, $4, $5, case when $6 then now() end) returning id`,
      [
        tenantId,
        options.eventId,
        options.title,
        options.kind ?? 'background_paper',
        options.visibility ?? 'public',
        options.published ?? true,
      ],
    );
    if (!document) throw new Error('no document');
    const versionIds: string[] = [];
    for (let number = 1; number <= versions; number++) {
      const [version] = await sql<{ id: string }>(
        m,
        `insert into document_versions (tenant_id, id, document_id, language, number, storage_key,
                                        file_name, content_type, size_bytes, sha256, is_current)
         select $1::uuid, new_id, $2::uuid, 'en', $3::integer,
                'tenant/' || $1::text || '/documents/' || $2::text || '/' || new_id::text,
                'paper.pdf', 'application/pdf', $4::bigint, $5::bytea, $6::boolean
           from (select gen_random_uuid() as new_id) fresh
         returning id`,
        [
          tenantId,
          document.id,
          number,
          bytes.length,
          createHash('sha256').update(bytes).digest(),
          number === versions,
        ],
      );
      if (!version) throw new Error('no version');
      versionIds.push(version.id);
    }
    return { documentId: document.id, versionIds };
  });
  for (const versionId of seeded.versionIds) {
    await store.put(documentKey(tenantId, seeded.documentId, versionId), bytes, 'application/pdf');
  }
  return seeded;
}
