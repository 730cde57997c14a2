import {
  type ConsentWithdrawalResult,
  type ParticipantDecision,
  type ParticipantDecisionResult,
  type ParticipantDecisionView,
  type ParticipantEvent,
  type ParticipantPageView,
  Language,
} from '@convene/contracts';
import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { eventsCalendar } from '../events/event-calendar';
import { EventRow, toCalendarEvent } from '../events/events.service';
import {
  linkRefused,
  type ResolvedParticipantLink,
  requireParticipantLink,
} from './participant-links.service';
import { ParticipantLinksException } from './participant-links.exception';
import { anonymiseParticipants, clearNominations } from '../privacy/retention';
import { offerFreedSeat } from './seats';

/** The nomination behind a link, with its person, event and tenant. */
const PageRow = EventRow.pick({
  id: true,
  title: true,
  summary: true,
  format: true,
  status: true,
  starts_at: true,
  ends_at: true,
  time_zone: true,
  venue_name: true,
  venue_city: true,
  venue_country: true,
  meeting_link: true,
  working_languages: true,
  version: true,
  updated_at: true,
}).extend({
  organiser: z.string(),
  tenant_slug: z.string(),
  invitation_id: z.guid(),
  full_name: z.string(),
  member_state_code: z.string(),
  preferred_language: Language,
  nomination_status: z.enum(['nominated', 'approved', 'waitlisted', 'declined', 'withdrawn']),
  confirmation: z.enum(['pending', 'confirmed', 'declined']).nullable(),
  dietary_needs: z.string(),
  accessibility_needs: z.string(),
  check_in_code: z.string().nullable(),
  certificate_code: z.string().nullable(),
  certificate_issued_at: z.date().nullable(),
});
type PageRow = z.infer<typeof PageRow>;

const AgendaRow = z.strictObject({ title: z.string(), starts_at: z.date(), ends_at: z.date() });

const ConsentRow = z.strictObject({
  text_version: z.string(),
  text: z.string(),
  attested_at: z.date(),
  withdrawn_at: z.date().nullable(),
});

const PersonRow = z.strictObject({
  id: z.guid(),
  email: z.string(),
  full_name: z.string(),
  status: z.enum(['nominated', 'approved', 'waitlisted', 'declined', 'withdrawn']),
  ended: z.boolean(),
  upcoming: z.boolean(),
});

/**
 * What a participant does through their links, with no account: read what is asked and answer
 * it once (the decision link), and keep the participant page (event, agenda, status, calendar
 * file, check-in QR code). Every route resolves its link first (resolveParticipantLink), which
 * also sets the token's tenant on the transaction.
 */
