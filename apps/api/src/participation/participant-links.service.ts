import type { ParticipantLinks } from '@convene/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { isUuid } from '../common/uuid';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { applyScope } from '../db/transaction';
import { viewerParams, visibilityOf, visibleEvent } from '../events/event-visibility';
import { checkLink, type LinkPurpose } from './participant-link-token';
import { issueParticipantLinks } from './participant-links-issue';
import { ParticipantLinksException } from './participant-links.exception';
import { visibleNomination } from './participant-visibility';

/** Why a participant link is refused. */
export type LinkRefusal = 'invalid' | 'expired' | 'used' | 'revoked';

/** A participant link that may be used now, in its tenant (set on the transaction). */
export interface ResolvedParticipantLink {
  tenantId: string;
  linkId: string;
  nominationId: string;
  purpose: LinkPurpose;
  expiresAt: Date;
}

export type LinkResolution =
  | { ok: true; link: ResolvedParticipantLink }
  | { ok: false; reason: LinkRefusal };

const LinkRow = z.strictObject({
  nomination_id: z.guid(),
  expires_at: z.date(),
  used_at: z.date().nullable(),
  revoked_at: z.date().nullable(),
  status: z.string(),
  confirmation: z.string().nullable(),
});

/**
 * THE check of a participant link, for every route a participant reaches through one (the
 * decision link, the participant page and what it serves, part-attend's certificate): the
 * signature and the expiry first, without touching the database; then, acting in the token's
 * tenant (the signature proves we issued it: as the invitation link does, the tenant comes from
 * the token and row-level security holds the rest), the link's row: revoked, past its expiry,
 * and for the one-time decision link, used or already answered.
 *
 * It sets the transaction's tenant to the token's. Callers that act on the result run in it.
 */
