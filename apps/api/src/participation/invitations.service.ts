import {
  EventStatus,
  type EventParticipation,
  InvitationStatus,
  type InvitationDecline,
  type InvitationReminder,
  type OpenInvitationList,
  type ParticipationQuery,
  type ParticipationSettings,
  type ParticipationSettingsInput,
  RegionalGroup,
  type SeatRequest,
  type SeatRequestAnswer,
  type SeatRequestCreate,
  SeatRequestStatus,
  type StateInvitation,
  type StateInvitationCreate,
  type StateInvitationResult,
  type StateInvitationUpdate,
} from '@convene/contracts';
import {
  type InvitationAction,
  type InvitationRefusal,
  invitationTransition,
  INVITING_EVENT_STATUSES,
  seatsLeft,
} from '@convene/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { isUuid } from '../common/uuid';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext, type TenantScope } from '../db/request-context';
import { sql } from '../db/sql';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { OutboxService } from '../mail/outbox.service';
import { InvitationsException, invalidField } from './invitations.exception';
import { deadlineInstant, focalPointsOf, officersOf } from './invitations.mail';
import { COUNTS, invitationEventStatement, PARTICIPATION_ROWS } from './invitations.query';
import { invitationViewerParams, visibleInvitation } from './participant-visibility';

/** The event as invitations read it, found through the one visibility rule. */
const EventRow = z.strictObject({
  id: z.guid(),
  title: z.string(),
  status: EventStatus,
  starts_at: z.date(),
  ends_at: z.date(),
  start_day: z.string(),
  time_zone: z.string(),
  place: z.string().nullable(),
  capacity: z.number().int().nullable(),
  nomination_deadline: z.string().nullable(),
  experts_see_participants: z.boolean(),
});
type EventRow = z.infer<typeof EventRow>;

/** One invitation with its nominations counted from their non-personal columns. */
const InvitationRow = z.strictObject({
  id: z.guid(),
  event_id: z.guid(),
  member_state: z.string(),
  regional_groups: z.array(RegionalGroup),
  seats: z.number().int(),
  nomination_deadline: z.string(),
  status: InvitationStatus,
  decline_reason: z.string().nullable(),
  seats_requested: z.number().int().nullable(),
  seats_request_reason: z.string().nullable(),
  seats_request_status: SeatRequestStatus.nullable(),
  seats_request_answer: z.string().nullable(),
  nominated: z.number().int(),
  pending: z.number().int(),
  approved: z.number().int(),
  waitlisted: z.number().int(),
  confirmed: z.number().int(),
  attended: z.number().int(),
  invited_at: z.date(),
  responded_at: z.date().nullable(),
  reminded_at: z.date().nullable(),
  last_activity_at: z.date(),
  version: z.number().int(),
  matches: z.boolean(),
});
type InvitationRow = z.infer<typeof InvitationRow>;

/** An invitation as a mutation locks it. */
const LockedRow = z.strictObject({
  id: z.guid(),
  member_state: z.string(),
  status: InvitationStatus,
  seats: z.number().int(),
  nomination_deadline: z.string(),
  seats_requested: z.number().int().nullable(),
  seats_request_status: SeatRequestStatus.nullable(),
  reminded_at: z.date().nullable(),
  version: z.number().int(),
});
type LockedRow = z.infer<typeof LockedRow>;

const OpenRow = z.strictObject({
  id: z.guid(),
  member_state: z.string(),
  status: InvitationStatus,
  seats: z.number().int(),
  nomination_deadline: z.string(),
  seats_requested: z.number().int().nullable(),
  seats_request_reason: z.string().nullable(),
  seats_request_status: SeatRequestStatus.nullable(),
  seats_request_answer: z.string().nullable(),
  approved: z.number().int(),
  pending: z.number().int(),
  event_id: z.guid(),
  title: z.string(),
  starts_at: z.date(),
  ends_at: z.date(),
  time_zone: z.string(),
  event_status: EventStatus,
});

/** The most open invitations the home panel lists. */
const OPEN_LIMIT = 100;

const iso = (value: Date) => value.toISOString();

