import type { Routes } from '@angular/router';
import { VerifyPage } from './verify.page';
import { VerifyStore } from './verify.store';

export default [
  {
    path: '',
    title: 'titles.verify',
    providers: [VerifyStore],
    component: VerifyPage,
  },
] satisfies Routes;
