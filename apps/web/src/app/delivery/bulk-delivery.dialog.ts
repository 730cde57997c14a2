import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import {
  BULK_QUANTITY_MAX,
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  type DeliveryPreview,
  type EditionList,
  type ProblemDetails,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { LiveError } from '../shared/live-error.component';
import { LocalCountPipe } from '../shared/local-format';
import { DeliveryApi } from './delivery.api';

export interface BulkDeliveryDialogData {
  tenant: string;
  eventId: string;
}

/**
 * "Every attending participant received …": pick editions and copies per participant; the
 * register gets one delivery per edition and State from the event's attendance. The submission
 * key is made once per dialog, so a second click or a retried request registers nothing twice.
 */
@Component({
  selector: 'cv-bulk-delivery-dialog',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    FormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    LiveError,
    LocalCountPipe,
    MemberStateNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'delivery.bulk.title' | transloco }}</h2>
    <mat-dialog-content class="cv-dialog-form">
      @if (preview.isLoading() || editions.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (preview.error() || editions.error()) {
        <cv-live-error [problem]="loadProblem()" />
      } @else if (preview.hasValue() && editions.hasValue()) {
        <p class="bulk-event">
          <bdi>{{ preview.value().event.title }}</bdi>
        </p>
        @if (!preview.value().eligible) {
          <p class="bulk-note" role="alert">{{ 'delivery.bulk.notHeld' | transloco }}</p>
        } @else if (attending() === 0) {
          <p class="bulk-note" role="alert">{{ 'delivery.bulk.nobody' | transloco }}</p>
        } @else {
          <p>
            {{
              'delivery.bulk.attending'
                | transloco: { count: attending(), states: preview.value().states.length }
            }}
          </p>
          <ul class="bulk-states">
            @for (state of preview.value().states; track state.memberState) {
              <li>
                {{ state.memberState | memberStateName: language() }}:
                {{ state.attending | localCount: language() }}
              </li>
            }
          </ul>
          <fieldset class="bulk-editions">
            <legend>{{ 'delivery.bulk.editions' | transloco }}</legend>
            @for (edition of editions.value().items; track edition.id) {
              <div class="bulk-edition">
                <mat-checkbox
                  [checked]="chosen().has(edition.id)"
                  [disabled]="handedOut().has(edition.id)"
                  (change)="toggle(edition.id, $event.checked)"
                  [attr.data-testid]="'bulk-edition-' + edition.language + '-' + edition.format"
                >
                  {{ edition.title }} — {{ 'delivery.languages.' + edition.language | transloco }},
                  {{ 'delivery.formats.' + edition.format | transloco }}
                  @if (handedOut().has(edition.id)) {
                    ({{ 'delivery.bulk.already' | transloco }})
                  }
                </mat-checkbox>
                @if (chosen().has(edition.id)) {
                  <mat-form-field class="bulk-per" subscriptSizing="dynamic">
                    <mat-label>{{ 'delivery.bulk.perParticipant' | transloco }}</mat-label>
                    <input
                      matInput
                      type="number"
                      inputmode="numeric"
                      min="1"
                      [max]="perMax"
                      [ngModel]="chosen().get(edition.id)"
                      (ngModelChange)="setPer(edition.id, $event)"
                    />
                  </mat-form-field>
                }
              </div>
            }
          </fieldset>
          <div class="bulk-row">
            <mat-form-field>
              <mat-label>{{ 'delivery.fields.deliveredOn' | transloco }}</mat-label>
              <input matInput type="date" [(ngModel)]="deliveredOn" required />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'delivery.fields.channel' | transloco }}</mat-label>
              <mat-select [(ngModel)]="channel">
                @for (option of channels; track option) {
                  <mat-option [value]="option">{{
                    'delivery.channels.' + option | transloco
                  }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
          @if (copies() > 0) {
            <p class="bulk-total" aria-live="polite">
              {{ 'delivery.bulk.total' | transloco: { copies: copies() } }}
            </p>
          }
        }
      }
      <cv-live-error [problem]="problem()" [messageKey]="problemMessage()" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      <button
        mat-flat-button
        type="button"
        [disabled]="saving() || chosen().size === 0 || !deliveredOn()"
        (click)="submit()"
      >
        {{ 'delivery.bulk.submit' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .bulk-event {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .bulk-note {
      color: var(--mat-sys-error);
    }
    .bulk-states {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      padding-inline-start: 20px;
    }
    .bulk-editions {
      border: 0;
      padding: 0;
      margin: 0 0 12px;
      display: grid;
      gap: 4px;
    }
    .bulk-editions legend {
      font: var(--mat-sys-title-small);
      margin-block-end: 4px;
    }
    .bulk-edition {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .bulk-per {
      inline-size: 11rem;
    }
    .bulk-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .bulk-row mat-form-field {
      flex: 1 1 160px;
    }
    .bulk-total {
      font: var(--mat-sys-title-small);
    }
  `,
})
export class BulkDeliveryDialog {
  protected readonly data = inject<BulkDeliveryDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DeliveryApi);
  private readonly dialogRef = inject<MatDialogRef<BulkDeliveryDialog, number>>(MatDialogRef);
  protected readonly language = inject(LanguageService).language;

  protected readonly channels = DELIVERY_CHANNELS;
  protected readonly perMax = BULK_QUANTITY_MAX;
  /** One key per dialog: resubmitting it answers what the first submission registered. */
  private readonly key = crypto.randomUUID();

  protected readonly preview = fetched<DeliveryPreview>(() =>
    this.api.previewPath(this.data.tenant, this.data.eventId),
  );
  protected readonly editions = fetched<EditionList>(() => this.api.editionsPath(this.data.tenant));
  protected readonly chosen = signal(new Map<string, number>());
  protected readonly deliveredOn = signal('');
  protected readonly channel = signal<DeliveryChannel>('workshop_handout');
  protected readonly problem = signal<ProblemDetails | null>(null);
  protected readonly saving = signal(false);
  protected readonly problemMessage = computed(() => {
    const status = this.problem()?.status;
    if (status === 409) return 'delivery.bulk.conflict';
    if (status === 422) return 'delivery.bulk.nobody';
    return null;
  });

  protected readonly attending = computed(() =>
    this.preview.hasValue()
      ? this.preview.value().states.reduce((sum, state) => sum + state.attending, 0)
      : 0,
  );
  protected readonly handedOut = computed(
    () =>
      new Set(
        this.preview.hasValue() ? this.preview.value().registered.map((r) => r.editionId) : [],
      ),
  );
  protected readonly copies = computed(() =>
    [...this.chosen().values()].reduce((sum, per) => sum + per * this.attending(), 0),
  );
  protected readonly loadProblem = computed(() => {
    const error = this.preview.error() ?? this.editions.error();
    return error ? toProblem(error) : null;
  });

  constructor() {
    inject(MemberStatesCatalog).ensureLoaded();
    // The hand-out is on the meeting's last day unless the officer says otherwise.
    effect(() => {
      if (this.preview.hasValue() && !untracked(this.deliveredOn)) {
        this.deliveredOn.set(this.preview.value().event.endsOn);
      }
    });
  }

  protected toggle(editionId: string, checked: boolean): void {
    const next = new Map(this.chosen());
    if (checked) next.set(editionId, 1);
    else next.delete(editionId);
    this.chosen.set(next);
  }

  protected setPer(editionId: string, value: number | string): void {
    const per = Math.min(BULK_QUANTITY_MAX, Math.max(1, Math.trunc(Number(value)) || 1));
    this.chosen.set(new Map(this.chosen()).set(editionId, per));
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.saving.set(true);
    this.problem.set(null);
    try {
      const result = await firstValueFrom(
        this.api.bulk(this.data.tenant, this.data.eventId, {
          key: this.key,
          editions: [...this.chosen()].map(([editionId, perParticipant]) => ({
            editionId,
            perParticipant,
          })),
          deliveredOn: this.deliveredOn(),
          channel: this.channel(),
        }),
      );
      this.dialogRef.close(result.items.length);
    } catch (error) {
      this.problem.set(toProblem(error));
    } finally {
      this.saving.set(false);
    }
  }
}
