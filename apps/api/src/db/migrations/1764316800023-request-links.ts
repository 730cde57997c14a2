import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assessments and deliveries may name the assistance request they answer (docs/assessments.md,
 * docs/delivery.md). They were built beside requests, so their `request_id` columns came without
 * a key; this ties them to `assistance_requests` within the same tenant, so no row names a
 * request that does not exist, nor one of another tenant.
 */
export class RequestLinks1764316800023 implements MigrationInterface {
  name = 'RequestLinks1764316800023';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table needs_assessments
        add constraint needs_assessments_request_fk foreign key (tenant_id, request_id)
        references assistance_requests (tenant_id, id);
      alter table tool_deliveries
        add constraint tool_deliveries_request_fk foreign key (tenant_id, request_id)
        references assistance_requests (tenant_id, id);
      create index tool_deliveries_request_idx on tool_deliveries (tenant_id, request_id)
        where request_id is not null;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop index tool_deliveries_request_idx;
      alter table tool_deliveries drop constraint tool_deliveries_request_fk;
      alter table needs_assessments drop constraint needs_assessments_request_fk;
    `);
  }
}
