import type { CanDeactivateFn, Routes } from '@angular/router';
import { permissionGuard } from '../shell/tenant.guards';
import { RequestFormPage } from './request-form.page';
import { RequestPage } from './request.page';
import { RequestsInboxPage } from './requests-inbox.page';
import { RequestsInboxStore } from './requests-inbox.store';

/** The draft's last keystrokes are saved before the form is left (RequestFormPage). */
const saveBeforeLeaving: CanDeactivateFn<RequestFormPage> = (form) => form.saveBeforeLeaving();

export default [
  {
    path: '',
    // The inbox keeps its filters and view while the person opens a request and comes back.
    providers: [RequestsInboxStore],
    children: [
      { path: '', title: 'titles.requests', component: RequestsInboxPage },
      {
        path: 'new',
        title: 'titles.newRequest',
        canActivate: [permissionGuard('requests.draft')],
        canDeactivate: [saveBeforeLeaving],
        component: RequestFormPage,
      },
      {
        path: ':requestId/edit',
        title: 'titles.editRequest',
        canActivate: [permissionGuard('requests.draft')],
        canDeactivate: [saveBeforeLeaving],
        component: RequestFormPage,
      },
      { path: ':requestId', title: 'titles.request', component: RequestPage },
    ],
  },
] satisfies Routes;
