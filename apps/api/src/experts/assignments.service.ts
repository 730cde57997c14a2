import {
  type AssignmentAction,
  type AssignmentCreate,
  type AssignmentDecline,
  AssignmentStatus,
  type AssignmentVersion,
  type Declaration,
  type DeclarationInput,
  EXPERT_PANEL_LIMIT,
  type EventExperts,
  type ExpertAssignment,
  type ExpertPanel,
  ExpertRole,
  Language,
  MAX_EVENT_ASSIGNMENTS,
  type MyAssignment,
  type PanelBalance,
  REGIONAL_GROUPS,
  SEXES,
} from '@convene/contracts';
import { assignmentTransition, isAnswered } from '@convene/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { isUuid } from '../common/uuid';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { eventExpert, viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { OutboxService } from '../mail/outbox.service';
import { ExpertsException, invalidField, staleVersion } from './experts.exception';

/** The most assignments one session holds that are not declined or withdrawn (the agenda's bound). */
export const MAX_SESSION_EXPERTS = 20;

const EventRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  status: z.string(),
  starts_at: z.date(),
  ends_at: z.date(),
  time_zone: z.string(),
});
type EventRow = z.infer<typeof EventRow>;

const AssignmentRow = z.strictObject({
  id: z.guid(),
  event_id: z.guid(),
  session_id: z.guid().nullable(),
  session_title: z.string().nullable(),
  user_id: z.guid(),
  name: z.string(),
  role: ExpertRole,
  status: AssignmentStatus,
  decline_reason: z.string().nullable(),
  asked_at: z.date(),
  answered_at: z.date().nullable(),
  version: z.number().int(),
});
type AssignmentRow = z.infer<typeof AssignmentRow>;

const ASSIGNMENT_COLUMNS = `a.id, a.event_id, a.session_id, s.title as session_title, a.user_id,
  u.name, a.role, a.status, a.decline_reason, a.asked_at, a.answered_at, a.version`;
const ASSIGNMENTS = `expert_assignments a
  join users u on u.id = a.user_id
  left join agenda_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id`;

const MineRow = z.strictObject({
  id: z.guid(),
  event_id: z.guid(),
  event_title: z.string(),
  event_starts_at: z.date(),
  event_ends_at: z.date(),
  time_zone: z.string(),
  session_id: z.guid().nullable(),
  session_title: z.string().nullable(),
  session_starts_at: z.date().nullable(),
  session_ends_at: z.date().nullable(),
  role: ExpertRole,
  status: AssignmentStatus,
  asked_at: z.date(),
  version: z.number().int(),
  list: z.enum(['to_answer', 'session']),
});
type MineRow = z.infer<typeof MineRow>;

const DueRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  starts_at: z.date(),
  ends_at: z.date(),
  time_zone: z.string(),
});

const DeclarationRow = z.strictObject({
  user_id: z.guid(),
  name: z.string(),
  filed_at: z.date().nullable(),
  has_interests: z.boolean().nullable(),
  details: z.string().nullable(),
});

const BalanceRow = z.strictObject({
  sex: z.string().nullable(),
  regional_group: z.string().nullable(),
});

const RecipientRow = z.strictObject({
  email: z.string(),
  name: z.string(),
  language: Language,
});

