import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import type { DashboardChart } from '@convene/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { Icon } from '../shared/icons/icon.component';
import { chartKeyLabel } from './chart-labels';
import { chartOption } from './chart-option';
import { EChart, type EchartsCore } from './echart.component';

let nextId = 0;

/**
 * One chart of the dashboard with its table (the same figures, for screen readers and for
 * reading off: shown below the chart on demand) and its exports, CSV and XLSX of that table.
 */
@Component({
  selector: 'cv-chart-card',
  imports: [MatButtonModule, MatCardModule, TranslocoPipe, Icon, EChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="cv-panel chart-card" [attr.aria-labelledby]="id">
      <h2 class="cv-panel-title" [id]="id">{{ 'reports.charts.' + chart().id | transloco }}</h2>
      @if (empty()) {
        <p class="chart-card__empty">{{ 'reports.nothingCounted' | transloco }}</p>
      } @else if (echarts(); as core) {
        <cv-echart [echarts]="core" [option]="option()" />
      }
      <details class="chart-card__table" [open]="empty()">
        <summary>{{ 'reports.showTable' | transloco }}</summary>
        <div class="chart-card__scroll" tabindex="0" role="region" [attr.aria-labelledby]="id">
          <table>
            <caption class="cv-visually-hidden">
              {{
                'reports.charts.' + chart().id | transloco
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'reports.year' | transloco }}</th>
                @for (key of chart().keys; track key) {
                  <th scope="col">{{ label(key) | transloco }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of chart().rows; track row.year) {
                <tr>
                  <th scope="row">{{ row.year }}</th>
                  @for (value of row.values; track $index) {
                    <td>{{ cell(value, $index) }}</td>
                  }
                </tr>
              }
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{{ 'reports.total' | transloco }}</th>
                @for (value of chart().totals; track $index) {
                  <td>{{ cell(value, $index) }}</td>
                }
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
      <div class="chart-card__exports">
        <a mat-button [href]="csvUrl()" [attr.download]="chart().id + '.csv'">
          <mat-icon svgIcon="download" />
          {{ 'reports.exportCsv' | transloco }}
          <span class="cv-visually-hidden">: {{ 'reports.charts.' + chart().id | transloco }}</span>
        </a>
        <a
          mat-button
          [href]="xlsxUrl()"
          [attr.download]="chart().id + '.xlsx'"
          [attr.data-export]="chart().id"
        >
          <mat-icon svgIcon="download" />
          {{ 'reports.exportXlsx' | transloco }}
          <span class="cv-visually-hidden">: {{ 'reports.charts.' + chart().id | transloco }}</span>
        </a>
      </div>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
      min-inline-size: 0;
    }
    .chart-card {
      block-size: 100%;
      box-sizing: border-box;
    }
    .chart-card__empty {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 8px;
    }
    .chart-card__table summary {
      cursor: pointer;
      padding-block: 8px;
      color: var(--mat-sys-primary);
    }
    .chart-card__scroll {
      overflow-x: auto;
      max-inline-size: 100%;
    }
    .chart-card__scroll table {
      border-collapse: collapse;
      inline-size: 100%;
      font-variant-numeric: tabular-nums;
    }
    .chart-card__scroll th,
    .chart-card__scroll td {
      padding: 4px 8px;
      text-align: end;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      white-space: nowrap;
    }
    .chart-card__scroll thead th {
      white-space: normal;
      vertical-align: bottom;
      min-inline-size: 5rem;
    }
    .chart-card__scroll th[scope='row'] {
      text-align: start;
    }
    .chart-card__scroll tfoot {
      font-weight: 600;
    }
    .chart-card__exports {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin-block-start: 8px;
    }
  `,
})
export class ChartCard {
  readonly chart = input.required<DashboardChart>();
  readonly echarts = input<EchartsCore | null>(null);
  readonly csvUrl = input.required<string>();
  readonly xlsxUrl = input.required<string>();

  protected readonly id = `cv-chart-${nextId++}`;
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService).language;
  /** The loaded translation: the chart's names follow it when the language changes. */
  private readonly translation = toSignal(this.transloco.selectTranslation());

  protected readonly empty = computed(() => this.chart().totals.every((total) => total === 0));
  protected readonly option = computed(() => {
    const chart = this.chart();
    const language = this.language();
    this.translation();
    return chartOption(
      chart,
      (key) => this.transloco.translate(chartKeyLabel(chart.id, key)),
      language === 'ar',
      language,
    );
  });

  protected label(key: string): string {
    return chartKeyLabel(this.chart().id, key);
  }

  /** A cell: a count as the language writes it, the share with its decimal and a percent sign. */
  protected cell(value: number, column: number): string {
    const format = new Intl.NumberFormat(this.language(), {
      numberingSystem: 'latn',
      maximumFractionDigits: 1,
    });
    const percent = this.chart().keys[column] === 'sharePercent';
    return percent ? `${format.format(value)}%` : format.format(value);
  }
}
