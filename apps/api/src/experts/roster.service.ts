import {
  type ExpertDetail,
  type ExpertInvite,
  ExpertLanguage,
  type ExpertNotes,
  type ExpertNotesInput,
  type ExpertProfile,
  type ExpertProfileInput,
  type ExpertRosterPage,
  type ExpertRosterQuery,
  EventStatus,
  ExpertRole,
  MAX_EVENTS_SERVED,
  type PendingInvitation,
  Sex,
  TargetAudience,
  ThematicArea,
} from '@convene/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { type AuthenticatedUser, requestContext, type TenantScope } from '../db/request-context';
import { sql } from '../db/sql';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { MembersService } from '../members/members.service';
import { staleVersion } from './experts.exception';

/**
 * A profile's columns as the roster, the detail and the expert's own page read them: a person
 * with the expert role who has not saved a profile yet reads as an empty one (version 0).
 * Never the officers' notes, which live in a table of their own.
 */
const PROFILE_COLUMNS = `u.id as user_id, u.name, u.email,
  coalesce(p.organisation, '') as organisation, coalesce(p.bio, '') as bio,
  p.nationality::text as nationality, p.sex,
  coalesce(p.thematic_areas, '{}') as thematic_areas,
  coalesce(p.target_audiences, '{}') as target_audiences,
  coalesce(p.languages, '[]') as languages,
  coalesce((select json_agg(json_build_object('from', lower(r)::text, 'to', (upper(r) - 1)::text)
                            order by lower(r))
              from unnest(p.availability) as r), '[]') as availability,
  coalesce(p.version, 0) as version, p.updated_at`;

/** The tenant's experts (of the request's tenant, by row-level security) with their profile. */
const EXPERTS = `memberships m
  join users u on u.id = m.user_id
  left join expert_profiles p on p.tenant_id = m.tenant_id and p.user_id = m.user_id`;

const ProfileRow = z.strictObject({
  user_id: z.guid(),
  name: z.string(),
  email: z.string(),
  organisation: z.string(),
  bio: z.string(),
  nationality: z.string().nullable(),
  sex: Sex.nullable(),
  thematic_areas: z.array(ThematicArea),
  target_audiences: z.array(TargetAudience),
  languages: z.array(ExpertLanguage),
  availability: z.array(z.strictObject({ from: z.string(), to: z.string() })),
  version: z.number().int(),
  updated_at: z.date().nullable(),
});
type ProfileRow = z.infer<typeof ProfileRow>;

const RosterRow = z.strictObject({
  user_id: z.guid(),
  name: z.string(),
  sort_name: z.string(),
  organisation: z.string(),
  nationality: z.string().nullable(),
  thematic_areas: z.array(ThematicArea),
  languages: z.array(ExpertLanguage),
  events_served: z.number().int(),
});

const ServedRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  starts_at: z.date(),
  status: EventStatus,
  roles: z.array(ExpertRole),
});

const NotesRow = z.strictObject({
  notes: z.string(),
  updated_at: z.date(),
  updated_by_id: z.guid().nullable(),
  updated_by_name: z.string().nullable(),
});

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The roster: experts' profiles, which they keep themselves (`experts.profile`) and officers
 * keep for anyone (`experts.manage`); officers' notes experts never read; the events each
 * expert served; inviting a person into the roster through the tenant's invitation flow.
 */
@Injectable()
export class RosterService {
  constructor(
    private readonly audit: AuditService,
    private readonly members: MembersService,
  ) {}

