import type { Routes } from '@angular/router';
import { CoverageMapPage } from './coverage-map.page';
import { DashboardPage } from './dashboard.page';
import { ReportFilterStore } from './report-filter.store';

export default [
  {
    path: '',
    // The dashboard and the map share their filters: one store for both.
    providers: [ReportFilterStore],
    children: [
      { path: '', title: 'titles.dashboard', component: DashboardPage },
      { path: 'map', title: 'titles.coverageMap', component: CoverageMapPage },
    ],
  },
] satisfies Routes;
