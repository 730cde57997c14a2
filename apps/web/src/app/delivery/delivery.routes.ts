import type { Routes } from '@angular/router';
import { permissionGuard } from '../shell/tenant.guards';
import { CoveragePage } from './coverage.page';
import { DeliveryRegisterPage } from './delivery-register.page';
import { DeliveryRegisterStore } from './delivery-register.store';
import { EditionsPage } from './editions.page';
import { IatiPage } from './iati.page';

/**
 * Tool delivery (docs/delivery.md): the register, editions, coverage and the IATI file, in one
 * lazy chunk (the pages share their dialogs and styles).
 */
export default [
  {
    path: '',
    title: 'titles.deliveries',
    providers: [DeliveryRegisterStore],
    component: DeliveryRegisterPage,
  },
  {
    path: 'editions',
    title: 'titles.editions',
    canActivate: [permissionGuard('deliveries.manage')],
    component: EditionsPage,
  },
  {
    path: 'coverage',
    title: 'titles.coverage',
    canActivate: [permissionGuard('deliveries.manage')],
    component: CoveragePage,
  },
  {
    path: 'iati',
    title: 'titles.iati',
    canActivate: [permissionGuard('iati.export')],
    component: IatiPage,
  },
] satisfies Routes;