@Injectable()
export class InvitationsService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ------------------------------------------------------------------ reading

  /**
   * The participation tab: the invited States the caller may see (`visibleInvitation`: planners
   * every State, a focal point their own, experts none). Two statements whatever the number of
   * States: the event through the visibility rule, then the rows with their counts.
   */
  async participation(eventId: string, query: ParticipationQuery): Promise<EventParticipation> {
    const { manager } = requestContext.current();
    const event = await this.findEvent(manager, eventId);
    const rows = await sql(
      manager,
      PARTICIPATION_ROWS,
      [
        eventId,
        ...this.invitationViewer(),
        null,
        query.status ?? null,
        query.regionalGroup ?? null,
        query.q ?? null,
      ],
      InvitationRow,
    );
    const counted = rows.filter((row) => row.status !== 'withdrawn');
    const sum = (pick: (row: InvitationRow) => number) =>
      counted.reduce((total, row) => total + pick(row), 0);
    return {
      eventId,
      nominationDeadline: event.nomination_deadline,
      expertsSeeParticipants: event.experts_see_participants,
      totals: {
        states: counted.length,
        seats: sum((row) => row.seats),
        counts: {
          nominated: sum((row) => row.nominated),
          pending: sum((row) => row.pending),
          approved: sum((row) => row.approved),
          waitlisted: sum((row) => row.waitlisted),
          confirmed: sum((row) => row.confirmed),
          attended: sum((row) => row.attended),
        },
        capacity: event.capacity,
      },
      states: rows.filter((row) => row.matches).map(toStateInvitation),
    };
  }

  /**
   * The focal point's open invitations: those addressed to their State (the panel's subject:
   * other roles have no State, so none), not answered no and not withdrawn, of a live event they
   * may see, whose deadline has not passed, and which the one rule lets them see; soonest
   * deadline first.
   */
  async openInvitations(): Promise<OpenInvitationList> {
    const { manager, tenant } = requestContext.current();
    if (!tenant?.memberStateCode) return { items: [] };
    const rows = await sql(
      manager,
      `select i.id, i.member_state_code::text as member_state, i.status, i.seats,
              i.nomination_deadline::text as nomination_deadline, i.seats_requested,
              i.seats_request_reason, i.seats_request_status, i.seats_request_answer,
              n.approved, n.pending, e.id as event_id, e.title, e.starts_at, e.ends_at,
              e.time_zone, e.status as event_status
         from event_invitations i
         join events e on e.tenant_id = i.tenant_id and e.id = i.event_id
         ${COUNTS}
        where i.member_state_code = $2 and i.status in ('invited', 'accepted')
          and i.nomination_deadline >= current_date
          and e.status = any ($4::text[])
          and ${visibleEvent('e', viewerParams(1))}
          and ${visibleInvitation('i', viewerParams(1))}
        order by i.nomination_deadline, e.starts_at, i.id
        limit $5`,
      [...this.visibility(), [...INVITING_EVENT_STATUSES], OPEN_LIMIT],
      OpenRow,
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        event: {
          id: row.event_id,
          title: row.title,
          startsAt: iso(row.starts_at),
          endsAt: iso(row.ends_at),
          timeZone: row.time_zone,
          status: row.event_status,
        },
        memberState: row.member_state,
        status: row.status,
        seats: row.seats,
        seatsLeft: seatsLeft(row.seats, row),
        nominationDeadline: row.nomination_deadline,
        seatRequest: seatRequestOf(row),
      })),
    };
  }

  // ------------------------------------------------------------------ the event's settings

  async updateSettings(
    eventId: string,
    input: ParticipationSettingsInput,
  ): Promise<ParticipationSettings> {
    const { manager } = requestContext.current();
    const before = await this.findEvent(manager, eventId, true);
    if (input.nominationDeadline !== null && input.nominationDeadline > before.start_day) {
      throw invalidField('nominationDeadline', 'must not fall after the start of the event');
    }
    await sql(
      manager,
      `update events set nomination_deadline = $2, experts_see_participants = $3 where id = $1`,
      [eventId, input.nominationDeadline, input.expertsSeeParticipants],
    );
    const after = { eventId, ...input };
    await this.audit.record({
      action: 'event.participation_settings',
      entity: 'event',
      entityId: eventId,
      before: {
        nominationDeadline: before.nomination_deadline,
        expertsSeeParticipants: before.experts_see_participants,
      },
      after,
    });
    return after;
  }

  // ------------------------------------------------------------------ officers

  /**
   * Invites the States named one by one, by group, by region and by saved list, each with the
   * seats and deadline given. States invited already are skipped and reported; one whose
   * invitation was withdrawn is invited afresh.
   */
  async invite(
    tenant: TenantScope,
    eventId: string,
    input: StateInvitationCreate,
  ): Promise<StateInvitationResult> {
    const { manager, user } = requestContext.current();
    const event = await this.findEvent(manager, eventId, true);
    this.refuse(invitationEventRefusal(event.status));
    const deadline = input.nominationDeadline ?? event.nomination_deadline;
    if (!deadline) {
      throw invalidField(
        'nominationDeadline',
        'required: the event has no default nomination deadline',
      );
    }
    if (deadline > event.start_day) {
      throw invalidField('nominationDeadline', 'must not fall after the start of the event');
    }
    if (input.stateListIds.length > 0) {
      const [found] = await sql(
        manager,
        `select count(*)::int as count from state_lists where id = any ($1::uuid[])`,
        [input.stateListIds],
        z.strictObject({ count: z.number().int() }),
      );
      if (found?.count !== input.stateListIds.length) {
        throw invalidField('stateListIds', 'names a saved list that does not exist');
      }
    }
    const states = (
      await sql(
        manager,
        `select ms.alpha3::text as code from member_states ms
          where ms.alpha3 = any ($1::char(3)[])
             or exists (select from member_state_groups g
                         where g.alpha3 = ms.alpha3 and g.regional_group = any ($2::text[])
                           and (g.kind = 'member' or $3))
             or ms.geographic_region = any ($4::text[])
             or ms.alpha3 in (select unnest(l.member_states) from state_lists l
                               where l.id = any ($5::uuid[]))
          order by ms.alpha3`,
        [
          input.memberStates,
          input.regionalGroups,
          input.includeObservers,
          input.geographicRegions,
          input.stateListIds,
        ],
        z.strictObject({ code: z.string() }),
      )
    ).map((row) => row.code);
    // A withdrawn invitation is renewed as new; any other one is left alone and reported.
    const written = await sql(
      manager,
      `insert into event_invitations (tenant_id, event_id, member_state_code, seats,
                                      nomination_deadline, invited_by)
       select $1, $2, code, $3, $4, $5 from unnest($6::char(3)[]) code
       on conflict (tenant_id, event_id, member_state_code) do update
          set status = 'invited', seats = excluded.seats,
              nomination_deadline = excluded.nomination_deadline, decline_reason = null,
              seats_requested = null, seats_request_reason = null, seats_request_status = null,
              seats_request_answer = null, invited_by = excluded.invited_by, invited_at = now(),
              responded_by = null, responded_at = null, reminded_at = null,
              last_activity_at = now(), version = event_invitations.version + 1
        where event_invitations.status = 'withdrawn'
       returning id, member_state_code::text as member_state, version`,
      [tenant.id, eventId, input.seats, deadline, user?.id ?? null, states],
      z.strictObject({ id: z.guid(), member_state: z.string(), version: z.number().int() }),
    );
    const invitedStates = new Set(written.map((row) => row.member_state));
    const skipped = states
      .filter((code) => !invitedStates.has(code))
      .map((memberState) => ({ memberState, reason: 'already_invited' as const }));
    if (written.length > 0) {
      await this.audit.record({
        action: 'event.states_invited',
        entity: 'event',
        entityId: eventId,
        after: {
          states: [...invitedStates],
          seats: input.seats,
          nominationDeadline: deadline,
          skipped: skipped.map((entry) => entry.memberState),
        },
      });
      await this.mailInvited(tenant, event, written, input.seats, deadline);
    }
    const invited = await this.rows(
      manager,
      eventId,
      written.map((row) => row.id),
    );
    return { invited, skipped };
  }

  /** Changes seats or deadline; never fewer seats than the State's approved participants. */
  async update(
    eventId: string,
    invitationId: string,
    input: StateInvitationUpdate,
  ): Promise<StateInvitation> {
    const { manager } = requestContext.current();
    const { event, invitation } = await this.lock(eventId, invitationId);
    if (input.version !== undefined && input.version !== invitation.version) {
      throw new InvitationsException(
        409,
        'stale-version',
        'Someone changed this invitation meanwhile',
        'Reload the participation tab to see the changes, then apply yours again.',
      );
    }
    const approved = await this.approvedOf(manager, invitation.id);
    this.refuse(this.decide(event, invitation, approved, 'edit', { seats: input.seats }), approved);
    const deadline = input.nominationDeadline ?? invitation.nomination_deadline;
    if (deadline > event.start_day) {
      throw invalidField('nominationDeadline', 'must not fall after the start of the event');
    }
    const seats = input.seats ?? invitation.seats;
    if (seats === invitation.seats && deadline === invitation.nomination_deadline) {
      return this.row(manager, eventId, invitationId);
    }
    await this.write(manager, invitationId, `seats = $2, nomination_deadline = $3`, [
      seats,
      deadline,
    ]);
    await this.audit.record({
      action: 'invitation.updated',
      entity: 'event_invitation',
      entityId: invitationId,
      before: { seats: invitation.seats, nominationDeadline: invitation.nomination_deadline },
      after: { seats, nominationDeadline: deadline },
    });
    await this.mailUpdated(event, invitation, seats, deadline, null);
    return this.row(manager, eventId, invitationId);
  }

  /** The officer takes the invitation back: the State's focal points lose sight of the event. */
  async withdraw(eventId: string, invitationId: string): Promise<StateInvitation> {
    const { manager } = requestContext.current();
    const { event, invitation } = await this.lock(eventId, invitationId);
    const approved = await this.approvedOf(manager, invitation.id);
    this.refuse(this.decide(event, invitation, approved, 'withdraw'), approved);
    // A pending request for seats ends with the invitation.
    await this.write(
      manager,
      invitationId,
      `status = 'withdrawn', decline_reason = null, seats_request_status = case when seats_request_status = 'pending'
         then 'refused' else seats_request_status end`,
      [],
    );
    await this.audit.record({
      action: 'invitation.withdrawn',
      entity: 'event_invitation',
      entityId: invitationId,
      before: { status: invitation.status },
      after: { status: 'withdrawn' },
    });
    return this.row(manager, eventId, invitationId);
  }

  /** Grants a seat request (seats become those asked for) or refuses it with an answer. */
  async answerSeatRequest(
    eventId: string,
    invitationId: string,
    input: SeatRequestAnswer,
  ): Promise<StateInvitation> {
    const { manager } = requestContext.current();
    const { event, invitation } = await this.lock(eventId, invitationId);
    const approved = await this.approvedOf(manager, invitation.id);
    this.refuse(this.decide(event, invitation, approved, 'answer_seat_request'), approved);
    const granted = input.decision === 'grant';
    const seats = granted ? (invitation.seats_requested ?? invitation.seats) : invitation.seats;
    await this.write(
      manager,
      invitationId,
      `seats = $2, seats_request_status = $3, seats_request_answer = $4`,
      [seats, granted ? 'granted' : 'refused', input.answer ?? null],
    );
    await this.audit.record({
      action: granted ? 'invitation.seats_granted' : 'invitation.seats_refused',
      entity: 'event_invitation',
      entityId: invitationId,
      before: { seats: invitation.seats, seatsRequested: invitation.seats_requested },
      after: { seats, answer: input.answer ?? null },
    });
    await this.mailUpdated(event, invitation, seats, invitation.nomination_deadline, {
      granted,
      answer: input.answer ?? null,
    });
    return this.row(manager, eventId, invitationId);
  }

  /** Mails the State's focal points about the open invitation; at most once an hour. */
  async remind(eventId: string, invitationId: string): Promise<InvitationReminder> {
    const { manager, tenant } = requestContext.current();
    const { event, invitation } = await this.lock(eventId, invitationId);
    const approved = await this.approvedOf(manager, invitation.id);
    this.refuse(this.decide(event, invitation, approved, 'remind'), approved);
    const [stamped] = await sql(
      manager,
      `update event_invitations set reminded_at = now() where id = $1 returning reminded_at`,
      [invitationId],
      z.strictObject({ reminded_at: z.date() }),
    );
    if (!stamped || !tenant) throw notFound('Invitation');
    const row = await this.row(manager, eventId, invitationId);
    const recipients = await focalPointsOf(manager, [invitation.member_state]);
    let sent = 0;
    for (const person of recipients) {
      const queued = await this.outbox.enqueue({
        tenantId: tenant.id,
        recipient: person.email,
        language: person.language,
        idempotencyKey: `nomination_reminder:${invitationId}:manual:${iso(stamped.reminded_at)}:${person.id}`,
        message: {
          kind: 'nomination_reminder',
          name: person.name,
          eventTitle: event.title,
          stateName: person.state_name,
          deadline: deadlineInstant(row.nominationDeadline),
          seatsLeft: row.seatsLeft,
          link: this.eventLink(tenant.slug, eventId),
        },
      });
      if (queued) sent++;
    }
    await this.audit.record({
      action: 'invitation.reminded',
      entity: 'event_invitation',
      entityId: invitationId,
      after: { recipients: sent },
    });
    return { remindedAt: iso(stamped.reminded_at), recipients: sent };
  }

  // ------------------------------------------------------------------ focal points

  async accept(eventId: string, invitationId: string): Promise<StateInvitation> {
    return this.answer(
      eventId,
      invitationId,
      'accept',
      `status = 'accepted', decline_reason = null`,
      [],
    );
  }

  async decline(
    eventId: string,
    invitationId: string,
    input: InvitationDecline,
  ): Promise<StateInvitation> {
    return this.answer(
      eventId,
      invitationId,
      'decline',
      `status = 'declined', decline_reason = $2,
       seats_request_status = case when seats_request_status = 'pending' then 'refused'
                                   else seats_request_status end`,
      [input.reason],
      input.reason,
    );
  }

  async requestSeats(
    eventId: string,
    invitationId: string,
    input: SeatRequestCreate,
  ): Promise<StateInvitation> {
    return this.answer(
      eventId,
      invitationId,
      'request_seats',
      `seats_requested = $2, seats_request_reason = $3, seats_request_status = 'pending',
       seats_request_answer = null`,
      [input.seats, input.reason],
      input.reason,
      input.seats,
    );
  }

  /** A focal point's answer on their own State's invitation (any other is 404), heard by the officer. */
  private async answer(
    eventId: string,
    invitationId: string,
    action: 'accept' | 'decline' | 'request_seats',
    assignments: string,
    values: unknown[],
    reason: string | null = null,
    seats: number | null = null,
  ): Promise<StateInvitation> {
    const { manager, user, tenant } = requestContext.current();
    const state = tenant?.memberStateCode ?? null;
    if (!state || !tenant) throw notFound('Invitation');
    const { event, invitation } = await this.lock(eventId, invitationId);
    const approved = await this.approvedOf(manager, invitation.id);
    const decision = this.decide(event, invitation, approved, action, {
      seats: seats ?? undefined,
    });
    if (!decision.ok && decision.reason === 'not_more_seats') {
      throw invalidField('seats', `must be more than the ${invitation.seats} seats held now`);
    }
    this.refuse(decision, approved);
    const responded =
      action === 'request_seats'
        ? ''
        : `, responded_by = $${values.length + 2}, responded_at = now()`;
    await this.write(manager, invitationId, assignments + responded, [
      ...values,
      ...(action === 'request_seats' ? [] : [user?.id ?? null]),
    ]);
    const answer = (
      { accept: 'accepted', decline: 'declined', request_seats: 'seats_requested' } as const
    )[action];
    await this.audit.record({
      action: `invitation.${answer}`,
      entity: 'event_invitation',
      entityId: invitationId,
      before: { status: invitation.status, seats: invitation.seats },
      after: { ...(reason ? { reason } : {}), ...(seats ? { seatsRequested: seats } : {}) },
    });
    const after = await this.row(manager, eventId, invitationId);
    for (const officer of await officersOf(manager, eventId, state)) {
      await this.outbox.enqueue({
        tenantId: tenant.id,
        recipient: officer.email,
        language: officer.language,
        idempotencyKey: `invitation_answered:${invitationId}:${after.version}:${officer.id}`,
        message: {
          kind: 'invitation_answered',
          name: officer.name,
          eventTitle: event.title,
          stateName: officer.state_name,
          answer,
          reason,
          seats,
          link: this.eventLink(tenant.slug, eventId),
        },
      });
    }
    return after;
  }

  // ------------------------------------------------------------------ the parts

  /** An event the caller may see (the one rule), or 404; locked first when changing. */
  private async findEvent(
    manager: EntityManager,
    eventId: string,
    forUpdate = false,
  ): Promise<EventRow> {
    if (!isUuid(eventId)) throw notFound('Event');
    const { user, tenant } = requestContext.current();
    const [event] = await sql(
      manager,
      invitationEventStatement(forUpdate),
      [...visibilityOf(user?.id ?? null, tenant), eventId],
      EventRow,
    );
    if (!event) throw notFound('Event');
    return event;
  }

  /**
   * Locks the event, then the invitation (the order the seat-taking approvals use, so the two
   * never deadlock): an invitation of another event, or one the caller may not see (another
   * State's for a focal point), is 404.
   */
  private async lock(
    eventId: string,
    invitationId: string,
  ): Promise<{ event: EventRow; invitation: LockedRow }> {
    const { manager } = requestContext.current();
    const event = await this.findEvent(manager, eventId, true);
    if (!isUuid(invitationId)) throw notFound('Invitation');
    const [invitation] = await sql(
      manager,
      `select i.id, i.member_state_code::text as member_state, i.status, i.seats,
              i.nomination_deadline::text as nomination_deadline, i.seats_requested,
              i.seats_request_status, i.reminded_at, i.version
         from event_invitations i
        where i.id = $1 and i.event_id = $2 and ${visibleInvitation('i', invitationViewerParams(3))}
        for update`,
      [invitationId, eventId, ...this.invitationViewer()],
      LockedRow,
    );
    if (!invitation) throw notFound('Invitation');
    return { event, invitation };
  }

  /** Seats taken: approved nominations the participant did not decline (under the lock). */
  private async approvedOf(manager: EntityManager, invitationId: string): Promise<number> {
    const [row] = await sql(
      manager,
      `select count(*)::int as approved from nominations
        where invitation_id = $1 and status = 'approved' and confirmation <> 'declined'`,
      [invitationId],
      z.strictObject({ approved: z.number().int() }),
    );
    return row?.approved ?? 0;
  }

  private decide(
    event: EventRow,
    invitation: LockedRow,
    approved: number,
    action: InvitationAction,
    input: { seats?: number | undefined } = {},
  ) {
    return invitationTransition(
      {
        status: invitation.status,
        seats: invitation.seats,
        approved,
        seatRequestPending: invitation.seats_request_status === 'pending',
        remindedAt: invitation.reminded_at,
      },
      event.status,
      action,
      { seats: input.seats, now: new Date() },
    );
  }

  /** Turns the domain's refusal into the problem the caller reads. */
  private refuse(
    decision: { ok: true } | { ok: false; reason: InvitationRefusal } | null,
    approved = 0,
  ): void {
    if (!decision || decision.ok) return;
    switch (decision.reason) {
      case 'seats_taken':
        throw new InvitationsException(
          409,
          'seats-taken',
          'The State holds approved participants',
          `${approved} approved ${approved === 1 ? 'participant holds a seat' : 'participants hold seats'}: seats cannot go below that, and the invitation cannot be declined or withdrawn while any does.`,
        );
      case 'reminded_recently':
        throw new InvitationsException(
          409,
          'reminded-recently',
          'This State was reminded less than an hour ago',
        );
      case 'event_not_live':
        throw new InvitationsException(
          409,
          'invitation-state',
          'The event takes no invitations now',
          'Only an announced event that is not held, closed or cancelled invites States.',
        );
      default:
        throw new InvitationsException(
          409,
          'invitation-state',
          'This change is not possible for the invitation now',
          decision.reason,
        );
    }
  }

  /** Writes the invitation's change, its version and its last activity. */
  private async write(
    manager: EntityManager,
    invitationId: string,
    assignments: string,
    values: unknown[],
  ): Promise<void> {
    await sql(
      manager,
      `update event_invitations set ${assignments}, version = version + 1, last_activity_at = now()
        where id = $1`,
      [invitationId, ...values],
    );
  }

  /** The caller, as the visibility rules' parameters. */
  private visibility() {
    const { user, tenant } = requestContext.current();
    return visibilityOf(user?.id ?? null, tenant);
  }

  /** The caller as `invitationViewerParams` reads them: the State, whether they plan events. */
  private invitationViewer(): [memberState: string | null, manages: boolean] {
    const [, memberState, manages] = this.visibility();
    return [memberState, manages];
  }

  private async rows(
    manager: EntityManager,
    eventId: string,
    ids: string[],
  ): Promise<StateInvitation[]> {
    if (ids.length === 0) return [];
    const rows = await sql(
      manager,
      PARTICIPATION_ROWS,
      [eventId, ...this.invitationViewer(), ids, null, null, null],
      InvitationRow,
    );
    return rows.map(toStateInvitation);
  }

  private async row(
    manager: EntityManager,
    eventId: string,
    invitationId: string,
  ): Promise<StateInvitation> {
    const [row] = await this.rows(manager, eventId, [invitationId]);
    if (!row) throw notFound('Invitation');
    return row;
  }

  private eventLink(slug: string, eventId: string): string {
    return `${this.config.appUrl}/t/${encodeURIComponent(slug)}/events/${eventId}`;
  }

  private async mailInvited(
    tenant: TenantScope,
    event: EventRow,
    invitations: { id: string; member_state: string; version: number }[],
    seats: number,
    deadline: string,
  ): Promise<void> {
    const { manager } = requestContext.current();
    const byState = new Map(invitations.map((row) => [row.member_state, row]));
    for (const person of await focalPointsOf(manager, [...byState.keys()])) {
      const invitation = byState.get(person.member_state);
      if (!invitation) continue;
      await this.outbox.enqueue({
        tenantId: tenant.id,
        recipient: person.email,
        language: person.language,
        // The invitation and its version: an invitation renewed after a withdrawal is mailed again.
        idempotencyKey: `state_invited:${invitation.id}:${invitation.version}:${person.id}`,
        message: {
          kind: 'state_invited',
          name: person.name,
          tenantName: tenant.name,
          eventTitle: event.title,
          startsAt: iso(event.starts_at),
          endsAt: iso(event.ends_at),
          timeZone: event.time_zone,
          place: event.place,
          stateName: person.state_name,
          seats,
          deadline: deadlineInstant(deadline),
          link: this.eventLink(tenant.slug, event.id),
        },
      });
    }
  }

  private async mailUpdated(
    event: EventRow,
    before: LockedRow,
    seats: number,
    deadline: string,
    seatRequest: { granted: boolean; answer: string | null } | null,
  ): Promise<void> {
    const { manager, tenant } = requestContext.current();
    if (!tenant) return;
    for (const person of await focalPointsOf(manager, [before.member_state])) {
      await this.outbox.enqueue({
        tenantId: tenant.id,
        recipient: person.email,
        language: person.language,
        idempotencyKey: `invitation_updated:${before.id}:${before.version + 1}:${person.id}`,
        message: {
          kind: 'invitation_updated',
          name: person.name,
          eventTitle: event.title,
          stateName: person.state_name,
          seats,
          previousSeats: before.seats,
          deadline: deadlineInstant(deadline),
          previousDeadline: deadlineInstant(before.nomination_deadline),
          seatRequest,
          link: this.eventLink(tenant.slug, event.id),
        },
      });
    }
  }
}

