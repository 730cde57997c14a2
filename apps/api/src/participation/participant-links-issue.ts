import { randomBytes } from 'node:crypto';
import { Language } from '@convene/contracts';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { eventsCalendar } from '../events/event-calendar';
import { EventRow, toCalendarEvent } from '../events/events.service';
import { enqueueMail } from '../mail/outbox.service';
import { type LinkPurpose, signLink } from './participant-link-token';

/** What issuing links needs of the app's configuration (apps/api/src/config/app-config.ts). */
export interface ParticipantLinkSettings {
  /** The web app's public address; links are `${appUrl}/p/...`. */
  appUrl: string;
  /** The app's secret, which signs the tokens. */
  secret: string;
}

export interface IssuedLinks {
  /**
   * The one-time link to confirm or decline, `${appUrl}/p/decision/<token>`, until the event
   * starts; null when there is nothing left to decide (answered, or the event has begun).
   */
  decisionUrl: string | null;
  /** The participant's page: `${appUrl}/p/<token>`, until a year after the event ends. */
  pageUrl: string;
  decisionExpiresAt: Date | null;
  pageExpiresAt: Date;
  /** How many live links of the nomination this revoked. */
  revoked: number;
}

/**
 * Which mail carries the new links: the confirmation request (an approval: both links and the
 * event's .ics) or the links alone (an officer's reissue: the page, and the decision link while
 * the participant has not answered). A confirmation request with nothing left to decide goes as
 * the links alone.
 */
export type LinksMail = 'confirmation_request' | 'links';

const LinkTarget = EventRow.pick({
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
}).extend({
  tenant_name: z.string(),
  tenant_slug: z.string(),
  email: z.string(),
  full_name: z.string(),
  preferred_language: Language,
  confirmation: z.enum(['pending', 'confirmed', 'declined']).nullable(),
});
const LinkRow = z.strictObject({ id: z.guid(), purpose: z.enum(['decision', 'page']) });

/** A year after the event ends the participant page lapses: the certificate is long fetched. */
export const PAGE_LINK_YEARS = 1;

/** The token carries whole seconds: the row keeps the same instant, so both expire together. */
const wholeSeconds = (instant: Date) => new Date(Math.floor(instant.getTime() / 1000) * 1000);

/** The web page a participant link opens: /p/decision/<token> or /p/<token>. */
export const participantUrl = (appUrl: string, purpose: LinkPurpose, token: string): string =>
  `${appUrl.replace(/\/$/, '')}/p/${purpose === 'decision' ? 'decision/' : ''}${token}`;

/**
 * THE path that gives a participant links (docs/participation.md, "The participant's links"):
 * every link the nomination held is revoked, a participant page is issued that lapses a year
 * after the event ends, and a one-time decision link that expires when the event starts while
 * the participant has not answered and the event has not begun; then the links go by mail
 * (`mail`), in the participant's language, in the outbox of this same transaction. An approval
 * and an officer's reissue both come here, so both leave exactly one live set of links and
 * mail what they issued.
 *
 * Runs in `manager`'s transaction, which must act in the nomination's tenant (row-level
 * security); a nomination the transaction cannot see is an error, not a silent no-op.
 */