@Injectable()
export class ParticipantPageService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async decisionView(token: string): Promise<ParticipantDecisionView> {
    const link = await requireParticipantLink(this.config.secret, token, 'decision');
    const row = await this.rowOf(link);
    return {
      event: eventOf(row),
      participant: personOf(row),
      expiresAt: link.expiresAt.toISOString(),
      dietaryNeeds: row.dietary_needs,
      accessibilityNeeds: row.accessibility_needs,
    };
  }

  /**
   * The participant's answer, once: the link is spent and the nomination's confirmation set in
   * conditional statements, so of two answers racing with one link only one counts (the other
   * is 410, like any second use).
   */
  async decide(token: string, decision: ParticipantDecision): Promise<ParticipantDecisionResult> {
    const { manager } = requestContext.current();
    const link = await requireParticipantLink(this.config.secret, token, 'decision');
    const row = await this.rowOf(link);
    if (row.status === 'cancelled')
      throw new ParticipantLinksException(409, 'conflict', 'The event was cancelled');
    const spent = await sql(
      manager,
      `update participant_links set used_at = now()
        where id = $1 and used_at is null and revoked_at is null and expires_at > now()
        returning id`,
      [link.linkId],
    );
    if (spent.length === 0) throw linkRefused('used');
    const confirmation = decision.answer === 'confirm' ? 'confirmed' : 'declined';
    const answered = await sql(
      manager,
      `update nominations
          set confirmation = $2,
              confirmed_at = case when $2 = 'confirmed' then now() end,
              dietary_needs = case when $2 = 'confirmed' then $3 else '' end,
              accessibility_needs = case when $2 = 'confirmed' then $4 else '' end,
              updated_at = now(), version = version + 1
        where id = $1 and status = 'approved' and confirmation = 'pending'
        returning id`,
      [link.nominationId, confirmation, decision.dietaryNeeds, decision.accessibilityNeeds],
    );
    if (answered.length === 0) throw linkRefused('used');
    // A decline frees a seat: the State's first waitlisted nominee is offered it (part-nom's
    // seats.ts: approved, mailed, in this transaction, under the same seat locks).
    if (confirmation === 'declined')
      await offerFreedSeat(manager, row.invitation_id, {
        appUrl: this.config.appUrl,
        secret: this.config.secret,
      });
    await this.audit.record({
      action: `nomination.${confirmation}_by_participant`,
      entity: 'nomination',
      entityId: link.nominationId,
      tenantId: link.tenantId,
      actorId: null,
      after: { confirmation },
    });
    return { confirmation };
  }

  async page(token: string): Promise<ParticipantPageView> {
    const { manager } = requestContext.current();
    const link = await requireParticipantLink(this.config.secret, token, 'page');
    const row = await this.rowOf(link);
    const agenda = await sql(
      manager,
      `select s.title, s.starts_at, s.ends_at from agenda_sessions s
        where s.event_id = $1 order by s.starts_at, s.position limit 500`,
      [row.id],
      AgendaRow,
    );
    const consents = await sql(
      manager,
      `select text_version, text, attested_at, withdrawn_at from consent_attestations
        where nomination_id = $1 order by attested_at, id limit 50`,
      [link.nominationId],
      ConsentRow,
    );
    const confirmed = row.nomination_status === 'approved' && row.confirmation === 'confirmed';
    return {
      consents: consents.map((consent) => ({
        version: consent.text_version,
        text: consent.text,
        attestedAt: consent.attested_at.toISOString(),
        withdrawnAt: consent.withdrawn_at?.toISOString() ?? null,
      })),
      event: eventOf(row),
      participant: personOf(row),
      agenda: agenda.map((session) => ({
        title: session.title,
        startsAt: session.starts_at.toISOString(),
        endsAt: session.ends_at.toISOString(),
      })),
      status: row.nomination_status,
      confirmation: row.confirmation,
      dietaryNeeds: row.dietary_needs,
      accessibilityNeeds: row.accessibility_needs,
      checkInCode: checkInCodeOf(row),
      meetingLink: confirmed && row.format !== 'in_person' ? row.meeting_link : null,
      certificate:
        row.certificate_code && row.certificate_issued_at
          ? {
              verificationCode: row.certificate_code,
              issuedAt: row.certificate_issued_at.toISOString(),
            }
          : null,
      expiresAt: link.expiresAt.toISOString(),
    };
  }

  /**
   * The participant withdraws their consent (docs/privacy.md, "Consent"): every attestation of
   * the nomination is marked withdrawn. Before the event ends, the nomination is withdrawn (an
   * approved one frees its seat for the State's waitlist); after it, the nomination's personal
   * details go and, unless the person is nominated to an event still to come, the person is
   * anonymised at once, as the retention run would later. Either way, this page's links stop.
   */
  async withdrawConsent(token: string): Promise<ConsentWithdrawalResult> {
    const { manager } = requestContext.current();
    const link = await requireParticipantLink(this.config.secret, token, 'page');
    const row = await this.rowOf(link);
    const [person] = await sql(
      manager,
      `select p.id, p.email, p.full_name, n.status, e.ends_at <= now() as ended,
              exists (select 1 from nominations other
                        join events oe on oe.tenant_id = other.tenant_id and oe.id = other.event_id
                       where other.tenant_id = n.tenant_id and other.participant_id = p.id
                         and other.id <> n.id and oe.ends_at > now()
                         and other.status not in ('declined', 'withdrawn')) as upcoming
         from nominations n
         join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
         join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
        where n.id = $1
          for update of n, p`,
      [link.nominationId],
      PersonRow,
    );
    if (!person) throw linkRefused('invalid');
    await sql(
      manager,
      `update consent_attestations set withdrawn_at = now()
        where nomination_id = $1 and withdrawn_at is null`,
      [link.nominationId],
    );
    let outcome: ConsentWithdrawalResult['outcome'];
    if (!person.ended) {
      if (['nominated', 'approved', 'waitlisted'].includes(person.status)) {
        await sql(
          manager,
          `update nominations
              set status = 'withdrawn', confirmation = null, waitlisted_at = null,
                  updated_at = now(), version = version + 1
            where id = $1`,
          [link.nominationId],
        );
        if (person.status === 'approved') {
          await offerFreedSeat(manager, row.invitation_id, {
            appUrl: this.config.appUrl,
            secret: this.config.secret,
          });
        }
      }
      outcome = 'nomination_withdrawn';
    } else if (person.upcoming) {
      await clearNominations(manager, [link.nominationId]);
      outcome = 'anonymised';
    } else {
      await anonymiseParticipants(manager, [person]);
      outcome = 'anonymised';
    }
    await sql(
      manager,
      `update participant_links set revoked_at = coalesce(revoked_at, now())
        where nomination_id = $1`,
      [link.nominationId],
    );
    await this.audit.record({
      action: 'nomination.consent_withdrawn',
      entity: 'nomination',
      entityId: link.nominationId,
      tenantId: link.tenantId,
      actorId: null,
      before: { status: person.status },
      after: { outcome },
    });
    return { outcome };
  }

  /** The event as iCalendar, linking to the app's front page (never to the token). */
  async calendar(token: string): Promise<string> {
    const link = await requireParticipantLink(this.config.secret, token, 'page');
    const row = await this.rowOf(link);
    const confirmed = row.nomination_status === 'approved' && row.confirmation === 'confirmed';
    const event = toCalendarEvent(
      { ...row, meeting_link: confirmed ? row.meeting_link : null },
      this.config.appUrl,
      row.tenant_slug,
      '/',
    );
    return eventsCalendar(row.title, [event]);
  }

  /** The check-in code as a QR code (SVG), for an approved participant who has not declined. */
  async checkInQr(token: string): Promise<string> {
    const link = await requireParticipantLink(this.config.secret, token, 'page');
    const code = checkInCodeOf(await this.rowOf(link));
    if (!code)
      throw new ParticipantLinksException(404, 'not-found', 'There is no check-in code to show');
    return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }

  private async rowOf(link: ResolvedParticipantLink): Promise<PageRow> {
    const { manager } = requestContext.current();
    // Raw SQL: the nomination with its person, event and tenant in one read, in the token's
    // tenant (set by the link's check). Nothing of any other nominee is read.
    const [row] = await sql(
      manager,
      `select e.id, e.title, e.summary, e.format, e.status, e.starts_at, e.ends_at, e.time_zone,
              e.venue_name, e.venue_city, e.venue_country, e.meeting_link, e.working_languages,
              e.version, e.updated_at, t.name as organiser, t.slug as tenant_slug,
              n.invitation_id, p.full_name, n.member_state_code, n.preferred_language,
              n.status as nomination_status, n.confirmation, n.dietary_needs,
              n.accessibility_needs, n.check_in_code,
              c.verification_code as certificate_code, c.issued_at as certificate_issued_at
         from nominations n
         join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
         join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
         join tenants t on t.id = n.tenant_id
         left join certificates c on c.tenant_id = n.tenant_id and c.nomination_id = n.id
                                 and c.revoked_at is null
        where n.tenant_id = $1 and n.id = $2`,
      [link.tenantId, link.nominationId],
      PageRow,
    );
    if (!row) throw linkRefused('invalid');
    return row;
  }
}

function checkInCodeOf(row: PageRow): string | null {
  return row.nomination_status === 'approved' && row.confirmation !== 'declined'
    ? row.check_in_code
    : null;
}

function eventOf(row: PageRow): ParticipantEvent {
  const venue =
    row.venue_name || row.venue_city || row.venue_country
      ? {
          name: row.venue_name,
          city: row.venue_city,
          countryAlpha3: row.venue_country?.trim() ?? null,
        }
      : null;
  return {
    title: row.title,
    summary: row.summary,
    format: row.format,
    status: row.status,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    venue,
    workingLanguages: row.working_languages,
    organiser: row.organiser,
  };
}

function personOf(row: PageRow) {
  return {
    name: row.full_name,
    memberStateAlpha3: row.member_state_code.trim(),
    preferredLanguage: row.preferred_language,
  };
}
