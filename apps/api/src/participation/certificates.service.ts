import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type {
  CertificatesIssued,
  CertificateStanding,
  CertificateSummary,
  CertificateVerification,
  Language,
} from '@convene/contracts';
import { normalizeVerificationCode, TENANT_SLUG_PATTERN, UN_LANGUAGES } from '@convene/contracts';
import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-exception';
import { isUuid } from '../common/uuid';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { applyScope } from '../db/transaction';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { OutboxService } from '../mail/outbox.service';
import { Tenant } from '../tenants/tenant.entity';
import { ON_THE_LIST } from './attendance.service';
import { AttendanceException } from './attendance.exception';
import { type CertificateContent, renderCertificate } from './certificate-pdf';
import { signLink } from './participant-link-token';
import { resolveParticipantLink } from './participant-links.service';
import { visibleNomination } from './participant-visibility';

/** Crockford's base32: no I, L, O, U, so a code read aloud or typed is not misread. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new verification code: 16 characters of Crockford base32, 80 random bits, printed in groups
 * of four. Unguessable: the public page confirms a certificate to whoever holds its code, and
 * no one can find certificates by trying codes (2^80 of them, and requests are rate-limited).
 */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let index = 0; index < 16; index++) {
    code = (CROCKFORD[Number(bits & 31n)] ?? '0') + code;
    bits >>= 5n;
  }
  return code.match(/.{4}/g)?.join('-') ?? code;
}

const CertificateRow = z.strictObject({
  id: z.guid(),
  nomination_id: z.guid(),
  verification_code: z.string(),
  language: z.enum(UN_LANGUAGES),
  issued_at: z.date(),
  revoked_at: z.date().nullable(),
});
type CertificateRow = z.infer<typeof CertificateRow>;

/** A nomination's standing: on the list, days attended, and its certificate's columns if any. */
const StandingRow = z.strictObject({
  on_list: z.boolean(),
  days_attended: z.number(),
  certificate_id: z.guid().nullable(),
  verification_code: z.string().nullable(),
  language: z.enum(UN_LANGUAGES).nullable(),
  issued_at: z.date().nullable(),
  revoked_at: z.date().nullable(),
});

/** What a certificate prints, read when it is made (the name may have changed since issue). */
const ContentRow = z.strictObject({
  holder: z.string(),
  event_title: z.string(),
  starts_at: z.date(),
  ends_at: z.date(),
  time_zone: z.string(),
  venue_name: z.string().nullable(),
  venue_city: z.string().nullable(),
  verification_code: z.string(),
  language: z.enum(UN_LANGUAGES),
  issued_at: z.date(),
  revoked_at: z.date().nullable(),
});
type ContentRow = z.infer<typeof ContentRow>;

const CERTIFICATE_COLUMNS = `c.id, c.nomination_id, c.verification_code, c.language, c.issued_at,
  c.revoked_at`;

/** A certificate's content joined from its nomination, participant and event. */
const CONTENT_FROM = `
  select p.full_name as holder, e.title as event_title, e.starts_at, e.ends_at, e.time_zone,
         e.venue_name, e.venue_city, c.verification_code, c.language, c.issued_at, c.revoked_at
    from certificates c
    join nominations n on n.tenant_id = c.tenant_id and n.id = c.nomination_id
    join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
    join events e on e.tenant_id = n.tenant_id and e.id = n.event_id`;

/** Those who earned a certificate: on the list, present (fully or partly) at least one day. */
const EARNED = `${ON_THE_LIST} and exists (
  select from attendance a where a.tenant_id = n.tenant_id and a.nomination_id = n.id
     and a.status in ('attended', 'partly'))`;

const place = (row: { venue_name: string | null; venue_city: string | null }) =>
  [row.venue_name, row.venue_city].filter(Boolean).join(', ') || null;

