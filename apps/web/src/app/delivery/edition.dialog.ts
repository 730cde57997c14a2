import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type DocumentPage,
  type Edition,
  EDITION_FORMATS,
  EDITION_LANGUAGES,
  EDITION_TITLE_MAX,
  type EditionFormat,
  type EditionLanguage,
  normaliseIsbn,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DocumentsApi } from '../documents/documents.api';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { DeliveryApi } from './delivery.api';

export interface EditionDialogData {
  tenant: string;
  edition: Edition | null;
}

/** An ISBN with a wrong check digit is refused here as the API refuses it. */
const isbnValidator = (control: { value: string }) =>
  control.value.trim() === '' || normaliseIsbn(control.value) !== null ? null : { isbn: true };

/** Adds or edits an edition of the tool; closes with it as saved. */
@Component({
  selector: 'cv-edition-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    FieldErrorPipe,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{ (data.edition ? 'delivery.editions.edit' : 'delivery.editions.add') | transloco }}
      </h2>
      <mat-dialog-content class="cv-dialog-form">
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'delivery.editions.titleField' | transloco }}</mat-label>
          <input matInput formControlName="title" dir="auto" [maxlength]="titleMax" required />
          @if (form.controls.title.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <div class="ed-row">
          <mat-form-field>
            <mat-label>{{ 'delivery.fields.language' | transloco }}</mat-label>
            <mat-select formControlName="language" required>
              @for (language of languages; track language) {
                <mat-option [value]="language">{{
                  'delivery.languages.' + language | transloco
                }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'delivery.fields.format' | transloco }}</mat-label>
            <mat-select formControlName="format" required>
              @for (format of formats; track format) {
                <mat-option [value]="format">{{
                  'delivery.formats.' + format | transloco
                }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <div class="ed-row">
          <mat-form-field>
            <mat-label>{{ 'delivery.editions.year' | transloco }}</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              formControlName="editionYear"
              min="1900"
              max="2200"
              required
            />
            @if (form.controls.editionYear.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'delivery.editions.versionLabel' | transloco }}</mat-label>
            <input matInput formControlName="versionLabel" dir="auto" maxlength="60" />
          </mat-form-field>
        </div>
        <div class="ed-row">
          <mat-form-field>
            <mat-label>{{ 'delivery.editions.isbn' | transloco }}</mat-label>
            <input matInput formControlName="isbn" dir="ltr" maxlength="20" />
            <mat-hint>{{ 'delivery.editions.isbnHint' | transloco }}</mat-hint>
            @if (form.controls.isbn.hasError('isbn')) {
              <mat-error>{{ 'delivery.editions.isbnInvalid' | transloco }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'delivery.editions.salesNumber' | transloco }}</mat-label>
            <input matInput formControlName="salesNumber" dir="ltr" maxlength="60" />
          </mat-form-field>
        </div>
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'delivery.editions.document' | transloco }}</mat-label>
          <mat-select formControlName="documentId">
            <mat-option [value]="null">{{ 'delivery.editions.noDocument' | transloco }}</mat-option>
            @if (library.hasValue()) {
              @for (document of library.value().items; track document.id) {
                <mat-option [value]="document.id">{{ document.title }}</mat-option>
              }
            }
          </mat-select>
          <mat-hint>{{ 'delivery.editions.documentHint' | transloco }}</mat-hint>
        </mat-form-field>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .ed-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .ed-row mat-form-field {
      flex: 1 1 180px;
    }
  `,
})
export class EditionDialog {
  protected readonly data = inject<EditionDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DeliveryApi);
  private readonly dialogRef = inject<MatDialogRef<EditionDialog, Edition>>(MatDialogRef);

  protected readonly languages = EDITION_LANGUAGES;
  protected readonly formats = EDITION_FORMATS;
  protected readonly titleMax = EDITION_TITLE_MAX;
  /** The library's documents (those on no event) the edition's file may be. */
  private readonly documents = inject(DocumentsApi);
  protected readonly library = fetched<DocumentPage>(() =>
    this.documents.libraryPath(this.data.tenant),
  );
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);

  private readonly edition = this.data.edition;
  protected readonly form = new FormGroup({
    title: new FormControl(this.edition?.title ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(EDITION_TITLE_MAX)],
    }),
    language: new FormControl<EditionLanguage>(this.edition?.language ?? 'en', {
      nonNullable: true,
    }),
    format: new FormControl<EditionFormat>(this.edition?.format ?? 'print', { nonNullable: true }),
    editionYear: new FormControl<number | null>(
      this.edition?.editionYear ?? new Date().getFullYear(),
      { validators: [Validators.required, Validators.min(1900), Validators.max(2200)] },
    ),
    versionLabel: new FormControl(this.edition?.versionLabel ?? '', { nonNullable: true }),
    isbn: new FormControl(this.edition?.isbn ?? '', {
      nonNullable: true,
      validators: [isbnValidator],
    }),
    salesNumber: new FormControl(this.edition?.salesNumber ?? '', { nonNullable: true }),
    documentId: new FormControl<string | null>(this.edition?.document?.id ?? null),
  });

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.title.trim() || value.editionYear === null) {
      this.form.markAllAsTouched();
      return;
    }
    const body = {
      title: value.title.trim(),
      language: value.language,
      format: value.format,
      editionYear: value.editionYear,
      versionLabel: value.versionLabel.trim(),
      isbn: value.isbn.trim() || null,
      salesNumber: value.salesNumber.trim() || null,
      documentId: value.documentId,
    };
    this.saving.set(true);
    this.problem.set(null);
    try {
      const saved = await firstValueFrom(
        this.edition
          ? this.api.updateEdition(this.data.tenant, this.edition.id, {
              ...body,
              version: this.edition.version,
            })
          : this.api.createEdition(this.data.tenant, body),
      );
      this.dialogRef.close(saved);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }
}
