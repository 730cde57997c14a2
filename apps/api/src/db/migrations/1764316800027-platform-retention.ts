import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PLATFORM_TENANT_ID, WORKER_ROLE } from '../app-role';

/**
 * Sessions and password-reset tokens are the platform's, not a tenant's (docs/privacy.md): a
 * daily platform run deletes those that ended long enough ago.
 *
 * - `privacy_jobs` gets a second kind, `platform`: that run, one a day, in the platform's own
 *   tenant only, so its `(tenant_id, kind, run_on)` key makes scheduling it from two workers at
 *   once one job, as for the tenants' runs.
 * - The worker role does it: it may delete rows of `sessions` and `user_tokens` and read only
 *   the columns that say when one ended. It still reads no token hash, no person and no browser,
 *   and may add or change nothing there.
 */
export class PlatformRetention1764316800027 implements MigrationInterface {
  name = 'PlatformRetention1764316800027';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table privacy_jobs drop constraint privacy_jobs_kind_check;
      alter table privacy_jobs add constraint privacy_jobs_kind_check
        check (kind in ('retention', 'platform'));
      alter table privacy_jobs add constraint privacy_jobs_platform_check
        check (kind <> 'platform' or tenant_id = '${PLATFORM_TENANT_ID}');

      grant delete on sessions, user_tokens to ${WORKER_ROLE};
      grant select (created_at, expires_at, revoked_at) on sessions to ${WORKER_ROLE};
      grant select (expires_at, used_at) on user_tokens to ${WORKER_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      revoke select (expires_at, used_at) on user_tokens from ${WORKER_ROLE};
      revoke select (created_at, expires_at, revoked_at) on sessions from ${WORKER_ROLE};
      revoke delete on sessions, user_tokens from ${WORKER_ROLE};
      -- Under forced row-level security: the platform's jobs are read in its tenant.
      select set_config('app.tenant_id', '${PLATFORM_TENANT_ID}', false);
      delete from privacy_jobs where kind = 'platform';
      select set_config('app.tenant_id', '', false);
      alter table privacy_jobs drop constraint privacy_jobs_platform_check;
      alter table privacy_jobs drop constraint privacy_jobs_kind_check;
      alter table privacy_jobs add constraint privacy_jobs_kind_check check (kind in ('retention'));
    `);
  }
}
