import type { Route } from '@angular/router';
import { homeRedirectGuard } from '../auth/auth.guards';
import { withMaterialIcons } from '../shared/icons/icon-registry';
import { TenantHomePage } from '../home/tenant-home.page';
import { Shell } from './shell.component';
import { permissionGuard, tenantGuard } from './tenant.guards';

/** Everything behind sign-in, under the shell. Route titles are translation keys. */
const signedInRoutes: Route[] = [
  {
    path: '',
    component: Shell,
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [homeRedirectGuard],
        children: [],
      },
      {
        path: 'profile',
        title: 'titles.profile',
        loadComponent: () => import('../profile/profile.page').then((m) => m.ProfilePage),
      },
      {
        path: 't/:tenant',
        canActivate: [tenantGuard],
        children: [
          {
            path: '',
            title: 'titles.home',
            component: TenantHomePage,
          },
          {
            path: 'events',
            canActivate: [permissionGuard('events.read')],
            // The participation tab draws Material's MatIcon (see withMaterialIcons).
            loadChildren: () => withMaterialIcons(import('../events/events.routes')),
          },
          {
            // Meetings' recommendations across events, and their follow-up.
            path: 'recommendations',
            canActivate: [permissionGuard('events.read')],
            loadChildren: () => import('../recommendations/recommendations.routes'),
          },
          {
            // Assistance requests (issue 14): the inbox, drafts and one request.
            path: 'requests',
            canActivate: [permissionGuard('requests.read')],
            loadChildren: () => import('../requests/requests.routes'),
          },
          {
            // The roster (experts.manage) and an expert's own profile (experts.profile).
            path: 'experts',
            loadChildren: () => import('../experts/experts.routes'),
          },
          {
            // Documents (issue 13): search and the tenant's library.
            path: 'documents',
            canActivate: [permissionGuard('tenant.read')],
            loadChildren: () => import('../documents/documents.routes'),
          },
          {
            // Coverage map and dashboard (issue 15): officers and admins.
            path: 'reports',
            canActivate: [permissionGuard('reports.read')],
            loadChildren: () => import('../reports/reports.routes'),
          },
          {
            // A State's page: officers and admins any, a focal point their own (the API narrows).
            path: 'states',
            canActivate: [permissionGuard('states.overview')],
            loadChildren: () => import('../reports/state.routes'),
          },
          {
            // Tool delivery (issue 15): the register, editions, coverage and the IATI file.
            path: 'delivery',
            canActivate: [permissionGuard('deliveries.read')],
            loadChildren: () => import('../delivery/delivery.routes'),
          },
          {
            path: 'users',
            canActivate: [permissionGuard('users.read')],
            loadChildren: () => import('../users/users.routes'),
          },
          {
            path: 'member-states',
            canActivate: [permissionGuard('memberStates.read')],
            loadChildren: () => import('../member-states/member-states.routes'),
          },
          {
            path: 'mail',
            canActivate: [permissionGuard('mail.manage')],
            loadChildren: () => import('../mail/mail.routes'),
          },
          {
            // Needs assessments of States (issue 14) and the questionnaire's versions.
            path: 'assessments',
            canActivate: [permissionGuard('assessments.read')],
            loadChildren: () => import('../assessments/assessments.routes'),
          },
          {
            // Check-in at the door of an event, on a phone: officers and admins.
            path: 'check-in/:eventId',
            canActivate: [permissionGuard('participation.manage')],
            // Its pages draw Material's MatIcon (see withMaterialIcons).
            loadChildren: () => withMaterialIcons(import('../check-in/check-in.routes')),
          },
          {
            // The header's search across the tenant: its results page (docs/search.md).
            path: 'search',
            canActivate: [permissionGuard('tenant.read')],
            loadChildren: () => import('../search/search.routes'),
          },
          {
            // The tenant's own settings (the upload size limit): its admins.
            path: 'settings',
            canActivate: [permissionGuard('tenant.manage')],
            loadChildren: () => import('../tenant-settings/tenant-settings.routes'),
          },
          {
            // A wrong address inside a tenant stays in that tenant (its menu, its name).
            path: '**',
            title: 'titles.notFound',
            loadComponent: () => import('../not-found/not-found.page').then((m) => m.NotFoundPage),
          },
        ],
      },
      {
        path: '**',
        title: 'titles.notFound',
        loadComponent: () => import('../not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];

export default signedInRoutes;
