import { deadlineReminderDue, INVITING_EVENT_STATUSES, seatsLeft } from '@convene/domain';
import { z } from 'zod';
import { sql } from '../db/sql';
import type { ScheduledMail } from '../mail/mail-scheduler';
import { enqueueMail } from '../mail/outbox.service';
import { deadlineInstant, focalPointsOf } from './invitations.mail';
import { COUNTS } from './invitations.query';

const DueRow = z.strictObject({
  id: z.guid(),
  event_id: z.guid(),
  member_state: z.string(),
  nomination_deadline: z.string(),
  invited_on: z.string(),
  seats: z.number().int(),
  approved: z.number().int(),
  pending: z.number().int(),
  title: z.string(),
});

/** The furthest ahead a reminder goes (the first of DEADLINE_REMINDER_DAYS). */
const LOOKAHEAD_DAYS = 7;

/**
 * Once a day, the focal points of each State with an open invitation (invited or accepted, to a
 * live event) and seats left hear of its nomination deadline a week and two days ahead
 * (deadlineReminderDue in libs/domain). The key names the invitation, its deadline and the
 * reminder, so each goes once, a moved deadline re-arms them, and a day missed while no worker
 * ran is caught up the next.
 */
export function nominationDeadlineReminders(appUrl: string, hourUtc: number): ScheduledMail {
  return {
    kind: 'nomination_reminder',
    periodAt: (now) => (now.getUTCHours() >= hourUtc ? now.toISOString().slice(0, 10) : null),
    async enqueue(manager, tenant, today) {
      const rows = await sql(
        manager,
        `select i.id, i.event_id, i.member_state_code::text as member_state,
                i.nomination_deadline::text as nomination_deadline,
                (i.invited_at at time zone 'UTC')::date::text as invited_on, i.seats,
                n.approved, n.pending, e.title
           from event_invitations i
           join events e on e.tenant_id = i.tenant_id and e.id = i.event_id
           ${COUNTS}
          where i.status in ('invited', 'accepted') and e.status = any ($3::text[])
            and i.nomination_deadline between $1::date and $1::date + $2::int
          order by i.nomination_deadline, i.id`,
        [today, LOOKAHEAD_DAYS, [...INVITING_EVENT_STATUSES]],
        DueRow,
      );
      const due = rows.flatMap((row) => {
        const reminder = deadlineReminderDue(row.nomination_deadline, row.invited_on, today);
        const left = seatsLeft(row.seats, row);
        return reminder !== null && left > 0 ? [{ ...row, reminder, left }] : [];
      });
      if (due.length === 0) return 0;
      const people = await focalPointsOf(manager, [...new Set(due.map((row) => row.member_state))]);
      let written = 0;
      for (const invitation of due) {
        for (const person of people.filter((p) => p.member_state === invitation.member_state)) {
          const queued = await enqueueMail(manager, {
            tenantId: tenant.id,
            recipient: person.email,
            language: person.language,
            idempotencyKey: `nomination_reminder:${invitation.id}:${invitation.nomination_deadline}:${invitation.reminder}:${person.id}`,
            message: {
              kind: 'nomination_reminder',
              name: person.name,
              eventTitle: invitation.title,
              stateName: person.state_name,
              deadline: deadlineInstant(invitation.nomination_deadline),
              seatsLeft: invitation.left,
              link: `${appUrl}/t/${encodeURIComponent(tenant.slug)}/events/${invitation.event_id}`,
            },
          });
          if (queued) written++;
        }
      }
      return written;
    },
  };
}
