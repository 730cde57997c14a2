import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nomination's target audience is one of the contracts' `TARGET_AUDIENCES`, as its other
 * non-personal columns (sex, institution type, State) already are: the figures count by it and
 * draw one bar per known key, so an unknown value would be a participant counted nowhere. The
 * API has always validated it, so existing rows comply. The list is written out, not imported:
 * a migration describes the schema as it was on its day; a new audience is a new migration.
 */
const AUDIENCES = [
  'policy_makers',
  'investigators',
  'prosecutors',
  'judges',
  'central_authorities',
  'private_sector',
  'civil_society',
];

export class NominationAudience1764316800015 implements MigrationInterface {
  name = 'NominationAudience1764316800015';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table nominations add constraint nominations_audience_check
        check (audience in (${AUDIENCES.map((audience) => `'${audience}'`).join(',')}))
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table nominations drop constraint nominations_audience_check`);
  }
}
