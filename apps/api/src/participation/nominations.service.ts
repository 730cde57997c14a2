import {
  CONSENT_TEXT_VERSION,
  CONSENT_TEXTS,
  ConfirmationStatus,
  EventStatus,
  InstitutionType,
  Language,
  type NominationBulkDecision,
  type NominationBulkResult,
  type NominationCreate,
  type NominationDecision,
  type NominationDecisionKind,
  type NominationDecisionOutcome,
  type NominationDetail,
  type NominationFull,
  type NominationNames,
  type NominationPage,
  type NominationQuery,
  NominationStatus,
  type NominationUpdate,
  type NominationWithdraw,
  problemType,
  Sex,
  TargetAudience,
} from '@convene/contracts';
import {
  decisionsOpen,
  type NominationAction,
  nominationFits,
  nominationMove,
  nominationWindow,
} from '@convene/domain';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { AppException, forbidden, notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { isUuid } from '../common/uuid';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { NominationsException } from './nominations.exception';
import {
  type DecidedNomination,
  notifyNominationReceived,
  notifyNominationsDecided,
} from './nominations.mail';
import type { ParticipantLinkSettings } from './participant-links-issue';
import {
  expertSeesNames,
  invitationViewerParams,
  personalColumn,
  visibleInvitation,
  visibleNomination,
} from './participant-visibility';
import { approveNomination, checkApproval, lockSeats, offerFreedSeat } from './seats';

/** The caller as $1–$3 (event-visibility.ts), in every statement that reads nominees. */
const VIEWER = viewerParams(1);
const personal = (column: string) => personalColumn(column, 'n', 'e', VIEWER);

/**
 * A nomination as the caller may read it: THE rules of who sees which event and which nominee
 * are embedded (visibleEvent, visibleNomination), and every personal column goes through
 * personalColumn, so what an expert may not read never leaves the database.
 */
const NOMINATION_COLUMNS = `n.id, n.event_id, e.title as event_title, n.member_state_code::text,
  p.full_name, n.institution,
  ${expertSeesNames('n', 'e', VIEWER)} as names_only,
  ${personal('n.invitation_id')} as invitation_id,
  ${personal('p.id')} as participant_id,
  ${personal('p.email')} as email,
  ${personal('n.sex')} as sex,
  ${personal('n.function_title')} as function_title,
  ${personal('n.institution_type')} as institution_type,
  ${personal('n.audience')} as audience,
  ${personal('n.languages')} as languages,
  ${personal('n.preferred_language')} as preferred_language,
  ${personal('n.status')} as status,
  ${personal('n.confirmation')} as confirmation,
  ${personal('n.decision_reason')} as decision_reason,
  ${personal('n.decided_by')} as decided_by,
  ${personal('decider.name')} as decided_by_name,
  ${personal('n.decided_at')} as decided_at,
  ${personal('n.waitlisted_at')} as waitlisted_at,
  ${personal('n.confirmed_at')} as confirmed_at,
  ${personal('n.dietary_needs')} as dietary_needs,
  ${personal('n.accessibility_needs')} as accessibility_needs,
  ${personal('n.nominated_by')} as nominated_by,
  ${personal('nominator.name')} as nominated_by_name,
  ${personal('n.nominated_at')} as nominated_at,
  n.nominated_at::text as nominated_key,
  ${personal('n.updated_at')} as updated_at,
  ${personal('n.version')} as version`;

const NOMINATION_FROM = `nominations n
  join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
  join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
  left join users decider on decider.id = n.decided_by
  left join users nominator on nominator.id = n.nominated_by`;

const VISIBLE = `${visibleEvent('e', VIEWER)} and ${visibleNomination('n', 'e', VIEWER)}`;

const NominationRow = z.strictObject({
  id: z.guid(),
  event_id: z.guid(),
  event_title: z.string(),
  member_state_code: z.string(),
  full_name: z.string(),
  institution: z.string(),
  names_only: z.boolean(),
  invitation_id: z.guid().nullable(),
  participant_id: z.guid().nullable(),
  email: z.string().nullable(),
  sex: Sex.nullable(),
  function_title: z.string().nullable(),
  institution_type: InstitutionType.nullable(),
  audience: TargetAudience.nullable(),
  languages: z.array(Language).nullable(),
  preferred_language: Language.nullable(),
  status: NominationStatus.nullable(),
  confirmation: ConfirmationStatus.nullable(),
  decision_reason: z.string().nullable(),
  decided_by: z.guid().nullable(),
  decided_by_name: z.string().nullable(),
  decided_at: z.date().nullable(),
  waitlisted_at: z.date().nullable(),
  confirmed_at: z.date().nullable(),
  dietary_needs: z.string().nullable(),
  accessibility_needs: z.string().nullable(),
  nominated_by: z.guid().nullable(),
  nominated_by_name: z.string().nullable(),
  nominated_at: z.date().nullable(),
  nominated_key: z.string(),
  updated_at: z.date().nullable(),
  version: z.number().int().nullable(),
});
type NominationRow = z.infer<typeof NominationRow>;

const ConsentRow = z.strictObject({
  attested_by: z.guid().nullable(),
  attested_by_name: z.string().nullable(),
  attested_at: z.date(),
  text_version: z.string(),
  text: z.string(),
  withdrawn_at: z.date().nullable(),
});

/** The event and the caller's State's invitation to it, as nominating needs them. */
const InvitationRow = z.strictObject({
  event_status: EventStatus,
  invitation_id: z.guid().nullable(),
  invitation_status: z.enum(['invited', 'accepted', 'declined', 'withdrawn']).nullable(),
  seats: z.number().int().nullable(),
  deadline_passed: z.boolean().nullable(),
  counted: z.number().int(),
});

/** The nomination's own state, read under lock by the writers. */
const StateRow = z.strictObject({
  id: z.guid(),
  tenant_id: z.guid(),
  event_id: z.guid(),
  event_status: EventStatus,
  invitation_id: z.guid(),
  member_state_code: z.string(),
  participant_id: z.guid(),
  status: NominationStatus,
  confirmation: ConfirmationStatus.nullable(),
  version: z.number().int(),
  invitation_status: z.enum(['invited', 'accepted', 'declined', 'withdrawn']),
  deadline_passed: z.boolean(),
});
type StateRow = z.infer<typeof StateRow>;

const IdRow = z.strictObject({ id: z.guid() });
const ExistingRow = z.strictObject({
  id: z.guid(),
  status: NominationStatus,
  invitation_id: z.guid(),
});

/** The deadline is a date: nominations close at the end of that day in the event's time zone. */
const DEADLINE_PASSED = `now() >= ((i.nomination_deadline + 1)::timestamp at time zone e.time_zone)`;

/** A nomination counts against the State's quota (libs/domain countsAgainstQuota). */
const COUNTS_AGAINST_QUOTA = `(n.status = 'nominated'
  or (n.status = 'approved' and n.confirmation is distinct from 'declined'))`;

const DECISION_STATUS: Record<NominationDecisionKind, 'approved' | 'waitlisted' | 'declined'> = {
  approve: 'approved',
  waitlist: 'waitlisted',
  decline: 'declined',
};

const iso = (value: Date) => value.toISOString();

/** `%` and `_` typed in a search are letters, not patterns. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Nominations (docs/participation.md): focal points nominate, edit and withdraw their State's
 * nominees; officers decide; everyone reads only what the participant visibility rule lets them.
 */
@Injectable()
export class NominationsService {
  constructor(
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get links(): ParticipantLinkSettings {
    return { appUrl: this.config.appUrl, secret: this.config.secret };
  }

  private visibility(): unknown[] {
    const { user, tenant } = requestContext.current();
    return visibilityOf(user?.id ?? null, tenant);
  }

  /** An event's nominations (eventId), or the tenant's across events (a State's, a person's history). */
  async list(query: NominationQuery, eventId?: string): Promise<NominationPage> {
    const { manager } = requestContext.current();
    if (eventId !== undefined) await this.findEvent(eventId);
    const cursor = decodeCursor(query.after, ['timestamp', 'uuid'] as const);
    const params: unknown[] = this.visibility();
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [VISIBLE];
    if (eventId !== undefined) where.push(`n.event_id = ${p(eventId)}`);
    if (query.state) where.push(`n.member_state_code = ${p(query.state)}`);
    // Filters on personal columns go through personalColumn too: an expert cannot learn a
    // nominee's status, confirmation or identity by filtering on it.
    if (query.status) where.push(`${personal('n.status')} = ${p(query.status)}`);
    if (query.confirmation) where.push(`${personal('n.confirmation')} = ${p(query.confirmation)}`);
    if (query.participantId) where.push(`${personal('p.id')} = ${p(query.participantId)}::uuid`);
    if (query.q) {
      const pattern = p(likePattern(query.q));
      where.push(`(p.full_name ilike ${pattern} or ${personal('p.email')} ilike ${pattern})`);
    }
    if (cursor) {
      where.push(`(n.nominated_at, n.id) > (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    }
    const rows = await sql(
      manager,
      `select ${NOMINATION_COLUMNS} from ${NOMINATION_FROM}
        where ${where.join(' and ')}
        order by n.nominated_at, n.id
        limit ${p(query.limit + 1)}`,
      params,
      NominationRow,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toNomination),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.nominated_key, last.id]) : null,
    };
  }

  async get(id: string): Promise<NominationDetail> {
    const row = await this.findRow(id);
    const nomination = toNomination(row);
    if (nomination.view === 'names') return { nomination, consents: [] };
    const consents = await sql(
      requestContext.current().manager,
      `select c.attested_by, u.name as attested_by_name, c.attested_at, c.text_version, c.text,
              c.withdrawn_at
         from consent_attestations c left join users u on u.id = c.attested_by
        where c.nomination_id = $1
        order by c.attested_at desc, c.id`,
      [id],
      ConsentRow,
    );
    return {
      nomination,
      consents: consents.map((consent) => ({
        attestedBy: consent.attested_by
          ? { id: consent.attested_by, name: consent.attested_by_name ?? '' }
          : null,
        attestedAt: iso(consent.attested_at),
        textVersion: consent.text_version,
        text: consent.text,
        withdrawnAt: consent.withdrawn_at ? iso(consent.withdrawn_at) : null,
      })),
    };
  }

  /**
   * A focal point nominates someone for their State's invitation. Nominating accepts an
   * invitation still awaiting an answer. The person is recognised by email in the tenant.
   */
  async create(eventId: string, input: NominationCreate): Promise<NominationDetail> {
    const { manager, tenant, user } = requestContext.current();
    const state = tenant?.memberStateCode;
    if (!tenant || !state) throw forbidden();
    await this.findEvent(eventId);
    // Their State's invitation: the one the rule lets them see (`visibleInvitation`).
    const [found] = await sql(
      manager,
      `select i.id from event_invitations i
        where i.event_id = $1 and i.member_state_code = $2
          and ${visibleInvitation('i', invitationViewerParams(2))}`,
      // The caller without their user id: $2 their State, $3 whether they plan events.
      [eventId, ...this.visibility().slice(1)],
      IdRow,
    );
    if (!found) {
      throw closed(`${state} is not invited to this event: ask the officer for an invitation.`);
    }
    // The event's row, then the invitation's: concurrent nominations of one State queue here.
    await lockSeats(manager, found.id);
    const [invitation] = await sql(
      manager,
      `select e.status as event_status, i.id as invitation_id, i.status as invitation_status,
              i.seats, ${DEADLINE_PASSED} as deadline_passed,
              (select count(*)::int from nominations n
                where n.invitation_id = i.id and ${COUNTS_AGAINST_QUOTA}) as counted
         from event_invitations i join events e on e.tenant_id = i.tenant_id and e.id = i.event_id
        where i.id = $1`,
      [found.id],
      InvitationRow,
    );
    if (!invitation?.invitation_id || !invitation.invitation_status) throw notFound('Event');
    this.checkWindow(
      invitation.event_status,
      invitation.invitation_status,
      !!invitation.deadline_passed,
    );
    if (!nominationFits(invitation.seats ?? 0, invitation.counted)) {
      throw new NominationsException(
        409,
        'no-seats',
        'Your State has nominated as many people as it has seats',
        `${state} has ${invitation.seats ?? 0} seats and as many nominations awaiting a decision or approved: withdraw one, or ask the officer for more seats.`,
      );
    }
    const participantId = await this.person(tenant.id, input.email, input.fullName);
    const [existing] = await sql(
      manager,
      `select id, status, invitation_id from nominations where event_id = $1 and participant_id = $2`,
      [eventId, participantId],
      ExistingRow,
    );
    let nominationId: string;
    const values = [
      input.sex,
      input.functionTitle,
      input.institution,
      input.institutionType,
      input.audience,
      input.languages,
      input.preferredLanguage,
      user?.id ?? null,
    ];
    if (existing) {
      // A withdrawn nomination of the same State comes back; anything else is a duplicate.
      if (existing.status !== 'withdrawn' || existing.invitation_id !== invitation.invitation_id) {
        throw new NominationsException(
          409,
          'conflict',
          'This person is already nominated for this event',
        );
      }
      await sql(
        manager,
        `update nominations
            set status = 'nominated', confirmation = null, sex = $2, function_title = $3,
                institution = $4, institution_type = $5, audience = $6, languages = $7,
                preferred_language = $8, nominated_by = $9, nominated_at = now(),
                decided_by = null, decided_at = null, decision_reason = null,
                waitlisted_at = null, updated_at = now(), version = version + 1
          where id = $1`,
        [existing.id, ...values],
      );
      nominationId = existing.id;
    } else {
      const [created] = await sql(
        manager,
        `insert into nominations (tenant_id, event_id, invitation_id, participant_id,
                                  member_state_code, sex, function_title, institution,
                                  institution_type, audience, languages, preferred_language,
                                  nominated_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         returning id`,
        [tenant.id, eventId, invitation.invitation_id, participantId, state, ...values],
        IdRow,
      );
      if (!created) throw new Error('insert returned no row');
      nominationId = created.id;
    }
    await this.attest(tenant.id, nominationId, input.consent.language);
    // Nominating answers the invitation: the State takes part.
    await sql(
      manager,
      `update event_invitations
          set status = case when status = 'invited' then 'accepted' else status end,
              responded_by = case when status = 'invited' then $2::uuid else responded_by end,
              responded_at = case when status = 'invited' then now() else responded_at end,
              last_activity_at = now(), version = version + 1
        where id = $1`,
      [invitation.invitation_id, user?.id ?? null],
    );
    await this.audit.record({
      action: existing ? 'nomination.renominated' : 'nomination.created',
      entity: 'nomination',
      entityId: nominationId,
      after: { eventId, memberStateCode: state, participantId, status: 'nominated' },
    });
    await notifyNominationReceived(
      manager,
      { tenantId: tenant.id, nominationId },
      this.config.appUrl,
    );
    return this.get(nominationId);
  }

  /** A focal point corrects a nomination awaiting a decision, attesting consent again. */
  async update(id: string, input: NominationUpdate): Promise<NominationDetail> {
    const { manager, tenant, user } = requestContext.current();
    if (!tenant) throw forbidden();
    const before = await this.lockState(id);
    this.checkVersion(before, input.version);
    this.checkMove(before, 'edit');
    this.checkWindow(before.event_status, before.invitation_status, before.deadline_passed);
    const participantId = await this.person(tenant.id, input.email, input.fullName);
    if (participantId !== before.participant_id) {
      const [taken] = await sql(
        manager,
        `select id from nominations where event_id = $1 and participant_id = $2`,
        [before.event_id, participantId],
        IdRow,
      );
      if (taken) {
        throw new NominationsException(
          409,
          'conflict',
          'This person is already nominated for this event',
        );
      }
    }
    await sql(
      manager,
      `update nominations
          set participant_id = $2, sex = $3, function_title = $4, institution = $5,
              institution_type = $6, audience = $7, languages = $8, preferred_language = $9,
              updated_at = now(), version = version + 1
        where id = $1`,
      [
        id,
        participantId,
        input.sex,
        input.functionTitle,
        input.institution,
        input.institutionType,
        input.audience,
        input.languages,
        input.preferredLanguage,
      ],
    );
    await this.attest(tenant.id, id, input.consent.language);
    await this.touchInvitation(before.invitation_id);
    await this.audit.record({
      action: 'nomination.updated',
      entity: 'nomination',
      entityId: id,
      before: { participantId: before.participant_id },
      after: { participantId, editedBy: user?.id ?? null },
    });
    return this.get(id);
  }

  /** A focal point withdraws a nomination that holds no seat (awaiting a decision, or waitlisted). */
  async withdraw(id: string, input: NominationWithdraw): Promise<NominationDetail> {
    const { manager } = requestContext.current();
    const before = await this.lockState(id);
    this.checkVersion(before, input.version);
    this.checkMove(before, 'withdraw');
    await sql(
      manager,
      `update nominations
          set status = 'withdrawn', waitlisted_at = null, updated_at = now(), version = version + 1
        where id = $1`,
      [id],
    );
    await this.touchInvitation(before.invitation_id);
    await this.audit.record({
      action: 'nomination.withdrawn',
      entity: 'nomination',
      entityId: id,
      before: { status: before.status },
      after: { status: 'withdrawn' },
    });
    return this.get(id);
  }

  /** An officer's decision on one nomination. */
  async decide(id: string, input: NominationDecision): Promise<NominationFull> {
    await this.decideOne(id, input);
    return this.full(id);
  }

  /**
   * One decision for many nominations, each on its own (a savepoint each): the result says,
   * per nomination, whether it was done or why not. The seats rule holds for every one. The
   * focal points hear of the batch once: each gets one mail listing their State's decisions
   * (those done, and the waitlisted nominees the freed seats promoted).
   */
  async decideMany(input: NominationBulkDecision): Promise<NominationBulkResult> {
    const { manager, tenant } = requestContext.current();
    const results: NominationDecisionOutcome[] = [];
    const promoted: string[] = [];
    const batch: DecidedNomination[] = [];
    for (const nominationId of input.nominationIds) {
      await sql(manager, 'savepoint nomination_decision');
      try {
        // Collected only once the savepoint is kept: a refused decision mails nothing.
        const decided: DecidedNomination[] = [];
        const done = await this.decideOne(
          nominationId,
          { decision: input.decision, reason: input.reason },
          decided,
        );
        await sql(manager, 'release savepoint nomination_decision');
        batch.push(...decided);
        promoted.push(...done.promoted);
        results.push({ nominationId, ok: true, nomination: await this.full(nominationId) });
      } catch (error) {
        if (!(error instanceof AppException)) throw error;
        await sql(manager, 'rollback to savepoint nomination_decision');
        results.push({
          nominationId,
          ok: false,
          status: error.status,
          type: problemType(error.code),
          title: error.title,
          ...(error.detail ? { detail: error.detail } : {}),
        });
      }
    }
    if (tenant) {
      await notifyNominationsDecided(
        manager,
        { tenantId: tenant.id, decisions: batch },
        this.config.appUrl,
      );
    }
    return { results, promoted };
  }

  /**
   * Decides on one nomination under the seat locks. The focal points' mail goes at once, or,
   * given `batch`, the decision (and any promotion it caused) is added to it for one mail later.
   */
  private async decideOne(
    id: string,
    input: NominationDecision,
    batch?: DecidedNomination[],
  ): Promise<{ promoted: string[] }> {
    const { manager, user } = requestContext.current();
    const before = await this.lockState(id);
    if (!decisionsOpen(before.event_status)) {
      throw closed(`Decisions are not possible while the event is ${before.event_status}.`);
    }
    this.checkVersion(before, input.version);
    this.checkMove(before, input.decision);
    // Held already (lockState): this reads the counts as they stand under the lock.
    const seats = await lockSeats(manager, before.invitation_id);
    if (!seats) throw notFound('Nomination');
    const reason = input.reason ?? null;
    let promoted: string[] = [];
    if (input.decision === 'approve') {
      const fits = checkApproval(seats);
      if (!fits.ok) {
        throw new NominationsException(
          409,
          'no-seats',
          'No seat is left for this nominee',
          fits.detail,
        );
      }
      await approveNomination(
        manager,
        { tenantId: before.tenant_id, nominationId: id, decidedBy: user?.id ?? null },
        this.links,
      );
    } else {
      const waitlist = input.decision === 'waitlist';
      await sql(
        manager,
        `update nominations
            set status = $2, confirmation = null, confirmed_at = null, check_in_code = null,
                waitlisted_at = case when $2 = 'waitlisted' then now() end,
                decision_reason = $3, decided_by = $4, decided_at = now(),
                updated_at = now(), version = version + 1
          where id = $1`,
        [id, waitlist ? 'waitlisted' : 'declined', reason, user?.id ?? null],
      );
      if (before.status === 'approved') {
        // The participant's links die with the approval, and the seat goes to the waitlist.
        await sql(
          manager,
          `update participant_links set revoked_at = now()
            where nomination_id = $1 and revoked_at is null`,
          [id],
        );
        if (before.confirmation !== 'declined') {
          promoted = await offerFreedSeat(
            manager,
            before.invitation_id,
            this.links,
            user?.id ?? null,
            batch,
          );
        }
      }
    }
    const status = DECISION_STATUS[input.decision];
    await this.touchInvitation(before.invitation_id);
    await this.audit.record({
      action: `nomination.${status}`,
      entity: 'nomination',
      entityId: id,
      before: { status: before.status, confirmation: before.confirmation },
      after: { status, ...(reason ? { reason } : {}), ...(promoted.length ? { promoted } : {}) },
    });
    const decided: DecidedNomination = {
      nominationId: id,
      decision: status,
      reason,
      key: `v${before.version + 1}`,
    };
    if (batch) {
      // The decision before the promotions it caused, in the order they were taken.
      batch.splice(batch.length - promoted.length, 0, decided);
    } else {
      await notifyNominationsDecided(
        manager,
        { tenantId: before.tenant_id, decisions: [decided] },
        this.config.appUrl,
      );
    }
    return { promoted };
  }

  /** The nomination as the caller may read it, or 404. */
  private async findRow(id: string): Promise<NominationRow> {
    if (!isUuid(id)) throw notFound('Nomination');
    const [row] = await sql(
      requestContext.current().manager,
      `select ${NOMINATION_COLUMNS} from ${NOMINATION_FROM} where n.id = $4 and ${VISIBLE}`,
      [...this.visibility(), id],
      NominationRow,
    );
    if (!row) throw notFound('Nomination');
    return row;
  }

  private async full(id: string): Promise<NominationFull> {
    const nomination = toNomination(await this.findRow(id));
    if (nomination.view !== 'full') throw notFound('Nomination');
    return nomination;
  }

  /**
   * The nomination's own state, locked for the change, after the caller's read of it passed the
   * rules (a focal point of another State, or an expert, gets 404 as on reads). Only readers who
   * see the full view may change a nomination: the permission decides which changes.
   */
  private async lockState(id: string): Promise<StateRow> {
    const row = await this.findRow(id);
    if (row.names_only || !row.invitation_id) throw notFound('Nomination');
    // The event's row and the invitation's first, as every writer of seats takes them, and the
    // nomination's after: offerFreedSeat updates waitlisted nominations under the same two locks.
    await lockSeats(requestContext.current().manager, row.invitation_id);
    const [state] = await sql(
      requestContext.current().manager,
      `select n.id, n.tenant_id, n.event_id, e.status as event_status, n.invitation_id,
              n.member_state_code::text, n.participant_id, n.status, n.confirmation, n.version,
              i.status as invitation_status, ${DEADLINE_PASSED} as deadline_passed
         from nominations n
         join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
         join event_invitations i on i.tenant_id = n.tenant_id and i.id = n.invitation_id
        where n.id = $1
        for update of n`,
      [id],
      StateRow,
    );
    if (!state) throw notFound('Nomination');
    return state;
  }

  /** The event, if the caller may see it (the one rule), else 404. */
  private async findEvent(eventId: string): Promise<void> {
    if (!isUuid(eventId)) throw notFound('Event');
    const [row] = await sql(
      requestContext.current().manager,
      `select e.id from events e where e.id = $4 and ${visibleEvent('e', VIEWER)}`,
      [...this.visibility(), eventId],
      IdRow,
    );
    if (!row) throw notFound('Event');
  }

  /**
   * The person with this email in the tenant, made if new; the name given replaces the one kept
   * (the nominating focal point knows the person as they are now). Anonymised people keep
   * placeholder addresses, so nobody is recognised as one of them.
   */
  private async person(tenantId: string, email: string, fullName: string): Promise<string> {
    const [row] = await sql(
      requestContext.current().manager,
      `insert into participants (tenant_id, email, full_name) values ($1, $2, $3)
       on conflict (tenant_id, lower(email)) do update set full_name = excluded.full_name
       returning id`,
      [tenantId, email, fullName],
      IdRow,
    );
    if (!row) throw new Error('upsert returned no row');
    return row.id;
  }

  /** Keeps the consent text shown, in the language it was shown in, with who and when. */
  private async attest(tenantId: string, nominationId: string, language: Language) {
    const { manager, user } = requestContext.current();
    await sql(
      manager,
      `insert into consent_attestations (tenant_id, nomination_id, attested_by, text_version, text)
       values ($1, $2, $3, $4, $5)`,
      [tenantId, nominationId, user?.id ?? null, CONSENT_TEXT_VERSION, CONSENT_TEXTS[language]],
    );
  }

  private async touchInvitation(invitationId: string): Promise<void> {
    await sql(
      requestContext.current().manager,
      `update event_invitations set last_activity_at = now() where id = $1`,
      [invitationId],
    );
  }

  private checkVersion(state: StateRow, version: number | undefined): void {
    if (version !== undefined && version !== state.version) {
      throw new NominationsException(
        409,
        'stale-version',
        'Someone changed this nomination meanwhile',
        'Reload the nomination to see the changes, then apply yours again.',
      );
    }
  }

  private checkMove(state: StateRow, action: NominationAction): void {
    if (!nominationMove(state.status, action).ok) {
      throw new NominationsException(
        409,
        'nomination-transition',
        'This nomination cannot change that way now',
        `A nomination that is ${state.status} cannot be ${PAST[action]}.`,
      );
    }
  }

  private checkWindow(
    eventStatus: EventStatus,
    invitationStatus: StateRow['invitation_status'],
    deadlinePassed: boolean,
  ): void {
    const window = nominationWindow({ eventStatus, invitationStatus, deadlinePassed });
    if (!window.ok) throw closed(WINDOW_DETAIL[window.reason]);
  }
}

const PAST: Record<NominationAction, string> = {
  approve: 'approved',
  waitlist: 'waitlisted',
  decline: 'declined',
  withdraw: 'withdrawn',
  edit: 'edited',
};

const WINDOW_DETAIL = {
  event_not_open: 'The event does not take nominations now.',
  invitation_closed: "Your State's invitation was declined or withdrawn.",
  deadline_passed: "The invitation's nomination deadline has passed.",
} as const;

const closed = (detail: string) =>
  new NominationsException(409, 'nomination-closed', 'Nominations are closed here', detail);

function toNomination(row: NominationRow): NominationFull | NominationNames {
  if (row.names_only) {
    return {
      view: 'names',
      id: row.id,
      eventId: row.event_id,
      memberStateCode: row.member_state_code,
      fullName: row.full_name,
      institution: row.institution,
    };
  }
  const required = <T>(value: T | null, column: string): T => {
    if (value === null) throw new Error(`nomination ${row.id}: ${column} is null in the full view`);
    return value;
  };
  return {
    view: 'full',
    id: row.id,
    eventId: row.event_id,
    eventTitle: row.event_title,
    invitationId: required(row.invitation_id, 'invitation_id'),
    memberStateCode: row.member_state_code,
    participant: {
      id: required(row.participant_id, 'participant_id'),
      fullName: row.full_name,
      email: required(row.email, 'email'),
    },
    fullName: row.full_name,
    sex: required(row.sex, 'sex'),
    functionTitle: required(row.function_title, 'function_title'),
    institution: row.institution,
    institutionType: required(row.institution_type, 'institution_type'),
    audience: required(row.audience, 'audience'),
    languages: required(row.languages, 'languages'),
    preferredLanguage: required(row.preferred_language, 'preferred_language'),
    status: required(row.status, 'status'),
    confirmation: row.confirmation,
    decisionReason: row.decision_reason,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    waitlistedAt: row.waitlisted_at ? iso(row.waitlisted_at) : null,
    confirmedAt: row.confirmed_at ? iso(row.confirmed_at) : null,
    dietaryNeeds: required(row.dietary_needs, 'dietary_needs'),
    accessibilityNeeds: required(row.accessibility_needs, 'accessibility_needs'),
    nominatedBy: row.nominated_by
      ? { id: row.nominated_by, name: row.nominated_by_name ?? '' }
      : null,
    nominatedAt: iso(required(row.nominated_at, 'nominated_at')),
    updatedAt: iso(required(row.updated_at, 'updated_at')),
    version: required(row.version, 'version'),
  };
}
