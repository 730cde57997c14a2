import type { Routes } from '@angular/router';
import { PublicEventsPage } from './public-events.page';
import { PublicEventsStore } from './public-events.store';

export default [
  {
    path: '',
    title: 'titles.publicEvents',
    providers: [PublicEventsStore],
    component: PublicEventsPage,
  },
] satisfies Routes;
