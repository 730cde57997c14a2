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

const STATUSES = list([
  'draft',
  'submitted',
  'information_requested',
  'resubmitted',
  'in_assessment',
  'approved',
  'declined',
  'planned',
  'in_delivery',
  'completed',
  'withdrawn',
]);
const ACTIONS = list([
  'created',
  'submit',
  'request_information',
  'resubmit',
  'start_assessment',
  'approve',
  'decline',
  'withdraw',
  'move',
  'events_planned',
  'events_delivering',
  'events_completed',
]);
const MODALITIES = list([
  'national_workshop',
  'regional_workshop',
  'training',
  'legislative_advisory',
  'tool_dissemination',
]);
const PRIORITIES = list(['low', 'medium', 'high']);

/**
 * A Member State's requests for technical assistance, their thread, history, linked events,
 * followed-up recommendations and attachments. See docs/requests.md. Who may read them is one
 * rule, `visibleRequest` (apps/api/src/requests/request-visibility.ts).
 */
export class AssistanceRequests1764316800020 implements MigrationInterface {
  name = 'AssistanceRequests1764316800020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table assistance_requests (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        member_state_code char(3) not null references member_states (alpha3),
        title text not null default '' check (length(title) <= 200),
        thematic_areas text[] not null default '{}',
        target_audiences text[] not null default '{}',
        priority text check (priority in ${PRIORITIES}),
        modality text check (modality in ${MODALITIES}),
        period_from date,
        period_to date,
        officials integer check (officials between 1 and 10000),
        institutions text[] not null default '{}',
        description text not null default '' check (length(description) <= 10000),
        status text not null default 'draft' check (status in ${STATUSES}),
        -- When it entered its current status: the inbox's age.
        status_since timestamptz not null default now(),
        submitted_at timestamptz,
        responsible_officer_id uuid references users (id),
        expert_reviewer_id uuid references users (id),
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- Bumped on every change: optimistic concurrency (a stale save answers 409).
        version integer not null default 1,
        -- For each draft field, the version that last changed it: a stale save says which
        -- fields moved since the version the caller read.
        field_versions jsonb not null default '{}',
        primary key (tenant_id, id),
        check (period_to is null or period_from is null or period_to >= period_from)
      );
      -- The inbox by status and age, a State's requests, the newest change first.
      create index assistance_requests_status_idx
        on assistance_requests (tenant_id, status, status_since);
      create index assistance_requests_state_idx
        on assistance_requests (tenant_id, member_state_code, updated_at desc, id);
      create index assistance_requests_updated_idx
        on assistance_requests (tenant_id, updated_at desc, id);
      create index assistance_requests_reviewer_idx
        on assistance_requests (tenant_id, expert_reviewer_id) where expert_reviewer_id is not null;
      ${tenantPolicy('assistance_requests')}

      create table request_recommendations (
        tenant_id uuid not null,
        request_id uuid not null,
        recommendation_id uuid not null,
        primary key (tenant_id, request_id, recommendation_id),
        foreign key (tenant_id, request_id) references assistance_requests (tenant_id, id)
          on delete cascade,
        foreign key (tenant_id, recommendation_id) references recommendations (tenant_id, id)
          on delete cascade
      );
      ${tenantPolicy('request_recommendations')}

      create table request_events (
        tenant_id uuid not null,
        request_id uuid not null,
        event_id uuid not null,
        linked_by uuid references users (id),
        linked_at timestamptz not null default now(),
        primary key (tenant_id, request_id, event_id),
        foreign key (tenant_id, request_id) references assistance_requests (tenant_id, id)
          on delete cascade,
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade
      );
      -- An event's status change finds the requests it answers.
      create index request_events_event_idx on request_events (tenant_id, event_id);
      ${tenantPolicy('request_events')}

      create table request_messages (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        request_id uuid not null,
        body text not null check (length(body) between 1 and 4000),
        -- An internal note: officers and administrators only, never the State or a reviewer.
        internal boolean not null default false,
        author_id uuid references users (id),
        at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, request_id) references assistance_requests (tenant_id, id)
          on delete cascade
      );
      create index request_messages_idx on request_messages (tenant_id, request_id, at);
      ${tenantPolicy('request_messages')}

      create table request_history (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        request_id uuid not null,
        action text not null check (action in ${ACTIONS}),
        from_status text check (from_status in ${STATUSES}),
        to_status text not null check (to_status in ${STATUSES}),
        reason text check (length(reason) between 1 and 1000),
        -- Null when linked events moved it.
        actor_id uuid references users (id),
        at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, request_id) references assistance_requests (tenant_id, id)
          on delete cascade
      );
      create index request_history_idx on request_history (tenant_id, request_id, at);
      ${tenantPolicy('request_history')}

      create table request_attachments (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        request_id uuid not null,
        storage_key text not null,
        file_name text not null check (length(file_name) between 1 and 255),
        media_type text not null,
        byte_size bigint not null check (byte_size > 0),
        sha256 char(64) not null,
        uploaded_by uuid references users (id),
        at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, request_id) references assistance_requests (tenant_id, id)
          on delete cascade
      );
      create index request_attachments_idx on request_attachments (tenant_id, request_id, at);
      ${tenantPolicy('request_attachments')}

      grant select, insert, update, delete on assistance_requests, request_recommendations,
        request_events, request_messages, request_history, request_attachments to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table request_attachments, request_history, request_messages,
      request_events, request_recommendations, assistance_requests;`);
  }
}
