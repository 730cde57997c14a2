import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/** Rate-limit counters live in the database so every API replica counts the same attempts. */
export class RateLimits1764316800002 implements MigrationInterface {
  name = 'RateLimits1764316800002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table rate_limits (
        key text primary key,
        hits integer not null,
        window_ends_at timestamptz not null,
        blocked_until timestamptz
      );
      create index rate_limits_expiry_idx on rate_limits (window_ends_at);
      grant select, insert, update, delete on rate_limits to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table rate_limits`);
  }
}
