import type { Readable } from 'node:stream';
import {
  EXPERT_CV_CONTENT_TYPES,
  type ExpertCv,
  type ExpertCvUploadQuery,
  type ExpertCvView,
} from '@convene/contracts';
import { can } from '@convene/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { isUuid } from '../common/uuid';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { checkFile, safeFileName } from '../documents/document-file';
import { DocumentsException } from '../documents/documents.exception';
import { expertCvKey, OBJECT_STORE, ObjectMissing, type ObjectStore } from '../storage/storage';
import { deleteObjectsAfterCommit } from '../storage/storage-deletions';
import { cvViewerParams, visibleCv } from './cv-visibility';

const CvRow = z.strictObject({
  id: z.guid(),
  storage_key: z.string(),
  file_name: z.string(),
  content_type: z.enum(EXPERT_CV_CONTENT_TYPES),
  size_bytes: z.string(),
  uploaded_at: z.date(),
  uploaded_by: z.string().nullable(),
});
type CvRow = z.infer<typeof CvRow>;

/**
 * An expert's CV (docs/experts.md): one PDF or DOCX per expert, its bytes in the documents'
 * storage service, read by the staff and the expert (`visibleCv`). Replacing or removing it
 * deletes the old object after the commit (storage-deletions.ts).
 */
@Injectable()
export class ExpertCvService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  private scope() {
    const { manager, user, tenant } = requestContext.current();
    if (!user || !tenant) throw new Error('A CV needs a signed-in member');
    return { manager, user, tenant, viewer: [user.id, can(tenant.role, 'experts.manage')] };
  }

  /** 404 unless `userId` is an active expert of the tenant the caller may see the CV of. */
  private async expert(userId: string): Promise<void> {
    const { manager, viewer } = this.scope();
    if (!isUuid(userId)) throw notFound('Expert');
    const [found] = await sql(
      manager,
      `select m.user_id from memberships m
        where m.user_id = $3 and m.role = 'expert' and m.status = 'active'
          and ${visibleCv('m', cvViewerParams(1))}`,
      [...viewer, userId],
    );
    if (!found) throw notFound('Expert');
  }

  private async row(userId: string, lock = false): Promise<CvRow | null> {
    const { manager, viewer } = this.scope();
    const [row] = await sql(
      manager,
      `select c.id, c.storage_key, c.file_name, c.content_type, c.size_bytes::text as size_bytes,
              c.uploaded_at, u.name as uploaded_by
         from expert_cvs c left join users u on u.id = c.uploaded_by
        where c.user_id = $3 and ${visibleCv('c', cvViewerParams(1))}
        ${lock ? 'for update of c' : ''}`,
      [...viewer, userId],
      CvRow,
    );
    return row ?? null;
  }

  async view(userId: string): Promise<ExpertCvView> {
    await this.expert(userId);
    const row = await this.row(userId);
    return { cv: row ? toCv(row) : null };
  }

  /** Uploads or replaces the CV: the row, then the bytes, in the request's transaction. */
  async upload(userId: string, query: ExpertCvUploadQuery, bytes: unknown): Promise<ExpertCvView> {
    const { manager, user, tenant } = this.scope();
    await this.expert(userId);
    if (!Buffer.isBuffer(bytes)) {
      throw new DocumentsException(
        415,
        'unsupported-media-type',
        'Send the file itself as the body (application/octet-stream)',
      );
    }
    const [limit] = await sql<{ document_max_bytes: number }>(
      manager,
      `select document_max_bytes from tenants where id = nullif(current_setting('app.tenant_id', true), '')::uuid`,
    );
    const file = await checkFile(
      bytes,
      Math.min(limit?.document_max_bytes ?? 0, this.config.uploadMaxBytes),
    );
    if (!(EXPERT_CV_CONTENT_TYPES as readonly string[]).includes(file.contentType)) {
      throw new DocumentsException(415, 'unsupported-media-type', 'A CV is a PDF or a DOCX file');
    }
    const previous = await this.row(userId, true);
    const [saved] = await sql<{ id: string; storage_key: string }>(
      manager,
      `insert into expert_cvs (tenant_id, user_id, id, storage_key, file_name, content_type,
                               size_bytes, sha256, uploaded_by)
       select $1::uuid, $2::uuid, fresh.id,
              'tenant/' || $1::text || '/experts/' || $2::text || '/' || fresh.id::text,
              $3, $4, $5, $6, $7
         from (select gen_random_uuid() as id) fresh
       on conflict (tenant_id, user_id) do update
          set id = excluded.id, storage_key = excluded.storage_key, file_name = excluded.file_name,
              content_type = excluded.content_type, size_bytes = excluded.size_bytes,
              sha256 = excluded.sha256, uploaded_by = excluded.uploaded_by, uploaded_at = now()
       returning id, storage_key`,
      [tenant.id, userId, query.fileName, file.contentType, bytes.length, file.sha256, user.id],
    );
    if (!saved) throw new Error('no CV');
    await this.audit.record({
      action: previous ? 'expert.cv_replaced' : 'expert.cv_uploaded',
      entity: 'expert',
      entityId: userId,
      after: { fileName: query.fileName, sizeBytes: bytes.length },
    });
    try {
      await this.store.put(expertCvKey(tenant.id, userId, saved.id), bytes, file.contentType);
    } catch (error) {
      throw new DocumentsException(
        503,
        'internal',
        'The file store did not answer: nothing was saved',
        error instanceof Error ? error.message.slice(0, 200) : undefined,
      );
    }
    if (previous) {
      await deleteObjectsAfterCommit(manager, this.dataSource, this.store, tenant.id, [
        previous.storage_key,
      ]);
    }
    return this.view(userId);
  }

  async remove(userId: string): Promise<void> {
    const { manager, tenant } = this.scope();
    await this.expert(userId);
    const previous = await this.row(userId, true);
    if (!previous) throw notFound('CV');
    await sql(manager, `delete from expert_cvs where user_id = $1`, [userId]);
    await this.audit.record({
      action: 'expert.cv_removed',
      entity: 'expert',
      entityId: userId,
      before: { fileName: previous.file_name },
    });
    await deleteObjectsAfterCommit(manager, this.dataSource, this.store, tenant.id, [
      previous.storage_key,
    ]);
  }

  /** The CV's bytes, as an attachment; every download is in the audit log. */
  async file(
    userId: string,
  ): Promise<{ stream: Readable; fileName: string; contentType: string; size: number }> {
    await this.expert(userId);
    const row = await this.row(userId);
    if (!row) throw notFound('CV');
    await this.audit.record({ action: 'expert.cv_downloaded', entity: 'expert', entityId: userId });
    try {
      return {
        stream: await this.store.get(row.storage_key),
        fileName: safeFileName(
          row.file_name,
          row.content_type === 'application/pdf' ? 'pdf' : 'docx',
        ),
        contentType: row.content_type,
        size: Number(row.size_bytes),
      };
    } catch (error) {
      if (error instanceof ObjectMissing) throw notFound('CV');
      throw error;
    }
  }
}

function toCv(row: CvRow): ExpertCv {
  return {
    fileName: row.file_name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    uploadedAt: row.uploaded_at.toISOString(),
    uploadedBy: row.uploaded_by,
  };
}
