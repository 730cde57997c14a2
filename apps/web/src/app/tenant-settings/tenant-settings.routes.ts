import type { Route } from '@angular/router';

/** The tenant's own settings, for its admins (docs/documents.md: the upload limit). */
export default [
  {
    path: '',
    title: 'titles.settings',
    loadComponent: () => import('./tenant-settings.page').then((m) => m.TenantSettingsPage),
  },
] satisfies Route[];
