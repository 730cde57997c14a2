import { Language, Role } from '@convene/contracts';
import { OPTIONAL_MAIL_AUDIENCE } from '@convene/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { PLATFORM_TENANT_ID } from '../db/app-role';
import { sql } from '../db/sql';
import { applyScope, inTransaction } from '../db/transaction';
import { eventsCalendar } from '../events/event-calendar';
import { EventRow, toCalendarEvent } from '../events/events.service';
import {
  eventExpert,
  membershipViewer,
  PLANNER_ROLES,
  visibleEvent,
} from '../events/event-visibility';
import { nominationDeadlineReminders } from '../participation/invitations.reminders';
import { participantReminders } from '../participation/participant-reminders';
import { enqueueMail } from './outbox.service';
import type { MailKind } from './templates/mail-message';

const TenantRow = z.strictObject({ id: z.guid(), slug: z.string(), name: z.string() });
type TenantRow = z.infer<typeof TenantRow>;

/** An invitation about to lapse, as the digest lists it. */
const ExpiringInvitationRow = z.strictObject({
  email: z.string(),
  role: Role,
  expires_at: z.date(),
});

/** A person mail goes to, in the language they asked for. */
const RecipientRow = z.strictObject({
  id: z.guid(),
  email: z.string(),
  name: z.string(),
  language: Language,
});

/** An event as a reminder reads it: what its .ics needs, and its start as the key's text. */
const ReminderEventRow = EventRow.pick({
  id: true,
  title: true,
  summary: true,
  status: true,
  starts_at: true,
  starts_key: true,
  ends_at: true,
  time_zone: true,
  venue_name: true,
  venue_city: true,
  venue_country: true,
  meeting_link: true,
  version: true,
  updated_at: true,
});

/**
 * Mail due because of the data and the date, not because of a request: a
 * digest, a reminder before a deadline. Each job names its periods (a day,
 * or one deadline); the scheduler computes each tenant's period once.
 */
export interface ScheduledMail {
  kind: MailKind;
  /** The period due at `now`, e.g. "2026-11-29"; null when nothing is due yet. */
  periodAt(now: Date): string | null;
  /** Writes the period's mail for one tenant, inside that tenant's transaction. */
  enqueue(manager: EntityManager, tenant: TenantRow, period: string, now: Date): Promise<number>;
}

export interface MailSchedulerOptions {
  appUrl: string;
  /** The hour (UTC) from which a day's digests and reminders go out. */
  digestHourUtc?: number;
  /** The app's secret, to sign participants' links; without it no participant reminder goes. */
  secret?: string;
}

/**
 * Runs scheduled mail from the database's state, so it survives restarts
 * and any number of workers may tick at once: the first to record a
 * (tenant, kind, period) run in mail_schedule_runs computes it; the others
 * wait on that row's insert and then find it done. Idempotency keys on the
 * mail itself are a second guard.
 */
export class MailScheduler {
  private readonly jobs: readonly ScheduledMail[];

  constructor(
    private readonly dataSource: DataSource,
    options: MailSchedulerOptions,
  ) {
    const hour = options.digestHourUtc ?? 7;
    this.jobs = [
      adminDigest(options.appUrl, hour),
      eventReminders(options.appUrl, hour),
      nominationDeadlineReminders(options.appUrl, hour),
      ...(options.secret ? [participantReminders(options.appUrl, options.secret, hour)] : []),
    ];
  }

  /** Computes whatever is due at `now`; returns how many mails it enqueued. */
  async tick(now = new Date()): Promise<number> {
    let enqueued = 0;
    for (const job of this.jobs) {
      const period = job.periodAt(now);
      if (period === null) continue;
      for (const tenant of await this.tenantsNotRun(job.kind, period)) {
        enqueued += await inTransaction(this.dataSource, { tenantId: tenant.id }, async (m) => {
          const claimed = await sql(
            m,
            `insert into mail_schedule_runs (tenant_id, kind, period) values ($1, $2, $3)
             on conflict do nothing returning period`,
            [tenant.id, job.kind, period],
          );
          return claimed.length === 0 ? 0 : job.enqueue(m, tenant, period, now);
        });
      }
    }
    return enqueued;
  }

  /** One query across tenants, as the mailer role, so an idle tick costs one round trip. */
  private tenantsNotRun(kind: MailKind, period: string): Promise<TenantRow[]> {
    return this.dataSource.transaction(async (m) => {
      await applyScope(m, { as: 'mailer' });
      return sql(
        m,
        `select t.id, t.slug, t.name from tenants t
          where t.id <> $1
            and not exists (select from mail_schedule_runs r
                             where r.tenant_id = t.id and r.kind = $2 and r.period = $3)
          order by t.id`,
        [PLATFORM_TENANT_ID, kind, period],
        TenantRow,
      );
    });
  }
}

/** How far ahead an unaccepted invitation counts as about to lapse. */
const EXPIRING_WITHIN_HOURS = 72;
/** At most this many invitations are listed in one digest. */
const DIGEST_INVITATIONS = 20;
/** The digest reports the mail that failed in this many hours before it. */
const FAILED_WITHIN_HOURS = 24;

/**
 * Once a day, each active tenant administrator hears of what waits for
 * them: invitations nobody accepted that lapse within three days, and
 * messages that became undeliverable in the last day. Nothing waiting, no mail.
 */