export async function resolveParticipantLink(
  manager: EntityManager,
  secret: string,
  token: string,
  purpose: LinkPurpose,
  now = new Date(),
): Promise<LinkResolution> {
  const check = checkLink(token, secret, now);
  if (!check.ok) return { ok: false, reason: check.reason === 'expired' ? 'expired' : 'invalid' };
  const { claims } = check;
  // A valid page token shown where a decision token is expected is no decision link.
  if (claims.purpose !== purpose) return { ok: false, reason: 'invalid' };
  await applyScope(manager, {
    tenantId: claims.tenantId,
    userId: requestContext.maybe()?.user?.id ?? null,
  });
  // Raw SQL: the link and the state of its nomination in one read.
  const [row] = await sql(
    manager,
    `select l.nomination_id, l.expires_at, l.used_at, l.revoked_at, n.status, n.confirmation
       from participant_links l
       join nominations n on n.tenant_id = l.tenant_id and n.id = l.nomination_id
      where l.tenant_id = $1 and l.id = $2 and l.purpose = $3`,
    [claims.tenantId, claims.linkId, purpose],
    LinkRow,
  );
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (row.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  if (purpose === 'decision') {
    if (row.used_at || (row.confirmation !== null && row.confirmation !== 'pending'))
      return { ok: false, reason: 'used' };
    // The officer withdrew the approval since: the question is no longer asked.
    if (row.status !== 'approved') return { ok: false, reason: 'revoked' };
  }
  return {
    ok: true,
    link: {
      tenantId: claims.tenantId,
      linkId: claims.linkId,
      nominationId: row.nomination_id,
      purpose,
      expiresAt: row.expires_at,
    },
  };
}

/** The problem a refused link answers with: one clear page per reason, never a 500. */
export function linkRefused(reason: LinkRefusal): ParticipantLinksException {
  switch (reason) {
    case 'expired':
      return new ParticipantLinksException(
        410,
        'participant-link-expired',
        'This link has expired',
      );
    case 'used':
      return new ParticipantLinksException(
        410,
        'participant-link-used',
        'This link has been used already: the answer was given',
      );
    case 'revoked':
      return new ParticipantLinksException(
        410,
        'participant-link-revoked',
        'This link was withdrawn by the organisers',
      );
    default:
      return new ParticipantLinksException(
        404,
        'participant-link-invalid',
        'This link is not valid: check that it was copied whole',
      );
  }
}

/** resolveParticipantLink in the request's transaction, throwing the link's problem. */
export async function requireParticipantLink(
  secret: string,
  token: string,
  purpose: LinkPurpose,
): Promise<ResolvedParticipantLink> {
  const resolution = await resolveParticipantLink(
    requestContext.current().manager,
    secret,
    token,
    purpose,
  );
  if (!resolution.ok) throw linkRefused(resolution.reason);
  return resolution.link;
}

/** What the officer's actions ask of the nomination: it holds links while approved. */
const NominationRow = z.strictObject({
  status: z.string(),
  event_status: z.string(),
});

const LinkStateRow = z.strictObject({
  purpose: z.enum(['decision', 'page']),
  created_at: z.date(),
  expires_at: z.date(),
  used_at: z.date().nullable(),
  revoked_at: z.date().nullable(),
});

/** An officer's hold on a participant's links: see them, revoke them, send new ones. */
@Injectable()
export class ParticipantLinksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** resolveParticipantLink for this app's secret, in the request's transaction. */
  resolve(token: string, purpose: LinkPurpose): Promise<ResolvedParticipantLink> {
    return requireParticipantLink(this.config.secret, token, purpose);
  }

  async linksOf(eventId: string, nominationId: string): Promise<ParticipantLinks> {
    const { manager } = requestContext.current();
    await this.nominationOf(manager, eventId, nominationId);
    return this.states(manager, nominationId);
  }

  /** Every live link of the nomination stops working at once. */
  async revoke(eventId: string, nominationId: string): Promise<ParticipantLinks> {
    const { manager } = requestContext.current();
    await this.nominationOf(manager, eventId, nominationId);
    const revoked = await this.revokeAll(manager, nominationId);
    await this.audit.record({
      action: 'participant_links.revoked',
      entity: 'nomination',
      entityId: nominationId,
      after: { revoked },
    });
    return this.states(manager, nominationId);
  }

  /**
   * The earlier links stop working and new ones go to the participant by mail: the page, and
   * the decision link while they have not answered and the event has not begun.
   */
  async reissue(eventId: string, nominationId: string): Promise<ParticipantLinks> {
    const { manager, tenant } = requestContext.current();
    if (!tenant) throw new Error('reissue needs a tenant');
    const nomination = await this.nominationOf(manager, eventId, nominationId);
    if (nomination.status !== 'approved')
      throw new ParticipantLinksException(
        409,
        'conflict',
        'Only an approved participant holds links',
      );
    if (nomination.event_status === 'cancelled')
      throw new ParticipantLinksException(409, 'conflict', 'The event was cancelled');
    const links = await issueParticipantLinks(
      manager,
      { tenantId: tenant.id, nominationId },
      this.config,
      'links',
    );
    await this.audit.record({
      action: 'participant_links.reissued',
      entity: 'nomination',
      entityId: nominationId,
      after: { revoked: links.revoked, decision: links.decisionUrl !== null },
    });
    return this.states(manager, nominationId);
  }

  private async revokeAll(manager: EntityManager, nominationId: string): Promise<number> {
    const rows = await sql(
      manager,
      `update participant_links set revoked_at = now()
        where nomination_id = $1 and revoked_at is null returning id`,
      [nominationId],
    );
    return rows.length;
  }

  /** The nomination of the event in the request's tenant, or 404 (ids checked before SQL). */
  private async nominationOf(manager: EntityManager, eventId: string, nominationId: string) {
    if (!isUuid(eventId) || !isUuid(nominationId))
      throw new ParticipantLinksException(404, 'not-found', 'Nomination not found');
    const { user, tenant } = requestContext.current();
    // Raw SQL: the nomination and its event in one read, through the one rule
    // of who sees events and nominees (participation.manage is the planners' today; the rule
    // keeps it right if that changes).
    const viewer = viewerParams(3);
    const [row] = await sql(
      manager,
      `select n.status, e.status as event_status
         from nominations n
         join events e on e.tenant_id = n.tenant_id and e.id = n.event_id
        where n.event_id = $1 and n.id = $2
          and ${visibleEvent('e', viewer)} and ${visibleNomination('n', 'e', viewer)}`,
      [eventId, nominationId, ...visibilityOf(user?.id ?? null, tenant)],
      NominationRow,
    );
    if (!row) throw new ParticipantLinksException(404, 'not-found', 'Nomination not found');
    return row;
  }

  private async states(manager: EntityManager, nominationId: string): Promise<ParticipantLinks> {
    const rows = await sql(
      manager,
      `select purpose, created_at, expires_at, used_at, revoked_at from participant_links
        where nomination_id = $1 order by created_at desc, purpose limit 1000`,
      [nominationId],
      LinkStateRow,
    );
    return {
      links: rows.map((row) => ({
        purpose: row.purpose,
        createdAt: row.created_at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
        usedAt: row.used_at?.toISOString() ?? null,
        revokedAt: row.revoked_at?.toISOString() ?? null,
      })),
    };
  }
}
