import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

const tenantPolicy = (table: string) => `
  alter table ${table} enable row level security;
  alter table ${table} force row level security;
  create policy tenant_isolation on ${table}
    using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
`;

const list = (values: readonly string[]) => `(${values.map((value) => `'${value}'`).join(',')})`;

/**
 * Participation: States are invited to an event with seats, their focal points nominate people,
 * officers decide, participants confirm through a signed link, attendance is kept per day and
 * certificates are issued. See docs/participation.md.
 *
 * Personal data (names, emails, functions, institutions, needs) lives in `participants` and in
 * the personal columns of `nominations`; every figure reads only the non-personal columns of
 * `nominations` (State, sex, institution type, audience, status) and `attendance`, so a later
 * anonymisation that clears the personal ones leaves every figure as it was.
 */
export class Participation1764316800014 implements MigrationInterface {
  name = 'Participation1764316800014';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table events
        add column nomination_deadline date,
        add column experts_see_participants boolean not null default false;
      comment on column events.nomination_deadline is
        'The default nomination deadline of the event''s invitations; each may override it';
      comment on column events.experts_see_participants is
        'Whether experts speaking at the event see participants'' names and institutions';

      -- Saved lists of States an officer invites together ("Sahel", "ASEAN").
      create table state_lists (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        name text not null,
        member_states char(3)[] not null check (cardinality(member_states) > 0),
        created_by uuid references users (id),
        created_at timestamptz not null default now(),
        primary key (tenant_id, id)
      );
      create unique index state_lists_name_idx on state_lists (tenant_id, lower(name));
      ${tenantPolicy('state_lists')}

      create table event_invitations (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        event_id uuid not null,
        member_state_code char(3) not null references member_states (alpha3),
        seats integer not null check (seats between 1 and 10000),
        nomination_deadline date not null,
        status text not null default 'invited' check (status in ${list(['invited', 'accepted', 'declined', 'withdrawn'])}),
        decline_reason text,
        -- The focal point's request for more seats: how many in all, why, and the answer.
        seats_requested integer check (seats_requested between 1 and 10000),
        seats_request_reason text,
        seats_request_status text check (seats_request_status in ${list(['pending', 'granted', 'refused'])}),
        seats_request_answer text,
        invited_by uuid references users (id),
        invited_at timestamptz not null default now(),
        responded_by uuid references users (id),
        responded_at timestamptz,
        reminded_at timestamptz,
        last_activity_at timestamptz not null default now(),
        -- Bumped on every change: optimistic concurrency for edits from the tab.
        version integer not null default 1,
        primary key (tenant_id, id),
        unique (tenant_id, event_id, member_state_code),
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade,
        check ((status = 'declined') = (decline_reason is not null)),
        check ((seats_requested is null) = (seats_request_status is null))
      );
      -- The visibility rule asks "is this focal point's State invited to this event?".
      create index event_invitations_state_idx on event_invitations (tenant_id, member_state_code, event_id);
      ${tenantPolicy('event_invitations')}

      -- A person recognised across events by their email within the tenant (no account).
      create table participants (
        tenant_id uuid not null references tenants (id),
        id uuid not null default gen_random_uuid(),
        email text not null,
        full_name text not null,
        created_at timestamptz not null default now(),
        -- Set when the person's data was anonymised (retention or erasure): email and name are
        -- then placeholders that identify nobody.
        anonymised_at timestamptz,
        primary key (tenant_id, id)
      );
      create unique index participants_email_idx on participants (tenant_id, lower(email));
      ${tenantPolicy('participants')}

