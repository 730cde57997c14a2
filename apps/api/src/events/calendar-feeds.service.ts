import type {
  CalendarFeedCreated,
  CalendarFeedStatus,
  PublicEvent,
  PublicEventsPage,
} from '@convene/contracts';
import { Role, TENANT_SLUG_PATTERN } from '@convene/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { notFound } from '../common/app-exception';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type AuthenticatedUser, requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { applyScope } from '../db/transaction';
import { hashToken, newToken } from '../auth/secrets';
import { Tenant } from '../tenants/tenant.entity';
import { eventsCalendar } from './event-calendar';
import { EventRow, toCalendarEvent } from './events.service';
import {
  eventExpert,
  publicEvent,
  viewerParams,
  visibilityOf,
  visibleEvent,
} from './event-visibility';

/** An event as CALENDAR_COLUMNS selects it. */
const CalendarRow = EventRow.pick({
  id: true,
  title: true,
  summary: true,
  status: true,
  starts_at: true,
  ends_at: true,
  time_zone: true,
  venue_name: true,
  venue_city: true,
  venue_country: true,
  meeting_link: true,
  version: true,
  updated_at: true,
});

/** An event as the public page lists it: nothing about people. */
const PublicEventRow = EventRow.pick({
  id: true,
  type: true,
  title: true,
  summary: true,
  thematic_areas: true,
  format: true,
  venue_city: true,
  venue_country: true,
  starts_at: true,
  starts_key: true,
  ends_at: true,
  time_zone: true,
  working_languages: true,
  status: true,
});

const CALENDAR_COLUMNS = `e.id, e.title, e.summary, e.status, e.starts_at, e.ends_at, e.time_zone,
  e.venue_name, e.venue_city, e.venue_country, e.meeting_link, e.version, e.updated_at`;

/** A feed keeps the recent past and everything ahead, up to this many events per tenant. */
const FEED_LIMIT = 500;

