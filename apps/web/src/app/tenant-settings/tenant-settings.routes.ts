import type { Route } from '@angular/router';

/**
 * The tenant's own settings, for its admins (docs/documents.md: the upload limit; docs/privacy.md:
 * retention and a person's data on request).
 */
export default [
  {
    path: '',
    title: 'titles.settings',
    loadComponent: () => import('./tenant-settings.page').then((m) => m.TenantSettingsPage),
  },
  {
    // A person's data on request: find, export, erase (docs/privacy.md).
    path: 'people',
    title: 'titles.peopleData',
    loadComponent: () => import('./people.page').then((m) => m.PeoplePage),
  },
] satisfies Route[];