/**
 * Certificates of participation (docs/participation.md, "Certificates"): issued by officers to
 * those who attended at least one day, singly or for a whole event (issuing twice changes
 * nothing), made as PDF in the participant's language when downloaded, verified by anyone
 * who holds the code on the public page, and announced to the participant by mail.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Issues a certificate to everyone of the event who earned one and has none. */
  async issueForEvent(eventId: string): Promise<CertificatesIssued> {
    await this.event(eventId);
    const { manager } = requestContext.current();
    const earned = await sql(
      manager,
      `select n.id,
              exists (select from certificates c
                       where c.tenant_id = n.tenant_id and c.nomination_id = n.id) as has_one
         from nominations n join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
        where n.event_id = $4 and ${EARNED} and ${visibleNomination('n', 'e', viewerParams(1))}
        order by n.id`,
      [...this.viewer(), eventId],
      z.strictObject({ id: z.guid(), has_one: z.boolean() }),
    );
    let issued = 0;
    for (const nomination of earned.filter((row) => !row.has_one)) {
      if ((await this.issueOne(nomination.id)).created) issued++;
    }
    return { issued, alreadyIssued: earned.length - issued };
  }

  /**
   * Issues (or, if it was revoked, reinstates) one participant's certificate. 422 when they did
   * not attend a day; 404 when the nomination is not on an event list the caller may see.
   */
  async issue(nominationId: string): Promise<CertificateSummary> {
    const nomination = await this.nomination(nominationId);
    if (!nomination.earned) {
      throw new AttendanceException(
        422,
        'unprocessable',
        'No certificate without attendance',
        'A certificate of participation is issued to those present on at least one day of the event.',
      );
    }
    const { certificate } = await this.issueOne(nominationId);
    return this.summary(certificate);
  }

  /**
   * Where one participant stands for a certificate (the officer's nominee dialog): on the list or
   * not, days attended, and the certificate if one was ever issued. 404 when the nomination is not
   * one the caller may see.
   */
  async standing(nominationId: string): Promise<CertificateStanding> {
    if (!isUuid(nominationId)) throw notFound('Participant');
    const [row] = await sql(
      requestContext.current().manager,
      `select (${ON_THE_LIST}) as on_list,
              (select count(*)::int from attendance a
                where a.tenant_id = n.tenant_id and a.nomination_id = n.id
                  and a.status in ('attended', 'partly')) as days_attended,
              c.id as certificate_id, c.verification_code, c.language, c.issued_at, c.revoked_at
         from nominations n
         join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
         left join certificates c on c.tenant_id = n.tenant_id and c.nomination_id = n.id
        where n.id = $4 and ${visibleEvent('e', viewerParams(1))}
          and ${visibleNomination('n', 'e', viewerParams(1))}`,
      [...this.viewer(), nominationId],
      StandingRow,
    );
    if (!row) throw notFound('Participant');
    const certificate =
      row.certificate_id && row.verification_code && row.language && row.issued_at
        ? this.summary({
            id: row.certificate_id,
            nomination_id: nominationId,
            verification_code: row.verification_code,
            language: row.language,
            issued_at: row.issued_at,
            revoked_at: row.revoked_at,
          })
        : null;
    return { nominationId, onList: row.on_list, daysAttended: row.days_attended, certificate };
  }

  /** Revokes a certificate: the verification page says so from now on, and it no longer downloads. */
  async revoke(nominationId: string, reason: string): Promise<CertificateSummary> {
    await this.nomination(nominationId);
    const [certificate] = await sql(
      requestContext.current().manager,
      `update certificates c set revoked_at = coalesce(c.revoked_at, now()), revoke_reason = $2
        where c.nomination_id = $1
        returning ${CERTIFICATE_COLUMNS}`,
      [nominationId, reason],
      CertificateRow,
    );
    if (!certificate) throw notFound('Certificate');
    await this.audit.record({
      action: 'certificate.revoked',
      entity: 'certificate',
      entityId: certificate.id,
      // The reason is kept on the certificate; the log keeps no free text (audit-facts.ts).
      after: { nominationId, verificationCode: certificate.verification_code },
    });
    return this.summary(certificate);
  }

  /** The officer's download: a valid certificate of a nomination they may see. */
  async pdfForNomination(nominationId: string): Promise<StreamableFile> {
    await this.nomination(nominationId);
    const { manager, tenant } = requestContext.current();
    const [row] = await sql(
      manager,
      `${CONTENT_FROM} where c.nomination_id = $1 and c.revoked_at is null`,
      [nominationId],
      ContentRow,
    );
    if (!row || !tenant) throw notFound('Certificate');
    return this.pdf(this.content(row, tenant));
  }

  /**
   * The participant's download from their page: the signed page link is the credential (no
   * account). A link that is malformed, tampered with, expired or revoked, or a certificate not
   * issued or revoked, all answer 404: the page explains.
   */
  async pdfForParticipant(token: string): Promise<StreamableFile> {
    const { manager } = requestContext.current();
    const nominationId = await this.pageLinkNomination(manager, token);
    if (!nominationId) throw notFound('Certificate');
    const [row] = await sql(
      manager,
      `${CONTENT_FROM} where c.nomination_id = $1 and c.revoked_at is null`,
      [nominationId.nomination],
      ContentRow,
    );
    const [tenant] = await sql(
      manager,
      `select id, slug, name from tenants where id = $1`,
      [nominationId.tenant],
      z.strictObject({ id: z.guid(), slug: z.string(), name: z.string() }),
    );
    if (!row || !tenant) throw notFound('Certificate');
    return this.pdf(this.content(row, tenant));
  }

  /** The public verification page: anyone holding a code learns whether it is genuine. */
  async verify(slug: string, code: string): Promise<CertificateVerification> {
    const { manager } = requestContext.current();
    const normalized = normalizeVerificationCode(code);
    if (!TENANT_SLUG_PATTERN.test(slug) || slug === 'platform' || !normalized)
      throw notFound('Certificate');
    const tenant = await manager.findOne(Tenant, {
      select: { id: true, slug: true, name: true },
      where: { slug },
    });
    if (!tenant) throw notFound('Certificate');
    await applyScope(manager, { tenantId: tenant.id });
    const [row] = await sql(
      manager,
      `${CONTENT_FROM} where c.verification_code = $1`,
      [normalized],
      ContentRow,
    );
    if (!row) throw notFound('Certificate');
    return {
      verificationCode: row.verification_code,
      organisation: tenant.name,
      holder: row.holder,
      event: {
        title: row.event_title,
        startsAt: new Date(row.starts_at).toISOString(),
        endsAt: new Date(row.ends_at).toISOString(),
        timeZone: row.time_zone,
        place: place(row),
      },
      issuedAt: new Date(row.issued_at).toISOString(),
      status: row.revoked_at ? 'revoked' : 'valid',
      revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    };
  }

  private async issueOne(
    nominationId: string,
  ): Promise<{ certificate: CertificateRow; created: boolean }> {
    const { manager, tenant } = requestContext.current();
    if (!tenant) throw new Error('Certificates are issued in a tenant');
    const [existing] = await sql(
      manager,
      `select ${CERTIFICATE_COLUMNS} from certificates c where c.nomination_id = $1`,
      [nominationId],
      CertificateRow,
    );
    if (existing && !existing.revoked_at) return { certificate: existing, created: false };
    if (existing) {
      const [reinstated] = await sql(
        manager,
        `update certificates c set revoked_at = null, revoke_reason = null where c.id = $1
         returning ${CERTIFICATE_COLUMNS}`,
        [existing.id],
        CertificateRow,
      );
      if (!reinstated) throw notFound('Certificate');
      await this.audit.record({
        action: 'certificate.reinstated',
        entity: 'certificate',
        entityId: reinstated.id,
        after: { nominationId },
      });
      return { certificate: reinstated, created: false };
    }
    // Two officers issuing at once: one insert wins, the other reads what it wrote.
    const [created] = await sql(
      manager,
      `insert into certificates as c (tenant_id, nomination_id, verification_code, language)
       select n.tenant_id, n.id, $2, n.preferred_language from nominations n where n.id = $1
       on conflict (tenant_id, nomination_id) do nothing
       returning ${CERTIFICATE_COLUMNS}`,
      [nominationId, newVerificationCode()],
      CertificateRow,
    );
    if (!created) return this.issueOne(nominationId);
    await this.audit.record({
      action: 'certificate.issued',
      entity: 'certificate',
      entityId: created.id,
      after: { nominationId, verificationCode: created.verification_code },
    });
    await this.announce(created, tenant);
    return { certificate: created, created: true };
  }

  /** The certificate mail, in the participant's language, with their page (where it downloads). */
  private async announce(
    certificate: CertificateRow,
    tenant: { id: string; slug: string; name: string },
  ): Promise<void> {
    const { manager } = requestContext.current();
    const [row] = await sql(
      manager,
      `select p.email, p.full_name, p.anonymised_at is not null as anonymised, e.title,
              e.starts_at, e.ends_at, e.time_zone,
              (select l.id from participant_links l
                where l.tenant_id = n.tenant_id and l.nomination_id = n.id and l.purpose = 'page'
                  and l.revoked_at is null and l.expires_at > now()
                order by l.expires_at desc limit 1) as link_id,
              (select l.expires_at from participant_links l
                where l.tenant_id = n.tenant_id and l.nomination_id = n.id and l.purpose = 'page'
                  and l.revoked_at is null and l.expires_at > now()
                order by l.expires_at desc limit 1) as link_expires_at
         from nominations n
         join participants p on p.tenant_id = n.tenant_id and p.id = n.participant_id
         join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
        where n.id = $1`,
      [certificate.nomination_id],
      z.strictObject({
        email: z.string(),
        full_name: z.string(),
        anonymised: z.boolean(),
        title: z.string(),
        starts_at: z.date(),
        ends_at: z.date(),
        time_zone: z.string(),
        link_id: z.guid().nullable(),
        link_expires_at: z.date().nullable(),
      }),
    );
    if (!row || row.anonymised) return;
    const verificationUrl = this.verificationUrl(tenant.slug, certificate.verification_code);
    const link =
      row.link_id && row.link_expires_at
        ? `${this.config.appUrl}/p/${signLink(
            {
              tenantId: tenant.id,
              linkId: row.link_id,
              purpose: 'page',
              expiresAt: new Date(row.link_expires_at),
            },
            this.config.secret,
          )}`
        : verificationUrl;
    await this.outbox.enqueue({
      tenantId: tenant.id,
      recipient: row.email,
      language: certificate.language,
      idempotencyKey: `certificate_issued:${certificate.id}`,
      message: {
        kind: 'certificate_issued',
        name: row.full_name,
        tenantName: tenant.name,
        eventTitle: row.title,
        startsAt: new Date(row.starts_at).toISOString(),
        endsAt: new Date(row.ends_at).toISOString(),
        timeZone: row.time_zone,
        verificationCode: certificate.verification_code,
        verificationUrl,
        link,
      },
    });
  }

  /**
   * The nomination behind a participant's page link, with its tenant, or null. The token's
   * signature and expiry are checked before any row is read; then, in the token's tenant, the
   * link must be a page link, not revoked, not past its expiry.
   */
  private async pageLinkNomination(
    manager: EntityManager,
    token: string,
  ): Promise<{ tenant: string; nomination: string } | null> {
    // The one check of a participant's link (participant-links.service.ts).
    const resolved = await resolveParticipantLink(manager, this.config.secret, token, 'page');
    return resolved.ok
      ? { tenant: resolved.link.tenantId, nomination: resolved.link.nominationId }
      : null;
  }

  /**
   * The PDF of content read in the request's transaction, made only once that transaction has
   * committed: Nest reads the stream after the handler returns and the request's transaction
   * ends, so no connection or lock is held while pdfkit lays out and subsets fonts (tens of
   * milliseconds for a Chinese certificate). A failure then ends the download rather than
   * answering a problem: the fonts are read at boot, so there is little left to fail.
   */
  private pdf(content: CertificateContent): StreamableFile {
    const render = () => this.render(content);
    return new StreamableFile(
      Readable.from(
        (async function* () {
          yield await render();
        })(),
      ),
    );
  }

  /** Lays out the certificate (certificate-pdf.ts); no database. */
  render(content: CertificateContent): Promise<Buffer> {
    return renderCertificate(content);
  }

  private content(row: ContentRow, tenant: { slug: string; name: string }): CertificateContent {
    return {
      language: row.language as Language,
      organisation: tenant.name,
      holder: row.holder,
      eventTitle: row.event_title,
      startsAt: new Date(row.starts_at),
      endsAt: new Date(row.ends_at),
      timeZone: row.time_zone,
      place: place(row),
      verificationCode: row.verification_code,
      verificationUrl: this.verificationUrl(tenant.slug, row.verification_code),
      issuedAt: new Date(row.issued_at),
    };
  }

  private verificationUrl(slug: string, code: string): string {
    return `${this.config.appUrl}/verify/${encodeURIComponent(slug)}/${code}`;
  }

  private summary(row: CertificateRow): CertificateSummary {
    const { tenant } = requestContext.current();
    return {
      nominationId: row.nomination_id,
      verificationCode: row.verification_code,
      verificationUrl: this.verificationUrl(tenant?.slug ?? '', row.verification_code),
      language: row.language,
      issuedAt: new Date(row.issued_at).toISOString(),
      revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
    };
  }

  /** A nomination on a list of an event the caller may see; whether it earned a certificate. */
  private async nomination(nominationId: string): Promise<{ earned: boolean }> {
    if (!isUuid(nominationId)) throw notFound('Participant');
    const [row] = await sql(
      requestContext.current().manager,
      `select (${EARNED}) as earned
         from nominations n join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
        where n.id = $4 and ${ON_THE_LIST} and ${visibleEvent('e', viewerParams(1))}
          and ${visibleNomination('n', 'e', viewerParams(1))}`,
      [...this.viewer(), nominationId],
      z.strictObject({ earned: z.boolean() }),
    );
    if (!row) throw notFound('Participant');
    return row;
  }

  private async event(eventId: string): Promise<void> {
    if (!isUuid(eventId)) throw notFound('Event');
    const [event] = await sql(
      requestContext.current().manager,
      `select e.id from events e where e.id = $4 and ${visibleEvent('e', viewerParams(1))}`,
      [...this.viewer(), eventId],
      z.strictObject({ id: z.guid() }),
    );
    if (!event) throw notFound('Event');
  }

  private viewer() {
    const { user, tenant } = requestContext.current();
    return visibilityOf(user?.id ?? null, tenant);
  }
}
