import type { Routes } from '@angular/router';
import { StatePage } from './state.page';

export default [
  { path: ':code', title: 'titles.statePage', component: StatePage },
] satisfies Routes;
