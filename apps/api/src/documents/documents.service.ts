import type { Readable } from 'node:stream';
import {
  type DocumentDetail,
  type DocumentListQuery,
  type DocumentPage,
  type DocumentSearchQuery,
  type DocumentSearchResult,
  type DocumentSummary,
  type DocumentUpdate,
  type DocumentUploadQuery,
  type DocumentVersionUploadQuery,
  type DocumentVersionView,
  type ParticipantDocuments,
  DocumentContentType,
  DocumentKind,
  DocumentLanguage,
  DocumentVisibility,
} from '@convene/contracts';
import { can } from '@convene/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { applyScope } from '../db/transaction';
import { viewerParams, visibleEvent } from '../events/event-visibility';
import { requireParticipantLink } from '../participation/participant-links.service';
import { documentKey, OBJECT_STORE, ObjectMissing, type ObjectStore } from '../storage/storage';
import { deleteObjectsAfterCommit } from '../storage/storage-deletions';
import { checkFile, safeFileName } from './document-file';
import { DOCUMENT_COLUMNS, documentSearchSql, MARK_END, MARK_START } from './document-search.query';
import {
  type DocumentVisibilityParams,
  documentViewerParams,
  documentVisibilityOf,
  editableDocument,
  participantDocument,
  visibleDocument,
} from './document-visibility';
import { checkDownload, signDownload } from './download-token';
import { DocumentsException } from './documents.exception';

const DocumentRow = z.strictObject({
  id: z.guid(),
  event_id: z.guid().nullable(),
  event_title: z.string().nullable(),
  title: z.string(),
  kind: DocumentKind,
  visibility: DocumentVisibility,
  published_at: z.date().nullable(),
  created_at: z.date(),
  updated_at: z.date(),
  version: z.number().int(),
  can_edit: z.boolean(),
});
type DocumentRow = z.infer<typeof DocumentRow>;

const VersionRow = z.strictObject({
  id: z.guid(),
  document_id: z.guid(),
  language: DocumentLanguage,
  number: z.number().int(),
  file_name: z.string(),
  content_type: DocumentContentType,
  size_bytes: z.string(),
  uploaded_at: z.date(),
  uploaded_by: z.string().nullable(),
  restored_from: z.number().int().nullable(),
  searchable: z.boolean(),
  is_current: z.boolean(),
});
type VersionRow = z.infer<typeof VersionRow>;

const VERSION_COLUMNS = `v.id, v.document_id, v.language, v.number, v.file_name, v.content_type,
  v.size_bytes::text as size_bytes, v.uploaded_at, u.name as uploaded_by,
  (select r.number from document_versions r
    where r.tenant_id = v.tenant_id and r.id = v.restored_from) as restored_from,
  v.extracted_at is not null as searchable, v.is_current`;

