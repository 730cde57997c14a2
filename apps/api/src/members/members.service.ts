import {
  type InvitationCreate,
  type MembershipStatus,
  type MembershipUpdate,
  type Page,
  type PendingInvitation,
  Role,
  type TenantMember,
  type TenantMemberQuery,
} from '@convene/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { type EntityManager, IsNull, Raw } from 'typeorm';
import { z } from 'zod';
import { User } from '../auth/user.entity';
import { MemberStateRow } from '../member-states/member-state.entity';
import { Membership } from '../tenants/membership.entity';
import { Invitation } from './invitation.entity';
import { AuditService } from '../audit/audit.service';
import { newToken, uuidToBytes } from '../auth/secrets';
import { notFound } from '../common/app-exception';
import { ensureNotLastAdmin } from './last-admin';
import { MembersException } from './members.exception';
import { isUuid } from '../common/uuid';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type AuthenticatedUser, requestContext, type TenantScope } from '../db/request-context';
import { sql } from '../db/sql';
import { OutboxService } from '../mail/outbox.service';

/** A membership with its person (MEMBER_COLUMNS). */
const MemberRow = z.strictObject({
  membership_id: z.guid(),
  user_id: z.guid(),
  email: z.string(),
  name: z.string(),
  role: Role,
  member_state_code: z.string().nullable(),
  status: z.enum(['active', 'deactivated']),
  created_at: z.date(),
});
type MemberRow = z.infer<typeof MemberRow>;

const PendingInvitationRow = z.strictObject({
  id: z.guid(),
  email: z.string(),
  role: Role,
  member_state_code: z.string().nullable(),
  invited_by_name: z.string().nullable(),
  created_at: z.date(),
  created_key: z.string(),
  expires_at: z.date(),
});

const MEMBER_COLUMNS = `m.id as membership_id, m.user_id, u.email, u.name, m.role,
  m.member_state_code, m.status, m.created_at`;

