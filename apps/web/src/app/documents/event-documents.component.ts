import { fetched } from './fetched';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Icon } from '../shared/icons/icon.component';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import type { DocumentDetail, DocumentKind, DocumentPage, EventDetail } from '@convene/contracts';
import { DOCUMENT_KINDS } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { EmptyState } from '../shared/empty-state.component';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { DocumentList } from './document-list.component';
import { DocumentUploadDialog, type DocumentUploadData } from './document-upload.dialog';
import { DocumentsApi } from './documents.api';

/** What an expert adds to an event: their presentations, papers, the report they write. */
const EXPERT_KINDS: readonly DocumentKind[] = [
  'presentation',
  'background_paper',
  'meeting_report',
  'recommendations',
  'other',
];

/** An event's documents tab: the documents the caller may read, and uploading for those who may. */
@Component({
  selector: 'cv-event-documents',
  imports: [
    MatButtonModule,
    Icon,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
    DocumentList,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="event-documents">
      @if (canAdd()) {
        <div class="event-documents__actions">
          <button mat-flat-button type="button" (click)="upload()">
            <mat-icon svgIcon="upload_file" />
            {{ 'documents.add' | transloco }}
          </button>
        </div>
      }
      @if (list.isLoading() && !list.hasValue()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (list.error()) {
        <cv-live-error [problem]="problem()" />
      } @else if (list.hasValue() && list.value().items.length === 0) {
        <cv-empty-state icon="description" [title]="'documents.none' | transloco" />
      } @else if (list.hasValue()) {
        <cv-document-list
          [tenant]="tenant()"
          [eventId]="event().id"
          [documents]="list.value().items"
          [canManage]="canManage()"
          (changed)="list.reload()"
        />
      }
    </div>
  `,
  styles: `
    .event-documents {
      padding-block: 16px;
    }
    .event-documents__actions {
      display: flex;
      justify-content: flex-end;
      margin-block-end: 8px;
    }
  `,
})
export class EventDocuments {
  readonly event = input.required<EventDetail>();

  private readonly api = inject(DocumentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);

  protected readonly tenant = computed(() => this.membership()?.tenant.slug ?? '');
  protected readonly canManage = computed(
    () => this.membership()?.permissions.includes('documents.manage') ?? false,
  );
  /** Staff on any event; an expert where they accepted (the API decides; 403 otherwise). */
  protected readonly canAdd = computed(
    () => this.membership()?.permissions.includes('documents.contribute') ?? false,
  );

  protected readonly list = fetched<DocumentPage>(() =>
    this.tenant() ? this.api.eventDocumentsPath(this.tenant(), this.event().id) : undefined,
  );
  protected readonly problem = computed(() =>
    this.list.error() ? toProblem(this.list.error()) : null,
  );

  protected async upload(): Promise<void> {
    const saved = await firstValueFrom(
      this.dialog
        .open<DocumentUploadDialog, DocumentUploadData, DocumentDetail>(DocumentUploadDialog, {
          data: {
            tenant: this.tenant(),
            eventId: this.event().id,
            document: null,
            kinds: this.canManage() ? DOCUMENT_KINDS : EXPERT_KINDS,
          },
        })
        .afterClosed(),
    );
    if (saved) {
      this.notifier.success('documents.saved');
      this.list.reload();
    }
  }
}
