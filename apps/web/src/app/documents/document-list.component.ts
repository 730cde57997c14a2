import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '../shared/icons/icon.component';
import {
  DOCUMENT_KINDS,
  type DocumentDetail,
  type DocumentKind,
  type DocumentSummary,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { askToConfirm } from '../shared/confirm.dialog';
import { formatLocalDate } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { DocumentsApi } from './documents.api';
import { DocumentUploadDialog, type DocumentUploadData } from './document-upload.dialog';

/**
 * Documents grouped by kind: each with its language chips (a signed download each), its
 * visibility, whether it is a draft, and for those who may, new versions, the history with
 * restore, and publishing.
 */
@Component({
  selector: 'cv-document-list',
  imports: [MatButtonModule, Icon, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (group of groups(); track group.kind) {
      <section class="documents-group" [attr.aria-labelledby]="'kind-' + group.kind">
        <h3 class="documents-group__title" [id]="'kind-' + group.kind">
          {{ 'documents.kindsPlural.' + group.kind | transloco }}
        </h3>
        <ul class="documents">
          @for (document of group.documents; track document.id) {
            <li class="document" data-testid="document">
              <div class="document__head">
                <mat-icon svgIcon="description" aria-hidden="true" />
                <span class="document__title"
                  ><bdi>{{ document.title }}</bdi></span
                >
                <span class="document__chip">
                  {{ 'documents.visibilities.' + document.visibility | transloco }}
                </span>
                @if (!document.publishedAt) {
                  <span class="document__chip document__chip--draft">
                    {{ 'documents.draft' | transloco }}
                  </span>
                }
              </div>
              @if (document.eventTitle && showEvent()) {
                <p class="document__event">
                  <bdi>{{ document.eventTitle }}</bdi>
                </p>
              }
              <div class="document__files" role="list">
                @for (file of document.files; track file.language) {
                  <a
                    role="listitem"
                    class="document__file"
                    [href]="file.current.downloadUrl"
                    [attr.aria-label]="
                      ('documents.download' | transloco) +
                      ' ' +
                      ('documents.languages.' + file.language | transloco)
                    "
                  >
                    <mat-icon svgIcon="download" aria-hidden="true" />
                    {{
                      file.language === 'other'
                        ? ('documents.languages.other' | transloco)
                        : file.language.toUpperCase()
                    }}
                  </a>
                }
              </div>
              <div class="document__actions">
                <button mat-button type="button" (click)="toggleHistory(document)">
                  <mat-icon svgIcon="history" />
                  {{ 'documents.versions' | transloco }}
                </button>
                @if (document.canEdit) {
                  <button mat-button type="button" (click)="newVersion(document)">
                    <mat-icon svgIcon="upload" />
                    {{ 'documents.newVersion' | transloco }}
                  </button>
                }
                @if (canManage() && !document.publishedAt) {
                  <button mat-flat-button type="button" (click)="publish(document)">
                    <mat-icon svgIcon="publish" />
                    {{ 'documents.publish' | transloco }}
                  </button>
                }
                @if (canManage()) {
                  <button
                    mat-button
                    type="button"
                    class="document__delete"
                    (click)="remove(document)"
                    [attr.aria-label]="
                      'documents.deleteNamed' | transloco: { title: document.title }
                    "
                  >
                    <mat-icon svgIcon="delete" />
                    {{ 'documents.delete' | transloco }}
                  </button>
                }
              </div>
              @if (history()?.id === document.id) {
                @for (file of history()!.history; track file.language) {
                  <table class="document__history">
                    <caption>
                      {{
                        'documents.languages.' + file.language | transloco
                      }}
                    </caption>
                    <tbody>
                      @for (version of file.versions; track version.id; let first = $first) {
                        <tr>
                          <td>
                            {{ 'documents.versionNumber' | transloco: { number: version.number } }}
                          </td>
                          <td>
                            <bdi>{{ version.fileName }}</bdi>
                          </td>
                          <td>{{ when(version.uploadedAt) }}</td>
                          <td>
                            <a [href]="version.downloadUrl">{{
                              'documents.download' | transloco
                            }}</a>
                            @if (!first && document.canEdit) {
                              <button
                                mat-button
                                type="button"
                                (click)="restore(document, version.id)"
                              >
                                {{ 'documents.restore' | transloco }}
                              </button>
                            }
                            @if (version.restoredFrom) {
                              <span class="document__note">
                                {{
                                  'documents.restoredFrom'
                                    | transloco: { number: version.restoredFrom }
                                }}
                              </span>
                            }
                          </td>
                        </tr>
                      }
                    </tbody>
                  </table>
                }
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .documents-group__title {
      font: var(--mat-sys-title-small);
      margin-block: 16px 8px;
    }
    .documents {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .document {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px;
    }
    .document__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .document__title {
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .document__chip {
      border-radius: 8px;
      padding: 2px 8px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
    }
    .document__chip--draft {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .document__event {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .document__files,
    .document__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 8px;
    }
    .document__file {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 16px;
      padding: 4px 12px;
      color: var(--mat-sys-primary);
      text-decoration: none;
      min-block-size: 24px;
    }
    .document__history {
      inline-size: 100%;
      margin-block-start: 8px;
      border-collapse: collapse;
      caption {
        text-align: start;
        font: var(--mat-sys-label-large);
      }
      td {
        padding: 4px;
        border-block-start: 1px solid var(--mat-sys-outline-variant);
        overflow-wrap: anywhere;
      }
    }
    .document__note {
      color: var(--mat-sys-on-surface-variant);
    }
    .document__delete {
      color: var(--mat-sys-error);
    }
  `,
})
export class DocumentList {
  readonly tenant = input.required<string>();
  readonly documents = input.required<readonly DocumentSummary[]>();
  readonly eventId = input<string | null>(null);
  readonly canManage = input(false);
  /** Whether each document names its event (the library's search results). */
  readonly showEvent = input(false);
  /** A document changed: the owner reloads its list. */
  readonly changed = output<void>();

  private readonly api = inject(DocumentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly language = inject(LanguageService).language;

  protected readonly history = signal<DocumentDetail | null>(null);

  protected readonly groups = computed(() =>
    DOCUMENT_KINDS.map((kind: DocumentKind) => ({
      kind,
      documents: this.documents().filter((document) => document.kind === kind),
    })).filter((group) => group.documents.length > 0),
  );

  protected when(instant: string): string {
    return formatLocalDate(instant, 'medium', this.language()) ?? '';
  }

  protected async toggleHistory(document: DocumentSummary): Promise<void> {
    if (this.history()?.id === document.id) {
      this.history.set(null);
      return;
    }
    await this.loadHistory(document.id);
  }

  private async loadHistory(id: string): Promise<void> {
    try {
      this.history.set(await firstValueFrom(this.api.detail(this.tenant(), id)));
    } catch (error) {
      this.notifier.failure(toProblem(error));
    }
  }

  protected async newVersion(document: DocumentSummary): Promise<void> {
    const detail = await firstValueFrom(this.api.detail(this.tenant(), document.id));
    const saved = await firstValueFrom(
      this.dialog
        .open<DocumentUploadDialog, DocumentUploadData, DocumentDetail>(DocumentUploadDialog, {
          data: { tenant: this.tenant(), eventId: this.eventId(), document: detail, kinds: [] },
        })
        .afterClosed(),
    );
    if (saved) {
      this.notifier.success('documents.saved');
      if (this.history()?.id === saved.id) this.history.set(saved);
      this.changed.emit();
    }
  }

  protected async restore(document: DocumentSummary, versionId: string): Promise<void> {
    try {
      this.history.set(
        await firstValueFrom(this.api.restore(this.tenant(), document.id, versionId)),
      );
      this.notifier.success('documents.restored');
      this.changed.emit();
    } catch (error) {
      this.notifier.failure(toProblem(error));
    }
  }

  /** Asks first: the document goes with every version and file, for everyone. */
  protected async remove(document: DocumentSummary): Promise<void> {
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: 'documents.deleteTitle',
      messageKey: 'documents.deleteMessage',
      confirmKey: 'documents.delete',
      params: { title: document.title },
      destructive: true,
    });
    if (!confirmed) return;
    try {
      await firstValueFrom(this.api.remove(this.tenant(), document.id, document.version));
      if (this.history()?.id === document.id) this.history.set(null);
      this.notifier.success('documents.deleted');
      this.changed.emit();
    } catch (error) {
      this.notifier.failure(toProblem(error));
    }
  }

  protected async publish(document: DocumentSummary): Promise<void> {
    try {
      await firstValueFrom(this.api.publish(this.tenant(), document.id));
      this.notifier.success('documents.published');
      this.changed.emit();
    } catch (error) {
      this.notifier.failure(toProblem(error));
    }
  }
}
