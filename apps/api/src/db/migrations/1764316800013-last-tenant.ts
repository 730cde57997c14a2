import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant each person last opened, so signing in lands them there (PUT /api/me/last-tenant
 * records it when the web app enters another tenant). Forgotten with the tenant.
 */
export class LastTenant1764316800013 implements MigrationInterface {
  name = 'LastTenant1764316800013';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `alter table users add column last_tenant_id uuid references tenants (id) on delete set null`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table users drop column last_tenant_id`);
  }
}
