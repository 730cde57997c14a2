import type { Routes } from '@angular/router';
import { provideLocaleDateAdapter } from '../shared/locale-date-adapter';
import { permissionGuard } from '../shell/tenant.guards';
import { EventFormPage } from './event-form.page';
import { EventFormStore } from './event-form.store';
import { EventPage } from './event.page';
import { EventStore } from './event.store';
import { EventsListPage } from './events-list.page';
import { EventsListStore } from './events-list.store';

export default [
  {
    path: '',
    // Date and time pickers speak the interface language on every events page; the list
    // keeps its filters, view and month while the officer visits an event and comes back.
    providers: [provideLocaleDateAdapter(), EventsListStore],
    children: [
      {
        path: '',
        title: 'titles.events',
        component: EventsListPage,
      },
      {
        path: 'new',
        title: 'titles.newEvent',
        canActivate: [permissionGuard('events.manage')],
        providers: [EventFormStore],
        component: EventFormPage,
      },
      {
        path: ':eventId',
        title: 'titles.event',
        providers: [EventStore],
        component: EventPage,
      },
      {
        path: ':eventId/edit',
        title: 'titles.editEvent',
        canActivate: [permissionGuard('events.manage')],
        providers: [EventFormStore],
        component: EventFormPage,
      },
    ],
  },
] satisfies Routes;