/**
 * Experts at events: officers assign (an event as a whole or one of its sessions, with a role),
 * withdraw or ask again; the expert accepts or declines. Only an accepted assignment counts
 * (`eventExpert`): it names the expert on the agenda and lets them open the event. An expert
 * who accepted files a declaration of interest for the event; officers see which are missing
 * and the panel's balance.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The event page's experts part (officers): four statements whatever the panel's size. */
  async forEvent(eventId: string): Promise<EventExperts> {
    const { manager } = requestContext.current();
    await this.findEvent(manager, eventId);
    const assignments = await sql(
      manager,
      `select ${ASSIGNMENT_COLUMNS} from ${ASSIGNMENTS}
        where a.event_id = $1
        order by s.starts_at nulls first, s.id, lower(u.name), a.id
        limit ${MAX_EVENT_ASSIGNMENTS}`,
      [eventId],
      AssignmentRow,
    );
    const declarations = await sql(
      manager,
      `select u.id as user_id, u.name, d.filed_at, d.has_interests, d.details
         from (select distinct tenant_id, user_id from expert_assignments
                where event_id = $1 and status = 'accepted') x
         join users u on u.id = x.user_id
         left join expert_declarations d
           on d.tenant_id = x.tenant_id and d.event_id = $1 and d.user_id = x.user_id
        order by d.filed_at nulls first, lower(u.name), u.id
        limit ${MAX_EVENT_ASSIGNMENTS}`,
      [eventId],
      DeclarationRow,
    );
    const balance = await sql(
      manager,
      `select p.sex, ms.regional_group
         from (select distinct tenant_id, user_id from expert_assignments
                where event_id = $1 and status = 'accepted') x
         left join expert_profiles p on p.tenant_id = x.tenant_id and p.user_id = x.user_id
         left join member_states ms on ms.alpha3 = p.nationality`,
      [eventId],
      BalanceRow,
    );
    return {
      assignments: assignments.map(toAssignment),
      declarations: declarations.map((row) => ({
        expert: { id: row.user_id, name: row.name },
        declaration:
          row.filed_at && row.has_interests !== null
            ? {
                filedAt: row.filed_at.toISOString(),
                hasInterests: row.has_interests,
                details: row.details,
              }
            : null,
      })),
      balance: panelBalance(balance),
    };
  }

  /** Asks an expert; a declined or withdrawn assignment of the same place and role is asked again. */
  async assign(eventId: string, input: AssignmentCreate): Promise<ExpertAssignment> {
    const { manager, user, tenant } = requestContext.current();
    const event = await this.findEvent(manager, eventId, true);
    if (event.status === 'cancelled' || event.status === 'closed') {
      throw new ExpertsException(
        409,
        'assignment-state',
        'This event takes no more experts',
        `The event is ${event.status}.`,
      );
    }
    const [expert] = await sql(
      manager,
      `select u.email, u.name, u.preferred_language as language
         from memberships m join users u on u.id = m.user_id
        where m.user_id = $1 and m.role = 'expert' and m.status = 'active'`,
      [input.userId],
      RecipientRow,
    );
    if (!expert) throw invalidField('userId', 'must be an active expert of this organisation');
    let sessionTitle: string | null = null;
    if (input.sessionId) {
      const [session] = await sql(
        manager,
        `select s.title,
                (select count(*)::int from expert_assignments a
                  where a.tenant_id = s.tenant_id and a.session_id = s.id
                    and a.status in ('asked', 'accepted')) as taken
           from agenda_sessions s where s.event_id = $1 and s.id = $2`,
        [eventId, input.sessionId],
        z.strictObject({ title: z.string(), taken: z.number().int() }),
      );
      if (!session) throw invalidField('sessionId', 'must be a session of this event');
      if (session.taken >= MAX_SESSION_EXPERTS) {
        throw new ExpertsException(
          409,
          'assignment-state',
          'This session has as many experts as it can hold',
          `A session holds at most ${MAX_SESSION_EXPERTS} experts.`,
        );
      }
      sessionTitle = session.title;
    }
    const [existing] = await sql(
      manager,
      `select a.id, a.status from expert_assignments a
        where a.event_id = $1 and a.session_id is not distinct from $2::uuid
          and a.user_id = $3 and a.role = $4
        for update`,
      [eventId, input.sessionId, input.userId, input.role],
      z.strictObject({ id: z.guid(), status: AssignmentStatus }),
    );
    let id: string;
    if (existing) {
      if (!assignmentTransition(existing.status, 'ask_again')) {
        throw new ExpertsException(
          409,
          'assignment-state',
          'This expert is already asked for this role',
          `The assignment is ${existing.status}.`,
        );
      }
      await sql(
        manager,
        `update expert_assignments
            set status = 'asked', decline_reason = null, answered_at = null, asked_at = now(),
                asked_by = $2, version = version + 1
          where id = $1`,
        [existing.id, user?.id ?? null],
      );
      id = existing.id;
    } else {
      const [created] = await sql(
        manager,
        `insert into expert_assignments (tenant_id, event_id, session_id, user_id, role, asked_by)
         select tenant_id, id, $2, $3, $4, $5 from events where id = $1
         returning id`,
        [eventId, input.sessionId, input.userId, input.role, user?.id ?? null],
        z.strictObject({ id: z.guid() }),
      );
      if (!created) throw notFound('Event');
      id = created.id;
    }
    const after = await this.findAssignment(manager, eventId, id);
    await this.record(existing ? 'expert.asked_again' : 'expert.assigned', after);
    await this.outbox.enqueue({
      tenantId: tenant?.id ?? '',
      recipient: expert.email,
      language: expert.language,
      // The assignment and its version: one asked again after a decline is mailed again.
      idempotencyKey: `expert_assigned:${id}:${after.version}`,
      message: {
        kind: 'expert_assigned',
        name: expert.name,
        tenantName: tenant?.name ?? '',
        eventTitle: event.title,
        startsAt: event.starts_at.toISOString(),
        endsAt: event.ends_at.toISOString(),
        timeZone: event.time_zone,
        role: input.role,
        sessionTitle,
        link: `${this.config.appUrl}/t/${tenant?.slug ?? ''}`,
      },
    });
    return after;
  }

  /** The officer takes an assignment back (asked or accepted). */
  async withdraw(
    eventId: string,
    assignmentId: string,
    input: AssignmentVersion,
  ): Promise<ExpertAssignment> {
    const { manager } = requestContext.current();
    await this.findEvent(manager, eventId, true);
    const before = await this.findAssignment(manager, eventId, assignmentId, true);
    await this.move(manager, before, 'withdraw', input.version, null);
    const after = await this.findAssignment(manager, eventId, assignmentId);
    await this.record('expert.withdrawn', after, before);
    return after;
  }

  /** The expert's answer to their own assignment; anyone else's is 404. */
  async answer(
    assignmentId: string,
    action: 'accept' | 'decline',
    input: AssignmentVersion | AssignmentDecline,
  ): Promise<MyAssignment> {
    const { manager, user } = requestContext.current();
    if (!isUuid(assignmentId) || !user) throw notFound('Assignment');
    const [own] = await sql(
      manager,
      `select a.event_id, e.status as event_status from expert_assignments a
         join events e on e.tenant_id = a.tenant_id and e.id = a.event_id
        where a.id = $1 and a.user_id = $2
        for update of a, e`,
      [assignmentId, user.id],
      z.strictObject({ event_id: z.guid(), event_status: z.string() }),
    );
    if (!own) throw notFound('Assignment');
    const before = await this.findAssignment(manager, own.event_id, assignmentId);
    if (action === 'accept' && ['cancelled', 'closed'].includes(own.event_status)) {
      throw new ExpertsException(
        409,
        'assignment-state',
        'This event takes no more experts',
        `The event is ${own.event_status}.`,
      );
    }
    await this.move(
      manager,
      before,
      action,
      input.version,
      'reason' in input ? input.reason : null,
    );
    const after = await this.findAssignment(manager, own.event_id, assignmentId);
    await this.record(action === 'accept' ? 'expert.accepted' : 'expert.declined', after, before);
    const [mine] = await this.mine(manager, user.id, assignmentId);
    if (!mine) throw notFound('Assignment');
    return toMine(mine);
  }

  /** The expert's home panel: three lists in two statements. */
  async panel(): Promise<ExpertPanel> {
    const { manager, user } = requestContext.current();
    if (!user) throw notFound('Expert');
    const rows = await this.mine(manager, user.id, null);
    const due = await sql(
      manager,
      `select e.id, e.title, e.starts_at, e.ends_at, e.time_zone
         from events e
        where e.ends_at > now() and e.status <> 'cancelled'
          and ${eventExpert('e', '$1::uuid')}
          and ${visibleEvent('e', viewerParams(1))}
          and not exists (select from expert_declarations d
                           where d.tenant_id = e.tenant_id and d.event_id = e.id and d.user_id = $1)
        order by e.starts_at, e.id
        limit ${EXPERT_PANEL_LIMIT}`,
      this.visibility(),
      DueRow,
    );
    return {
      toAnswer: rows.filter((row) => row.list === 'to_answer').map(toMine),
      sessions: rows.filter((row) => row.list === 'session').map(toMine),
      declarationsDue: due.map((row) => ({
        id: row.id,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        timeZone: row.time_zone,
      })),
    };
  }

  /** Files (or files again) the caller's declaration for an event they accepted. */
  async declare(eventId: string, input: DeclarationInput): Promise<Declaration> {
    const { manager, user } = requestContext.current();
    if (!isUuid(eventId) || !user) throw notFound('Event');
    const [event] = await sql(
      manager,
      `select e.id from events e
        where e.id = $4 and ${visibleEvent('e', viewerParams(1))}
          and ${eventExpert('e', '$1::uuid')}`,
      [...this.visibility(), eventId],
      z.strictObject({ id: z.guid() }),
    );
    if (!event) throw notFound('Event');
    const [row] = await sql(
      manager,
      `insert into expert_declarations (tenant_id, event_id, user_id, has_interests, details)
       select tenant_id, id, $2, $3, $4 from events where id = $1
       on conflict (tenant_id, event_id, user_id) do update
          set has_interests = excluded.has_interests, details = excluded.details, filed_at = now()
       returning event_id, has_interests, details, filed_at`,
      [eventId, user.id, input.hasInterests, input.hasInterests ? input.details : null],
      z.strictObject({
        event_id: z.guid(),
        has_interests: z.boolean(),
        details: z.string().nullable(),
        filed_at: z.date(),
      }),
    );
    if (!row) throw notFound('Event');
    await this.audit.record({
      action: 'expert.declaration_filed',
      entity: 'event',
      entityId: eventId,
      after: { hasInterests: row.has_interests },
    });
    return {
      eventId: row.event_id,
      hasInterests: row.has_interests,
      details: row.details,
      filedAt: row.filed_at.toISOString(),
    };
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The caller's assignments for the panel (or one of them): those asked, on events not over,
   * and the upcoming sessions they accepted on events the one rule lets them see. An asked
   * assignment shows what the request mail told them (title and dates), not the event itself.
   */
  private mine(manager: EntityManager, userId: string, assignmentId: string | null) {
    return sql(
      manager,
      `select a.id, e.id as event_id, e.title as event_title, e.starts_at as event_starts_at,
              e.ends_at as event_ends_at, e.time_zone, s.id as session_id,
              s.title as session_title, s.starts_at as session_starts_at,
              s.ends_at as session_ends_at, a.role, a.status, a.asked_at, a.version,
              case when a.status = 'asked' then 'to_answer' else 'session' end as list
         from expert_assignments a
         join events e on e.tenant_id = a.tenant_id and e.id = a.event_id
         left join agenda_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
        where a.user_id = $1
          and ($2::uuid is not null and a.id = $2
               or $2::uuid is null and (
                    (a.status = 'asked' and e.ends_at > now() and e.status <> 'cancelled')
                 or (a.status = 'accepted' and s.ends_at > now() and e.status <> 'cancelled'
                     and ${visibleEvent('e', viewerParams(3))})))
        order by coalesce(s.starts_at, e.starts_at), a.id
        limit ${EXPERT_PANEL_LIMIT * 2}`,
      [userId, assignmentId, ...this.visibility()],
      MineRow,
    );
  }

  private async move(
    manager: EntityManager,
    before: ExpertAssignment,
    action: AssignmentAction,
    version: number,
    reason: string | null,
  ): Promise<void> {
    if (version !== before.version) throw staleVersion();
    const next = assignmentTransition(before.status, action);
    if (!next) {
      throw new ExpertsException(
        409,
        'assignment-state',
        'The assignment does not allow this',
        `It is ${before.status}.`,
      );
    }
    await sql(
      manager,
      `update expert_assignments
          set status = $2, decline_reason = $3,
              answered_at = case when $4 then now() end, version = version + 1
        where id = $1`,
      [before.id, next, next === 'declined' ? reason : null, isAnswered(next)],
    );
  }

  /** An event the caller may see (the one rule), or 404; locked first when changing. */
  private async findEvent(
    manager: EntityManager,
    eventId: string,
    forUpdate = false,
  ): Promise<EventRow> {
    if (!isUuid(eventId)) throw notFound('Event');
    const [row] = await sql(
      manager,
      `select e.id, e.title, e.status, e.starts_at, e.ends_at, e.time_zone from events e
        where e.id = $4 and ${visibleEvent('e', viewerParams(1))}
        ${forUpdate ? 'for update of e' : ''}`,
      [...this.visibility(), eventId],
      EventRow,
    );
    if (!row) throw notFound('Event');
    return row;
  }

  private async findAssignment(
    manager: EntityManager,
    eventId: string,
    assignmentId: string,
    forUpdate = false,
  ): Promise<ExpertAssignment> {
    if (!isUuid(assignmentId)) throw notFound('Assignment');
    const [row] = await sql(
      manager,
      `select ${ASSIGNMENT_COLUMNS} from ${ASSIGNMENTS}
        where a.event_id = $1 and a.id = $2 ${forUpdate ? 'for update of a' : ''}`,
      [eventId, assignmentId],
      AssignmentRow,
    );
    if (!row) throw notFound('Assignment');
    return toAssignment(row);
  }

  private record(action: string, after: ExpertAssignment, before?: ExpertAssignment) {
    return this.audit.record({
      action,
      entity: 'event',
      entityId: after.eventId,
      before: before && auditView(before),
      after: auditView(after),
    });
  }

  private visibility() {
    const { user, tenant } = requestContext.current();
    return visibilityOf(user?.id ?? null, tenant);
  }
}

