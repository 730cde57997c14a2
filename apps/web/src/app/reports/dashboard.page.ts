import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { Dashboard } from '@convene/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { Store } from '@ngrx/store';
import { selectCurrentMembership } from '../auth/auth.selectors';
import { fetched } from '../documents/fetched';
import { toProblem } from '../http/problem';
import { LanguageService } from '../i18n/language.service';
import { Icon } from '../shared/icons/icon.component';
import { LiveError } from '../shared/live-error.component';
import { LocalCountPipe } from '../shared/local-format';
import { ChartCard } from './chart-card.component';
import type { EchartsCore } from './echart.component';
import { loadDashboardEcharts } from './echarts-loader';
import { ReportFilterStore } from './report-filter.store';
import { ReportFilters } from './report-filters.component';
import { reportUrls } from './reports.api';
import { FORM_FIELD_DEFAULTS } from '../shared/form-field-defaults';

/** The totals strip, in its order: each figure of `Dashboard.totals` with its label. */
const TOTALS: readonly { figure: keyof Dashboard['totals']; label: string }[] = [
  { figure: 'events', label: 'reports.totals.events' },
  { figure: 'participants', label: 'reports.totals.participants' },
  { figure: 'states', label: 'reports.totals.states' },
  { figure: 'copies', label: 'reports.totals.copies' },
  { figure: 'requests', label: 'reports.totals.requests' },
];

/**
 * The tenant's dashboard (officers and admins): the period and region filters, the totals, and
 * every chart with its table and exports. One request per change of filter.
 */
@Component({
  selector: 'cv-dashboard-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    Icon,
    LiveError,
    LocalCountPipe,
    ChartCard,
    ReportFilters,
  ],
  providers: [FORM_FIELD_DEFAULTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="cv-page-header">
      <div>
        <h1 class="cv-page-title">{{ 'reports.dashboard.title' | transloco }}</h1>
        <p class="cv-page-intro">{{ 'reports.dashboard.intro' | transloco }}</p>
      </div>
      <div>
        <a mat-stroked-button routerLink="map">
          <mat-icon svgIcon="public" />
          {{ 'reports.map.open' | transloco }}
        </a>
      </div>
    </header>

    <mat-card appearance="outlined" class="cv-panel">
      <h2 class="cv-panel-title">{{ 'reports.filters.title' | transloco }}</h2>
      <cv-report-filters />
    </mat-card>

    <div aria-live="polite" class="dashboard-status">
      @if (data.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'reports.loading' | transloco" />
      }
    </div>
    <cv-live-error [problem]="problem()" />

    @if (data.hasValue()) {
      @let dashboard = data.value();
      <dl class="dashboard-totals">
        @for (total of totals; track total.figure) {
          <div>
            <dt>{{ total.label | transloco }}</dt>
            <dd>{{ dashboard.totals[total.figure] | localCount: language() }}</dd>
          </div>
        }
      </dl>
      <div class="dashboard-grid">
        @for (chart of dashboard.charts; track chart.id) {
          <cv-chart-card
            [chart]="chart"
            [echarts]="echarts()"
            [csvUrl]="exportUrl(chart.id, 'csv')"
            [xlsxUrl]="exportUrl(chart.id, 'xlsx')"
          />
        }
      </div>
    }
  `,
  styles: `
    .dashboard-status {
      min-block-size: 4px;
      margin-block: 8px;
    }
    .dashboard-totals {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 12px;
      margin: 0 0 16px;
    }
    .dashboard-totals div {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      background: var(--mat-sys-surface);
    }
    .dashboard-totals dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .dashboard-totals dd {
      margin: 4px 0 0;
      font-size: 1.75rem;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .dashboard-grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 30rem), 1fr));
      gap: 16px;
    }
  `,
})
export class DashboardPage {
  protected readonly totals = TOTALS;
  protected readonly filters = inject(ReportFilterStore);
  protected readonly language = inject(LanguageService).language;
  private readonly membership = inject(Store).selectSignal(selectCurrentMembership);
  private readonly tenant = computed(() => this.membership()?.tenant.slug ?? null);

  protected readonly data = fetched<Dashboard>(() => {
    const tenant = this.tenant();
    return tenant ? reportUrls.dashboard(tenant, this.filters.filter()) : undefined;
  });
  protected readonly problem = computed(() =>
    this.data.error() ? toProblem(this.data.error()) : null,
  );
  protected readonly echarts = signal<EchartsCore | null>(null);

  constructor() {
    void loadDashboardEcharts().then((core) => this.echarts.set(core));
  }

  protected exportUrl(chart: string, format: 'csv' | 'xlsx'): string {
    const tenant = this.tenant();
    return tenant ? reportUrls.export(tenant, this.filters.filter(), chart, format) : '';
  }
}
