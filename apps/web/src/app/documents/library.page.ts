import { fetched } from './fetched';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import {
  DOCUMENT_KINDS,
  type DocumentDetail,
  type DocumentPage,
  type DocumentSearchResult,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { toProblem } from '../http/problem';
import { EmptyState } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { DocumentList } from './document-list.component';
import { DocumentUploadDialog, type DocumentUploadData } from './document-upload.dialog';
import { DocumentsApi } from './documents.api';

/**
 * The tenant's documents: a search over every document the person may read (titles and text,
 * with the matching words marked), and the library of documents on no event.
 */
@Component({
  selector: 'cv-library-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatProgressBarModule,
    TranslocoPipe,
    EmptyState,
    LiveError,
    DocumentList,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="cv-page-title">{{ 'documents.libraryTitle' | transloco }}</h1>
    <p class="cv-page-intro">{{ 'documents.libraryIntro' | transloco }}</p>

    <mat-card appearance="outlined" class="cv-panel">
      <form
        class="library-search"
        role="search"
        (submit)="$event.preventDefault(); search(box.value)"
      >
        <mat-form-field class="library-search__field">
          <mat-label>{{ 'documents.searchLabel' | transloco }}</mat-label>
          <input matInput #box type="search" maxlength="200" dir="auto" name="q" />
        </mat-form-field>
        <button mat-flat-button type="submit">
          <mat-icon svgIcon="search" />
          {{ 'documents.search' | transloco }}
        </button>
      </form>
      @if (query()) {
        @if (results.isLoading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        } @else if (results.error()) {
          <cv-live-error [problem]="searchProblem()" />
        } @else if (results.hasValue()) {
          <h2 class="cv-panel-title" aria-live="polite">
            {{ 'documents.hits' | transloco: { count: results.value().items.length } }}
          </h2>
          <ol class="hits">
            @for (hit of results.value().items; track hit.document.id) {
              <li class="hit" data-testid="search-hit">
                <p class="hit__title">
                  <bdi>{{ hit.document.title }}</bdi>
                </p>
                @if (hit.document.eventTitle) {
                  <p class="hit__event">
                    <bdi>{{ hit.document.eventTitle }}</bdi>
                  </p>
                }
                <p class="hit__snippet" dir="auto">
                  @for (part of hit.snippet; track $index) {
                    @if (part.match) {
                      <mark>{{ part.text }}</mark>
                    } @else {
                      {{ part.text }}
                    }
                  }
                </p>
                <div class="hit__files">
                  @for (file of hit.document.files; track file.language) {
                    <a [href]="file.current.downloadUrl">
                      {{ 'documents.download' | transloco }} ·
                      {{ 'documents.languages.' + file.language | transloco }}
                    </a>
                  }
                </div>
              </li>
            }
          </ol>
        }
      }
    </mat-card>

    <mat-card appearance="outlined" class="cv-panel">
      <div class="library-head">
        <h2 class="cv-panel-title">{{ 'documents.library' | transloco }}</h2>
        @if (canManage()) {
          <button mat-flat-button type="button" (click)="upload()">
            <mat-icon svgIcon="upload_file" />
            {{ 'documents.add' | transloco }}
          </button>
        }
      </div>
      @if (library.isLoading() && !library.hasValue()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (library.error()) {
        <cv-live-error [problem]="libraryProblem()" />
      } @else if (library.hasValue() && library.value().items.length === 0) {
        <cv-empty-state icon="description" [title]="'documents.none' | transloco" />
      } @else if (library.hasValue()) {
        <cv-document-list
          [tenant]="tenant()"
          [documents]="library.value().items"
          [canManage]="canManage()"
          (changed)="library.reload()"
        />
      }
    </mat-card>
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
    }
    .library-search {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
    .library-search__field {
      flex: 1 1 240px;
    }
    .library-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .hits {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .hit {
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      padding-block-end: 8px;
    }
    .hit__title {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .hit__event {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .hit__snippet mark {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .hit__files {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
  `,
})
export class LibraryPage {
  readonly tenant = input.required<string>();

  private readonly api = inject(DocumentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);

  protected readonly canManage = computed(
    () => this.membership()?.permissions.includes('documents.manage') ?? false,
  );
  protected readonly query = signal('');

  protected readonly library = fetched<DocumentPage>(() => this.api.libraryPath(this.tenant()));
  protected readonly results = fetched<DocumentSearchResult>(() =>
    this.query().length >= 2 ? this.api.searchPath(this.tenant(), this.query()) : undefined,
  );
  protected readonly libraryProblem = computed(() =>
    this.library.error() ? toProblem(this.library.error()) : null,
  );
  protected readonly searchProblem = computed(() =>
    this.results.error() ? toProblem(this.results.error()) : null,
  );

  protected search(text: string): void {
    this.query.set(text.trim());
  }

  protected async upload(): Promise<void> {
    const saved = await firstValueFrom(
      this.dialog
        .open<DocumentUploadDialog, DocumentUploadData, DocumentDetail>(DocumentUploadDialog, {
          data: { tenant: this.tenant(), eventId: null, document: null, kinds: DOCUMENT_KINDS },
        })
        .afterClosed(),
    );
    if (saved) {
      this.notifier.success('documents.saved');
      this.library.reload();
    }
  }
}