function toAssignment(row: AssignmentRow): ExpertAssignment {
  return {
    id: row.id,
    eventId: row.event_id,
    session:
      row.session_id && row.session_title !== null
        ? { id: row.session_id, title: row.session_title }
        : null,
    expert: { id: row.user_id, name: row.name },
    role: row.role,
    status: row.status,
    declineReason: row.decline_reason,
    askedAt: row.asked_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    version: row.version,
  };
}

function toMine(row: MineRow): MyAssignment {
  return {
    id: row.id,
    event: {
      id: row.event_id,
      title: row.event_title,
      startsAt: row.event_starts_at.toISOString(),
      endsAt: row.event_ends_at.toISOString(),
      timeZone: row.time_zone,
    },
    session:
      row.session_id && row.session_title !== null && row.session_starts_at && row.session_ends_at
        ? {
            id: row.session_id,
            title: row.session_title,
            startsAt: row.session_starts_at.toISOString(),
            endsAt: row.session_ends_at.toISOString(),
          }
        : null,
    role: row.role,
    status: row.status,
    askedAt: row.asked_at.toISOString(),
    version: row.version,
  };
}

const auditView = (assignment: ExpertAssignment) => ({
  assignmentId: assignment.id,
  expertId: assignment.expert.id,
  sessionId: assignment.session?.id ?? null,
  role: assignment.role,
  status: assignment.status,
});

/** Each accepted expert once: by sex and by the regional group their State counts in. */
export function panelBalance(
  rows: readonly { sex: string | null; regional_group: string | null }[],
): PanelBalance {
  const bySex = Object.fromEntries([...SEXES, 'unknown'].map((key) => [key, 0])) as Record<
    string,
    number
  >;
  const byGroup = Object.fromEntries([...REGIONAL_GROUPS, 'none'].map((key) => [key, 0])) as Record<
    string,
    number
  >;
  for (const row of rows) {
    const sex = row.sex && row.sex in bySex ? row.sex : 'unknown';
    const group = row.regional_group && row.regional_group in byGroup ? row.regional_group : 'none';
    bySex[sex] = (bySex[sex] ?? 0) + 1;
    byGroup[group] = (byGroup[group] ?? 0) + 1;
  }
  return {
    experts: rows.length,
    bySex: bySex as PanelBalance['bySex'],
    byRegionalGroup: byGroup as PanelBalance['byRegionalGroup'],
  };
}
