import type { Role } from '@convene/contracts';

/**
 * What each role's home will list once the features behind it arrive
 * (product brief, "What each person sees first"), as translation keys.
 */
export const HOME_OUTLINE: Readonly<Record<Role, readonly string[]>> = {
  tenant_admin: [
    'home.outline.officerView',
    'home.outline.users',
    'home.outline.settings',
    'home.outline.mailLog',
  ],
  programme_officer: [
    'home.outline.nominationsWaiting',
    'home.outline.requestsInReview',
    'home.outline.eventsThisMonth',
    'home.outline.deadlinesThisWeek',
  ],
  focal_point: [
    'home.outline.openInvitations',
    'home.outline.stateRequests',
    'home.outline.upcomingEvents',
  ],
  expert: ['home.outline.mySessions', 'home.outline.outputsToShare', 'home.outline.rosterProfile'],
};
