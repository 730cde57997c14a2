import { Language } from '@convene/contracts';
import { z } from 'zod';
import { sql } from '../db/sql';
import type { ScheduledMail } from '../mail/mail-scheduler';
import { enqueueMail } from '../mail/outbox.service';
import { signLink } from './participant-link-token';
import { participantUrl } from './participant-links-issue';

/** How many days ahead confirmed participants are reminded of their event. */
export const PARTICIPANT_REMINDER_DAYS = 3;

const ReminderRow = z.strictObject({
  nomination_id: z.guid(),
  email: z.string(),
  full_name: z.string(),
  language: Language,
  title: z.string(),
  starts_at: z.date(),
  starts_key: z.string(),
  time_zone: z.string(),
  venue_name: z.string().nullable(),
  venue_city: z.string().nullable(),
  link_id: z.guid(),
  link_expires_at: z.date(),
});

/**
 * Once a day, each participant who confirmed and whose event starts within three days gets a
 * reminder in the language chosen for them, with their participant page. The key names the
 * nomination and the event's start, so a postponed event is reminded again and a day missed
 * while no worker ran is caught up the next. The page link is the participant's live one
 * (signed again from its row: no new link is made); a participant whose links an officer
 * revoked gets no reminder.
 */
export function participantReminders(
  appUrl: string,
  secret: string,
  hourUtc: number,
): ScheduledMail {
  return {
    kind: 'participant_reminder',
    periodAt: (now) => (now.getUTCHours() >= hourUtc ? now.toISOString().slice(0, 10) : null),
    async enqueue(manager, tenant, _period, now) {
      const rows = await sql(
        manager,
        `select distinct on (n.id)
                n.id as nomination_id, p.email, p.full_name, n.preferred_language as language,
                e.title, e.starts_at, e.starts_at::text as starts_key, e.time_zone,
                e.venue_name, e.venue_city, l.id as link_id, l.expires_at as link_expires_at
           from nominations n
           join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
           join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
           join participant_links l on l.tenant_id = n.tenant_id and l.nomination_id = n.id
          where n.status = 'approved' and n.confirmation = 'confirmed'
            and p.anonymised_at is null
            and e.status in ('planned', 'open_for_nominations', 'nominations_closed', 'confirmed')
            and e.starts_at > $1 and e.starts_at <= $1::timestamptz + make_interval(days => $2)
            and l.purpose = 'page' and l.revoked_at is null and l.expires_at > $1
          order by n.id, l.created_at desc`,
        [now, PARTICIPANT_REMINDER_DAYS],
        ReminderRow,
      );
      let written = 0;
      for (const row of rows) {
        const token = signLink(
          {
            tenantId: tenant.id,
            linkId: row.link_id,
            purpose: 'page',
            expiresAt: row.link_expires_at,
          },
          secret,
        );
        const place = [row.venue_name, row.venue_city].filter(Boolean).join(', ');
        const queued = await enqueueMail(manager, {
          tenantId: tenant.id,
          recipient: row.email,
          language: row.language,
          idempotencyKey: `participant_reminder:${row.nomination_id}:${row.starts_key}`,
          message: {
            kind: 'participant_reminder',
            name: row.full_name,
            tenantName: tenant.name,
            eventTitle: row.title,
            startsAt: row.starts_at.toISOString(),
            timeZone: row.time_zone,
            place: place || null,
            link: participantUrl(appUrl, 'page', token),
          },
        });
        if (queued) written++;
      }
      return written;
    },
  };
}
