import { auditFacts } from '../audit/audit-facts';
import { approvalFits, freeSeats, type SeatCounts, type SeatRefusal } from '@convene/domain';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { type DecidedNomination, notifyNominationDecided } from './nominations.mail';
import {
  issueParticipantLinks,
  newCheckInCode,
  type ParticipantLinkSettings,
} from './participant-links-issue';

/*
 * Seats (docs/participation.md, "Seats"): never more approved nominations than the
 * invitation's seats, nor than the event's capacity, also when approvals race. Every path that
 * approves (an officer's decision, a freed seat offered to the waitlist) first takes
 * `lockSeats`: the event's row, then the invitation's, `for update`, always in that order, so
 * concurrent approvals queue on the event and each counts what the previous one committed.
 */

/** A seat counts while approved and not declined by the participant (libs/domain takesSeat). */
const TAKES_SEAT = `status = 'approved' and confirmation is distinct from 'declined'`;

const SeatRow = z.strictObject({
  tenant_id: z.guid(),
  event_id: z.guid(),
  invitation_id: z.guid(),
  member_state_code: z.string(),
  seats: z.number().int(),
  capacity: z.number().int().nullable(),
  state_taken: z.number().int(),
  event_taken: z.number().int(),
});

export interface LockedSeats extends SeatCounts {
  tenantId: string;
  eventId: string;
  invitationId: string;
  memberStateCode: string;
}

/**
 * Locks the event's row and then the invitation's (`for update`) and counts the seats taken,
 * in the caller's transaction. Null when the invitation is not in the transaction's tenant.
 */
export async function lockSeats(
  manager: EntityManager,
  invitationId: string,
): Promise<LockedSeats | null> {
  // The event first, always: two transactions never hold these two rows in opposite orders.
  await sql(
    manager,
    `select e.id from events e
      where e.id = (select event_id from event_invitations where id = $1)
      for update of e`,
    [invitationId],
  );
  const [row] = await sql(
    manager,
    `select i.tenant_id, i.event_id, i.id as invitation_id, i.member_state_code::text, i.seats,
            e.capacity,
            (select count(*)::int from nominations n
              where n.tenant_id = i.tenant_id and n.invitation_id = i.id and n.${TAKES_SEAT}) as state_taken,
            (select count(*)::int from nominations n
              where n.tenant_id = e.tenant_id and n.event_id = e.id and n.${TAKES_SEAT}) as event_taken
       from event_invitations i join events e on e.tenant_id = i.tenant_id and e.id = i.event_id
      where i.id = $1
      for update of i`,
    [invitationId],
    SeatRow,
  );
  if (!row) return null;
  return {
    tenantId: row.tenant_id,
    eventId: row.event_id,
    invitationId: row.invitation_id,
    memberStateCode: row.member_state_code,
    stateSeats: row.seats,
    stateTaken: row.state_taken,
    capacity: row.capacity,
    eventTaken: row.event_taken,
  };
}

/** Why an approval does not fit, in words for a 409's detail. */
export function seatRefusalDetail(reason: SeatRefusal, seats: LockedSeats): string {
  return reason === 'state_seats_taken'
    ? `All ${seats.stateSeats} seats of ${seats.memberStateCode} are taken: decline an approved nominee or grant the State more seats first.`
    : `The event's capacity of ${seats.capacity ?? 0} is reached: no State may have another nominee approved.`;
}

/** Checks that one more approval fits the locked counts. */
export function checkApproval(
  seats: LockedSeats,
): { ok: true } | { ok: false; reason: SeatRefusal; detail: string } {
  const fits = approvalFits(seats);
  return fits.ok ? fits : { ...fits, detail: seatRefusalDetail(fits.reason, seats) };
}

/**
 * Approves a nomination whose seat the caller has checked under lockSeats: confirmation
 * pending, a check-in code, a fresh pair of signed links, and the confirmation request to the
 * participant (with the links and the event's .ics) in the outbox of this same transaction.
 */
export async function approveNomination(
  manager: EntityManager,
  input: { tenantId: string; nominationId: string; decidedBy: string | null },
  settings: ParticipantLinkSettings,
): Promise<number> {
  // A collision of two random 50-bit codes in one tenant is all but impossible; the unique
  // index would turn one into an error rather than a shared code.
  const [updated] = await sql(
    manager,
    `update nominations
        set status = 'approved', confirmation = 'pending', confirmed_at = null,
            check_in_code = $3, decided_by = $4, decided_at = now(), decision_reason = null,
            waitlisted_at = null, updated_at = now(), version = version + 1
      where tenant_id = $1 and id = $2
      returning version`,
    [input.tenantId, input.nominationId, newCheckInCode(), input.decidedBy],
    VersionRow,
  );
  if (!updated) throw new Error('approveNomination: no such nomination in this tenant');
  await issueParticipantLinks(manager, input, settings, 'confirmation_request');
  return updated.version;
}

const VersionRow = z.strictObject({ version: z.number().int() });

const WaitlistedRow = z.strictObject({ id: z.guid() });

/**
 * Offers the seats free at the invitation to its State's waitlist, earliest waitlisted first:
 * each promoted nominee is approved and gets the confirmation request. Call it in the
 * transaction that freed a seat (a participant declining through the decision link, an officer
 * declining an approved nominee), acting in the invitation's tenant. Returns the nominations
 * promoted (none when no seat is free or nobody waits). The focal points hear of each promotion
 * at once, or, given `batch` (a bulk decision), in the batch's one mail.
 */
export async function offerFreedSeat(
  manager: EntityManager,
  invitationId: string,
  settings: ParticipantLinkSettings,
  decidedBy: string | null = null,
  batch?: DecidedNomination[],
): Promise<string[]> {
  const seats = await lockSeats(manager, invitationId);
  if (!seats) return [];
  const room = freeSeats(seats);
  if (room === 0) return [];
  const waiting = await sql(
    manager,
    `select id from nominations
      where tenant_id = $1 and invitation_id = $2 and status = 'waitlisted'
      order by waitlisted_at, id
      limit $3`,
    [seats.tenantId, invitationId, room],
    WaitlistedRow,
  );
  for (const nomination of waiting) {
    const version = await approveNomination(
      manager,
      { tenantId: seats.tenantId, nominationId: nomination.id, decidedBy },
      settings,
    );
    await sql(
      manager,
      `insert into audit_log (tenant_id, actor_id, action, entity, entity_id, after)
       values ($1, $2, 'nomination.promoted', 'nomination', $3, $4)`,
      [
        seats.tenantId,
        decidedBy,
        nomination.id,
        JSON.stringify(auditFacts({ status: 'approved', from: 'waitlisted', invitationId })),
      ],
    );
    const decided: DecidedNomination = {
      nominationId: nomination.id,
      decision: 'approved',
      reason: null,
      key: `v${version}`,
    };
    if (batch) batch.push(decided);
    else
      await notifyNominationDecided(
        manager,
        { tenantId: seats.tenantId, ...decided },
        settings.appUrl,
      );
  }
  return waiting.map((nomination) => nomination.id);
}
