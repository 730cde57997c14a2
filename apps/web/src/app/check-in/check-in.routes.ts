import type { Routes } from '@angular/router';
import { CheckInPage } from './check-in.page';
import { CheckInStore } from './check-in.store';

export default [
  {
    path: '',
    title: 'titles.checkIn',
    providers: [CheckInStore],
    component: CheckInPage,
  },
] satisfies Routes;
