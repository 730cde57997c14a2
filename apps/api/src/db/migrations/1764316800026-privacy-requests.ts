import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
`;

/**
 * A person's data, on request (docs/privacy.md): `privacy_requests` is the record of every
 * export of a person's data and every erasure on request — who asked, about whom, when and
 * why. The reason lives here and not in the audit log, which keeps no free text. The
 * application may only add and read rows: the record of a request is not rewritten.
 */
export class PrivacyRequests1764316800026 implements MigrationInterface {
  name = 'PrivacyRequests1764316800026';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table privacy_requests (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind in ('export', 'erasure')),
        subject_kind text not null check (subject_kind in ('participant', 'member')),
        -- A participant's id or a member's user id: no foreign key, the kinds differ.
        subject_id uuid not null,
        reason text not null check (length(reason) between 1 and 500),
        requested_by uuid not null references users (id),
        requested_at timestamptz not null default now(),
        primary key (tenant_id, id)
      );
      create index privacy_requests_subject_idx
        on privacy_requests (tenant_id, subject_kind, subject_id, requested_at);
      ${tenantPolicy('privacy_requests')}
      grant select, insert on privacy_requests to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table privacy_requests`);
  }
}
