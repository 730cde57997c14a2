import type { Route } from '@angular/router';
import { authGuard, guestGuard, homeRedirectGuard } from './auth/auth.guards';
import { permissionGuard, tenantGuard } from './shell/tenant.guards';

/** Route titles are translation keys (see TranslatedTitleStrategy). */
export const appRoutes: Route[] = [
  {
    path: 'sign-in',
    title: 'titles.signIn',
    canActivate: [guestGuard],
    loadComponent: () => import('./auth/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'reset-password',
    title: 'titles.resetRequest',
    loadComponent: () => import('./auth/reset-request.page').then((m) => m.ResetRequestPage),
  },
  {
    path: 'reset-password/:token',
    title: 'titles.resetComplete',
    loadComponent: () => import('./auth/reset-complete.page').then((m) => m.ResetCompletePage),
  },
  {
    path: 'invitation/:token',
    title: 'titles.invitation',
    loadComponent: () => import('./auth/invitation.page').then((m) => m.InvitationPage),
  },
  {
    // A tenant's public calendar: anyone may read it, signed in or not.
    path: 'public/:slug',
    loadChildren: () => import('./public-events/public-events.routes'),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell/shell.component').then((m) => m.Shell),
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
        loadComponent: () => import('./profile/profile.page').then((m) => m.ProfilePage),
      },
      {
        path: 't/:tenant',
        canActivate: [tenantGuard],
        children: [
          {
            path: '',
            title: 'titles.home',
            loadComponent: () => import('./home/tenant-home.page').then((m) => m.TenantHomePage),
          },
          {
            path: 'events',
            canActivate: [permissionGuard('events.read')],
            loadChildren: () => import('./events/events.routes'),
          },
          {
            path: 'users',
            canActivate: [permissionGuard('users.read')],
            loadChildren: () => import('./users/users.routes'),
          },
          {
            path: 'member-states',
            canActivate: [permissionGuard('memberStates.read')],
            loadChildren: () => import('./member-states/member-states.routes'),
          },
          {
            path: 'mail',
            canActivate: [permissionGuard('mail.manage')],
            loadChildren: () => import('./mail/mail.routes'),
          },
          {
            // A wrong address inside a tenant stays in that tenant (its menu, its name).
            path: '**',
            title: 'titles.notFound',
            loadComponent: () => import('./not-found/not-found.page').then((m) => m.NotFoundPage),
          },
        ],
      },
      {
        path: '**',
        title: 'titles.notFound',
        loadComponent: () => import('./not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