      create table nominations (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        event_id uuid not null,
        invitation_id uuid not null,
        participant_id uuid not null,
        -- Non-personal: every figure is computed from these (and attendance).
        member_state_code char(3) not null references member_states (alpha3),
        sex text not null check (sex in ${list(['female', 'male', 'other'])}),
        institution_type text not null check (institution_type in ${list([
          'ministry_policy',
          'law_enforcement',
          'prosecution',
          'judiciary',
          'central_authority',
          'private_sector',
          'civil_society',
          'other',
        ])}),
        audience text not null,
        preferred_language text not null check (preferred_language in ${list(['ar', 'zh', 'en', 'fr', 'ru', 'es'])}),
        status text not null default 'nominated' check (status in ${list(['nominated', 'approved', 'waitlisted', 'declined', 'withdrawn'])}),
        confirmation text check (confirmation in ${list(['pending', 'confirmed', 'declined'])}),
        -- Personal: cleared by anonymisation.
        function_title text not null default '',
        institution text not null default '',
        languages text[] not null default '{}',
        dietary_needs text not null default '',
        accessibility_needs text not null default '',
        decision_reason text,
        decided_by uuid references users (id),
        decided_at timestamptz,
        -- The order of the State's waitlist: a freed seat goes to the earliest.
        waitlisted_at timestamptz,
        confirmed_at timestamptz,
        -- Printed as the QR code on the participant page and typed at check-in: random, short
        -- (10 characters of Crockford base32), set when the nomination is approved.
        check_in_code text,
        nominated_by uuid references users (id),
        nominated_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        version integer not null default 1,
        primary key (tenant_id, id),
        -- A person is nominated once per event.
        unique (tenant_id, event_id, participant_id),
        foreign key (tenant_id, event_id) references events (tenant_id, id) on delete cascade,
        foreign key (tenant_id, invitation_id) references event_invitations (tenant_id, id) on delete cascade,
        foreign key (tenant_id, participant_id) references participants (tenant_id, id),
        check ((status = 'approved') = (confirmation is not null)),
        check ((status = 'waitlisted') = (waitlisted_at is not null))
      );
      create unique index nominations_check_in_idx on nominations (tenant_id, check_in_code);
      create index nominations_invitation_idx on nominations (tenant_id, invitation_id, status);
      create index nominations_event_idx on nominations (tenant_id, event_id, status);
      create index nominations_participant_idx on nominations (tenant_id, participant_id);
      create index nominations_state_idx on nominations (tenant_id, member_state_code, event_id);
      ${tenantPolicy('nominations')}

      -- Every attestation of consent, with the exact text the focal point saw: kept even when a
      -- nomination is edited, so what was attested, by whom and when is never lost.
      create table consent_attestations (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        nomination_id uuid not null,
        attested_by uuid references users (id),
        attested_at timestamptz not null default now(),
        text_version text not null,
        text text not null,
        -- Set when the participant withdrew consent from their participant page.
        withdrawn_at timestamptz,
        primary key (tenant_id, id),
        foreign key (tenant_id, nomination_id) references nominations (tenant_id, id) on delete cascade
      );
      create index consent_attestations_nomination_idx on consent_attestations (tenant_id, nomination_id, attested_at);
      ${tenantPolicy('consent_attestations')}

      -- The participant's signed links: a one-time decision link and a long-lived page. The link
      -- carries an HMAC signature; this row makes it revocable and the decision link single-use.
      create table participant_links (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        nomination_id uuid not null,
        purpose text not null check (purpose in ('decision', 'page')),
        expires_at timestamptz not null,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, nomination_id) references nominations (tenant_id, id) on delete cascade
      );
      create index participant_links_nomination_idx on participant_links (tenant_id, nomination_id, purpose);
      ${tenantPolicy('participant_links')}

      create table attendance (
        tenant_id uuid not null,
        nomination_id uuid not null,
        day date not null,
        status text not null check (status in ${list(['attended', 'partly', 'absent'])}),
        recorded_by uuid references users (id),
        recorded_at timestamptz not null default now(),
        primary key (tenant_id, nomination_id, day),
        foreign key (tenant_id, nomination_id) references nominations (tenant_id, id) on delete cascade
      );
      ${tenantPolicy('attendance')}

      create table certificates (
        tenant_id uuid not null,
        id uuid not null default gen_random_uuid(),
        nomination_id uuid not null,
        -- Printed on the certificate with the tenant's slug: the public verification page
        -- (/verify/:slug/:code) finds the tenant by its slug, as the public events page does.
        verification_code text not null,
        language text not null check (language in ${list(['ar', 'zh', 'en', 'fr', 'ru', 'es'])}),
        issued_at timestamptz not null default now(),
        revoked_at timestamptz,
        primary key (tenant_id, id),
        unique (tenant_id, nomination_id),
        unique (tenant_id, verification_code),
        foreign key (tenant_id, nomination_id) references nominations (tenant_id, id) on delete cascade
      );
      ${tenantPolicy('certificates')}

      grant select, insert, update, delete on state_lists, event_invitations, participants,
        nominations, participant_links, attendance, certificates to ${APP_ROLE};
      grant select, insert, update on consent_attestations to ${APP_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table certificates, attendance, participant_links, consent_attestations, nominations,
        participants, event_invitations, state_lists;
      alter table events drop column nomination_deadline, drop column experts_see_participants;
    `);
  }
}
