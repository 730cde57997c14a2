import type { Routes } from '@angular/router';
import { permissionGuard } from '../shell/tenant.guards';

export default [
  {
    path: '',
    title: 'titles.assessments',
    loadComponent: () => import('./assessments-list.page').then((m) => m.AssessmentsListPage),
  },
  {
    // The questionnaire's versions: tenant admins.
    path: 'questionnaires',
    title: 'titles.questionnaires',
    canActivate: [permissionGuard('assessments.configure')],
    loadComponent: () => import('./questionnaires.page').then((m) => m.QuestionnairesPage),
  },
  {
    path: ':assessmentId',
    title: 'titles.assessment',
    loadComponent: () => import('./assessment-result.page').then((m) => m.AssessmentResultPage),
  },
  {
    path: ':assessmentId/fill',
    title: 'titles.assessmentFill',
    loadComponent: () => import('./assessment-fill.page').then((m) => m.AssessmentFillPage),
  },
] satisfies Routes;