function adminDigest(appUrl: string, hourUtc: number): ScheduledMail {
  return {
    kind: 'admin_digest',
    periodAt: dailyFrom(hourUtc),
    async enqueue(manager, tenant, period, now) {
      const invitations = await sql(
        manager,
        `select email, role, expires_at from invitations
          where accepted_at is null and revoked_at is null
            and expires_at > $1 and expires_at <= $1::timestamptz + make_interval(hours => $2)
          order by expires_at, id
          limit $3`,
        [now, EXPIRING_WITHIN_HOURS, DIGEST_INVITATIONS],
        ExpiringInvitationRow,
      );
      // What became undeliverable since the day before (the digest is daily: each failure once).
      const [failed] = await sql(
        manager,
        `select count(*)::int as count from mail_outbox
          where status = 'failed'
            and failed_at > $1::timestamptz - make_interval(hours => $2) and failed_at <= $1`,
        [now, FAILED_WITHIN_HOURS],
        z.strictObject({ count: z.number().int() }),
      );
      const failedMails = failed?.count ?? 0;
      if (invitations.length === 0 && failedMails === 0) return 0;

      const admins = await sql(
        manager,
        `select u.id, u.email, u.name, u.preferred_language as language
           from memberships m join users u on u.id = m.user_id
          where m.role = any ($1::text[]) and m.status = 'active'
          order by u.id`,
        [OPTIONAL_MAIL_AUDIENCE.admin_digest],
        RecipientRow,
      );
      // Failed mail needs the administrator's hand (retry or cancel) on the mail page, where
      // the link opens the failed list; lapsing invitations are listed in full in the mail.
      const page = failedMails > 0 ? 'mail?status=failed' : 'users';
      let written = 0;
      for (const admin of admins) {
        const queued = await enqueueMail(manager, {
          tenantId: tenant.id,
          recipient: admin.email,
          language: admin.language,
          idempotencyKey: `admin_digest:${period}:${admin.id}`,
          message: {
            kind: 'admin_digest',
            name: admin.name,
            tenantName: tenant.name,
            expiringInvitations: invitations.map((invitation) => ({
              email: invitation.email,
              role: invitation.role,
              expiresAt: new Date(invitation.expires_at).toISOString(),
            })),
            failedMails,
            link: `${appUrl}/t/${encodeURIComponent(tenant.slug)}/${page}`,
          },
        });
        if (queued) written++;
      }
      return written;
    },
  };
}

/** How many days ahead the people running an event are reminded of it. */
const REMINDER_DAYS = 7;

/** Once a day a tenant's scheduled mail is computed; both jobs share that rhythm. */
const dailyFrom = (hourUtc: number) => (now: Date) =>
  now.getUTCHours() >= hourUtc ? now.toISOString().slice(0, 10) : null;

/**
 * Once a day, the responsible officer and the speakers of each live event
 * starting within a week get a reminder with the event's .ics. The key
 * names the event's start, so a postponed event is reminded again, and a
 * day missed while no worker ran is caught up the next day.
 */
function eventReminders(appUrl: string, hourUtc: number): ScheduledMail {
  return {
    kind: 'event_reminder',
    periodAt: dailyFrom(hourUtc),
    async enqueue(manager, tenant, _period, now) {
      const events = await sql(
        manager,
        `select e.id, e.title, e.summary, e.status, e.starts_at, e.starts_at::text as starts_key,
                e.ends_at, e.time_zone, e.venue_name, e.venue_city, e.venue_country,
                e.meeting_link, e.version, e.updated_at
           from events e
          -- Live statuses were all announced; who may see each is decided per recipient below.
          where e.status in ('planned', 'open_for_nominations', 'nominations_closed', 'confirmed')
            and e.starts_at > $1 and e.starts_at <= $1::timestamptz + make_interval(days => $2)
          order by e.starts_at, e.id`,
        [now, REMINDER_DAYS],
        ReminderEventRow,
      );
      if (events.length === 0) return 0;
      const people = await sql(
        manager,
        // Each recipient only while the one rule lets them see the event with their role in
        // this tenant now: an officer who became an expert hears no more of events they do
        // not speak at.
        `select e.id as event_id, u.id, u.email, u.name, u.preferred_language as language
           from events e
           join users u on u.id = e.responsible_officer_id or ${eventExpert('e', 'u.id')}
           join memberships m on m.user_id = u.id and m.status = 'active'
          where e.id = any ($1::uuid[])
            and ${visibleEvent('e', membershipViewer('u.id', 'm', '$2::text[]'))}
          order by e.id, u.id`,
        [events.map((event) => event.id), PLANNER_ROLES],
        RecipientRow.extend({ event_id: z.guid() }),
      );
      const byId = new Map(events.map((event) => [event.id, event]));
      let written = 0;
      for (const person of people) {
        const event = byId.get(person.event_id);
        if (!event) continue;
        const calendarEvent = toCalendarEvent(event, appUrl, tenant.slug);
        const place = [event.venue_name, event.venue_city].filter(Boolean).join(', ');
        const queued = await enqueueMail(manager, {
          tenantId: tenant.id,
          recipient: person.email,
          language: person.language,
          idempotencyKey: `event_reminder:${event.id}:${event.starts_key}:${person.id}`,
          message: {
            kind: 'event_reminder',
            name: person.name,
            tenantName: tenant.name,
            eventTitle: event.title,
            startsAt: new Date(event.starts_at).toISOString(),
            timeZone: event.time_zone,
            place: place || null,
            link: calendarEvent.url,
            ics: eventsCalendar(event.title, [calendarEvent]),
          },
        });
        if (queued) written++;
      }
      return written;
    },
  };
}
