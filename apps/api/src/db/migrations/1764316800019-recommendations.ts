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

const STATUSES = list(['open', 'in_progress', 'implemented', 'not_pursued']);
const AREAS = list([
  'propaganda',
  'radicalization_recruitment',
  'financing',
  'training',
  'planning_secret_communication',
  'execution_of_attacks',
  'investigations_digital_evidence',
  'prosecution_adjudication',
  'international_cooperation',
  'private_sector_cooperation',
  'legal_policy_frameworks',
  'human_rights',
]);

/**
 * A meeting's recommendations as items, and the history of their follow-up. See
 * docs/recommendations.md. Who may read them is one rule, `visibleRecommendation`
 * (apps/api/src/recommendations/recommendation-visibility.ts).
 */
export class Recommendations1764316800019 implements MigrationInterface {
  name = 'Recommendations1764316800019';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table recommendations (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        event_id uuid not null,
        -- Its number within the event ("R3"): 1..n, kept dense by the API.
        position integer not null check (position >= 1),
        text text not null check (length(text) between 1 and 4000),
        thematic_area text not null check (thematic_area in ${AREAS}),
        addressed_states char(3)[] not null default '{}',
        addressed_to_organisation boolean not null default false,
        addressed_partners text[] not null default '{}',
        status text not null default 'open' check (status in ${STATUSES}),
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- Bumped on every change of text or status: optimistic concurrency.
        version integer not null default 1,
        search tsvector generated always as (to_tsvector('simple', text)) stored,
        primary key (tenant_id, id),
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade,
        check (cardinality(addressed_states) > 0 or addressed_to_organisation
               or cardinality(addressed_partners) > 0)
      );
      -- Numbers are unique within an event; deferred so that a reorder may swap them.
      alter table recommendations add constraint recommendations_position_key
        unique (tenant_id, event_id, position) deferrable initially deferred;
      -- "Addressed to Kenya", "addressed to a State of the African Group", and the text search.
      create index recommendations_states_idx on recommendations using gin (addressed_states);
      create index recommendations_search_idx on recommendations using gin (search);
      ${tenantPolicy('recommendations')}

      create table recommendation_follow_ups (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        recommendation_id uuid not null,
        -- A status change (from → to, with its note), the first entry (null → open), or a note.
        from_status text check (from_status in ${STATUSES}),
        to_status text check (to_status in ${STATUSES}),
        note text check (length(note) between 1 and 2000),
        -- A focal point's note: the State they wrote for.
        member_state_code char(3) references member_states (alpha3),
        actor_id uuid references users (id),
        at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, recommendation_id) references recommendations (tenant_id, id)
          on delete cascade,
        check (to_status is not null or note is not null)
      );
      create index recommendation_follow_ups_idx
        on recommendation_follow_ups (tenant_id, recommendation_id, at);
      ${tenantPolicy('recommendation_follow_ups')}

      grant select, insert, update, delete on recommendations, recommendation_follow_ups to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table recommendation_follow_ups; drop table recommendations;`);
  }
}
