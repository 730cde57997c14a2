import type { Routes } from '@angular/router';
import { MailPage } from './mail.page';
import { MailStore } from './mail.store';

export default [
  {
    path: '',
    title: 'titles.mail',
    providers: [MailStore],
    component: MailPage,
  },
] satisfies Routes;
