import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, LOGIN_ROLE, MAILER_ROLE, PROVISIONER_ROLE } from '../app-role';

/**
 * The API no longer logs in as the owner. Its pool logs in as a role that owns nothing, is no
 * superuser, bypasses no row-level security and inherits nothing: until a transaction switches
 * it to the application (or mailer, or provisioner) role, it can read no table at all. Roles
 * are cluster-wide: create once, tolerate a concurrent creator.
 */
export class LoginRole1764316800009 implements MigrationInterface {
  name = 'LoginRole1764316800009';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      do $$ begin
        if not exists (select from pg_roles where rolname = '${PROVISIONER_ROLE}') then
          create role ${PROVISIONER_ROLE} nologin nosuperuser nobypassrls;
        end if;
      exception when duplicate_object or unique_violation then null;
      end $$;
    `);
    await db.query(`
      do $$ begin
        if not exists (select from pg_roles where rolname = '${LOGIN_ROLE}') then
          create role ${LOGIN_ROLE} login noinherit nosuperuser nobypassrls nocreatedb nocreaterole;
        end if;
      exception when duplicate_object or unique_violation then null;
      end $$;
    `);
    // Membership lets the login role SET ROLE; NOINHERIT keeps it from using them otherwise.
    for (const role of [APP_ROLE, MAILER_ROLE, PROVISIONER_ROLE]) {
      await db.query(`
        do $$ begin
          if not pg_has_role('${LOGIN_ROLE}', '${role}', 'member') then
            grant ${role} to ${LOGIN_ROLE};
          end if;
        exception when others then
          -- Another database of this cluster granted it at the same moment.
          if not pg_has_role('${LOGIN_ROLE}', '${role}', 'member') then raise; end if;
        end $$;
      `);
    }
    // A non-superuser owner needs membership to SET ROLE; superusers skip it.
    await db.query(`
      do $$ begin
        if not (select rolsuper from pg_roles where rolname = current_user) then
          execute format('grant ${PROVISIONER_ROLE} to %I', current_user);
        end if;
      end $$;
    `);
    await db.query(`
      grant usage on schema public to ${PROVISIONER_ROLE};
      grant select, insert on tenants to ${PROVISIONER_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`revoke select, insert on tenants from ${PROVISIONER_ROLE}`);
  }
}
