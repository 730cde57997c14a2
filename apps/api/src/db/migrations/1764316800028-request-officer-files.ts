import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Officers attach files to a request too, once the State has submitted it (docs/requests.md,
 * "Files"): each file says which side attached it, so each side removes only its own — the
 * State's focal points theirs while they may edit, officers theirs at any time.
 */
export class RequestOfficerFiles1764316800028 implements MigrationInterface {
  name = 'RequestOfficerFiles1764316800028';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table request_attachments
        add column side text not null default 'state' check (side in ('state', 'officer'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table request_attachments drop column side`);
  }
}
