import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/**
 * A private iCalendar feed per person: the URL carries a secret token, of
 * which only the hash is kept. Global, like users: one feed spans every
 * tenant the person belongs to.
 */
export class CalendarFeeds1764316800006 implements MigrationInterface {
  name = 'CalendarFeeds1764316800006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table calendar_feeds (
        user_id uuid primary key references users (id) on delete cascade,
        token_hash bytea not null unique,
        created_at timestamptz not null default now()
      );
      grant select, insert, update, delete on calendar_feeds to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table calendar_feeds`);
  }
}