/**
 * Calendars outside a signed-in page: each person's private feed (events
 * they organise or speak at and may see, in every tenant they belong to)
 * and each tenant's public page and feed (announced events it marked
 * public, nothing about people). Both go through the one rule of
 * event-visibility.ts.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async status(user: AuthenticatedUser): Promise<CalendarFeedStatus> {
    const [row] = await sql(
      requestContext.current().manager,
      `select created_at from calendar_feeds where user_id = $1`,
      [user.id],
      z.strictObject({ created_at: z.date() }),
    );
    return { active: !!row, createdAt: row ? new Date(row.created_at).toISOString() : null };
  }

  /** A new secret URL; any earlier one stops working. */
  async create(user: AuthenticatedUser): Promise<CalendarFeedCreated> {
    const { token, hash } = newToken();
    await sql(
      requestContext.current().manager,
      `insert into calendar_feeds (user_id, token_hash) values ($1, $2)
       on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now()`,
      [user.id, hash],
    );
    return { url: `${this.config.appUrl}/api/calendar/${token}/events.ics` };
  }

  async revoke(user: AuthenticatedUser): Promise<void> {
    await sql(requestContext.current().manager, `delete from calendar_feeds where user_id = $1`, [
      user.id,
    ]);
  }

  /** The private feed behind a token; 404 for a token that is unknown or revoked. */
  async privateFeed(token: string): Promise<string> {
    const { manager } = requestContext.current();
    if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) throw notFound('Calendar');
    const [feed] = await sql(
      manager,
      `select user_id from calendar_feeds where token_hash = $1`,
      [hashToken(token)],
      z.strictObject({ user_id: z.guid() }),
    );
    if (!feed) throw notFound('Calendar');
    await applyScope(manager, { userId: feed.user_id });
    // The person's role in each tenant, as it is now: what they may see differs by tenant, and
    // an officer who became an expert no longer sees the drafts they once planned.
    const tenants = await sql(
      manager,
      `select t.id, t.slug, m.role, trim(m.member_state_code) as member_state_code
         from memberships m join tenants t on t.id = m.tenant_id
        where m.user_id = $1 and m.status = 'active' order by t.slug`,
      [feed.user_id],
      z.strictObject({
        id: z.guid(),
        slug: z.string(),
        role: Role,
        member_state_code: z.string().nullable(),
      }),
    );
    const events = [];
    for (const tenant of tenants) {
      await applyScope(manager, { userId: feed.user_id, tenantId: tenant.id });
      // What concerns them, among what the one rule lets them see in this tenant.
      const rows = await sql(
        manager,
        `select ${CALENDAR_COLUMNS} from events e
          where e.ends_at > now() - interval '90 days'
            and ${visibleEvent('e', viewerParams(1))}
            and (e.responsible_officer_id = $1 or e.created_by = $1
                 or ${eventExpert('e', '$1::uuid')})
          order by e.starts_at, e.id
          limit $4`,
        [
          ...visibilityOf(feed.user_id, {
            role: tenant.role,
            memberStateCode: tenant.member_state_code,
          }),
          FEED_LIMIT,
        ],
        CalendarRow,
      );
      events.push(...rows.map((row) => toCalendarEvent(row, this.config.appUrl, tenant.slug)));
    }
    return eventsCalendar('Convene', events);
  }

  /** Upcoming public events of a tenant, soonest first, keyset-paginated. */
  async publicEvents(slug: string, limit: number, after?: string): Promise<PublicEventsPage> {
    const { manager } = requestContext.current();
    const tenant = await this.publicTenant(manager, slug);
    const cursor = decodeCursor(after, ['timestamp', 'uuid'] as const);
    const rows = await sql(
      manager,
      `select e.id, e.type, e.title, e.summary, e.thematic_areas, e.format, e.venue_city,
              e.venue_country, e.starts_at, e.starts_at::text as starts_key, e.ends_at,
              e.time_zone, e.working_languages, e.status
         from events e
        where ${publicEvent('e')} and e.ends_at >= now()
          and ($1::timestamptz is null or (e.starts_at, e.id) > ($1::timestamptz, $2::uuid))
        order by e.starts_at, e.id
        limit $3`,
      [cursor?.[0] ?? null, cursor?.[1] ?? null, limit + 1],
      PublicEventRow,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      tenant: { name: tenant.name },
      items: page.map(
        (row): PublicEvent => ({
          id: row.id,
          type: row.type,
          title: row.title,
          summary: row.summary,
          thematicAreas: row.thematic_areas,
          format: row.format,
          venue: row.venue_city
            ? { city: row.venue_city, countryAlpha3: row.venue_country?.trim() ?? null }
            : null,
          startsAt: new Date(row.starts_at).toISOString(),
          endsAt: new Date(row.ends_at).toISOString(),
          timeZone: row.time_zone,
          workingLanguages: row.working_languages,
          status: row.status,
        }),
      ),
      nextCursor: rows.length > limit && last ? encodeCursor([last.starts_key, last.id]) : null,
    };
  }

  async publicFeed(slug: string): Promise<string> {
    const { manager } = requestContext.current();
    const tenant = await this.publicTenant(manager, slug);
    const rows = await sql(
      manager,
      `select ${CALENDAR_COLUMNS} from events e
        where ${publicEvent('e')} and e.ends_at > now() - interval '90 days'
        order by e.starts_at, e.id
        limit $1`,
      [FEED_LIMIT],
      CalendarRow,
    );
    const page = `/public/${encodeURIComponent(tenant.slug)}`;
    return eventsCalendar(
      tenant.name,
      rows.map((row) =>
        // Public entries link to the public page, and carry no meeting link.
        toCalendarEvent({ ...row, meeting_link: null }, this.config.appUrl, tenant.slug, page),
      ),
    );
  }

  /** Any tenant's public events are public; the platform's own pseudo-tenant has none. */
  private async publicTenant(manager: EntityManager, slug: string) {
    if (!TENANT_SLUG_PATTERN.test(slug)) throw notFound('Organisation');
    const tenant =
      slug === 'platform'
        ? null
        : await manager.findOne(Tenant, {
            select: { id: true, slug: true, name: true },
            where: { slug },
          });
    if (!tenant) throw notFound('Organisation');
    await applyScope(manager, { tenantId: tenant.id });
    return tenant;
  }
}
