import type { Route } from '@angular/router';
import { authGuard, guestGuard } from './auth/auth.guards';
import { withMaterialIcons } from './shared/icons/icon-registry';

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
    // A participant's signed links (no account): the decision link and the participant page.
    // Its pages draw Material's MatIcon, so Material's icon registry gets the app's icons first.
    path: 'p',
    loadChildren: () => withMaterialIcons(import('./participant/participant.routes')),
  },
  {
    // The public check of a certificate of participation, from its QR code or printed address.
    path: 'verify/:slug/:code',
    loadChildren: () => import('./verify/verify.routes'),
  },
  {
    // The signed-in part: its shell and its routes in one lazy chunk, so the code the shell
    // already brought is known to be loaded when a page below it is (see docs/performance.md).
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('./shell/signed-in.routes'),
  },
];
