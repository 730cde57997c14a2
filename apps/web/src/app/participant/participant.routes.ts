import type { Routes } from '@angular/router';

/**
 * A participant's pages, reached through the signed links of their mail (no account, outside
 * the signed-in shell): /p/decision/:token answers once, /p/:token is their participant page.
 */
export default [
  {
    path: 'decision/:token',
    title: 'titles.participantDecision',
    loadComponent: () => import('./decision.page').then((m) => m.DecisionPage),
  },
  {
    path: ':token',
    title: 'titles.participantPage',
    loadComponent: () => import('./participant.page').then((m) => m.ParticipantPage),
  },
] satisfies Routes;
