import type { Route } from '@angular/router';

/** The tenant's documents: search and library (docs/documents.md). */
export default [
  {
    path: '',
    title: 'titles.documents',
    loadComponent: () => import('./library.page').then((m) => m.LibraryPage),
  },
] satisfies Route[];
