import {
  type ErasureDone,
  type ErasureItem,
  type ErasurePreview,
  PEOPLE_SEARCH_LIMIT,
  PERSON_GROUP_LIMIT,
  type PeopleSearchResult,
  type PersonErasureRequest,
  type PersonExportRequest,
  PersonPath,
  type PersonSummary,
  type PageQuery,
  type PrivacyRequestPage,
} from '@convene/contracts';
import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { AppException, notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { requestContext } from '../db/request-context';
import { isLastActiveAdmin } from '../members/last-admin';
import { sql } from '../db/sql';
import { OBJECT_STORE, type ObjectStore } from '../storage/storage';
import { deleteObjectsAfterCommit } from '../storage/storage-deletions';
import { renderPersonSummary } from './person-pdf';
import { anonymiseExperts, anonymiseParticipants, countMailOf, forgetMailOf } from './retention';

/** What stays of a participant after an erasure: the facts the figures count. */
const PARTICIPANT_STAYS = [
  'sex, institution type, audience, State and preferred language of each nomination',
  'the nominations’ status, answers and decisions, and attendance per day',
  'consent attestations (text version and dates) and certificates (without a name behind them)',
  'every event’s figures, dashboards and IATI results, unchanged',
];
const MEMBER_STAYS = [
  'the expert profile’s sex and nationality, for past panels’ balance',
  'that declarations were filed and whether they declared anything; assignments and their status',
  'what they did in the tenant (events, documents, requests, audit entries) as references',
  'the membership row itself, deactivated',
];
const ACCOUNT_STAYS =
  'The person’s account (name, email, password, language) is global: it may belong to other organisations too, so it is not this tenant’s to anonymise. It stays until the platform deletes it; this tenant no longer has access through a membership.';

const Count = z.strictObject({ count: z.number().int() });

const ParticipantRow = z.strictObject({
  id: z.guid(),
  email: z.string(),
  full_name: z.string(),
  created_at: z.date(),
  anonymised: z.boolean(),
});
type ParticipantRow = z.infer<typeof ParticipantRow>;

const MemberRow = z.strictObject({
  id: z.guid(),
  email: z.string(),
  name: z.string(),
  preferred_language: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']),
  membership_id: z.guid(),
  role: z.enum(['tenant_admin', 'programme_officer', 'focal_point', 'expert']),
  member_state_code: z.string().nullable(),
  status: z.enum(['active', 'deactivated']),
  created_at: z.date(),
  updated_at: z.date(),
  anonymised: z.boolean(),
});
type MemberRow = z.infer<typeof MemberRow>;

const HitRow = z.strictObject({
  kind: z.enum(['participant', 'member']),
  id: z.guid(),
  name: z.string(),
  email: z.string(),
  events: z.number().int(),
  role: z.enum(['tenant_admin', 'programme_officer', 'focal_point', 'expert']).nullable(),
  status: z.enum(['active', 'deactivated']).nullable(),
  anonymised: z.boolean(),
});

const NominationRow = z.strictObject({
  id: z.guid(),
  event_id: z.guid(),
  event_title: z.string(),
  starts_at: z.date(),
  ends_at: z.date(),
  status: z.string(),
  confirmation: z.string().nullable(),
  member_state_code: z.string(),
  sex: z.string(),
  institution_type: z.string(),
  audience: z.string(),
  preferred_language: z.string(),
  function_title: z.string().nullable(),
  institution: z.string(),
  languages: z.array(z.string()),
  dietary_needs: z.string().nullable(),
  accessibility_needs: z.string().nullable(),
  decision_reason: z.string().nullable(),
  nominated_at: z.date(),
});
const AttendanceRow = z.strictObject({
  nomination_id: z.guid(),
  event_title: z.string(),
  day: z.string(),
  status: z.string(),
});
const ConsentRow = z.strictObject({
  nomination_id: z.guid(),
  event_title: z.string(),
  text_version: z.string(),
  attested_at: z.date(),
  withdrawn_at: z.date().nullable(),
});
const CertificateRow = z.strictObject({
  nomination_id: z.guid(),
  event_title: z.string(),
  language: z.string(),
  issued_at: z.date(),
  revoked_at: z.date().nullable(),
  revoke_reason: z.string().nullable(),
});
const ProfileRow = z.strictObject({
  organisation: z.string(),
  bio: z.string(),
  nationality: z.string().nullable(),
  sex: z.string().nullable(),
  thematic_areas: z.array(z.string()),
  target_audiences: z.array(z.string()),
  languages: z.array(z.string()),
  availability: z.array(z.string()),
  anonymised: z.boolean(),
});
const NotesRow = z.strictObject({ notes: z.string() });
const CvRow = z.strictObject({
  file_name: z.string(),
  content_type: z.string(),
  size_bytes: z.number().int(),
  uploaded_at: z.date(),
});
const DeclarationRow = z.strictObject({
  event_title: z.string(),
  has_interests: z.boolean(),
  details: z.string().nullable(),
  filed_at: z.date(),
});
const AssignmentRow = z.strictObject({
  event_title: z.string(),
  role: z.string(),
  status: z.string(),
  decline_reason: z.string().nullable(),
  asked_at: z.date(),
  answered_at: z.date().nullable(),
});
const DocumentRow = z.strictObject({
  document_id: z.guid(),
  title: z.string(),
  language: z.string(),
  uploaded_at: z.date(),
});
const MailRow = z.strictObject({
  id: z.guid(),
  kind: z.string(),
  status: z.string(),
  created_at: z.date(),
  sent_at: z.date().nullable(),
});
const AuditRow = z.strictObject({
  id: z.guid(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.string(),
  at: z.date(),
});
const RequestRow = z.strictObject({ id: z.guid() });
const RecordRow = z.strictObject({
  id: z.guid(),
  kind: z.enum(['export', 'erasure']),
  subject_kind: z.enum(['participant', 'member']),
  subject_id: z.guid(),
  subject_name: z.string().nullable(),
  reason: z.string(),
  requested_at: z.date(),
  requested_key: z.string(),
  by_id: z.guid(),
  by_name: z.string(),
});

type Person = { kind: 'participant'; row: ParticipantRow } | { kind: 'member'; row: MemberRow };

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date === null ? null : date.toISOString());
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A member is anonymised once an erasure was done since their membership last changed. */
const MEMBER_ERASED = `exists (
  select 1 from privacy_requests r
   where r.kind = 'erasure' and r.subject_kind = 'member' and r.subject_id = m.user_id
     and r.requested_at >= m.updated_at)`;

/**
 * A person's data, on request (docs/privacy.md): find a participant or a member in the tenant,
 * everything the tenant holds about them, its export, and erasure now. Every read runs in the
 * request's transaction under row-level security: another tenant's person does not exist.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async search(q: string): Promise<PeopleSearchResult> {
    const { manager } = requestContext.current();
    const rows = await sql(
      manager,
      `select * from (
         select 'participant' as kind, p.id, p.full_name as name, p.email,
                (select count(distinct n.event_id) from nominations n
                  where n.participant_id = p.id)::int as events,
                null::text as role, null::text as status, p.anonymised_at is not null as anonymised
           from participants p
          where p.full_name ilike $1 or p.email ilike $1
         union all
         select 'member', u.id, u.name, u.email, 0, m.role, m.status, ${MEMBER_ERASED}
           from memberships m join users u on u.id = m.user_id
          where u.name ilike $1 or u.email ilike $1
       ) people
       order by lower(name), kind, id
       limit $2`,
      [likePattern(q), PEOPLE_SEARCH_LIMIT],
      HitRow,
    );
    return { items: rows };
  }

  /**
   * The record of requests, newest first, keyset-paged on (requested_at, id). Whom each was
   * about: a reference that names no one, and the name only while the tenant holds it (not once
   * the participant is anonymised or the member erased).
   */
  async requests(query: PageQuery): Promise<PrivacyRequestPage> {
    const { manager } = requestContext.current();
    const cursor = decodeCursor(query.after, ['timestamp', 'uuid'] as const);
    const rows = await sql(
      manager,
      `select r.id, r.kind, r.subject_kind, r.subject_id, r.reason, r.requested_at,
              r.requested_at::text as requested_key, r.requested_by as by_id,
              coalesce(u.name, '') as by_name,
              case r.subject_kind
                when 'participant' then (
                  select p.full_name from participants p
                   where p.id = r.subject_id and p.anonymised_at is null)
                else (
                  select mu.name from memberships m join users mu on mu.id = m.user_id
                   where m.user_id = r.subject_id and not ${MEMBER_ERASED})
              end as subject_name
         from privacy_requests r left join users u on u.id = r.requested_by
        where ($1::timestamptz is null or (r.requested_at, r.id) < ($1::timestamptz, $2::uuid))
        order by r.requested_at desc, r.id desc
        limit $3`,
      [cursor?.[0] ?? null, cursor?.[1] ?? null, query.limit + 1],
      RecordRow,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        kind: row.kind,
        requestedAt: iso(row.requested_at),
        subject: {
          kind: row.subject_kind,
          id: row.subject_id,
          reference: `${row.subject_kind === 'participant' ? 'P' : 'M'}-${row.subject_id.slice(0, 8)}`,
          name: row.subject_name,
        },
        requestedBy: { id: row.by_id, name: row.by_name },
        reason: row.reason,
      })),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.requested_key, last.id]) : null,
    };
  }

  async summary(path: PersonPath): Promise<PersonSummary> {
    const { manager } = requestContext.current();
    return this.summaryOf(manager, await this.find(manager, path));
  }

  /**
   * The summary as a file. The request is recorded first, with its reason, in
   * `privacy_requests`, and an audit row names that record (the log keeps no reason).
   */
  async export(path: PersonPath, input: PersonExportRequest): Promise<StreamableFile> {
    const { manager, tenant } = requestContext.current();
    const person = await this.find(manager, path);
    refuseNamingReason(input.reason, person);
    const summary = await this.summaryOf(manager, person);
    const requestId = await this.record(manager, 'export', path, input.reason);
    await this.audit.record({
      action: 'privacy.exported',
      entity: 'privacy_request',
      entityId: requestId,
      after: { subjectKind: path.kind, subjectId: path.id, format: input.format },
    });
    const name = `personal-data-${path.kind}-${path.id}.${input.format}`;
    if (input.format === 'json') {
      return new StreamableFile(Buffer.from(JSON.stringify(summary, null, 2), 'utf8'), {
        type: 'application/json',
        disposition: `attachment; filename="${name}"`,
      });
    }
    const pdf = await renderPersonSummary(summary, {
      organisation: tenant?.name ?? '',
      generatedAt: new Date(),
    });
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="${name}"`,
    });
  }

  /** What erasing the person now would remove and leave, and why it would be refused, if so. */
  async erasurePreview(path: PersonPath): Promise<ErasurePreview> {
    const { manager } = requestContext.current();
    const person = await this.find(manager, path);
    return {
      kind: path.kind,
      id: path.id,
      refusal: await this.refusal(manager, person),
      goes: await this.whatGoes(manager, person),
      stays: person.kind === 'participant' ? PARTICIPANT_STAYS : MEMBER_STAYS,
      account: person.kind === 'member' ? ACCOUNT_STAYS : null,
    };
  }

  /**
   * Erases the person now, in the request's transaction, with the rules the retention run uses
   * (retention.ts): nothing here anonymises on its own.
   */
  async erase(path: PersonPath, input: PersonErasureRequest): Promise<ErasureDone> {
    const { manager, tenant } = requestContext.current();
    if (!tenant) throw notFound('Person');
    const person = await this.find(manager, path, true);
    const refusal = await this.refusal(manager, person);
    if (refusal === 'already-anonymised') {
      throw new AppException(409, 'conflict', 'This person’s data was already erased');
    }
    if (refusal === 'own-membership') {
      throw new AppException(409, 'self-deactivation', 'You cannot erase your own membership');
    }
    if (refusal === 'last-admin') {
      throw new AppException(
        409,
        'last-admin',
        'A tenant must keep at least one active administrator',
      );
    }
    refuseNamingReason(input.reason, person);
    const done = await this.whatGoes(manager, person);
    if (person.kind === 'participant') {
      await anonymiseParticipants(manager, [person.row]);
    } else {
      const keys = await anonymiseExperts(manager, [person.row.id]);
      await deleteObjectsAfterCommit(manager, this.dataSource, this.store, tenant.id, keys);
      await sql(
        manager,
        `update memberships set status = 'deactivated', updated_at = now() where user_id = $1`,
        [person.row.id],
      );
      await forgetMailOf(manager, { emails: [person.row.email], names: [] });
      // The invitations to their address: the email goes, and a pending one stops working.
      await sql(
        manager,
        `update invitations
            set email = 'erased-' || id::text || '@erased.invalid',
                revoked_at = case when accepted_at is null and revoked_at is null then now()
                                  else revoked_at end
          where email = lower($1)`,
        [person.row.email],
      );
    }
    const requestId = await this.record(manager, 'erasure', path, input.reason);
    await this.audit.record({
      action: 'privacy.erased',
      entity: 'privacy_request',
      entityId: requestId,
      after: {
        subjectKind: path.kind,
        subjectId: path.id,
        done: Object.fromEntries(done.map((item) => [item.what, item.count])),
      },
    });
    return { requestId, kind: path.kind, id: path.id, done };
  }

  /** The person in the tenant, or 404 (another tenant's does not exist here). */
  private async find(manager: EntityManager, path: PersonPath, lock = false): Promise<Person> {
    if (path.kind === 'participant') {
      const [row] = await sql(
        manager,
        `select p.id, p.email, p.full_name, p.created_at, p.anonymised_at is not null as anonymised
           from participants p where p.id = $1 ${lock ? 'for update' : ''}`,
        [path.id],
        ParticipantRow,
      );
      if (!row) throw notFound('Participant');
      return { kind: 'participant', row };
    }
    const [row] = await sql(
      manager,
      `select u.id, u.email, u.name, u.preferred_language, m.id as membership_id, m.role,
              rtrim(m.member_state_code) as member_state_code, m.status, m.created_at,
              m.updated_at, ${MEMBER_ERASED} as anonymised
         from memberships m join users u on u.id = m.user_id
        where m.user_id = $1 ${lock ? 'for update of m' : ''}`,
      [path.id],
      MemberRow,
    );
    if (!row) throw notFound('Member');
    return { kind: 'member', row };
  }

  private async refusal(
    manager: EntityManager,
    person: Person,
  ): Promise<ErasurePreview['refusal']> {
    if (person.row.anonymised) return 'already-anonymised';
    if (person.kind === 'participant') return null;
    if (person.row.id === requestContext.current().user?.id) return 'own-membership';
    if (await isLastActiveAdmin(manager, person.row.id)) return 'last-admin';
    return null;
  }

  /** What an erasure removes now: what still holds something, counted. */
  private async whatGoes(manager: EntityManager, person: Person): Promise<ErasureItem[]> {
    const count = async (text: string, params: unknown[]) =>
      (await sql(manager, text, params, Count))[0]?.count ?? 0;
    const id = person.row.id;
    const items: ErasureItem[] = [];
    const add = (what: ErasureItem['what'], n: number, fields: string[]) => {
      if (n > 0) items.push({ what, count: n, fields });
    };
    if (person.kind === 'participant') {
      add('participant', 1, ['name', 'email']);
      add(
        'nominations',
        await count(`select count(*)::int as count from nominations where participant_id = $1`, [
          id,
        ]),
        [
          'function',
          'institution',
          'languages',
          'dietary needs',
          'accessibility needs',
          'decision reason',
          'check-in code',
        ],
      );
      add(
        'certificates',
        await count(
          `select count(*)::int as count from certificates c
             join nominations n on n.tenant_id = c.tenant_id and n.id = c.nomination_id
            where n.participant_id = $1 and c.revoke_reason is not null and c.revoke_reason <> ''`,
          [id],
        ),
        ['revocation reason'],
      );
      add(
        'links',
        await count(
          `select count(*)::int as count from participant_links l
             join nominations n on n.tenant_id = l.tenant_id and n.id = l.nomination_id
            where n.participant_id = $1`,
          [id],
        ),
        ['the link'],
      );
      add(
        'mail',
        await countMailOf(manager, { emails: [person.row.email], names: [person.row.full_name] }),
        ['address', 'content', 'queued messages cancelled'],
      );
      return items;
    }
    add(
      'expert_profile',
      await count(
        `select count(*)::int as count from expert_profiles where user_id = $1
            and anonymised_at is null`,
        [id],
      ),
      ['organisation', 'biography', 'thematic areas', 'audiences', 'languages', 'availability'],
    );
    add(
      'expert_notes',
      await count(`select count(*)::int as count from expert_notes where user_id = $1`, [id]),
      ['officers’ notes'],
    );
    add(
      'expert_cv',
      await count(`select count(*)::int as count from expert_cvs where user_id = $1`, [id]),
      ['file name', 'the stored file'],
    );
    add(
      'expert_declarations',
      await count(
        `select count(*)::int as count from expert_declarations
          where user_id = $1 and details is not null and details <> ''`,
        [id],
      ),
      ['details'],
    );
    add(
      'expert_assignments',
      await count(
        `select count(*)::int as count from expert_assignments
          where user_id = $1 and decline_reason is not null and decline_reason <> ''`,
        [id],
      ),
      ['reason for declining'],
    );
    add('membership', person.row.status === 'active' ? 1 : 0, ['deactivated']);
    // The invitations to their address in this tenant, as \`erase\` rewrites them.
    add(
      'invitations',
      await count(`select count(*)::int as count from invitations where email = lower($1)`, [
        person.row.email,
      ]),
      ['email', 'a pending one revoked'],
    );
    add('mail', await countMailOf(manager, { emails: [person.row.email], names: [] }), [
      'address',
      'content',
      'queued messages cancelled',
    ]);
    return items;
  }

  private async record(
    manager: EntityManager,
    kind: 'export' | 'erasure',
    path: PersonPath,
    reason: string,
  ): Promise<string> {
    const [row] = await sql(
      manager,
      `insert into privacy_requests (tenant_id, kind, subject_kind, subject_id, reason,
                                     requested_by)
       values (nullif(current_setting('app.tenant_id', true), '')::uuid, $1, $2, $3, $4, $5)
       returning id`,
      [kind, path.kind, path.id, reason, requestContext.current().user?.id ?? null],
      RequestRow,
    );
    if (!row) throw new Error('privacy request not recorded');
    return row.id;
  }

  private async summaryOf(manager: EntityManager, person: Person): Promise<PersonSummary> {
    const limit = PERSON_GROUP_LIMIT;
    const id = person.row.id;
    const auditOf = async (condition: string, params: unknown[]) =>
      (
        await sql(
          manager,
          `select a.id, a.action, a.entity, a.entity_id, a.at from audit_log a
            where ${condition} order by a.at desc, a.id limit ${limit}`,
          params,
          AuditRow,
        )
      ).map((row) => ({
        id: row.id,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        at: iso(row.at),
      }));
    const mail = (
      await sql(
        manager,
        `select o.id, o.kind, o.status, o.created_at, o.sent_at from mail_outbox o
          where lower(o.recipient) = lower($1) order by o.created_at desc, o.id limit ${limit}`,
        [person.row.email],
        MailRow,
      )
    ).map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      createdAt: iso(row.created_at),
      sentAt: isoOrNull(row.sent_at),
    }));

    if (person.kind === 'participant') {
      const { row } = person;
      const nominations = await sql(
        manager,
        `select n.id, n.event_id, e.title as event_title, e.starts_at, e.ends_at, n.status,
                n.confirmation, rtrim(n.member_state_code) as member_state_code, n.sex,
                n.institution_type, n.audience, n.preferred_language, n.function_title,
                n.institution, n.languages, n.dietary_needs, n.accessibility_needs,
                n.decision_reason, n.nominated_at
           from nominations n join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
          where n.participant_id = $1 order by e.starts_at, n.id limit ${limit}`,
        [id],
        NominationRow,
      );
      const ofNominations = `from nominations n
          join events e on e.tenant_id = n.tenant_id and e.id = n.event_id`;
      const attendance = await sql(
        manager,
        `select a.nomination_id, e.title as event_title, a.day::text as day, a.status
           ${ofNominations}
           join attendance a on a.tenant_id = n.tenant_id and a.nomination_id = n.id
          where n.participant_id = $1 order by a.day, a.nomination_id limit ${limit}`,
        [id],
        AttendanceRow,
      );
      const consents = await sql(
        manager,
        `select c.nomination_id, e.title as event_title, c.text_version, c.attested_at,
                c.withdrawn_at
           ${ofNominations}
           join consent_attestations c on c.tenant_id = n.tenant_id and c.nomination_id = n.id
          where n.participant_id = $1 order by c.attested_at, c.id limit ${limit}`,
        [id],
        ConsentRow,
      );
      const certificates = await sql(
        manager,
        `select c.nomination_id, e.title as event_title, c.language, c.issued_at, c.revoked_at,
                c.revoke_reason
           ${ofNominations}
           join certificates c on c.tenant_id = n.tenant_id and c.nomination_id = n.id
          where n.participant_id = $1 order by c.issued_at, c.id limit ${limit}`,
        [id],
        CertificateRow,
      );
      return {
        account: {
          kind: 'participant',
          id: row.id,
          name: row.full_name,
          email: row.email,
          language: null,
          createdAt: iso(row.created_at),
          anonymised: row.anonymised,
          membership: null,
        },
        nominations: nominations.map((n) => ({
          id: n.id,
          eventId: n.event_id,
          eventTitle: n.event_title,
          startsAt: iso(n.starts_at),
          endsAt: iso(n.ends_at),
          status: n.status,
          confirmation: n.confirmation,
          memberStateAlpha3: n.member_state_code,
          sex: n.sex,
          institutionType: n.institution_type,
          audience: n.audience,
          preferredLanguage: n.preferred_language,
          functionTitle: n.function_title,
          institution: n.institution,
          languages: n.languages,
          dietaryNeeds: n.dietary_needs,
          accessibilityNeeds: n.accessibility_needs,
          decisionReason: n.decision_reason,
          nominatedAt: iso(n.nominated_at),
        })),
        attendance: attendance.map((a) => ({
          nominationId: a.nomination_id,
          eventTitle: a.event_title,
          day: a.day,
          status: a.status,
        })),
        consents: consents.map((c) => ({
          nominationId: c.nomination_id,
          eventTitle: c.event_title,
          textVersion: c.text_version,
          attestedAt: iso(c.attested_at),
          withdrawnAt: isoOrNull(c.withdrawn_at),
        })),
        certificates: certificates.map((c) => ({
          nominationId: c.nomination_id,
          eventTitle: c.event_title,
          language: c.language,
          issuedAt: iso(c.issued_at),
          revokedAt: isoOrNull(c.revoked_at),
          revokeReason: c.revoke_reason,
        })),
        expert: null,
        documents: [],
        mail,
        audit: {
          // Participants act through links, not as users: no row names them as its actor.
          byThem: [],
          aboutThem: await auditOf(
            `a.entity_id = $1::text or a.entity_id in (
               select n.id::text from nominations n where n.participant_id = $1::uuid)`,
            [id],
          ),
        },
      };
    }

    const { row } = person;
    const [profile] = await sql(
      manager,
      `select ep.organisation, ep.bio, rtrim(ep.nationality) as nationality, ep.sex,
              ep.thematic_areas, ep.target_audiences,
              array(select concat_ws(' ', l ->> 'language', l ->> 'level')
                      from jsonb_array_elements(ep.languages) l) as languages,
              array(select r::text from unnest(ep.availability) r) as availability,
              ep.anonymised_at is not null as anonymised
         from expert_profiles ep where ep.user_id = $1`,
      [id],
      ProfileRow,
    );
    const [notes] = await sql(
      manager,
      `select notes from expert_notes where user_id = $1`,
      [id],
      NotesRow,
    );
    const [cv] = await sql(
      manager,
      `select file_name, content_type, size_bytes::int as size_bytes, uploaded_at
         from expert_cvs where user_id = $1`,
      [id],
      CvRow,
    );
    const declarations = await sql(
      manager,
      `select e.title as event_title, d.has_interests, d.details, d.filed_at
         from expert_declarations d join events e on e.tenant_id = d.tenant_id and e.id = d.event_id
        where d.user_id = $1 order by d.filed_at, d.event_id limit ${limit}`,
      [id],
      DeclarationRow,
    );
    const assignments = await sql(
      manager,
      `select e.title as event_title, a.role, a.status, a.decline_reason, a.asked_at,
              a.answered_at
         from expert_assignments a join events e on e.tenant_id = a.tenant_id and e.id = a.event_id
        where a.user_id = $1 order by a.asked_at, a.id limit ${limit}`,
      [id],
      AssignmentRow,
    );
    const documents = await sql(
      manager,
      `select d.id as document_id, d.title, v.language, v.uploaded_at
         from document_versions v join documents d on d.tenant_id = v.tenant_id and d.id = v.document_id
        where v.uploaded_by = $1 order by v.uploaded_at, v.id limit ${limit}`,
      [id],
      DocumentRow,
    );
    const hasExpertData =
      profile !== undefined ||
      notes !== undefined ||
      cv !== undefined ||
      declarations.length > 0 ||
      assignments.length > 0;
    return {
      account: {
        kind: 'member',
        id: row.id,
        name: row.name,
        email: row.email,
        language: row.preferred_language,
        createdAt: iso(row.created_at),
        anonymised: row.anonymised,
        membership: {
          id: row.membership_id,
          role: row.role,
          memberStateAlpha3: row.member_state_code,
          status: row.status,
          since: iso(row.created_at),
        },
      },
      nominations: [],
      attendance: [],
      consents: [],
      certificates: [],
      expert:
        hasExpertData || row.role === 'expert'
          ? {
              profile: profile
                ? {
                    organisation: profile.organisation,
                    bio: profile.bio,
                    nationality: profile.nationality,
                    sex: profile.sex,
                    thematicAreas: profile.thematic_areas,
                    targetAudiences: profile.target_audiences,
                    languages: profile.languages,
                    availability: profile.availability,
                    anonymised: profile.anonymised,
                  }
                : null,
              notes: notes?.notes ?? null,
              cv: cv
                ? {
                    fileName: cv.file_name,
                    contentType: cv.content_type,
                    sizeBytes: cv.size_bytes,
                    uploadedAt: iso(cv.uploaded_at),
                  }
                : null,
              declarations: declarations.map((d) => ({
                eventTitle: d.event_title,
                hasInterests: d.has_interests,
                details: d.details,
                filedAt: iso(d.filed_at),
              })),
              assignments: assignments.map((a) => ({
                eventTitle: a.event_title,
                role: a.role,
                status: a.status,
                declineReason: a.decline_reason,
                askedAt: iso(a.asked_at),
                answeredAt: isoOrNull(a.answered_at),
              })),
            }
          : null,
      documents: documents.map((d) => ({
        documentId: d.document_id,
        title: d.title,
        language: d.language,
        uploadedAt: iso(d.uploaded_at),
      })),
      mail,
      audit: {
        byThem: await auditOf(`a.actor_id = $1`, [id]),
        aboutThem: await auditOf(`a.entity_id in ($1::text, $2::text)`, [id, row.membership_id]),
      },
    };
  }
}

/**
 * The reason is kept for good in `privacy_requests`, after an erasure too, so it may not name
 * the person: as in the audit log, nothing personal is written, so nothing is left to remove.
 * Refused (400, nothing recorded): the email, its part before the @, or a word of the name of
 * three letters or more, as a whole word, in any case. A record that no longer names anyone (an
 * anonymised participant, a closed account) has nothing to look for.
 */
function refuseNamingReason(reason: string, person: Person): void {
  if (person.row.anonymised || person.row.email.endsWith('.invalid')) return;
  const name = person.kind === 'participant' ? person.row.full_name : person.row.name;
  const email = person.row.email.toLowerCase();
  const words = [
    email,
    email.split('@')[0] ?? '',
    ...name.toLowerCase().split(/[^\p{L}\p{M}\p{N}'’-]+/u),
  ].filter((word) => [...word].length >= 3);
  const text = reason.toLowerCase();
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const named = words.some((word) =>
    new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escape(word)}(?![\\p{L}\\p{M}\\p{N}])`, 'u').test(text),
  );
  if (!named) return;
  throw new AppException(400, 'validation', 'The request is not valid', undefined, [
    {
      path: 'reason',
      message:
        'The reason is kept after the person’s data is erased: write why, without their name or email',
    },
  ]);
}

/** The path's person, or 400 for a kind or an id that cannot be one (nothing is read). */
export function personPath(kind: string, id: string): PersonPath {
  const parsed = PersonPath.safeParse({ kind, id });
  if (parsed.success) return parsed.data;
  throw new AppException(
    400,
    'validation',
    'The request is not valid',
    undefined,
    parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    })),
  );
}
