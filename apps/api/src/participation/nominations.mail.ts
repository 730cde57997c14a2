import { createHash } from 'node:crypto';
import { Language } from '@convene/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { membershipViewer, PLANNER_ROLES, visibleEvent } from '../events/event-visibility';
import { enqueueEach, enqueueMail } from '../mail/outbox.service';
import { stateNameIn } from '../member-states/state-name-sql';

/*
 * The mail nominations send to people with accounts (docs/participation.md, "Mail"), each in
 * the recipient's language, written in the caller's transaction (a rolled-back decision sends
 * nothing). The confirmation request to the participant is seats.ts's.
 */

const Recipient = z.strictObject({
  user_id: z.guid(),
  email: z.string(),
  name: z.string(),
  language: Language,
  tenant_name: z.string(),
  tenant_slug: z.string(),
  event_id: z.guid(),
  event_title: z.string(),
  nominee_name: z.string(),
  state_name: z.string(),
});

const RECIPIENT_COLUMNS = `u.id as user_id, u.email, u.name, u.preferred_language as language,
  t.name as tenant_name, t.slug as tenant_slug, e.id as event_id, e.title as event_title,
  p.full_name as nominee_name, ${stateNameIn('u.preferred_language')} as state_name`;

const NOMINATION_JOINS = `nominations n
  join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
  join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
  join member_states ms on ms.alpha3 = n.member_state_code
  join tenants t on t.id = n.tenant_id`;

const eventLink = (appUrl: string, row: z.infer<typeof Recipient>) =>
  `${appUrl}/t/${encodeURIComponent(row.tenant_slug)}/events/${row.event_id}`;

/**
 * A new nomination, to the event's responsible officer when they are an active planner of the
 * tenant, else to every active planner (tenant administrators and programme officers).
 */
export async function notifyNominationReceived(
  manager: EntityManager,
  input: { tenantId: string; nominationId: string },
  appUrl: string,
): Promise<void> {
  const recipients = await sql(
    manager,
    `with planners as (
       select m.user_id from memberships m
        where m.tenant_id = $1 and m.status = 'active' and m.role = any ($3::text[]))
     select ${RECIPIENT_COLUMNS}
       from ${NOMINATION_JOINS}
       join users u on u.id in (
         select user_id from planners where user_id = e.responsible_officer_id
         union all
         select user_id from planners
          where not exists (select from planners o where o.user_id = e.responsible_officer_id))
      where n.tenant_id = $1 and n.id = $2
      order by u.id`,
    [input.tenantId, input.nominationId, PLANNER_ROLES],
    Recipient,
  );
  await enqueueEach(
    manager,
    input.tenantId,
    recipients,
    `nomination_received:${input.nominationId}`,
    (row) => ({
      kind: 'nomination_received',
      name: row.name,
      tenantName: row.tenant_name,
      eventTitle: row.event_title,
      stateName: row.state_name,
      nomineeName: row.nominee_name,
      link: eventLink(appUrl, row),
    }),
  );
}

/** A decision taken on a nomination, as its mail tells it. */
export interface DecidedNomination {
  nominationId: string;
  /** approved also covers a waitlisted nominee promoted to a freed seat. */
  decision: 'approved' | 'waitlisted' | 'declined';
  reason: string | null;
  /** Tells decisions on one nomination apart: its version after the decision. */
  key: string;
}

const DecidedRecipient = Recipient.extend({ nomination_id: z.guid() });

/** A decision on one nomination, to its State's focal points (see notifyNominationsDecided). */
export function notifyNominationDecided(
  manager: EntityManager,
  input: { tenantId: string } & DecidedNomination,
  appUrl: string,
): Promise<void> {
  const { tenantId, ...decision } = input;
  return notifyNominationsDecided(manager, { tenantId, decisions: [decision] }, appUrl);
}

/**
 * Decisions on nominations, to the active focal points of each nominee's State who may see the
 * event under the one rule: one mail per focal point and event, listing their State's decisions
 * in the order taken (a bulk decision on forty nominees of five States sends each State's focal
 * points one mail, not eight). One decision reads as before: the nominee named in the subject.
 */
export async function notifyNominationsDecided(
  manager: EntityManager,
  input: { tenantId: string; decisions: DecidedNomination[] },
  appUrl: string,
): Promise<void> {
  if (input.decisions.length === 0) return;
  const ids = input.decisions.map((decision) => decision.nominationId);
  const rows = await sql(
    manager,
    `select ${RECIPIENT_COLUMNS}, n.id as nomination_id
       from ${NOMINATION_JOINS}
       join memberships m on m.tenant_id = n.tenant_id and m.status = 'active'
                         and m.role = 'focal_point' and m.member_state_code = n.member_state_code
       join users u on u.id = m.user_id
      where n.tenant_id = $1 and n.id = any ($2::uuid[])
        and ${visibleEvent('e', membershipViewer('u.id', 'm', '$3::text[]'))}
      order by u.id, e.id, array_position($2::uuid[], n.id)`,
    [input.tenantId, ids, PLANNER_ROLES],
    DecidedRecipient,
  );
  const byNomination = new Map(
    input.decisions.map((decision) => [decision.nominationId, decision]),
  );
  const mails = new Map<string, z.infer<typeof DecidedRecipient>[]>();
  for (const row of rows) {
    const key = `${row.user_id}:${row.event_id}`;
    mails.set(key, [...(mails.get(key) ?? []), row]);
  }
  for (const [, mine] of mails) {
    const [first] = mine;
    if (!first) continue;
    const lines = mine.flatMap((row) => {
      const decided = byNomination.get(row.nomination_id);
      return decided ? [{ row, decided }] : [];
    });
    const [only] = lines;
    if (!only) continue;
    const common = {
      kind: 'nomination_decided' as const,
      name: first.name,
      tenantName: first.tenant_name,
      eventTitle: first.event_title,
      link: eventLink(appUrl, first),
    };
    await enqueueMail(manager, {
      tenantId: input.tenantId,
      recipient: first.email,
      language: first.language,
      idempotencyKey:
        lines.length === 1
          ? `nomination_decided:${only.decided.nominationId}:${only.decided.key}:${first.user_id}`
          : `nomination_decided:${batchKey(lines.map((line) => line.decided))}:${first.user_id}`,
      message:
        lines.length === 1
          ? {
              ...common,
              nomineeName: only.row.nominee_name,
              decision: only.decided.decision,
              reason: only.decided.reason,
            }
          : {
              ...common,
              decisions: lines.map(({ row, decided }) => ({
                nomineeName: row.nominee_name,
                decision: decided.decision,
                reason: decided.reason,
              })),
            },
    });
  }
}

/** The same batch of decisions makes the same key, whatever their order. */
const batchKey = (decisions: DecidedNomination[]) =>
  createHash('sha256')
    .update(
      decisions
        .map((decision) => `${decision.nominationId}:${decision.key}`)
        .sort()
        .join(','),
    )
    .digest('base64url')
    .slice(0, 22);
