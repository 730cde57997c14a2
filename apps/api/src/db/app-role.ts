/**
 * The role every request runs as (`SET LOCAL ROLE`). It owns nothing, is no
 * superuser and has no BYPASSRLS, so row-level security always applies.
 */
export const APP_ROLE = 'convene_app';

/** Tables that carry tenant data: each has tenant_id first and forced RLS. */
export const TENANT_TABLES = ['memberships', 'invitations', 'audit_log'] as const;
