import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { Icon } from '../shared/icons/icon.component';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  DOCUMENT_LANGUAGES,
  DOCUMENT_VISIBILITIES,
  type DocumentDetail,
  type DocumentKind,
  type DocumentLanguage,
  type DocumentVisibility,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../http/problem';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { DocumentsApi } from './documents.api';

export interface DocumentUploadData {
  tenant: string;
  /** Null: the library. */
  eventId: string | null;
  /** Set: a new version (or language) of this document, not a new document. */
  document: DocumentDetail | null;
  /** Experts add presentations and reports; the staff any kind. */
  kinds: readonly DocumentKind[];
}

/** Uploads a new document, or a new version of one language's file. */
@Component({
  selector: 'cv-document-upload-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    Icon,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>
      {{ (data.document ? 'documents.upload.versionTitle' : 'documents.upload.title') | transloco }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content class="upload-fields">
        @if (!data.document) {
          <mat-form-field>
            <mat-label>{{ 'documents.fields.title' | transloco }}</mat-label>
            <input matInput formControlName="title" maxlength="300" dir="auto" required />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'documents.fields.kind' | transloco }}</mat-label>
            <mat-select formControlName="kind">
              @for (kind of data.kinds; track kind) {
                <mat-option [value]="kind">{{ 'documents.kinds.' + kind | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'documents.fields.visibility' | transloco }}</mat-label>
            <mat-select formControlName="visibility">
              @for (visibility of visibilities; track visibility) {
                <mat-option [value]="visibility">
                  {{ 'documents.visibilities.' + visibility | transloco }}
                </mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'documents.fields.language' | transloco }}</mat-label>
          <mat-select formControlName="language">
            @for (language of languages; track language) {
              <mat-option [value]="language">
                {{ 'documents.languages.' + language | transloco }}
              </mat-option>
            }
          </mat-select>
        </mat-form-field>
        <label class="upload-file">
          <span>{{ 'documents.fields.file' | transloco }}</span>
          <input
            type="file"
            accept=".pdf,.docx,.xlsx,.pptx,.png,.jpg,.jpeg"
            (change)="pick($event)"
            data-testid="document-file"
          />
        </label>
        <p class="upload-hint">{{ 'documents.upload.hint' | transloco }}</p>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>
          {{ 'common.cancel' | transloco }}
        </button>
        <button mat-flat-button type="submit" [disabled]="busy() || !file()">
          <mat-icon svgIcon="upload" />
          {{ 'documents.upload.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .upload-fields {
      display: grid;
      gap: 4px;
      min-inline-size: min(420px, 80vw);
    }
    .upload-file {
      display: grid;
      gap: 4px;
    }
    .upload-hint {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class DocumentUploadDialog {
  protected readonly data = inject<DocumentUploadData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<DocumentUploadDialog, DocumentDetail>);
  private readonly api = inject(DocumentsApi);

  protected readonly visibilities = DOCUMENT_VISIBILITIES.filter(
    (visibility) => this.data.eventId !== null || visibility !== 'participants',
  );
  protected readonly languages = DOCUMENT_LANGUAGES;
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: ['', this.data.document ? [] : [Validators.required, Validators.maxLength(300)]],
    kind: [this.data.kinds[0] as DocumentKind],
    visibility: ['public' as DocumentVisibility],
    language: [(this.data.document?.files[0]?.language ?? 'en') as DocumentLanguage],
  });

  protected pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
  }

  protected async submit(): Promise<void> {
    const file = this.file();
    if (!file || this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    const value = this.form.getRawValue();
    try {
      const saved = await firstValueFrom(
        this.data.document
          ? this.api.addVersion(this.data.tenant, this.data.document.id, value.language, file)
          : this.api.create(this.data.tenant, this.data.eventId, {
              title: value.title.trim(),
              kind: value.kind,
              visibility: value.visibility,
              language: value.language,
              file,
            }),
      );
      this.ref.close(saved);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.busy.set(false);
    }
  }
}
