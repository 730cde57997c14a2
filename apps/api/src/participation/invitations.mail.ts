import { Language } from '@convene/contracts';
import { OPTIONAL_MAIL_AUDIENCE } from '@convene/domain';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { stateNameIn } from '../member-states/state-name-sql';

/**
 * Who hears of a State's invitation, in their own language, with the State's name in that
 * language: the State's active focal points, or the event's officer. One statement each, for
 * any number of States.
 */

export const MailRecipientRow = z.strictObject({
  id: z.guid(),
  email: z.string(),
  name: z.string(),
  language: Language,
  member_state: z.string(),
  state_name: z.string(),
});
export type MailRecipientRow = z.infer<typeof MailRecipientRow>;

/** The active focal points of these States in the tenant (of the manager's transaction). */
export function focalPointsOf(
  manager: EntityManager,
  states: readonly string[],
): Promise<MailRecipientRow[]> {
  if (states.length === 0) return Promise.resolve([]);
  return sql(
    manager,
    `select u.id, u.email, u.name, u.preferred_language as language,
            m.member_state_code::text as member_state, ${stateNameIn('u.preferred_language')} as state_name
       from memberships m
       join users u on u.id = m.user_id
       join member_states ms on ms.alpha3 = m.member_state_code
      where m.role = 'focal_point' and m.status = 'active'
        and m.member_state_code = any ($1::char(3)[])
      order by m.member_state_code, u.id`,
    [states],
    MailRecipientRow,
  );
}

/**
 * Who hears of a State's answer: the event's responsible officer while an active planner of the
 * tenant, else every active planner (tenant admins and officers), so an answer never goes
 * unheard because the officer left.
 */
export function officersOf(
  manager: EntityManager,
  eventId: string,
  state: string,
): Promise<MailRecipientRow[]> {
  return sql(
    manager,
    `with planners as (
       select u.id, u.email, u.name, u.preferred_language as language,
              (u.id = e.responsible_officer_id) as responsible
         from events e
         join memberships m on m.status = 'active' and m.role = any ($2::text[])
         join users u on u.id = m.user_id
        where e.id = $1)
     select u.id, u.email, u.name, u.language, ms.alpha3::text as member_state,
            ${stateNameIn('u.language')} as state_name
       from planners u join member_states ms on ms.alpha3 = $3::char(3)
      where u.responsible or not exists (select from planners p where p.responsible)
      order by u.id`,
    [eventId, OPTIONAL_MAIL_AUDIENCE.invitation_answered, state],
    MailRecipientRow,
  );
}

/** A deadline (YYYY-MM-DD) as the instant the mail strings format: noon UTC of that day. */
export const deadlineInstant = (day: string) => `${day}T12:00:00.000Z`;