@Injectable()
export class MembersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** The tenant's people, by name then id, keyset-paginated. */
  async list(query: TenantMemberQuery): Promise<Page<TenantMember>> {
    const { manager } = requestContext.current();
    const cursor = decodeCursor(query.after, ['text', 'uuid'] as const);
    const search = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    // Raw SQL: a keyset page of a join, with optional filters.
    const rows = await sql(
      manager,
      `select ${MEMBER_COLUMNS}, lower(u.name) as sort_name
         from memberships m join users u on u.id = m.user_id
        where ($1::text is null or u.name ilike $1 or u.email ilike $1)
          and ($2::text is null or m.role = $2)
          and ($3::text is null or m.status = $3)
          and ($4::text is null or (lower(u.name), m.id) > ($4, $5::uuid))
        order by lower(u.name), m.id
        limit $6`,
      [
        search,
        query.role ?? null,
        query.status ?? null,
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        query.limit + 1,
      ],
      MemberRow.extend({ sort_name: z.string() }),
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toMember),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.sort_name, last.membership_id])
          : null,
    };
  }

  async get(membershipId: string): Promise<TenantMember> {
    return toMember(await this.findRow(requestContext.current().manager, membershipId));
  }

  async update(
    caller: TenantScope,
    membershipId: string,
    update: MembershipUpdate,
  ): Promise<TenantMember> {
    const { manager } = requestContext.current();
    const before = await this.findRow(manager, membershipId);
    if (before.membership_id === caller.membershipId && update.role !== 'tenant_admin') {
      throw new MembersException(
        409,
        'last-admin',
        'You cannot remove your own administrator role',
      );
    }
    if (update.role !== 'tenant_admin') await ensureNotLastAdmin(manager, before.user_id);
    await this.ensureMemberState(manager, update.memberStateAlpha3 ?? null);
    await manager.update(
      Membership,
      { id: membershipId },
      {
        role: update.role,
        memberStateCode: update.memberStateAlpha3 ?? null,
        updatedAt: () => 'now()',
      },
    );
    const after = await this.findRow(manager, membershipId);
    await this.audit.record({
      action: 'membership.updated',
      entity: 'membership',
      entityId: membershipId,
      before: auditView(before),
      after: auditView(after),
    });
    return toMember(after);
  }

  async setStatus(
    caller: TenantScope,
    membershipId: string,
    status: MembershipStatus,
  ): Promise<TenantMember> {
    const { manager } = requestContext.current();
    const before = await this.findRow(manager, membershipId);
    if (status === 'deactivated') {
      if (before.membership_id === caller.membershipId) {
        throw new MembersException(
          409,
          'self-deactivation',
          'You cannot deactivate your own account',
        );
      }
      await ensureNotLastAdmin(manager, before.user_id);
    }
    await manager.update(Membership, { id: membershipId }, { status, updatedAt: () => 'now()' });
    const after = await this.findRow(manager, membershipId);
    await this.audit.record({
      action: status === 'active' ? 'membership.reactivated' : 'membership.deactivated',
      entity: 'membership',
      entityId: membershipId,
      before: auditView(before),
      after: auditView(after),
    });
    return toMember(after);
  }

  async listInvitations(limit: number, after?: string): Promise<Page<PendingInvitation>> {
    const { manager } = requestContext.current();
    const cursor = decodeCursor(after, ['timestamp', 'uuid'] as const);
    // Raw SQL: a keyset page joined with the inviters' names.
    const rows = await sql(
      manager,
      `select i.id, i.email, i.role, i.member_state_code, u.name as invited_by_name,
              i.created_at, i.created_at::text as created_key, i.expires_at
         from invitations i left join users u on u.id = i.invited_by
        where i.accepted_at is null and i.revoked_at is null
          and ($1::timestamptz is null or (i.created_at, i.id) < ($1::timestamptz, $2::uuid))
        order by i.created_at desc, i.id
        limit $3`,
      [cursor?.[0] ?? null, cursor?.[1] ?? null, limit + 1],
      PendingInvitationRow,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        email: row.email,
        role: row.role,
        memberStateAlpha3: row.member_state_code?.trim() ?? null,
        invitedBy: row.invited_by_name ?? '',
        createdAt: row.created_at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_key, last.id]) : null,
    };
  }

  /** Creates a single-use invitation and mails its link once the transaction commits. */
  async invite(
    tenant: TenantScope,
    inviter: AuthenticatedUser,
    input: InvitationCreate,
  ): Promise<PendingInvitation> {
    const { manager } = requestContext.current();
    await this.ensureMemberState(manager, input.memberStateAlpha3 ?? null);
    const existing = await sql(
      manager,
      `select 1 from memberships m join users u on u.id = m.user_id
        where lower(u.email) = $1 and m.status = 'active'`,
      [input.email],
    );
    if (existing.length > 0) {
      throw new MembersException(
        409,
        'already-member',
        'This person is already a member of this tenant',
      );
    }
    // A new invitation replaces any pending one for the same email.
    await manager.update(
      Invitation,
      { email: input.email, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: () => 'now()' },
    );
    const { token, hash } = newToken(uuidToBytes(tenant.id));
    // Raw SQL: the insert hands back the dates the database computed, in the same round trip.
    const rows = await sql(
      manager,
      `insert into invitations (tenant_id, email, role, member_state_code, token_hash, invited_by, expires_at)
       values ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))
       returning id, created_at, expires_at`,
      [
        tenant.id,
        input.email,
        input.role,
        input.memberStateAlpha3 ?? null,
        hash,
        inviter.id,
        this.config.invitationTtlMs / 1000,
      ],
      z.strictObject({ id: z.guid(), created_at: z.date(), expires_at: z.date() }),
    );
    const row = rows[0];
    if (!row) throw new Error('invitation was not created');
    const invitation: PendingInvitation = {
      id: row.id,
      email: input.email,
      role: input.role,
      memberStateAlpha3: input.memberStateAlpha3 ?? null,
      invitedBy: inviter.name,
      createdAt: row.created_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
    };
    await this.audit.record({
      action: 'invitation.created',
      entity: 'invitation',
      entityId: row.id,
      after: {
        email: input.email,
        role: input.role,
        memberStateAlpha3: invitation.memberStateAlpha3,
      },
    });
    const recipient = await manager.findOne(User, {
      select: { id: true, preferredLanguage: true },
      // lower(email), as users_email_key indexes it (the invitation's email is lowercase).
      where: { email: Raw((column) => `lower(${column}) = :email`, { email: input.email }) },
    });
    const language = recipient?.preferredLanguage ?? inviter.preferredLanguage;
    await this.outbox.enqueue({
      tenantId: tenant.id,
      recipient: input.email,
      language,
      idempotencyKey: `invitation:${row.id}`,
      message: {
        kind: 'invitation',
        tenantName: tenant.name,
        inviterName: inviter.name,
        role: input.role,
        link: `${this.config.appUrl}/invitation/${token}`,
        expiresAt: new Date(row.expires_at).toISOString(),
      },
    });
    return invitation;
  }

  async revokeInvitation(invitationId: string): Promise<void> {
    const { manager } = requestContext.current();
    if (!isUuid(invitationId)) throw notFound('Invitation');
    // Raw SQL: revokes only a pending invitation and returns its email for the audit, at once.
    const rows = await sql(
      manager,
      `update invitations set revoked_at = now()
        where id = $1 and accepted_at is null and revoked_at is null
        returning id, email`,
      [invitationId],
      z.strictObject({ id: z.guid(), email: z.string() }),
    );
    if (!rows[0]) throw notFound('Invitation');
    await this.audit.record({
      action: 'invitation.revoked',
      entity: 'invitation',
      entityId: invitationId,
      before: { email: rows[0].email },
    });
  }

  private async findRow(manager: EntityManager, membershipId: string): Promise<MemberRow> {
    if (!isUuid(membershipId)) throw notFound('Member');
    const rows = await sql(
      manager,
      `select ${MEMBER_COLUMNS} from memberships m join users u on u.id = m.user_id where m.id = $1`,
      [membershipId],
      MemberRow,
    );
    const row = rows[0];
    if (!row) throw notFound('Member');
    return row;
  }

  private async ensureMemberState(manager: EntityManager, alpha3: string | null): Promise<void> {
    if (!alpha3) return;
    if (!(await manager.exists(MemberStateRow, { where: { alpha3 } }))) {
      throw new MembersException(400, 'validation', 'The request is not valid', undefined, [
        { path: 'memberStateAlpha3', message: 'unknown Member State' },
      ]);
    }
  }
}

function toMember(row: MemberRow): TenantMember {
  return {
    membershipId: row.membership_id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    memberStateAlpha3: row.member_state_code?.trim() ?? null,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

function auditView(row: MemberRow) {
  return {
    role: row.role,
    memberStateAlpha3: row.member_state_code?.trim() ?? null,
    status: row.status,
  };
}