export async function issueParticipantLinks(
  manager: EntityManager,
  target: { tenantId: string; nominationId: string },
  settings: ParticipantLinkSettings,
  mail: LinksMail,
): Promise<IssuedLinks> {
  const [nomination] = await sql(
    manager,
    `select e.id, e.title, e.summary, e.status, e.starts_at, e.ends_at, e.time_zone,
            e.venue_name, e.venue_city, e.venue_country, e.meeting_link, e.version, e.updated_at,
            t.name as tenant_name, t.slug as tenant_slug, p.email, p.full_name,
            n.preferred_language, n.confirmation
       from nominations n
       join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
       join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
       join tenants t on t.id = n.tenant_id
      where n.tenant_id = $1 and n.id = $2`,
    [target.tenantId, target.nominationId],
    LinkTarget,
  );
  if (!nomination) throw new Error('issueParticipantLinks: no such nomination in this tenant');
  const revoked = await sql(
    manager,
    `update participant_links set revoked_at = now()
      where tenant_id = $1 and nomination_id = $2 and revoked_at is null
      returning id`,
    [target.tenantId, target.nominationId],
  );
  const asksDecision =
    nomination.confirmation === 'pending' && nomination.starts_at.getTime() > Date.now();
  const decisionExpiresAt = asksDecision ? wholeSeconds(nomination.starts_at) : null;
  const pageExpiresAt = wholeSeconds(nomination.ends_at);
  pageExpiresAt.setUTCFullYear(pageExpiresAt.getUTCFullYear() + PAGE_LINK_YEARS);
  const rows = await sql(
    manager,
    `insert into participant_links (tenant_id, nomination_id, purpose, expires_at)
     select $1, $2, purpose, expires_at
       from (values ('page', $3::timestamptz), ('decision', $4::timestamptz)) as l (purpose, expires_at)
      where expires_at is not null
     returning id, purpose`,
    [target.tenantId, target.nominationId, pageExpiresAt, decisionExpiresAt],
    LinkRow,
  );
  const urlOf = (purpose: LinkPurpose, expiresAt: Date) => {
    const row = rows.find((candidate) => candidate.purpose === purpose);
    if (!row) throw new Error(`issueParticipantLinks: no ${purpose} link written`);
    const token = signLink(
      { tenantId: target.tenantId, linkId: row.id, purpose, expiresAt },
      settings.secret,
    );
    return participantUrl(settings.appUrl, purpose, token);
  };
  const links: IssuedLinks = {
    decisionUrl: decisionExpiresAt ? urlOf('decision', decisionExpiresAt) : null,
    pageUrl: urlOf('page', pageExpiresAt),
    decisionExpiresAt,
    pageExpiresAt,
    revoked: revoked.length,
  };
  await mailLinks(manager, target, nomination, links, settings, mail);
  return links;
}

async function mailLinks(
  manager: EntityManager,
  target: { tenantId: string; nominationId: string },
  row: z.infer<typeof LinkTarget>,
  links: IssuedLinks,
  settings: ParticipantLinkSettings,
  mail: LinksMail,
): Promise<void> {
  const recipient = {
    tenantId: target.tenantId,
    recipient: row.email,
    language: row.preferred_language,
  };
  if (mail === 'confirmation_request' && links.decisionUrl) {
    // The calendar entry links to the event's page in the app, never to the participant's
    // page: a calendar is often shared, the participant's links are personal.
    const calendarEvent = toCalendarEvent(row, settings.appUrl, row.tenant_slug);
    const place = [row.venue_name, row.venue_city].filter(Boolean).join(', ');
    await enqueueMail(manager, {
      ...recipient,
      // One per set of links: a later approval (after a decline) issues new links and a new mail.
      idempotencyKey: `participation_confirmation:${target.nominationId}:${links.decisionUrl.slice(-43)}`,
      message: {
        kind: 'participation_confirmation',
        name: row.full_name,
        tenantName: row.tenant_name,
        eventTitle: row.title,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        timeZone: row.time_zone,
        place: place || null,
        link: links.decisionUrl,
        pageLink: links.pageUrl,
        ics: eventsCalendar(row.title, [calendarEvent]),
      },
    });
    return;
  }
  await enqueueMail(manager, {
    ...recipient,
    idempotencyKey: `participant_links:${target.nominationId}:${links.pageUrl.slice(-43)}`,
    message: {
      kind: 'participant_links',
      name: row.full_name,
      tenantName: row.tenant_name,
      eventTitle: row.title,
      startsAt: row.starts_at.toISOString(),
      timeZone: row.time_zone,
      link: links.pageUrl,
      decisionLink: links.decisionUrl,
    },
  });
}

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is not mistaken. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A check-in code: 10 random characters of Crockford base32 (50 bits), printed as the QR code
 * on the participant page and typed at check-in.
 */
export function newCheckInCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  for (const byte of bytes) code += CROCKFORD[byte & 31];
  return code;
}
