import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Edition, EditionList } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { EmptyState } from '../shared/empty-state.component';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalCountPipe } from '../shared/local-format';
import { Notifier } from '../shared/notifier.service';
import { DeliveryApi } from './delivery.api';
import { FORMAT_ICONS } from './delivery-labels';
import { DeliveryTabs } from './delivery-tabs.component';
import { EditionDialog, type EditionDialogData } from './edition.dialog';

/** The tool's editions: language, format, year, ISBN or sales number, file, deliveries. */
@Component({
  selector: 'cv-editions-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    TranslocoPipe,
    Icon,
    EmptyState,
    LiveError,
    LocalCountPipe,
    DeliveryTabs,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="cv-page-header">
      <div>
        <h1 class="cv-page-title">{{ 'delivery.editions.title' | transloco }}</h1>
        <p class="cv-page-intro">{{ 'delivery.editions.intro' | transloco }}</p>
      </div>
      <button mat-flat-button type="button" (click)="edit(null)">
        <mat-icon svgIcon="add" />
        {{ 'delivery.editions.add' | transloco }}
      </button>
    </header>
    <cv-delivery-tabs />
    <mat-card appearance="outlined" class="cv-panel">
      @if (editions.isLoading() && !editions.hasValue()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (editions.error()) {
        <cv-live-error [problem]="problem()" />
      } @else if (editions.hasValue() && editions.value().items.length === 0) {
        <cv-empty-state icon="menu_book" [title]="'delivery.editions.empty' | transloco" />
      } @else if (editions.hasValue()) {
        <div class="dl-table-area">
          <table class="dl-table">
            <thead>
              <tr>
                <th scope="col">{{ 'delivery.editions.titleField' | transloco }}</th>
                <th scope="col">{{ 'delivery.editions.year' | transloco }}</th>
                <th scope="col">{{ 'delivery.editions.reference' | transloco }}</th>
                <th scope="col">{{ 'delivery.editions.document' | transloco }}</th>
                <th scope="col" class="dl-num">{{ 'delivery.editions.copies' | transloco }}</th>
                <th scope="col">
                  <span class="cv-visually-hidden">{{ 'common.actions' | transloco }}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              @for (edition of editions.value().items; track edition.id) {
                <tr data-testid="edition-row">
                  <td>
                    <span class="dl-edition">
                      <mat-icon [svgIcon]="formatIcons[edition.format]" />
                      <bdi>{{ edition.title }}</bdi>
                    </span>
                    <span class="dl-meta">
                      {{ 'delivery.languages.' + edition.language | transloco }} ·
                      {{ 'delivery.formats.' + edition.format | transloco }}
                      @if (edition.isExample) {
                        · <span class="dl-example">{{ 'delivery.example' | transloco }}</span>
                      }
                    </span>
                  </td>
                  <td>
                    <span class="dl-label" aria-hidden="true">{{
                      'delivery.editions.year' | transloco
                    }}</span>
                    {{ edition.editionYear }}
                    @if (edition.versionLabel) {
                      <span class="dl-meta"
                        ><bdi>{{ edition.versionLabel }}</bdi></span
                      >
                    }
                  </td>
                  <td>
                    <span class="dl-label" aria-hidden="true">{{
                      'delivery.editions.reference' | transloco
                    }}</span>
                    @if (edition.isbn) {
                      <span dir="ltr">{{ edition.isbn }}</span>
                    }
                    @if (edition.salesNumber) {
                      <span class="dl-meta" dir="ltr">{{ edition.salesNumber }}</span>
                    }
                    @if (!edition.isbn && !edition.salesNumber) {
                      <span class="dl-meta">{{ 'delivery.editions.noReference' | transloco }}</span>
                    }
                  </td>
                  <td>
                    <span class="dl-label" aria-hidden="true">{{
                      'delivery.editions.document' | transloco
                    }}</span>
                    @if (edition.document; as document) {
                      <bdi>{{ document.title }}</bdi>
                    } @else {
                      <span class="dl-meta">{{ 'delivery.editions.noDocument' | transloco }}</span>
                    }
                  </td>
                  <td class="dl-num">
                    <span class="dl-label" aria-hidden="true">{{
                      'delivery.editions.copies' | transloco
                    }}</span>
                    {{ edition.copies | localCount: language() }}
                    <span class="dl-meta">{{
                      'delivery.editions.deliveries' | transloco: { count: edition.deliveries }
                    }}</span>
                  </td>
                  <td>
                    <button
                      mat-icon-button
                      type="button"
                      (click)="edit(edition)"
                      [attr.aria-label]="
                        'delivery.editions.editNamed' | transloco: { title: edition.title }
                      "
                    >
                      <mat-icon svgIcon="edit" />
                    </button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </mat-card>
  `,
  styleUrl: './delivery-tables.scss',
})
export class EditionsPage {
  readonly tenant = input.required<string>();

  private readonly api = inject(DeliveryApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly language = inject(LanguageService).language;
  protected readonly formatIcons = FORMAT_ICONS;

  protected readonly editions = fetched<EditionList>(() => this.api.editionsPath(this.tenant()));
  protected readonly problem = computed(() =>
    this.editions.error() ? toProblem(this.editions.error()) : null,
  );

  protected async edit(edition: Edition | null): Promise<void> {
    const saved = await firstValueFrom(
      this.dialog
        .open<EditionDialog, EditionDialogData, Edition>(EditionDialog, {
          data: { tenant: this.tenant(), edition },
          width: '600px',
        })
        .afterClosed(),
    );
    if (saved) {
      this.notifier.success('delivery.editions.saved');
      this.editions.reload();
    }
  }
}
