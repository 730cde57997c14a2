import type { Route } from '@angular/router';

/** The results of the header's search across the tenant (docs/search.md). */
export default [
  {
    path: '',
    title: 'titles.search',
    loadComponent: () => import('./search.page').then((m) => m.SearchPage),
  },
] satisfies Route[];
