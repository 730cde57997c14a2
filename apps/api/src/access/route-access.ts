import type { Permission } from '@convene/domain';

/**
 * Who may call each route: `public` (anyone), `authenticated` (any signed-in
 * person, no tenant), or the permission a tenant route requires. The
 * isolation and role tests read this table and fail for a route it lacks.
 */
export type RouteAccess = 'public' | 'authenticated' | Permission;

export const ROUTE_ACCESS = {
  'GET /api/health': 'public',
  'GET /api/auth/session': 'authenticated',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'authenticated',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/complete': 'public',
  'GET /api/auth/invitations/:token': 'public',
  'POST /api/auth/invitations/accept': 'public',
  'GET /api/me': 'authenticated',
  'PATCH /api/me': 'authenticated',
  'POST /api/me/password': 'authenticated',
  'PUT /api/me/last-tenant': 'authenticated',
  'GET /api/member-states': 'authenticated',
  'GET /api/me/calendar-feed': 'authenticated',
  'POST /api/me/calendar-feed': 'authenticated',
  'DELETE /api/me/calendar-feed': 'authenticated',
  'GET /api/calendar/:token/events.ics': 'public',
  'GET /api/public/:slug/events': 'public',
  'GET /api/public/:slug/events.ics': 'public',
  'GET /api/t/:tenant': 'tenant.read',
  'GET /api/t/:tenant/members': 'users.read',
  'GET /api/t/:tenant/members/:membershipId': 'users.read',
  'PATCH /api/t/:tenant/members/:membershipId': 'users.manage',
  'POST /api/t/:tenant/members/:membershipId/deactivate': 'users.manage',
  'POST /api/t/:tenant/members/:membershipId/reactivate': 'users.manage',
  'GET /api/t/:tenant/invitations': 'users.manage',
  'POST /api/t/:tenant/invitations': 'users.manage',
  'DELETE /api/t/:tenant/invitations/:invitationId': 'users.manage',
  'GET /api/t/:tenant/audit-log': 'audit.read',
  'GET /api/t/:tenant/events': 'events.read',
  'POST /api/t/:tenant/events': 'events.manage',
  'GET /api/t/:tenant/events/:eventId': 'events.read',
  'PUT /api/t/:tenant/events/:eventId': 'events.manage',
  'POST /api/t/:tenant/events/:eventId/duplicate': 'events.manage',
  'POST /api/t/:tenant/events/:eventId/transitions': 'events.manage',
  'GET /api/t/:tenant/events/:eventId/calendar.ics': 'events.read',
  'GET /api/t/:tenant/events/:eventId/agenda': 'events.read',
  'POST /api/t/:tenant/events/:eventId/agenda': 'events.manage',
  'PUT /api/t/:tenant/events/:eventId/agenda/order': 'events.manage',
  'PUT /api/t/:tenant/events/:eventId/agenda/:sessionId': 'events.manage',
  'DELETE /api/t/:tenant/events/:eventId/agenda/:sessionId': 'events.manage',
  'GET /api/t/:tenant/mail': 'mail.manage',
  'GET /api/t/:tenant/mail/counts': 'mail.manage',
  'POST /api/t/:tenant/mail/retry': 'mail.manage',
  'POST /api/t/:tenant/mail/:messageId/retry': 'mail.manage',
  'POST /api/t/:tenant/mail/:messageId/cancel': 'mail.manage',
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof ROUTE_ACCESS;
