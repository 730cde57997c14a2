import type { RequestStatus } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { pdfWith } from '../documents/documents.testing';
import { sql } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { type ObjectStore, requestAttachmentKey } from '../storage/storage';

const IdRow = z.strictObject({ id: z.guid() });

let counter = 0;

/**
 * A complete request of `state` in `status` (its history says it got there), with an expert
 * reviewer, a linked event and a stored PDF when asked: what the access and fuzz suites call
 * the routes on.
 */
export async function seedRequest(
  ds: DataSource,
  store: ObjectStore,
  tenantId: string,
  options: {
    state?: string;
    status?: RequestStatus;
    title?: string;
    reviewerId?: string | null;
    eventId?: string | null;
    attachment?: boolean;
    /** Which side attached the file (the State's, unless said). */
    attachmentSide?: 'state' | 'officer';
  } = {},
): Promise<{ requestId: string; attachmentId: string | null }> {
  const status = options.status ?? 'in_assessment';
  const bytes = options.attachment ? await pdfWith('Request annex') : null;
  const seeded = await inTransaction(ds, { tenantId }, async (m) => {
    const [request] = await sql(
      m,
      `insert into assistance_requests (tenant_id, member_state_code, title, thematic_areas,
                                        target_audiences, priority, modality, description,
                                        status, submitted_at, expert_reviewer_id)
       values ($1, $2, $3, '{financing}', '{investigators}', 'high', 'training',
               'Training for financial investigators.', $4,
               case when $4 = 'draft' then null else now() end, $5)
       returning id`,
      [
        tenantId,
        options.state ?? 'KEN',
        options.title ?? `Request ${++counter}`,
        status,
        options.reviewerId ?? null,
      ],
      IdRow,
    );
    if (!request) throw new Error('no request');
    await sql(
      m,
      `insert into request_history (tenant_id, request_id, action, from_status, to_status)
       values ($1, $2, 'created', null, 'draft')`,
      [tenantId, request.id],
    );
    if (status !== 'draft') {
      await sql(
        m,
        `insert into request_history (tenant_id, request_id, action, from_status, to_status)
         values ($1, $2, 'move', 'draft', $3)`,
        [tenantId, request.id, status],
      );
    }
    if (options.eventId) {
      await sql(
        m,
        `insert into request_events (tenant_id, request_id, event_id) values ($1, $2, $3)`,
        [tenantId, request.id, options.eventId],
      );
    }
    let attachmentId: string | null = null;
    if (bytes) {
      const [attachment] = await sql(
        m,
        `insert into request_attachments (tenant_id, request_id, storage_key, file_name,
                                          media_type, byte_size, sha256, side)
         values ($1, $2, '', 'annex.pdf', 'application/pdf', $3, repeat('0', 64), $4)
         returning id`,
        [tenantId, request.id, bytes.length, options.attachmentSide ?? 'state'],
        IdRow,
      );
      attachmentId = attachment?.id ?? null;
      if (attachmentId) {
        await sql(m, `update request_attachments set storage_key = $2 where id = $1`, [
          attachmentId,
          requestAttachmentKey(tenantId, request.id, attachmentId),
        ]);
      }
    }
    return { requestId: request.id, attachmentId };
  });
  if (bytes && seeded.attachmentId) {
    await store.put(
      requestAttachmentKey(tenantId, seeded.requestId, seeded.attachmentId),
      bytes,
      'application/pdf',
    );
  }
  return seeded;
}
