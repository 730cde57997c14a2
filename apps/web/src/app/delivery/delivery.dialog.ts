import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  DELIVERY_CHANNELS,
  DELIVERY_QUANTITY_MAX,
  type DeliveryChannel,
  type EditionList,
  INSTITUTION_MAX,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { FieldErrorPipe } from '../shared/field-error.pipe';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { DeliveryApi } from './delivery.api';

export interface DeliveryDialogData {
  tenant: string;
}

/** Today as YYYY-MM-DD on the person's own calendar. */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Registers one delivery of an edition to a State; closes with true once saved. */
@Component({
  selector: 'cv-delivery-dialog',
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
    MemberStatePicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'delivery.registerDialog' | transloco }}</h2>
      <mat-dialog-content class="cv-dialog-form">
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'delivery.fields.edition' | transloco }}</mat-label>
          <mat-select formControlName="editionId" required>
            @if (editions.hasValue()) {
              @for (edition of editions.value().items; track edition.id) {
                <mat-option [value]="edition.id">
                  {{ edition.title }} — {{ 'delivery.languages.' + edition.language | transloco }},
                  {{ 'delivery.formats.' + edition.format | transloco }}, {{ edition.editionYear }}
                </mat-option>
              }
            }
          </mat-select>
          @if (form.controls.editionId.errors | fieldError; as error) {
            <mat-error>{{ error.key | transloco: error.params }}</mat-error>
          }
        </mat-form-field>
        <cv-member-state-picker
          [control]="form.controls.memberState"
          [required]="true"
          labelKey="delivery.fields.state"
        />
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'delivery.fields.institution' | transloco }}</mat-label>
          <input matInput formControlName="institution" dir="auto" [maxlength]="institutionMax" />
        </mat-form-field>
        <div class="dl-row">
          <mat-form-field>
            <mat-label>{{ 'delivery.fields.quantity' | transloco }}</mat-label>
            <input
              matInput
              type="number"
              inputmode="numeric"
              formControlName="quantity"
              min="1"
              [max]="quantityMax"
              required
            />
            @if (form.controls.quantity.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'delivery.fields.deliveredOn' | transloco }}</mat-label>
            <input matInput type="date" formControlName="deliveredOn" required />
            @if (form.controls.deliveredOn.errors | fieldError; as error) {
              <mat-error>{{ error.key | transloco: error.params }}</mat-error>
            }
          </mat-form-field>
        </div>
        <mat-form-field class="cv-full-width">
          <mat-label>{{ 'delivery.fields.channel' | transloco }}</mat-label>
          <mat-select formControlName="channel" required>
            @for (channel of channels; track channel) {
              <mat-option [value]="channel">{{
                'delivery.channels.' + channel | transloco
              }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <cv-live-error [problem]="problem()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ 'delivery.register' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .dl-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .dl-row mat-form-field {
      flex: 1 1 160px;
    }
  `,
})
export class DeliveryDialog {
  protected readonly data = inject<DeliveryDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DeliveryApi);
  private readonly dialogRef = inject<MatDialogRef<DeliveryDialog, boolean>>(MatDialogRef);

  protected readonly channels = DELIVERY_CHANNELS;
  protected readonly quantityMax = DELIVERY_QUANTITY_MAX;
  protected readonly institutionMax = INSTITUTION_MAX;
  protected readonly editions = fetched<EditionList>(() => this.api.editionsPath(this.data.tenant));
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);

  protected readonly form = new FormGroup({
    editionId: new FormControl<string | null>(null, { validators: [Validators.required] }),
    memberState: new FormControl<string | null>(null, { validators: [Validators.required] }),
    institution: new FormControl('', {
      nonNullable: true,
      validators: [Validators.maxLength(INSTITUTION_MAX)],
    }),
    quantity: new FormControl<number | null>(1, {
      validators: [Validators.required, Validators.min(1), Validators.max(DELIVERY_QUANTITY_MAX)],
    }),
    deliveredOn: new FormControl(today(), { nonNullable: true, validators: [Validators.required] }),
    channel: new FormControl<DeliveryChannel>('official_transmission', { nonNullable: true }),
  });

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.editionId || !value.memberState || !value.quantity) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.problem.set(null);
    try {
      await firstValueFrom(
        this.api.register(this.data.tenant, {
          editionId: value.editionId,
          memberState: value.memberState,
          institution: value.institution.trim(),
          quantity: value.quantity,
          deliveredOn: value.deliveredOn,
          channel: value.channel,
        }),
      );
      this.dialogRef.close(true);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }
}
