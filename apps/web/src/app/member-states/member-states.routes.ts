import type { Routes } from '@angular/router';
import { MemberStatesPage } from './member-states.page';
import { MemberStatesStore } from './member-states.store';

export default [
  {
    path: '',
    title: 'titles.memberStates',
    providers: [MemberStatesStore],
    component: MemberStatesPage,
  },
] satisfies Routes;
