/**
 * The role every request runs as (`SET LOCAL ROLE`). It owns nothing, is no
 * superuser and has no BYPASSRLS, so row-level security always applies.
 */
export const APP_ROLE = 'convene_app';

/**
 * The role the mail worker runs as: like the application role it owns
 * nothing and bypasses nothing, but one policy lets it read and update the
 * outbox of every tenant (and only the outbox).
 */
export const MAILER_ROLE = 'convene_mailer';

/**
 * The role background workers claim jobs as (text extraction): like the mailer, it owns nothing
 * and bypasses nothing, but one policy lets it read and update the job table of every tenant
 * (and only that table). The work itself runs as the application role inside the job's tenant.
 */
export const WORKER_ROLE = 'convene_worker';

/**
 * The role tenants are created as (platform provisioning): like the others it owns nothing and
 * bypasses nothing; it may add a row to the tenants registry, which the application role may not.
 */
export const PROVISIONER_ROLE = 'convene_provisioner';

/**
 * The role the API's pool logs in as. It has no privileges of its own (NOINHERIT): a query that
 * runs outside a scoped transaction reads nothing. It may switch, transaction by transaction, to
 * the application, mailer or provisioner role.
 */
export const LOGIN_ROLE = 'convene_api';

/** Tables that carry tenant data: each has tenant_id first and forced RLS. */
export const TENANT_TABLES = [
  'memberships',
  'invitations',
  'audit_log',
  'mail_outbox',
  'mail_schedule_runs',
  'events',
  'event_history',
  'agenda_sessions',
  'state_lists',
  'event_invitations',
  'participants',
  'nominations',
  'consent_attestations',
  'participant_links',
  'attendance',
  'certificates',
  'expert_assignments',
  'recommendations',
  'recommendation_follow_ups',
  'expert_profiles',
  'expert_notes',
  'expert_declarations',
  'documents',
  'document_versions',
  'document_text_jobs',
  'storage_deletions',
  'expert_cvs',
  'assessment_questionnaires',
  'needs_assessments',
  'tool_editions',
  'tool_delivery_batches',
  'tool_deliveries',
  'iati_settings',
  'assistance_requests',
  'request_recommendations',
  'request_events',
  'request_messages',
  'request_history',
  'request_attachments',
  'retention_policies',
  'privacy_jobs',
  'privacy_requests',
  'dashboard_trained',
  'dashboard_rollups',
  'dashboard_event_rollups',
] as const;

/**
 * A reserved tenant that owns mail sent outside any organisation (password
 * resets). Nobody is a member, so no URL reaches it.
 */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';
