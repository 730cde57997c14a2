import type { Routes } from '@angular/router';
import { permissionGuard } from '../shell/tenant.guards';
import { ExpertPage } from './expert.page';
import { MyExpertProfilePage } from './my-profile.page';
import { RosterPage } from './roster.page';
import { RosterStore } from './roster.store';

/** The roster (officers) and the expert's own profile, under /t/:tenant/experts. */
export default [
  {
    path: 'me',
    title: 'titles.expertProfile',
    canActivate: [permissionGuard('experts.profile')],
    component: MyExpertProfilePage,
  },
  {
    path: '',
    canActivate: [permissionGuard('experts.manage')],
    providers: [RosterStore],
    children: [
      { path: '', title: 'titles.experts', component: RosterPage },
      { path: ':userId', title: 'titles.expert', component: ExpertPage },
    ],
  },
] satisfies Routes;
