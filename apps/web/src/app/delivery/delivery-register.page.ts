import { ChangeDetectionStrategy, Component, DestroyRef, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  type Delivery,
  DELIVERY_CHANNELS,
  type DeliveryChannel,
  EDITION_FORMATS,
  EDITION_LANGUAGES,
  type EditionFormat,
  type EditionLanguage,
} from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { memberStateName } from '../member-states/member-state-name';
import { MemberStateNamePipe } from '../member-states/member-state-name.pipe';
import { MemberStatePicker } from '../member-states/member-state-picker.component';
import { MemberStatesCatalog } from '../member-states/member-states-catalog.store';
import { EmptyState } from '../shared/empty-state.component';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LoadMore } from '../shared/load-more.component';
import { askToConfirm } from '../shared/confirm.dialog';
import { formatLocalDate, LocalCountPipe, LocalDatePipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { DeliveryApi } from './delivery.api';
import { DeliveryDialog, type DeliveryDialogData } from './delivery.dialog';
import { DeliveryRegisterStore } from './delivery-register.store';
import { DeliveryTabs } from './delivery-tabs.component';
import { FORMAT_ICONS } from './delivery-labels';

/**
 * The delivery register: every delivery of the tool the person may see (a focal point their
 * State's, read-only), newest first, with filters; officers register one from here, and a
 * hand-out to a held event's participants from the event's page.
 */
@Component({
  selector: 'cv-delivery-register-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoPipe,
    Icon,
    EmptyState,
    LiveError,
    LoadMore,
    LocalDatePipe,
    LocalCountPipe,
    MemberStateNamePipe,
    MemberStatePicker,
    DeliveryTabs,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="cv-page-header">
      <div>
        <h1 class="cv-page-title">{{ 'delivery.title' | transloco }}</h1>
        <p class="cv-page-intro">
          {{ (store.canRegister() ? 'delivery.intro' : 'delivery.introFocalPoint') | transloco }}
        </p>
      </div>
      @if (store.canRegister()) {
        <button mat-flat-button type="button" (click)="register()">
          <mat-icon svgIcon="add" />
          {{ 'delivery.register' | transloco }}
        </button>
      }
    </header>
    <cv-delivery-tabs />

    <mat-card appearance="outlined" class="cv-panel">
      <h2 class="cv-panel-title">{{ 'delivery.registerTitle' | transloco }}</h2>
      <div class="dl-filters">
        @if (store.canRegister()) {
          <cv-member-state-picker
            class="dl-filters__state"
            [control]="stateFilter"
            labelKey="delivery.fields.state"
            [showHint]="false"
          />
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'delivery.fields.channel' | transloco }}</mat-label>
          <mat-select [value]="store.filter().channel" (selectionChange)="setChannel($event.value)">
            <mat-option [value]="null">{{ 'delivery.any' | transloco }}</mat-option>
            @for (channel of channels; track channel) {
              <mat-option [value]="channel">{{
                'delivery.channels.' + channel | transloco
              }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'delivery.fields.language' | transloco }}</mat-label>
          <mat-select
            [value]="store.filter().language"
            (selectionChange)="setLanguage($event.value)"
          >
            <mat-option [value]="null">{{ 'delivery.any' | transloco }}</mat-option>
            @for (language of languages; track language) {
              <mat-option [value]="language">{{
                'delivery.languages.' + language | transloco
              }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'delivery.fields.format' | transloco }}</mat-label>
          <mat-select [value]="store.filter().format" (selectionChange)="setFormat($event.value)">
            <mat-option [value]="null">{{ 'delivery.any' | transloco }}</mat-option>
            @for (format of formats; track format) {
              <mat-option [value]="format">{{
                'delivery.formats.' + format | transloco
              }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>

      @if (store.status() === 'loading') {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      }
      @if (store.status() === 'error') {
        <cv-live-error [problem]="store.problem()" />
      } @else if (store.status() === 'loaded' && store.deliveries().length === 0) {
        <cv-empty-state
          icon="local_shipping"
          [title]="(store.filtered() ? 'delivery.emptyFiltered' : 'delivery.empty') | transloco"
        >
          @if (store.filtered()) {
            <button mat-stroked-button type="button" (click)="clear()">
              {{ 'delivery.clearFilters' | transloco }}
            </button>
          }
        </cv-empty-state>
      } @else if (store.deliveries().length > 0) {
        <div class="dl-table-area">
          <table class="dl-table">
            <thead>
              <tr>
                <th scope="col">{{ 'delivery.fields.edition' | transloco }}</th>
                <th scope="col">{{ 'delivery.fields.state' | transloco }}</th>
                <th scope="col" class="dl-num">{{ 'delivery.fields.quantity' | transloco }}</th>
                <th scope="col">{{ 'delivery.fields.channel' | transloco }}</th>
                <th scope="col">{{ 'delivery.fields.deliveredOn' | transloco }}</th>
                <th scope="col">{{ 'delivery.fields.event' | transloco }}</th>
                @if (store.canRegister()) {
                  <th scope="col">
                    <span class="cv-visually-hidden">{{ 'common.actions' | transloco }}</span>
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (delivery of store.deliveries(); track delivery.id) {
                <tr data-testid="delivery-row">
                  <td>
                    <span class="dl-edition">
                      <mat-icon [svgIcon]="formatIcons[delivery.edition.format]" />
                      <bdi>{{ delivery.edition.title }}</bdi>
                    </span>
                    <span class="dl-meta">
                      {{ 'delivery.languages.' + delivery.edition.language | transloco }} ·
                      {{ 'delivery.formats.' + delivery.edition.format | transloco }}
                      @if (delivery.edition.isExample) {
                        · <span class="dl-example">{{ 'delivery.example' | transloco }}</span>
                      }
                    </span>
                  </td>
                  <td>
                    <span class="dl-label" aria-hidden="true">{{
                      'delivery.fields.state' | transloco
                    }}</span>
                    {{ delivery.memberState | memberStateName: language() }}
                    @if (delivery.institution) {
                      <span class="dl-meta"
                        ><bdi>{{ delivery.institution }}</bdi></span
                      >
                    }
                  </td>
                  <td class="dl-num">
                    <span class="dl-label" aria-hidden="true">{{
                      'delivery.fields.quantity' | transloco
                    }}</span>
                    {{ delivery.quantity | localCount: language() }}
                  </td>
                  <td>
                    <span class="dl-label" aria-hidden="true">{{
                      'delivery.fields.channel' | transloco
                    }}</span>
                    {{ 'delivery.channels.' + delivery.channel | transloco }}
                  </td>
                  <td>
                    <span class="dl-label" aria-hidden="true">{{
                      'delivery.fields.deliveredOn' | transloco
                    }}</span>
                    {{ delivery.deliveredOn | localDate: 'mediumDate' : language() : 'UTC' }}
                  </td>
                  <td>
                    <span class="dl-label" aria-hidden="true">{{
                      'delivery.fields.event' | transloco
                    }}</span>
                    @if (delivery.event; as event) {
                      <a [routerLink]="['/t', tenant(), 'events', event.id]"
                        ><bdi>{{ event.title }}</bdi></a
                      >
                      @if (delivery.bulk) {
                        <span class="dl-meta">{{ 'delivery.bulkRow' | transloco }}</span>
                      }
                    } @else {
                      <span class="dl-meta">{{ 'delivery.noEvent' | transloco }}</span>
                    }
                  </td>
                  @if (store.canRegister()) {
                    <td class="dl-actions">
                      <button
                        mat-icon-button
                        type="button"
                        data-testid="delivery-edit"
                        [attr.aria-label]="
                          'delivery.editNamed'
                            | transloco
                              : {
                                  edition: delivery.edition.title,
                                  state: delivery.memberState | memberStateName: language(),
                                }
                        "
                        (click)="edit(delivery)"
                      >
                        <mat-icon svgIcon="edit" />
                      </button>
                      <button
                        mat-icon-button
                        type="button"
                        data-testid="delivery-delete"
                        [attr.aria-label]="
                          'delivery.deleteNamed'
                            | transloco
                              : {
                                  edition: delivery.edition.title,
                                  state: delivery.memberState | memberStateName: language(),
                                }
                        "
                        (click)="remove(delivery)"
                      >
                        <mat-icon svgIcon="delete" />
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        <cv-load-more
          [hasMore]="!!store.nextCursor()"
          [loading]="store.loadingMore()"
          (more)="store.loadMore()"
        />
      }
    </mat-card>
  `,
  styleUrl: './delivery-tables.scss',
})
export class DeliveryRegisterPage {
  readonly tenant = input.required<string>();

  protected readonly store = inject(DeliveryRegisterStore);
  protected readonly language = inject(LanguageService).language;
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly api = inject(DeliveryApi);
  private readonly catalog = inject(MemberStatesCatalog);

  protected readonly channels = DELIVERY_CHANNELS;
  protected readonly languages = EDITION_LANGUAGES;
  protected readonly formats = EDITION_FORMATS;
  protected readonly formatIcons = FORMAT_ICONS;
  protected readonly stateFilter = new FormControl<string | null>(null);

  constructor() {
    this.catalog.ensureLoaded();
    this.store.open();
    this.stateFilter.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((state) => {
        if (state !== this.store.filter().state) this.store.setFilter({ state });
      });
  }

  protected setChannel(channel: DeliveryChannel | null): void {
    this.store.setFilter({ channel });
  }

  protected setLanguage(language: EditionLanguage | null): void {
    this.store.setFilter({ language });
  }

  protected setFormat(format: EditionFormat | null): void {
    this.store.setFilter({ format });
  }

  protected clear(): void {
    this.stateFilter.setValue(null, { emitEvent: false });
    this.store.clearFilters();
  }

  /** The register dialog, prefilled, saving with the version read. */
  protected async edit(delivery: Delivery): Promise<void> {
    const saved = await firstValueFrom(
      this.dialog
        .open<DeliveryDialog, DeliveryDialogData, boolean>(DeliveryDialog, {
          data: { tenant: this.tenant(), delivery },
          width: '560px',
        })
        .afterClosed(),
    );
    if (saved) {
      this.notifier.success('delivery.updated');
      this.store.reload();
    }
  }

  /** Says what goes ("12 copies of … to Kenya on 3 March 2026"), then deletes it. */
  protected async remove(delivery: Delivery): Promise<void> {
    const confirmed = await askToConfirm(this.dialog, {
      titleKey: 'delivery.deleteTitle',
      messageKey: 'delivery.deleteMessage',
      confirmKey: 'delivery.delete',
      destructive: true,
      params: deletionParams(delivery, this.stateName(delivery.memberState), this.language()),
    });
    if (!confirmed) return;
    try {
      await firstValueFrom(this.api.deleteDelivery(this.tenant(), delivery.id, delivery.version));
      this.notifier.success('delivery.deleted');
    } catch (error) {
      const problem = toProblem(error);
      this.notifier.failure(
        problem,
        problem.type === '/problems/stale-version' ? 'delivery.deleteStale' : undefined,
      );
    }
    this.store.reload();
  }

  private stateName(alpha3: string): string {
    const state = this.catalog.byAlpha3().get(alpha3);
    return state ? memberStateName(state, this.language()) : alpha3;
  }

  protected async register(): Promise<void> {
    const saved = await firstValueFrom(
      this.dialog
        .open<DeliveryDialog, DeliveryDialogData, boolean>(DeliveryDialog, {
          data: { tenant: this.tenant() },
          width: '560px',
        })
        .afterClosed(),
    );
    if (saved) {
      this.notifier.success('delivery.saved');
      this.store.reload();
    }
  }
}

/** What the deletion's confirmation names: the copies, the edition, the State, the day. */
export function deletionParams(delivery: Delivery, state: string, language: string) {
  return {
    copies: delivery.quantity,
    // Isolated: a Latin title inside an Arabic sentence (or the reverse) keeps its own order.
    edition: `\u2068${delivery.edition.title}\u2069`,
    state,
    date: formatLocalDate(delivery.deliveredOn, 'longDate', language, 'UTC') ?? '',
  };
}
