import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { HttpErrorResponse } from '@angular/common/http';
import {
  type Delivery,
  DELIVERY_CHANNELS,
  DELIVERY_QUANTITY_MAX,
  type DeliveryChannel,
  type EditionList,
  INSTITUTION_MAX,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
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
  /** The delivery to correct; absent to register a new one. */
  delivery?: Delivery | null;
}

/** The form's fields a 409 may name, with their labels. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  editionId: 'delivery.fields.edition',
  quantity: 'delivery.fields.quantity',
  channel: 'delivery.fields.channel',
  memberState: 'delivery.fields.state',
  institution: 'delivery.fields.institution',
  deliveredOn: 'delivery.fields.deliveredOn',
  eventId: 'delivery.fields.event',
  requestId: 'delivery.fields.request',
};

/** The label keys of the fields a stale-version problem says changed meanwhile. */
export function changedFieldKeys(problem: ProblemDetails): string[] {
  return (problem.errors ?? []).flatMap((error) => {
    const key = FIELD_LABELS[error.path];
    return key ? [key] : [];
  });
}

/** Today as YYYY-MM-DD on the person's own calendar. */
export function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Registers one delivery of an edition to a State, or corrects one (with the version read; a
 * delivery of a hand-out keeps its edition and State); closes with true once saved.
 */
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
      <h2 mat-dialog-title>
        {{ (editing ? 'delivery.editDialog' : 'delivery.registerDialog') | transloco }}
      </h2>
      <mat-dialog-content class="cv-dialog-form">
        @if (bulk()) {
          <p class="cv-banner">{{ 'delivery.bulkKept' | transloco }}</p>
        }
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
        <div aria-live="assertive" aria-atomic="true">
          @if (conflict(); as changed) {
            <div class="cv-banner cv-banner--error dl-conflict" data-testid="delivery-conflict">
              <p>{{ 'delivery.stale' | transloco: { fields: changed } }}</p>
              <button mat-stroked-button type="button" (click)="reload()">
                {{ 'delivery.reload' | transloco }}
              </button>
            </div>
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ (editing ? 'common.save' : 'delivery.register') | transloco }}
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
    .dl-conflict {
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
    }
    .dl-conflict p {
      margin: 0;
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
  /** The fields someone changed meanwhile, as one translated list; null without a conflict. */
  protected readonly conflict = signal<string | null>(null);
  protected readonly saving = signal(false);
  private readonly transloco = inject(TranslocoService);

  /** The delivery as last read: its version goes with the correction. */
  private readonly current = signal<Delivery | null>(this.data.delivery ?? null);
  protected readonly editing = !!this.data.delivery;
  protected readonly bulk = () => this.current()?.bulk ?? false;

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

  constructor() {
    const delivery = this.current();
    if (delivery) this.fill(delivery);
  }

  /** The form as the delivery stands; a hand-out's edition and State cannot change. */
  private fill(delivery: Delivery): void {
    this.form.reset({
      editionId: delivery.edition.id,
      memberState: delivery.memberState,
      institution: delivery.institution,
      quantity: delivery.quantity,
      deliveredOn: delivery.deliveredOn,
      channel: delivery.channel,
    });
    if (delivery.bulk) {
      this.form.controls.editionId.disable();
      this.form.controls.memberState.disable();
    }
  }

  /** After a conflict: the delivery as it now stands, to apply the changes again. */
  protected async reload(): Promise<void> {
    const delivery = this.current();
    if (!delivery) return;
    try {
      const fresh = await firstValueFrom(this.api.delivery(this.data.tenant, delivery.id));
      this.current.set(fresh);
      this.fill(fresh);
      this.conflict.set(null);
      this.problem.set(null);
    } catch (error) {
      this.conflict.set(null);
      this.problem.set(toProblem(error));
    }
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.editionId || !value.memberState || !value.quantity) {
      this.form.markAllAsTouched();
      return;
    }
    const body = {
      editionId: value.editionId,
      memberState: value.memberState,
      institution: value.institution.trim(),
      quantity: value.quantity,
      deliveredOn: value.deliveredOn,
      channel: value.channel,
    };
    const delivery = this.current();
    this.saving.set(true);
    this.problem.set(null);
    this.conflict.set(null);
    try {
      await firstValueFrom(
        delivery
          ? this.api.updateDelivery(this.data.tenant, delivery.id, {
              ...body,
              // Not in the form: kept as registered.
              eventId: delivery.event?.id ?? null,
              requestId: delivery.requestId,
              version: delivery.version,
            })
          : this.api.register(this.data.tenant, body),
      );
      this.dialogRef.close(true);
    } catch (error) {
      const problem = toProblem(error);
      if (error instanceof HttpErrorResponse && problem.type === '/problems/stale-version') {
        const fields = changedFieldKeys(problem).map((key) => this.transloco.translate(key));
        this.conflict.set(fields.join(', ') || this.transloco.translate('delivery.staleNothing'));
      } else {
        this.problem.set(problem);
      }
    } finally {
      this.saving.set(false);
    }
  }
}
