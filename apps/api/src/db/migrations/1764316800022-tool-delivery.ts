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

const LANGUAGES = list(['ar', 'zh', 'en', 'fr', 'ru', 'es', 'other']);
const FORMATS = list(['print', 'pdf', 'elearning']);
const CHANNELS = list([
  'workshop_handout',
  'official_transmission',
  'download',
  'elearning_enrolment',
]);

/**
 * Editions of the technical assistance tool, the register of their deliveries to States, and
 * each tenant's IATI 2.03 reporting settings. See docs/delivery.md. Who reads deliveries is one
 * rule, `visibleDelivery` (apps/api/src/delivery/delivery-visibility.ts).
 */
export class ToolDelivery1764316800022 implements MigrationInterface {
  name = 'ToolDelivery1764316800022';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table tool_editions (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        title text not null check (length(title) between 1 and 300),
        language text not null check (language in ${LANGUAGES}),
        format text not null check (format in ${FORMATS}),
        edition_year integer not null check (edition_year between 1900 and 2200),
        version_label text not null default '' check (length(version_label) <= 60),
        -- Digits only (an ISBN-10 may end in X), checksum verified by the API.
        isbn text check (isbn ~ '^([0-9]{13}|[0-9]{9}[0-9X])$'),
        sales_number text check (length(sales_number) between 1 and 60),
        -- A file of the tenant's document library; the document visibility rule still decides
        -- who sees it.
        document_id uuid,
        -- Demo data: labelled as an example wherever it is shown.
        is_example boolean not null default false,
        version integer not null default 1,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, document_id) references documents (tenant_id, id)
          on delete set null (document_id)
      );
      create unique index tool_editions_isbn_key on tool_editions (tenant_id, isbn)
        where isbn is not null;
      create index tool_editions_order_idx on tool_editions (tenant_id, edition_year, language, id);
      ${tenantPolicy('tool_editions')}

      -- One submission of "every attending participant received …": its key (chosen by the
      -- client) makes a repeated submission return what the first one registered.
      create table tool_delivery_batches (
        tenant_id uuid not null,
        id uuid not null,
        event_id uuid not null,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade
      );
      ${tenantPolicy('tool_delivery_batches')}

      create table tool_deliveries (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        edition_id uuid not null,
        quantity integer not null check (quantity between 1 and 1000000),
        channel text not null check (channel in ${CHANNELS}),
        member_state_code char(3) not null references member_states (alpha3),
        institution text not null default '' check (length(institution) <= 300),
        delivered_on date not null check (delivered_on between '1900-01-01' and '2200-12-31'),
        event_id uuid,
        -- A request for assistance (issue 14, built on another branch): the foreign key is added
        -- when both meet.
        request_id uuid,
        batch_id uuid,
        version integer not null default 1,
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, edition_id) references tool_editions (tenant_id, id),
        foreign key (tenant_id, event_id) references events (tenant_id, id)
          on delete set null (event_id),
        foreign key (tenant_id, batch_id) references tool_delivery_batches (tenant_id, id)
          on delete set null (batch_id)
      );
      create index tool_deliveries_order_idx
        on tool_deliveries (tenant_id, delivered_on desc, id desc);
      create index tool_deliveries_state_idx
        on tool_deliveries (tenant_id, member_state_code, delivered_on);
      create index tool_deliveries_edition_idx on tool_deliveries (tenant_id, edition_id);
      create index tool_deliveries_event_idx on tool_deliveries (tenant_id, event_id)
        where event_id is not null;
      -- An event's hand-out of one edition to one State is registered once, whichever
      -- submission got there first: the database decides a race.
      create unique index tool_deliveries_bulk_key
        on tool_deliveries (tenant_id, event_id, edition_id, member_state_code)
        where batch_id is not null;
      ${tenantPolicy('tool_deliveries')}

      create table iati_settings (
        tenant_id uuid not null references tenants (id),
        organisation_identifier text not null check (length(organisation_identifier) between 1 and 100),
        organisation_name text not null check (length(organisation_name) between 1 and 300),
        organisation_type text not null,
        sector_codes text[] not null default '{}',
        aid_type text not null,
        flow_type text not null,
        -- Whether the tenant's activities file is served at its public URL, to anyone.
        public_file boolean not null default false,
        version integer not null default 1,
        updated_by uuid references users (id),
        updated_at timestamptz not null default now(),
        primary key (tenant_id)
      );
      ${tenantPolicy('iati_settings')}

      grant select, insert, update, delete on tool_editions, tool_deliveries to ${APP_ROLE};
      grant select, insert on tool_delivery_batches to ${APP_ROLE};
      grant select, insert, update on iati_settings to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `drop table iati_settings, tool_deliveries, tool_delivery_batches, tool_editions;`,
    );
  }
}
