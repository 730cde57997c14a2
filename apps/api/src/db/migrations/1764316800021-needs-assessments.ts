import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const list = (values: readonly string[]) => `(${values.map((value) => `'${value}'`).join(',')})`;

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
`;

const ASSESSMENT_STATUSES = list(['draft', 'submitted', 'returned', 'validated']);

/**
 * Needs assessments (docs/assessments.md): the tenants' own versions of the questionnaire (the
 * default, version 1, ships in libs/domain and has no row) and the assessments of States. Who may
 * read an assessment is one rule, `visibleAssessment` (assessments/assessment-visibility.ts).
 */
export class NeedsAssessments1764316800021 implements MigrationInterface {
  name = 'NeedsAssessments1764316800021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table assessment_questionnaires (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        -- 2, 3, …: version 1 is the built-in default.
        number integer not null check (number >= 2),
        title text not null check (length(title) between 1 and 200),
        status text not null default 'draft' check (status in ('draft', 'published')),
        based_on integer not null check (based_on >= 1),
        -- [{ key, area, dimension, text: { en, fr, … } }], checked by the API's contract.
        questions jsonb not null check (jsonb_typeof(questions) = 'array'),
        -- Bumped on every change: optimistic concurrency.
        version integer not null default 1,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        published_at timestamptz,
        primary key (tenant_id, id),
        unique (tenant_id, number),
        check ((status = 'published') = (published_at is not null))
      );
      ${tenantPolicy('assessment_questionnaires')}

      create table needs_assessments (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        member_state_code char(3) not null references member_states (alpha3),
        -- The assistance request it answers (assistance_requests, another migration: the
        -- foreign key is added where both tables exist).
        request_id uuid,
        -- The questionnaire version it used: 1 (built-in) or a published row above.
        questionnaire_number integer not null check (questionnaire_number >= 1),
        status text not null default 'draft' check (status in ${ASSESSMENT_STATUSES}),
        -- { "<question key>": { "rating": 0–4 | null, "evidence": "…" } }
        answers jsonb not null default '{}' check (jsonb_typeof(answers) = 'object'),
        priorities text check (length(priorities) <= 4000),
        recommendations text check (length(recommendations) <= 4000),
        return_reason text check (length(return_reason) <= 2000),
        version integer not null default 1,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_by uuid references users (id),
        updated_at timestamptz not null default now(),
        submitted_at timestamptz,
        validated_at timestamptz,
        validated_by uuid references users (id),
        primary key (tenant_id, id),
        check ((status = 'validated') = (validated_at is not null))
      );
      -- The list, newest first, and "this State's earlier validated assessment".
      create index needs_assessments_list_idx on needs_assessments (tenant_id, created_at desc, id desc);
      create index needs_assessments_state_idx
        on needs_assessments (tenant_id, member_state_code, status, validated_at);
      create index needs_assessments_request_idx on needs_assessments (tenant_id, request_id)
        where request_id is not null;
      ${tenantPolicy('needs_assessments')}

      grant select, insert, update, delete on assessment_questionnaires, needs_assessments to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table needs_assessments; drop table assessment_questionnaires;`);
  }
}
