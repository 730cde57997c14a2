import type { Routes } from '@angular/router';
import { RecommendationsListPage } from './recommendations-list.page';
import { RecommendationsListStore } from './recommendations-list.store';

export default [
  {
    path: '',
    title: 'titles.recommendations',
    // The list keeps its filters while the person visits a meeting and comes back.
    providers: [RecommendationsListStore],
    component: RecommendationsListPage,
  },
] satisfies Routes;
