import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * request_scope(), which every request runs, keeps its lookups' plans. The API's connections force
 * a custom plan for every statement (data-source.factory.ts: the events list's optional filters
 * need one), and PL/pgSQL runs its statements as cached plans, so under that setting the function
 * planned its session and membership look-ups afresh on every call: about 0.25 ms of planning
 * each, most of the PostgreSQL time a list request spent beyond the raw `pg` client's
 * (docs/performance.md). Equality look-ups by unique keys plan the same for every value, so the
 * function runs under PostgreSQL's default choice (`auto`: a generic plan once it is no worse).
 *
 * A SET clause restores only its own setting when the function returns: the role, tenant and
 * user that request_scope() sets transaction-locally still outlive the call and end with the
 * transaction (tested in request-scope.int.spec.ts).
 */
export class RequestScopeCachedPlans1764316800030 implements MigrationInterface {
  name = 'RequestScopeCachedPlans1764316800030';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `alter function request_scope(text, bytea, double precision, text) set plan_cache_mode = auto`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `alter function request_scope(text, bytea, double precision, text) reset plan_cache_mode`,
    );
  }
}