  /** Active experts by name, filtered, keyset-paginated: one statement. */
  async list(query: ExpertRosterQuery): Promise<ExpertRosterPage> {
    const { manager } = requestContext.current();
    const cursor = decodeCursor(query.after, ['text', 'uuid'] as const);
    const rows = await sql(
      manager,
      `select u.id as user_id, u.name, lower(u.name) as sort_name,
              coalesce(p.organisation, '') as organisation, p.nationality::text as nationality,
              coalesce(p.thematic_areas, '{}') as thematic_areas,
              coalesce(p.languages, '[]') as languages,
              (select count(distinct a.event_id)::int from expert_assignments a
                where a.tenant_id = m.tenant_id and a.user_id = m.user_id
                  and a.status = 'accepted') as events_served
         from ${EXPERTS}
         left join member_states ms on ms.alpha3 = p.nationality
        where m.role = 'expert' and m.status = 'active'
          and ($1::text is null or u.name ilike $1 or p.organisation ilike $1 or p.bio ilike $1)
          and ($2::text is null or $2 = any (p.thematic_areas))
          and ($3::text is null or p.languages @> jsonb_build_array(jsonb_build_object('language', $3::text)))
          and ($4::text is null or ms.regional_group = $4)
          and ($5::date is null
               or p.availability @> daterange($5::date, coalesce($6::date, $5::date), '[]'))
          and ($7::text is null or (lower(u.name), u.id) > ($7, $8::uuid))
        order by lower(u.name), u.id
        limit $9`,
      [
        query.q ? likePattern(query.q) : null,
        query.area ?? null,
        query.language ?? null,
        query.regionalGroup ?? null,
        query.availableFrom ?? null,
        query.availableTo ?? null,
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        query.limit + 1,
      ],
      RosterRow,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        userId: row.user_id,
        name: row.name,
        organisation: row.organisation,
        nationality: row.nationality?.trim() ?? null,
        thematicAreas: row.thematic_areas,
        languages: row.languages,
        eventsServed: row.events_served,
      })),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.sort_name, last.user_id]) : null,
    };
  }

  /** An expert as officers open them: profile, notes, the events they served. */
  async detail(userId: string): Promise<ExpertDetail> {
    const { manager } = requestContext.current();
    const profile = await this.findProfile(manager, userId);
    const [notes] = await sql(
      manager,
      `select n.notes, n.updated_at, w.id as updated_by_id, w.name as updated_by_name
         from expert_notes n left join users w on w.id = n.updated_by
        where n.user_id = $1`,
      [userId],
      NotesRow,
    );
    const served = await sql(
      manager,
      // The events through the one rule of events, as every read of them.
      `select e.id, e.title, e.starts_at, e.status,
              array_agg(distinct a.role order by a.role) as roles
         from expert_assignments a
         join events e on e.tenant_id = a.tenant_id and e.id = a.event_id
        where a.user_id = $4 and a.status = 'accepted' and ${visibleEvent('e', viewerParams(1))}
        group by e.tenant_id, e.id
        order by e.starts_at desc, e.id
        limit ${MAX_EVENTS_SERVED}`,
      [...this.visibility(), userId],
      ServedRow,
    );
    return {
      profile: toProfile(profile),
      notes: notes ? toNotes(notes) : { notes: '', updatedAt: null, updatedBy: null },
      events: served.map((row) => ({
        eventId: row.id,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        status: row.status,
        roles: row.roles,
      })),
    };
  }

  /** The caller's own profile (an expert). */
  async mine(): Promise<ExpertProfile> {
    const { manager, user } = requestContext.current();
    if (!user) throw notFound('Expert');
    return toProfile(await this.findProfile(manager, user.id));
  }

  async updateMine(input: ExpertProfileInput): Promise<ExpertProfile> {
    const { user } = requestContext.current();
    if (!user) throw notFound('Expert');
    return this.update(user.id, input);
  }

  /** Saves a profile: the first save creates it, later ones must name the version they read. */
  async update(userId: string, input: ExpertProfileInput): Promise<ExpertProfile> {
    const { manager } = requestContext.current();
    const before = await this.findProfile(manager, userId, true);
    if ((input.version ?? 0) !== before.version) throw staleVersion();
    const starts = input.availability.map((window) => window.from);
    const ends = input.availability.map((window) => window.to);
    await sql(
      manager,
      `insert into expert_profiles as p (tenant_id, user_id, organisation, bio, nationality, sex,
                                         thematic_areas, target_audiences, languages, availability)
       select m.tenant_id, m.user_id, $2, $3, $4, $5, $6, $7, $8::jsonb,
              coalesce((select range_agg(daterange(w.starts, w.ends, '[]'))
                          from unnest($9::date[], $10::date[]) as w(starts, ends)), '{}')
         from memberships m where m.user_id = $1 and m.role = 'expert'
       on conflict (tenant_id, user_id) do update
          set organisation = excluded.organisation, bio = excluded.bio,
              nationality = excluded.nationality, sex = excluded.sex,
              thematic_areas = excluded.thematic_areas,
              target_audiences = excluded.target_audiences, languages = excluded.languages,
              availability = excluded.availability, version = p.version + 1, updated_at = now()`,
      [
        userId,
        input.organisation,
        input.bio,
        input.nationality,
        input.sex,
        input.thematicAreas,
        input.targetAudiences,
        JSON.stringify(input.languages),
        starts,
        ends,
      ],
    );
    const after = await this.findProfile(manager, userId);
    await this.audit.record({
      action: 'expert.profile_updated',
      entity: 'expert',
      entityId: userId,
      before: before.version === 0 ? undefined : toProfile(before),
      after: toProfile(after),
    });
    return toProfile(after);
  }

  /** Officers' notes on an expert: one text, replaced whole. */
  async updateNotes(userId: string, input: ExpertNotesInput): Promise<ExpertNotes> {
    const { manager, user } = requestContext.current();
    await this.findProfile(manager, userId);
    const [row] = await sql(
      manager,
      `with saved as (
         insert into expert_notes (tenant_id, user_id, notes, updated_by)
         select m.tenant_id, m.user_id, $2, $3 from memberships m where m.user_id = $1
         on conflict (tenant_id, user_id) do update
            set notes = excluded.notes, updated_by = excluded.updated_by, updated_at = now()
         returning notes, updated_at, updated_by)
       select s.notes, s.updated_at, w.id as updated_by_id, w.name as updated_by_name
         from saved s left join users w on w.id = s.updated_by`,
      [userId, input.notes, user?.id ?? null],
      NotesRow,
    );
    if (!row) throw notFound('Expert');
    // The audit names the change, not the text: notes are for officers, the audit log is wider.
    await this.audit.record({ action: 'expert.notes_updated', entity: 'expert', entityId: userId });
    return toNotes(row);
  }

  /** An invitation with the expert role, through the tenant's one invitation flow. */
  invite(
    tenant: TenantScope,
    inviter: AuthenticatedUser,
    input: ExpertInvite,
  ): Promise<PendingInvitation> {
    return this.members.invite(tenant, inviter, { email: input.email, role: 'expert' });
  }

  /** A person with the expert role in this tenant (active or not), with their profile; else 404. */
  private async findProfile(
    manager: EntityManager,
    userId: string,
    forUpdate = false,
  ): Promise<ProfileRow> {
    if (!isUuid(userId)) throw notFound('Expert');
    const [row] = await sql(
      manager,
      `select ${PROFILE_COLUMNS} from ${EXPERTS}
        where m.user_id = $1 and m.role = 'expert'
        ${forUpdate ? 'for update of m' : ''}`,
      [userId],
      ProfileRow,
    );
    if (!row) throw notFound('Expert');
    return row;
  }

  private visibility() {
    const { user, tenant } = requestContext.current();
    return visibilityOf(user?.id ?? null, tenant);
  }
}

function toProfile(row: ProfileRow): ExpertProfile {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    organisation: row.organisation,
    bio: row.bio,
    nationality: row.nationality?.trim() ?? null,
    sex: row.sex,
    thematicAreas: row.thematic_areas,
    targetAudiences: row.target_audiences,
    languages: row.languages,
    availability: row.availability,
    version: row.version,
    updatedAt: row.updated_at?.toISOString() ?? null,
  };
}

function toNotes(row: z.infer<typeof NotesRow>): ExpertNotes {
  return {
    notes: row.notes,
    updatedAt: row.updated_at.toISOString(),
    updatedBy:
      row.updated_by_id && row.updated_by_name !== null
        ? { id: row.updated_by_id, name: row.updated_by_name }
        : null,
  };
}
