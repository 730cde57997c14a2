import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { type CoverageMap, ISO_NUMERIC, MAP_METRICS, type MapMetric } from '@convene/contracts';
import { legendRanges } from '@convene/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import type { EChartsCoreOption } from 'echarts/core';
import type { Topology } from 'topojson-specification';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { countryName } from '../member-states/country-name';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalCountPipe } from '../shared/local-format';
import { EChart, type EchartsCore } from './echart.component';
import { loadMapEcharts } from './echarts-loader';
import { ReportFilterStore } from './report-filter.store';
import { ReportFilters } from './report-filters.component';
import { reportUrls } from './reports.api';
import { registerWorld, WORLD_ATLAS_URL, WORLD_MAP } from './world-map';

/** The colour of a State never reached, then the legend's classes from light to dark. */
const NEVER = '#e4e7eb';
const SCALE = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c', '#08306b'];
/** The 195 States, from the zod-free list of their numeric codes (not the schemas' module). */
const STATE_CODES = Object.keys(ISO_NUMERIC);

/**
 * The coverage map (officers and admins): States coloured by participants trained or events,
 * with a legend, the dashboard's filters, and the same figures as a table; a State opens its page.
 */
@Component({
  selector: 'cv-coverage-map-page',
  providers: [FORM_FIELD_DEFAULTS],
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    RouterLink,
    TranslocoPipe,
    Icon,
    LiveError,
    LocalCountPipe,
    EChart,
    ReportFilters,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="cv-page-header">
      <div>
        <h1 class="cv-page-title">{{ 'reports.map.title' | transloco }}</h1>
        <p class="cv-page-intro">{{ 'reports.map.intro' | transloco }}</p>
      </div>
      <div>
        <a mat-stroked-button routerLink="..">
          <mat-icon svgIcon="bar_chart" />
          {{ 'reports.dashboard.open' | transloco }}
        </a>
      </div>
    </header>

    <mat-card appearance="outlined" class="cv-panel">
      <h2 class="cv-panel-title">{{ 'reports.filters.title' | transloco }}</h2>
      <mat-form-field class="map-metric">
        <mat-label>{{ 'reports.map.metric' | transloco }}</mat-label>
        <mat-select [value]="metric()" (selectionChange)="metric.set($event.value)">
          @for (option of metrics; track option) {
            <mat-option [value]="option">{{
              'reports.map.metrics.' + option | transloco
            }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <cv-report-filters />
    </mat-card>

    <div aria-live="polite" class="map-status">
      @if (data.isLoading() || !echarts()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'reports.loading' | transloco" />
      }
    </div>
    <cv-live-error [problem]="problem()" />

    <mat-card appearance="outlined" class="cv-panel">
      <h2 class="cv-panel-title" id="map-heading">
        {{ 'reports.map.metrics.' + metric() | transloco }}
      </h2>
      @if (option(); as chartOption) {
        @if (echarts(); as core) {
          <cv-echart
            class="map-chart"
            [echarts]="core"
            [option]="chartOption"
            (itemClick)="openState($event)"
          />
        }
      }
      @if (data.hasValue()) {
        @let map = data.value();
        <p class="map-summary">
          {{
            'reports.map.summary'
              | transloco
                : {
                    reached: reached() | localCount: language(),
                    never: never() | localCount: language(),
                    total: map.total | localCount: language(),
                  }
          }}
        </p>
      }
    </mat-card>

    @if (data.hasValue()) {
      @let map = data.value();
      <mat-card appearance="outlined" class="cv-panel">
        <h2 class="cv-panel-title" id="map-table-heading">{{ 'reports.map.table' | transloco }}</h2>
        @if (map.states.length === 0) {
          <p>{{ 'reports.nothingCounted' | transloco }}</p>
        } @else {
          <div class="map-table" tabindex="0" role="region" aria-labelledby="map-table-heading">
            <table>
              <thead>
                <tr>
                  <th scope="col">{{ 'reports.map.state' | transloco }}</th>
                  <th scope="col">{{ 'reports.map.metrics.' + map.metric | transloco }}</th>
                </tr>
              </thead>
              <tbody>
                @for (state of map.states; track state.code) {
                  <tr>
                    <th scope="row">
                      <a [routerLink]="['../../states', state.code]">{{ name(state.code) }}</a>
                    </th>
                    <td>{{ state.value | localCount: language() }}</td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{{ 'reports.total' | transloco }}</th>
                  <td>{{ map.total | localCount: language() }}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        }
        <div class="map-exports">
          <a mat-button [href]="exportUrl('csv')" download="map.csv">
            <mat-icon svgIcon="download" />
            {{ 'reports.exportCsv' | transloco }}
          </a>
          <a mat-button [href]="exportUrl('xlsx')" download="map.xlsx" data-export="map">
            <mat-icon svgIcon="download" />
            {{ 'reports.exportXlsx' | transloco }}
          </a>
        </div>
      </mat-card>
    }
  `,
  styles: `
    .map-metric {
      inline-size: min(100%, 20rem);
    }
    .map-status {
      min-block-size: 4px;
      margin-block: 8px;
    }
    .map-chart {
      --cv-echart-height: clamp(240px, 45vw, 520px);
    }
    .map-summary {
      color: var(--mat-sys-on-surface-variant);
      margin: 8px 0 0;
    }
    .map-table {
      overflow-x: auto;
      max-block-size: 28rem;
    }
    .map-table table {
      border-collapse: collapse;
      inline-size: 100%;
      font-variant-numeric: tabular-nums;
    }
    .map-table th,
    .map-table td {
      padding: 6px 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .map-table td {
      text-align: end;
    }
    .map-table th[scope='row'],
    .map-table thead th:first-child {
      text-align: start;
    }
    .map-exports {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin-block-start: 8px;
    }
  `,
})
export class CoverageMapPage {
  protected readonly filters = inject(ReportFilterStore);
  protected readonly language = inject(LanguageService).language;
  private readonly transloco = inject(TranslocoService);
  private readonly translation = toSignal(this.transloco.selectTranslation());
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  private readonly tenant = computed(() => this.membership()?.tenant.slug ?? null);

  protected readonly metrics = MAP_METRICS;
  protected readonly metric = signal<MapMetric>('participants');
  protected readonly data = fetched<CoverageMap>(() => {
    const tenant = this.tenant();
    return tenant ? reportUrls.map(tenant, this.filters.filter(), this.metric()) : undefined;
  });
  protected readonly problem = computed(() =>
    this.data.error() ? toProblem(this.data.error()) : null,
  );
  /** echarts with the world registered, once both have arrived. */
  protected readonly echarts = signal<EchartsCore | null>(null);

  protected readonly reached = computed(() =>
    this.data.hasValue() ? this.data.value().states.length : 0,
  );
  protected readonly never = computed(() => STATE_CODES.length - this.reached());

  protected readonly option = computed((): EChartsCoreOption | null => {
    if (!this.data.hasValue() || !this.echarts()) return null;
    const map = this.data.value();
    this.translation();
    const language = this.language();
    const values = new Map(map.states.map((state) => [state.code, state.value]));
    const ranges = legendRanges(map.max);
    const number = new Intl.NumberFormat(language, { numberingSystem: 'latn' });
    return {
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: { name: string; value: unknown }) =>
          params.name
            ? `${this.name(params.name)}: ${number.format(Number(params.value) || 0)}`
            : '',
      },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemSymbol: 'rect',
        pieces: [
          { value: 0, label: this.transloco.translate('reports.map.never'), color: NEVER },
          ...ranges.map((range, index) => ({
            min: range.min,
            max: range.max,
            label:
              range.min === range.max
                ? number.format(range.min)
                : // Left-to-right marks keep "11–15" in that order in right-to-left text.
                  `${number.format(range.min)}\u200E–\u200E${number.format(range.max)}`,
            color: SCALE[Math.min(index, SCALE.length - 1)],
          })),
        ],
      },
      series: [
        {
          type: 'map',
          map: WORLD_MAP,
          roam: false,
          // Leave the legend its own row below the map.
          top: 8,
          bottom: 56,
          left: 0,
          right: 0,
          // The atlas's shapes that are no State have no name: drawn, never highlighted.
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#f2b134' } },
          select: { disabled: true },
          itemStyle: { borderColor: '#ffffff', borderWidth: 0.5, areaColor: NEVER },
          data: STATE_CODES.map((code) => ({ name: code, value: values.get(code) ?? 0 })),
        },
      ],
    };
  });

  constructor() {
    const http = inject(HttpClient);
    void Promise.all([
      loadMapEcharts(),
      new Promise<Topology>((resolve, reject) =>
        http.get<Topology>(WORLD_ATLAS_URL).subscribe({ next: resolve, error: reject }),
      ),
    ]).then(([core, topology]) => {
      registerWorld(core, topology);
      this.echarts.set(core);
    });
  }

  protected name(code: string): string {
    return countryName(code, this.language());
  }

  protected openState(code: string): void {
    if (!/^[A-Z]{3}$/.test(code)) return;
    void this.router.navigate(['../../states', code], { relativeTo: this.route });
  }

  protected exportUrl(format: 'csv' | 'xlsx'): string {
    const tenant = this.tenant();
    return tenant
      ? reportUrls.export(tenant, this.filters.filter(), 'map', format, this.metric())
      : '';
  }
}