/** Inviting needs a live event; null when it is one. */
function invitationEventRefusal(status: EventStatus) {
  return INVITING_EVENT_STATUSES.includes(status)
    ? null
    : ({ ok: false, reason: 'event_not_live' } as const);
}

function seatRequestOf(row: {
  seats_requested: number | null;
  seats_request_reason: string | null;
  seats_request_status: SeatRequestStatus | null;
  seats_request_answer: string | null;
}): SeatRequest | null {
  if (row.seats_requested === null || row.seats_request_status === null) return null;
  return {
    seats: row.seats_requested,
    reason: row.seats_request_reason ?? '',
    status: row.seats_request_status,
    answer: row.seats_request_answer,
  };
}

function toStateInvitation(row: InvitationRow): StateInvitation {
  return {
    id: row.id,
    eventId: row.event_id,
    memberState: row.member_state,
    regionalGroups: row.regional_groups,
    seats: row.seats,
    seatsLeft: seatsLeft(row.seats, row),
    nominationDeadline: row.nomination_deadline,
    status: row.status,
    declineReason: row.decline_reason,
    seatRequest: seatRequestOf(row),
    counts: {
      nominated: row.nominated,
      pending: row.pending,
      approved: row.approved,
      waitlisted: row.waitlisted,
      confirmed: row.confirmed,
      attended: row.attended,
    },
    invitedAt: iso(row.invited_at),
    respondedAt: row.responded_at ? iso(row.responded_at) : null,
    remindedAt: row.reminded_at ? iso(row.reminded_at) : null,
    lastActivityAt: iso(row.last_activity_at),
    version: row.version,
  };
}
