import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many times in a row a key was blocked, so each block lasts longer than the last (capped),
 * and blocked_until is kept after a block ends, to know when the key was last blocked.
 */
export class RateLimitBackoff1764316800008 implements MigrationInterface {
  name = 'RateLimitBackoff1764316800008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table rate_limits add column strikes integer not null default 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table rate_limits drop column strikes`);
  }
}
