import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CONSENT_TEXT_VERSION,
  CONSENT_TEXTS,
  INSTITUTION_TYPES,
  SEXES,
  TARGET_AUDIENCES,
  UN_LANGUAGES,
  type Language,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { rejectedFields } from '../http/problem';
import { autonymOf, interfaceLanguageFor } from '../i18n/language';
import { LanguageService } from '../i18n/language.service';
import { DialogActions } from '../shared/dialog-actions.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import type {
  Audience,
  InstitutionType,
  NominationCreate,
  NominationFull,
  Sex,
} from './participation.models';
import { ParticipationStore } from './participation.store';

export interface NominationDialogData {
  /** The nomination to edit; a new one when absent. */
  nomination?: NominationFull;
  stateName: string;
}

/**
 * A focal point nominates someone for their State (or edits a nomination not yet decided): who
 * they are, what they do, the languages, and the attestation that the person consented, with
 * the very text the API keeps beside the nomination. Closes with true once saved.
 */
@Component({
  selector: 'cv-nomination-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslocoPipe,
    DialogActions,
    FieldErrorPipe,
    LiveError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>
        {{
          (data.nomination ? 'participation.nominate.editTitle' : 'participation.nominate.title')
            | transloco: { state: data.stateName }
        }}
      </h2>
      <mat-dialog-content class="cv-dialog-form">
        <div class="nominate-grid">
          <mat-form-field>
            <mat-label>{{ 'participation.fields.fullName' | transloco }}</mat-label>
            <input
              matInput
              formControlName="fullName"
              maxlength="200"
              autocomplete="off"
              required
            />
            @if (form.controls.fullName.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'common.email' | transloco }}</mat-label>
            <input
              matInput
              type="email"
              formControlName="email"
              maxlength="254"
              autocomplete="off"
              required
            />
            <mat-hint>{{ 'participation.nominate.emailHint' | transloco }}</mat-hint>
            @if (form.controls.email.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'participation.fields.sex' | transloco }}</mat-label>
            <mat-select formControlName="sex" required>
              @for (sex of sexes; track sex) {
                <mat-option [value]="sex">{{
                  'participation.sexes.' + sex | transloco
                }}</mat-option>
              }
            </mat-select>
            @if (form.controls.sex.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'participation.fields.functionTitle' | transloco }}</mat-label>
            <input matInput formControlName="functionTitle" maxlength="200" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'participation.fields.institution' | transloco }}</mat-label>
            <input matInput formControlName="institution" maxlength="200" required />
            @if (form.controls.institution.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'participation.fields.institutionType' | transloco }}</mat-label>
            <mat-select formControlName="institutionType" required>
              @for (type of institutionTypes; track type) {
                <mat-option [value]="type">{{
                  'participation.institutionTypes.' + type | transloco
                }}</mat-option>
              }
            </mat-select>
            @if (form.controls.institutionType.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'participation.fields.audience' | transloco }}</mat-label>
            <mat-select formControlName="audience" required>
              @for (audience of audiences; track audience) {
                <mat-option [value]="audience">{{
                  'events.audiences.' + audience | transloco
                }}</mat-option>
              }
            </mat-select>
            @if (form.controls.audience.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'participation.fields.languages' | transloco }}</mat-label>
            <mat-select formControlName="languages" multiple>
              @for (language of languages; track language) {
                <mat-option [value]="language"
                  ><span [lang]="language">{{ autonym(language) }}</span></mat-option
                >
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'participation.fields.preferredLanguage' | transloco }}</mat-label>
            <mat-select formControlName="preferredLanguage" required>
              @for (language of languages; track language) {
                <mat-option [value]="language"
                  ><span [lang]="language">{{ autonym(language) }}</span></mat-option
                >
              }
            </mat-select>
            <mat-hint>{{ 'participation.nominate.preferredHint' | transloco }}</mat-hint>
          </mat-form-field>
        </div>

        <div class="nominate-consent">
          <h3 class="nominate-consent__title">
            {{ 'participation.nominate.consent' | transloco }}
          </h3>
          <blockquote class="nominate-consent__text" [lang]="consentLanguage()">
            {{ consentText() }}
          </blockquote>
          <mat-checkbox formControlName="attested" required>
            {{ 'participation.nominate.attest' | transloco }}
          </mat-checkbox>
          @if (form.controls.attested.touched && form.controls.attested.invalid) {
            <p class="nominate-consent__error" role="alert">
              {{ 'participation.nominate.attestRequired' | transloco }}
            </p>
          }
        </div>
        <cv-live-error [problem]="problem()" [messageKey]="problemKey()" />
      </mat-dialog-content>
      <cv-dialog-actions
        [submitLabel]="data.nomination ? 'common.save' : 'participation.nominate.confirm'"
        [submitting]="submitting()"
      />
    </form>
  `,
  styles: `
    .nominate-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
      gap: 4px 16px;
    }
    .nominate-consent {
      margin-top: 8px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    .nominate-consent__title {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    .nominate-consent__text {
      margin: 0 0 8px;
      padding-inline-start: 12px;
      border-inline-start: 3px solid var(--mat-sys-primary);
      font: var(--mat-sys-body-medium);
    }
    .nominate-consent__error {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class NominationDialog {
  protected readonly data = inject<NominationDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(ParticipationStore);
  private readonly dialogRef = inject<MatDialogRef<NominationDialog, boolean>>(MatDialogRef);
  private readonly language = inject(LanguageService).language;

  protected readonly sexes = SEXES;
  protected readonly institutionTypes = INSTITUTION_TYPES;
  protected readonly audiences = TARGET_AUDIENCES;
  protected readonly languages = UN_LANGUAGES;
  protected readonly autonym = autonymOf;

  /** The consent text is shown, and attested, in the focal point's interface language. */
  protected readonly consentLanguage = computed<Language>(() =>
    interfaceLanguageFor(this.language()),
  );
  protected readonly consentText = computed(() => CONSENT_TEXTS[this.consentLanguage()]);

  protected readonly submitting = signal(false);
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly problemKey = signal<string | null>(null);

  private readonly existing = this.data.nomination;
  protected readonly form = new FormGroup({
    fullName: new FormControl(this.existing?.fullName ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    email: new FormControl(this.existing?.participant.email ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.email, Validators.maxLength(254)],
    }),
    sex: new FormControl<Sex | null>(this.existing?.sex ?? null, [Validators.required]),
    functionTitle: new FormControl(this.existing?.functionTitle ?? '', { nonNullable: true }),
    institution: new FormControl(this.existing?.institution ?? '', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    institutionType: new FormControl<InstitutionType | null>(
      this.existing?.institutionType ?? null,
      [Validators.required],
    ),
    audience: new FormControl<Audience | null>(this.existing?.audience ?? null, [
      Validators.required,
    ]),
    languages: new FormControl<Language[]>(this.existing?.languages ?? [], { nonNullable: true }),
    preferredLanguage: new FormControl<Language>(
      this.existing?.preferredLanguage ?? interfaceLanguageFor(this.language()),
      { nonNullable: true, validators: [Validators.required] },
    ),
    // Attested again on every edit: what was attested, by whom and when is kept each time.
    attested: new FormControl(false, { nonNullable: true, validators: [Validators.requiredTrue] }),
  });

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    for (const name of ['fullName', 'institution', 'functionTitle', 'email'] as const) {
      const control = this.form.controls[name];
      control.setValue(control.value.trim());
    }
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.sex || !value.institutionType || !value.audience) {
      this.form.markAllAsTouched();
      return;
    }
    const body: NominationCreate = {
      fullName: value.fullName,
      email: value.email,
      sex: value.sex,
      functionTitle: value.functionTitle,
      institution: value.institution,
      institutionType: value.institutionType,
      audience: value.audience,
      languages: value.languages,
      preferredLanguage: value.preferredLanguage,
      consent: {
        attested: true,
        textVersion: CONSENT_TEXT_VERSION,
        language: this.consentLanguage(),
      },
    };
    this.submitting.set(true);
    this.problem.set(null);
    this.problemKey.set(null);
    try {
      if (this.existing) await this.store.updateNomination(this.existing, body);
      else await this.store.nominate(body);
      this.dialogRef.close(true);
    } catch (error) {
      const problem = error as ProblemDetails;
      this.problem.set(problem);
      if (problem.status === 409) {
        this.problemKey.set(
          this.existing ? 'participation.nominate.conflict' : 'participation.nominate.refused',
        );
      }
      for (const field of rejectedFields(problem)) {
        const control = this.form.get(field);
        control?.setErrors({ server: true });
        control?.markAsTouched();
      }
    } finally {
      this.submitting.set(false);
    }
  }
}
