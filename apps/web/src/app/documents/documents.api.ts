import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  DocumentDetail,
  DocumentKind,
  DocumentLanguage,
  DocumentVisibility,
  ParticipantDocuments,
} from '@convene/contracts';

export interface DocumentUpload {
  title: string;
  kind: DocumentKind;
  visibility: DocumentVisibility;
  language: DocumentLanguage;
  file: File;
}

/** Documents and their files: /api/t/:tenant/…documents (docs/documents.md). */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly http = inject(HttpClient);

  eventDocumentsPath(tenant: string, eventId: string): string {
    return `/api/t/${tenant}/events/${eventId}/documents?limit=100`;
  }

  libraryPath(tenant: string): string {
    return `/api/t/${tenant}/documents?limit=100`;
  }

  searchPath(tenant: string, q: string): string {
    return `/api/t/${tenant}/documents/search?q=${encodeURIComponent(q)}`;
  }

  detailPath(tenant: string, id: string): string {
    return `/api/t/${tenant}/documents/${id}`;
  }

  participantDocumentsPath(token: string): string {
    return `/api/participant/${encodeURIComponent(token)}/documents`;
  }

  detail(tenant: string, id: string) {
    return this.http.get<DocumentDetail>(this.detailPath(tenant, id));
  }

  participantDocuments(token: string) {
    return this.http.get<ParticipantDocuments>(this.participantDocumentsPath(token));
  }

  /** A new document with its first file: the file is the body, the rest the query. */
  create(tenant: string, eventId: string | null, upload: DocumentUpload) {
    const path = eventId
      ? `/api/t/${tenant}/events/${eventId}/documents`
      : `/api/t/${tenant}/documents`;
    return this.http.post<DocumentDetail>(path, upload.file, {
      params: new HttpParams({
        fromObject: {
          title: upload.title,
          kind: upload.kind,
          visibility: upload.visibility,
          language: upload.language,
          fileName: upload.file.name,
        },
      }),
      headers: new HttpHeaders({ 'content-type': 'application/octet-stream' }),
    });
  }

  addVersion(tenant: string, id: string, language: DocumentLanguage, file: File) {
    return this.http.post<DocumentDetail>(`/api/t/${tenant}/documents/${id}/versions`, file, {
      params: new HttpParams({ fromObject: { language, fileName: file.name } }),
      headers: new HttpHeaders({ 'content-type': 'application/octet-stream' }),
    });
  }

  restore(tenant: string, id: string, versionId: string) {
    return this.http.post<DocumentDetail>(
      `/api/t/${tenant}/documents/${id}/versions/${versionId}/restore`,
      {},
    );
  }

  publish(tenant: string, id: string) {
    return this.http.post<DocumentDetail>(`/api/t/${tenant}/documents/${id}/publish`, {});
  }

  /** Deletes the document and every version (the staff), naming the version read. */
  remove(tenant: string, id: string, version: number) {
    return this.http.delete<void>(`/api/t/${tenant}/documents/${id}`, {
      params: new HttpParams({ fromObject: { version } }),
    });
  }
}
