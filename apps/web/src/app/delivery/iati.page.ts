import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  IATI_AID_TYPES,
  IATI_FLOW_TYPES,
  IATI_ORGANISATION_IDENTIFIER,
  IATI_ORGANISATION_TYPES,
  IATI_SECTOR_CODES,
  type IatiAidType,
  type IatiFlowType,
  type IatiOrganisationType,
  type IatiSectorCode,
  type IatiSettingsView,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { firstValueFrom } from 'rxjs';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { CopyField } from '../shared/copy-field.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { Notifier } from '../shared/notifier.service';
import { DeliveryApi } from './delivery.api';
import { DeliveryTabs } from './delivery-tabs.component';

/**
 * The IATI 2.03 file of the tenant's events: administrators set the reporting organisation,
 * sectors, aid and flow type and whether the file is public; officers and administrators
 * download it.
 */
@Component({
  selector: 'cv-iati-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Icon,
    CopyField,
    FieldErrorPipe,
    LiveError,
    DeliveryTabs,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="cv-page-header">
      <div>
        <h1 class="cv-page-title">{{ 'delivery.iati.title' | transloco }}</h1>
        <p class="cv-page-intro">{{ 'delivery.iati.intro' | transloco }}</p>
      </div>
      <button mat-flat-button type="button" (click)="download()" [disabled]="downloading()">
        <mat-icon svgIcon="download" />
        {{ 'delivery.iati.download' | transloco }}
      </button>
    </header>
    <cv-delivery-tabs />
    <cv-live-error [problem]="downloadProblem()" [messageKey]="downloadMessage()" />

    @if (canManage()) {
      <mat-card appearance="outlined" class="cv-panel">
        <h2 class="cv-panel-title">{{ 'delivery.iati.settings' | transloco }}</h2>
        @if (view.isLoading() && !view.hasValue()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
        } @else if (view.error()) {
          <cv-live-error [problem]="viewProblem()" />
        } @else if (view.hasValue()) {
          <p>
            {{ 'delivery.iati.activities' | transloco: { count: view.value().activities } }}
          </p>
          <form [formGroup]="form" (ngSubmit)="save()" novalidate class="iati-form">
            <mat-form-field>
              <mat-label>{{ 'delivery.iati.identifier' | transloco }}</mat-label>
              <input
                matInput
                formControlName="organisationIdentifier"
                dir="ltr"
                maxlength="100"
                required
              />
              <mat-hint>{{ 'delivery.iati.identifierHint' | transloco }}</mat-hint>
              @if (form.controls.organisationIdentifier.errors | fieldError; as error) {
                <mat-error>{{ error.key | transloco: error.params }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'delivery.iati.name' | transloco }}</mat-label>
              <input
                matInput
                formControlName="organisationName"
                dir="auto"
                maxlength="300"
                required
              />
              @if (form.controls.organisationName.errors | fieldError; as error) {
                <mat-error>{{ error.key | transloco: error.params }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'delivery.iati.type' | transloco }}</mat-label>
              <mat-select formControlName="organisationType" required>
                @for (code of organisationTypes; track code) {
                  <mat-option [value]="code"
                    >{{ code }} · {{ 'delivery.iati.types.' + code | transloco }}</mat-option
                  >
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'delivery.iati.sectors' | transloco }}</mat-label>
              <mat-select formControlName="sectorCodes" multiple required>
                @for (code of sectorCodes; track code) {
                  <mat-option [value]="code"
                    >{{ code }} · {{ 'delivery.iati.sectorNames.' + code | transloco }}</mat-option
                  >
                }
              </mat-select>
              @if (form.controls.sectorCodes.errors | fieldError; as error) {
                <mat-error>{{ error.key | transloco: error.params }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'delivery.iati.aidType' | transloco }}</mat-label>
              <mat-select formControlName="aidType" required>
                @for (code of aidTypes; track code) {
                  <mat-option [value]="code"
                    >{{ code }} · {{ 'delivery.iati.aidTypes.' + code | transloco }}</mat-option
                  >
                }
              </mat-select>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'delivery.iati.flowType' | transloco }}</mat-label>
              <mat-select formControlName="flowType" required>
                @for (code of flowTypes; track code) {
                  <mat-option [value]="code"
                    >{{ code }} · {{ 'delivery.iati.flowTypes.' + code | transloco }}</mat-option
                  >
                }
              </mat-select>
            </mat-form-field>
            <mat-checkbox formControlName="publicFile" class="iati-wide">
              {{ 'delivery.iati.publicFile' | transloco }}
            </mat-checkbox>
            @if (form.controls.publicFile.value) {
              <div class="iati-wide">
                <cv-copy-field labelKey="delivery.iati.publicUrl" [value]="publicUrl()" />
              </div>
            }
            <cv-live-error class="iati-wide" [problem]="problem()" />
            <div class="iati-wide">
              <button mat-flat-button type="submit" [disabled]="saving()">
                {{ 'common.save' | transloco }}
              </button>
            </div>
          </form>
        }
      </mat-card>
    }
  `,
  styleUrl: './delivery-tables.scss',
  styles: `
    .iati-form {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
      gap: 4px 16px;
    }
    .iati-wide {
      grid-column: 1 / -1;
    }
  `,
})
export class IatiPage {
  readonly tenant = input.required<string>();

  private readonly api = inject(DeliveryApi);
  private readonly notifier = inject(Notifier);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);

  protected readonly organisationTypes = IATI_ORGANISATION_TYPES;
  protected readonly sectorCodes = IATI_SECTOR_CODES;
  protected readonly aidTypes = IATI_AID_TYPES;
  protected readonly flowTypes = IATI_FLOW_TYPES;

  protected readonly canManage = computed(
    () => this.membership()?.permissions.includes('iati.manage') ?? false,
  );
  protected readonly view = fetched<IatiSettingsView>(() =>
    this.canManage() ? this.api.iatiSettingsPath(this.tenant()) : undefined,
  );
  protected readonly viewProblem = computed(() =>
    this.view.error() ? toProblem(this.view.error()) : null,
  );
  protected readonly publicUrl = computed(() =>
    this.view.hasValue() ? `${location.origin}${this.view.value().publicPath}` : '',
  );
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly downloadProblem = signal<ProblemDetails | null>(null);
  /** Why there is no file, in the page's words: no settings yet, or nothing to report. */
  protected readonly downloadMessage = computed(() => {
    const status = this.downloadProblem()?.status;
    if (status === 409) return 'delivery.iati.noSettings';
    if (status === 422) return 'delivery.iati.nothing';
    return null;
  });
  protected readonly saving = signal(false);
  protected readonly downloading = signal(false);

  protected readonly form = new FormGroup({
    organisationIdentifier: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(IATI_ORGANISATION_IDENTIFIER)],
    }),
    organisationName: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(300)],
    }),
    organisationType: new FormControl<IatiOrganisationType>('40', { nonNullable: true }),
    sectorCodes: new FormControl<IatiSectorCode[]>(['15130', '15210'], {
      nonNullable: true,
      validators: [Validators.required],
    }),
    aidType: new FormControl<IatiAidType>('D02', { nonNullable: true }),
    flowType: new FormControl<IatiFlowType>('10', { nonNullable: true }),
    publicFile: new FormControl(false, { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      const settings = this.view.hasValue() ? this.view.value().settings : null;
      if (settings) {
        this.form.reset({
          organisationIdentifier: settings.organisationIdentifier,
          organisationName: settings.organisationName,
          organisationType: settings.organisationType,
          sectorCodes: settings.sectorCodes,
          aidType: settings.aidType,
          flowType: settings.flowType,
          publicFile: settings.publicFile,
        });
      }
    });
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const version = this.view.hasValue() ? this.view.value().settings?.version : undefined;
    this.saving.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(
        this.api.saveIatiSettings(this.tenant(), {
          ...value,
          organisationIdentifier: value.organisationIdentifier.trim(),
          organisationName: value.organisationName.trim(),
          ...(version === undefined ? {} : { version }),
        }),
      );
      this.notifier.success('delivery.iati.saved');
      this.view.reload();
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }

  /** Fetches the file and saves it: a problem (no settings, nothing to report) is shown here. */
  protected async download(): Promise<void> {
    this.downloading.set(true);
    this.downloadProblem.set(null);
    try {
      const xml = await firstValueFrom(this.api.iatiFile(this.tenant()));
      const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `iati-activities-${this.tenant()}.xml`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      this.downloadProblem.set(toProblem(error));
    } finally {
      this.downloading.set(false);
    }
  }
}