/** Documents, their versions and files (docs/documents.md). */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /** The caller as the visibility rule's parameters. */
  private viewer(): DocumentVisibilityParams {
    const { user, tenant } = requestContext.current();
    if (!user || !tenant) throw new Error('Documents need a signed-in member');
    return documentVisibilityOf(user.id, tenant);
  }

  /** An event's documents the caller may read, by kind and age (keyset). */
  async listForEvent(eventId: string, query: DocumentListQuery): Promise<DocumentPage> {
    const { manager } = requestContext.current();
    const viewer = this.viewer();
    if (!isUuid(eventId)) throw notFound('Event');
    const [event] = await sql(
      manager,
      `select e.id from events e where e.id = $4 and ${visibleEvent('e', viewerParams(1))}`,
      [...viewer.slice(0, 3), eventId],
    );
    if (!event) throw notFound('Event');
    return this.page(`d.event_id = $6`, [eventId], query);
  }

  /** The tenant's library: documents on no event. */
  library(query: DocumentListQuery): Promise<DocumentPage> {
    return this.page(`d.event_id is null and $6::uuid is null`, [null], query);
  }

  private async page(
    where: string,
    parameters: unknown[],
    query: DocumentListQuery,
  ): Promise<DocumentPage> {
    const { manager } = requestContext.current();
    const cursor = decodeCursor(query.after, ['timestamp', 'uuid'] as const);
    const rows = await sql(
      manager,
      `select ${DOCUMENT_COLUMNS}, ${editableDocument('d', documentViewerParams(1))} as can_edit
         from documents d left join events e on e.tenant_id = d.tenant_id and e.id = d.event_id
        where ${where} and ${visibleDocument('d', documentViewerParams(1))}
          and ($7::text is null or d.kind = $7)
          and ($8::timestamptz is null or (d.created_at, d.id) < ($8::timestamptz, $9::uuid))
        order by d.created_at desc, d.id desc
        limit $10`,
      [
        ...this.viewer(),
        ...parameters,
        query.kind ?? null,
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        query.limit + 1,
      ],
      DocumentRow,
    );
    const page = rows.slice(0, query.limit);
    const versions = await this.versionsOf(
      page.map((row) => row.id),
      true,
    );
    const last = page[page.length - 1];
    return {
      items: page.map((row) => this.summary(row, versions)),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.created_at.toISOString(), last.id])
          : null,
    };
  }

  async get(id: string): Promise<DocumentDetail> {
    const row = await this.find(id);
    const versions = await this.versionsOf([row.id], false);
    const history = new Map<string, DocumentVersionView[]>();
    for (const version of versions) {
      const list = history.get(version.language) ?? [];
      list.push(this.versionView(version));
      history.set(version.language, list);
    }
    return {
      ...this.summary(row, versions),
      history: [...history].map(([language, list]) => ({
        language: language as DocumentDetail['history'][number]['language'],
        versions: list,
      })),
    };
  }

  /** The document if the caller may read it; 404 otherwise, as if it did not exist. */
  private async find(id: string, lock = false): Promise<DocumentRow> {
    const { manager } = requestContext.current();
    if (!isUuid(id)) throw notFound('Document');
    const [row] = await sql(
      manager,
      `select ${DOCUMENT_COLUMNS}, ${editableDocument('d', documentViewerParams(1))} as can_edit
         from documents d left join events e on e.tenant_id = d.tenant_id and e.id = d.event_id
        where d.id = $6 and ${visibleDocument('d', documentViewerParams(1))}
        ${lock ? 'for update of d' : ''}`,
      [...this.viewer(), id],
      DocumentRow,
    );
    if (!row) throw notFound('Document');
    return row;
  }

  /** Like find, but the caller must also be allowed to change it (403 if they may only read it). */
  private async findEditable(id: string): Promise<DocumentRow> {
    const row = await this.find(id, true);
    if (!row.can_edit) {
      throw new DocumentsException(403, 'forbidden', 'You may read this document, not change it');
    }
    return row;
  }

  private async versionsOf(documentIds: string[], currentOnly: boolean): Promise<VersionRow[]> {
    if (documentIds.length === 0) return [];
    const { manager } = requestContext.current();
    return sql(
      manager,
      `select ${VERSION_COLUMNS}
         from document_versions v left join users u on u.id = v.uploaded_by
        where v.document_id = any ($1::uuid[]) and ($2::boolean is false or v.is_current)
        order by v.language, v.number desc`,
      [documentIds, currentOnly],
      VersionRow,
    );
  }

  private summary(row: DocumentRow, versions: VersionRow[]): DocumentSummary {
    return {
      id: row.id,
      eventId: row.event_id,
      eventTitle: row.event_title,
      title: row.title,
      kind: row.kind,
      visibility: row.visibility,
      publishedAt: row.published_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      version: row.version,
      files: versions
        .filter((version) => version.document_id === row.id && version.is_current)
        .map((version) => ({ language: version.language, current: this.versionView(version) })),
      canEdit: row.can_edit,
    };
  }

  private versionView(version: VersionRow): DocumentVersionView {
    return {
      id: version.id,
      number: version.number,
      fileName: version.file_name,
      contentType: version.content_type,
      sizeBytes: Number(version.size_bytes),
      uploadedAt: version.uploaded_at.toISOString(),
      uploadedBy: version.uploaded_by,
      restoredFrom: version.restored_from,
      searchable: version.searchable,
      downloadUrl: this.downloadUrl(version.id, this.memberViewer()),
    };
  }

  private memberViewer() {
    const { user } = requestContext.current();
    if (!user) throw new Error('Documents need a signed-in member');
    return { kind: 'member' as const, userId: user.id };
  }

  private downloadUrl(
    versionId: string,
    viewer: { kind: 'member'; userId: string } | { kind: 'participant'; nominationId: string },
  ): string {
    const { tenant } = requestContext.current();
    if (!tenant) throw new Error('A download link needs a tenant');
    const token = signDownload(
      {
        tenantId: tenant.id,
        versionId,
        viewer,
        expiresAt: new Date(Date.now() + this.config.downloadUrlTtlMs),
      },
      this.config.secret,
    );
    return `/api/files/${token}`;
  }

  /**
   * A new document with its first file. The staff may add one anywhere; an expert only on an
   * event where they are one of the event's experts. A meeting report starts as a draft, which
   * an officer publishes; every other kind is published at once.
   */
  async create(
    eventId: string | null,
    query: DocumentUploadQuery,
    bytes: unknown,
  ): Promise<DocumentDetail> {
    const { manager, tenant, user } = requestContext.current();
    if (!tenant || !user) throw new Error('Documents need a signed-in member');
    const viewer = this.viewer();
    const staff = can(tenant.role, 'documents.manage');
    if (eventId === null) {
      if (!staff) throw new DocumentsException(403, 'forbidden', 'Only the staff keep the library');
      if (query.visibility === 'participants') {
        throw new DocumentsException(
          422,
          'unprocessable',
          'A library document has no participants',
          'Share it publicly, with the staff and experts, or with the staff only.',
        );
      }
    } else {
      if (!isUuid(eventId)) throw notFound('Event');
      const [event] = await sql<{ expert: boolean }>(
        manager,
        `select exists (select from expert_assignments a
                         where a.tenant_id = e.tenant_id and a.event_id = e.id
                           and a.user_id = $1 and a.status = 'accepted') as expert
           from events e where e.id = $4 and ${visibleEvent('e', viewerParams(1))}`,
        [...viewer.slice(0, 3), eventId],
      );
      if (!event) throw notFound('Event');
      if (!staff && !event.expert) {
        throw new DocumentsException(
          403,
          'forbidden',
          "Only the event's experts and the staff add documents to it",
        );
      }
    }
    const file = await this.checked(bytes);
    const [document] = await sql<{ id: string }>(
      manager,
      `insert into documents (tenant_id, event_id, title, kind, visibility, published_at,
                              published_by, created_by)
       values ($1, $2, $3, $4, $5, case when $4 = 'meeting_report' then null else now() end,
               case when $4 = 'meeting_report' then null else $6::uuid end, $6)
       returning id`,
      [tenant.id, eventId, query.title, query.kind, query.visibility, user.id],
    );
    if (!document) throw new Error('no document');
    const versionId = await this.addVersionRow(document.id, query.language, query.fileName, file);
    await this.audit.record({
      action: 'document.created',
      entity: 'document',
      entityId: document.id,
      after: { eventId, title: query.title, kind: query.kind, visibility: query.visibility },
    });
    // The bytes last: if the store fails, the request's transaction rolls back and no row
    // names an object; the store itself keeps nothing half-written (storage.ts).
    await this.put(document.id, versionId, file);
    return this.get(document.id);
  }

  /** A new version of one language's file (or the first file in a new language). */
  async addVersion(
    id: string,
    query: DocumentVersionUploadQuery,
    bytes: unknown,
  ): Promise<DocumentDetail> {
    const document = await this.findEditable(id);
    const file = await this.checked(bytes);
    const versionId = await this.addVersionRow(document.id, query.language, query.fileName, file);
    await this.touch(document.id);
    await this.audit.record({
      action: 'document.version_added',
      entity: 'document',
      entityId: document.id,
      after: { language: query.language, versionId, fileName: query.fileName },
    });
    await this.put(document.id, versionId, file);
    return this.get(document.id);
  }

  /** An old version becomes the current one again, as a new version: history is never rewritten. */
  async restore(id: string, versionId: string): Promise<DocumentDetail> {
    const { manager, tenant, user } = requestContext.current();
    const document = await this.findEditable(id);
    if (!isUuid(versionId)) throw notFound('Version');
    const [old] = await sql<{ language: string; is_current: boolean; number: number }>(
      manager,
      `select language, is_current, number from document_versions
        where document_id = $1 and id = $2`,
      [document.id, versionId],
    );
    if (!old) throw notFound('Version');
    if (old.is_current) {
      throw new DocumentsException(409, 'conflict', 'This version is already the current one');
    }
    await sql(
      manager,
      `update document_versions set is_current = false
        where document_id = $1 and language = $2 and is_current`,
      [document.id, old.language],
    );
    const [restored] = await sql<{ id: string }>(
      manager,
      `insert into document_versions (tenant_id, document_id, language, number, storage_key,
                                      file_name, content_type, size_bytes, sha256, restored_from,
                                      uploaded_by, extracted_text, text_search, extracted_at)
       select $1, document_id, language,
              (select max(number) + 1 from document_versions n
                where n.document_id = o.document_id and n.language = o.language),
              storage_key, file_name, content_type, size_bytes, sha256, id, $3, extracted_text, text_search,
              extracted_at
         from document_versions o where o.id = $2
       returning id`,
      [tenant?.id, versionId, user?.id],
    );
    await this.touch(document.id);
    await this.audit.record({
      action: 'document.version_restored',
      entity: 'document',
      entityId: document.id,
      after: { language: old.language, restoredNumber: old.number, versionId: restored?.id },
    });
    return this.get(document.id);
  }

  async update(id: string, input: DocumentUpdate): Promise<DocumentDetail> {
    const { manager } = requestContext.current();
    const document = await this.findEditable(id);
    if (input.version !== document.version) {
      throw new DocumentsException(
        409,
        'stale-version',
        'Someone changed this document meanwhile',
        'Reload it and make your change again.',
      );
    }
    if (document.event_id === null && input.visibility === 'participants') {
      throw new DocumentsException(422, 'unprocessable', 'A library document has no participants');
    }
    await sql(
      manager,
      `update documents set title = coalesce($2, title), kind = coalesce($3, kind),
              visibility = coalesce($4, visibility), version = version + 1, updated_at = now()
        where id = $1`,
      [id, input.title ?? null, input.kind ?? null, input.visibility ?? null],
    );
    await this.audit.record({
      action: 'document.updated',
      entity: 'document',
      entityId: id,
      before: { title: document.title, kind: document.kind, visibility: document.visibility },
      after: { title: input.title, kind: input.kind, visibility: input.visibility },
    });
    return this.get(id);
  }

  /** The staff publish a draft (the rapporteur's meeting report): now its visibility applies. */
  async publish(id: string): Promise<DocumentDetail> {
    const { manager, user } = requestContext.current();
    const document = await this.find(id, true);
    if (document.published_at) {
      throw new DocumentsException(409, 'conflict', 'This document is already published');
    }
    await sql(
      manager,
      `update documents set published_at = now(), published_by = $2, version = version + 1,
              updated_at = now()
        where id = $1`,
      [id, user?.id],
    );
    await this.audit.record({ action: 'document.published', entity: 'document', entityId: id });
    return this.get(id);
  }

  /**
   * Deletes a document with every version (the staff, `documents.manage`): the rows in the
   * request's transaction, the stored objects after it commits, or later by the worker's sweep
   * if the store fails then (storage-deletions.ts). A stale version read is 409.
   */
  async remove(id: string, version: number): Promise<void> {
    const { manager, tenant } = requestContext.current();
    if (!tenant) throw new Error('Documents need a signed-in member');
    const document = await this.find(id, true);
    if (version !== document.version) {
      throw new DocumentsException(
        409,
        'stale-version',
        'Someone changed this document meanwhile',
        'Reload it, check it is still the one to delete, and delete it again.',
      );
    }
    const versions = await sql<{ storage_key: string; count: string }>(
      manager,
      `select storage_key, count(*)::text as count from document_versions
        where document_id = $1 group by storage_key`,
      [id],
    );
    await sql(manager, `delete from documents where id = $1`, [id]);
    await this.audit.record({
      action: 'document.deleted',
      entity: 'document',
      entityId: id,
      before: {
        eventId: document.event_id,
        title: document.title,
        kind: document.kind,
        visibility: document.visibility,
        versions: versions.reduce((sum, row) => sum + Number(row.count), 0),
      },
    });
    await deleteObjectsAfterCommit(
      manager,
      this.dataSource,
      this.store,
      tenant.id,
      versions.map((row) => row.storage_key),
    );
  }

  /**
   * Documents whose title or current files' text match, best first, each with a snippet:
   * only those the caller may read (the one rule), in any of the six languages' stemming.
   */
  async search(query: DocumentSearchQuery): Promise<DocumentSearchResult> {
    const { manager } = requestContext.current();
    const rows = await sql(
      manager,
      documentSearchSql(),
      [...this.viewer(), query.q, query.limit],
      DocumentRow.extend({ rank: z.number(), snippet: z.string() }),
    );
    const versions = await this.versionsOf(
      rows.map((row) => row.id),
      true,
    );
    return {
      items: rows.map((row) => ({
        document: this.summary(row, versions),
        snippet: snippetParts(row.snippet),
        rank: row.rank,
      })),
    };
  }

  /** The documents a participant's page shows: the one rule's participant clause. */
  async forParticipant(token: string): Promise<ParticipantDocuments> {
    const { manager } = requestContext.current();
    const link = await requireParticipantLink(this.config.secret, token, 'page');
    const rows = await sql(
      manager,
      `select d.id, d.title, d.kind, v.id as version_id, v.language, v.file_name,
              v.size_bytes::text as size_bytes
         from nominations n
         join documents d on d.tenant_id = n.tenant_id
          and ${participantDocument('d', 'n.event_id')}
         join document_versions v on v.tenant_id = d.tenant_id and v.document_id = d.id
          and v.is_current
        where n.tenant_id = $1 and n.id = $2
        order by d.kind, d.created_at, d.id, v.language
        limit 2000`,
      [link.tenantId, link.nominationId],
      z.strictObject({
        id: z.guid(),
        title: z.string(),
        kind: DocumentKind,
        version_id: z.guid(),
        language: DocumentLanguage,
        file_name: z.string(),
        size_bytes: z.string(),
      }),
    );
    const documents = new Map<string, ParticipantDocuments['items'][number]>();
    for (const row of rows) {
      const document = documents.get(row.id) ?? {
        id: row.id,
        title: row.title,
        kind: row.kind,
        files: [],
      };
      document.files.push({
        language: row.language,
        fileName: row.file_name,
        sizeBytes: Number(row.size_bytes),
        downloadUrl: this.signedFor(link.tenantId, row.version_id, link.nominationId),
      });
      documents.set(row.id, document);
    }
    return { items: [...documents.values()].slice(0, 500) };
  }

  private signedFor(tenantId: string, versionId: string, nominationId: string): string {
    return `/api/files/${signDownload(
      {
        tenantId,
        versionId,
        viewer: { kind: 'participant', nominationId },
        expiresAt: new Date(Date.now() + this.config.downloadUrlTtlMs),
      },
      this.config.secret,
    )}`;
  }

  /**
   * A signed download: the link's signature and expiry, then the visibility rule again for the
   * person it was issued to, then the audit row, then the bytes, streamed from the store.
   */
  async download(
    token: string,
  ): Promise<{ stream: Readable; fileName: string; contentType: string; size: number }> {
    const { manager } = requestContext.current();
    const check = checkDownload(token, this.config.secret);
    if (!check.ok) {
      throw new DocumentsException(
        403,
        'forbidden',
        check.reason === 'expired'
          ? 'This download link has expired: open the document again for a new one'
          : 'This download link is not valid',
      );
    }
    const { tenantId, versionId, viewer } = check.claims;
    const userId = viewer.kind === 'member' ? viewer.userId : null;
    await applyScope(manager, { tenantId, userId });
    let visible: string;
    let parameters: unknown[];
    if (viewer.kind === 'member') {
      const [membership] = await sql<{
        role: DocumentSummary['kind'];
        member_state_code: string | null;
      }>(
        manager,
        `select role, member_state_code from memberships
          where user_id = $1 and status = 'active'`,
        [viewer.userId],
      );
      if (!membership) throw notFound('File');
      parameters = documentVisibilityOf(viewer.userId, {
        role: membership.role as never,
        memberStateCode: membership.member_state_code?.trim() ?? null,
      });
      visible = visibleDocument('d', documentViewerParams(1));
    } else {
      parameters = [viewer.nominationId, null, null, null, null];
      visible = `exists (select from nominations n where n.id = $1::uuid
                           and ${participantDocument('d', 'n.event_id')})
                 and $2::text is null and $3::text is null and $4::text is null and $5::text is null`;
    }
    const [file] = await sql<{
      document_id: string;
      storage_key: string;
      file_name: string;
      content_type: string;
      size_bytes: string;
      extension: string;
    }>(
      manager,
      `select v.document_id, v.storage_key, v.file_name, v.content_type,
              v.size_bytes::text as size_bytes,
              case v.content_type
                when 'application/pdf' then 'pdf' when 'image/png' then 'png'
                when 'image/jpeg' then 'jpg'
                when 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' then 'docx'
                when 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' then 'xlsx'
                else 'pptx' end as extension
         from document_versions v join documents d on d.tenant_id = v.tenant_id and d.id = v.document_id
        where v.id = $6 and ${visible}`,
      [...parameters, versionId],
    );
    if (!file) throw notFound('File');
    await this.audit.record({
      action: 'document.downloaded',
      entity: 'document',
      entityId: file.document_id,
      tenantId,
      actorId: userId,
      after: {
        versionId,
        ...(viewer.kind === 'participant' ? { nominationId: viewer.nominationId } : {}),
      },
    });
    try {
      return {
        stream: await this.store.get(file.storage_key),
        fileName: safeFileName(file.file_name, file.extension),
        contentType: file.content_type,
        size: Number(file.size_bytes),
      };
    } catch (error) {
      if (error instanceof ObjectMissing) throw notFound('File');
      throw storageFailed(error);
    }
  }

  private async checked(bytes: unknown) {
    if (!Buffer.isBuffer(bytes)) {
      throw new DocumentsException(
        415,
        'unsupported-media-type',
        'Send the file itself as the body (application/octet-stream)',
      );
    }
    const { manager } = requestContext.current();
    const [limit] = await sql<{ document_max_bytes: number }>(
      manager,
      `select document_max_bytes from tenants where id = nullif(current_setting('app.tenant_id', true), '')::uuid`,
    );
    const maxBytes = Math.min(limit?.document_max_bytes ?? 0, this.config.uploadMaxBytes);
    return { bytes, ...(await checkFile(bytes, maxBytes)) };
  }

  private async addVersionRow(
    documentId: string,
    language: string,
    fileName: string,
    file: Awaited<ReturnType<DocumentsService['checked']>>,
  ): Promise<string> {
    const { manager, tenant, user } = requestContext.current();
    if (!tenant) throw new Error('no tenant');
    await sql(
      manager,
      `update document_versions set is_current = false
        where document_id = $1 and language = $2 and is_current`,
      [documentId, language],
    );
    const [version] = await sql<{ id: string }>(
      manager,
      `insert into document_versions (tenant_id, id, document_id, language, number, storage_key,
                                      file_name, content_type, size_bytes, sha256, uploaded_by)
       select $1::uuid, new_id, $2::uuid, $3::text,
              coalesce((select max(number) from document_versions
                         where document_id = $2::uuid and language = $3::text), 0) + 1,
              'tenant/' || $1::text || '/documents/' || $2::text || '/' || new_id::text,
              $4, $5, $6, $7, $8
         from (select gen_random_uuid() as new_id) fresh
       returning id`,
      [
        tenant.id,
        documentId,
        language,
        fileName,
        file.contentType,
        file.bytes.length,
        file.sha256,
        user?.id ?? null,
      ],
    );
    if (!version) throw new Error('no version');
    await sql(manager, `insert into document_text_jobs (tenant_id, version_id) values ($1, $2)`, [
      tenant.id,
      version.id,
    ]);
    return version.id;
  }

  private async touch(id: string): Promise<void> {
    await sql(
      requestContext.current().manager,
      `update documents set version = version + 1, updated_at = now() where id = $1`,
      [id],
    );
  }

  private async put(
    documentId: string,
    versionId: string,
    file: Awaited<ReturnType<DocumentsService['checked']>>,
  ): Promise<void> {
    const { tenant } = requestContext.current();
    if (!tenant) throw new Error('no tenant');
    try {
      await this.store.put(
        documentKey(tenant.id, documentId, versionId),
        file.bytes,
        file.contentType,
      );
    } catch (error) {
      throw storageFailed(error);
    }
  }
}

function storageFailed(error: unknown): DocumentsException {
  return new DocumentsException(
    503,
    'internal',
    'The file store did not answer: nothing was saved',
    error instanceof Error ? error.message.slice(0, 200) : undefined,
  );
}

/** ts_headline's text with its private-use markers, as parts a page can show safely. */
export function snippetParts(text: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  for (const [index, piece] of text.split(MARK_START).entries()) {
    if (index === 0) {
      if (piece) parts.push({ text: piece, match: false });
      continue;
    }
    const [match = '', rest = ''] = piece.split(MARK_END);
    if (match) parts.push({ text: match, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts.slice(0, 100);
}
