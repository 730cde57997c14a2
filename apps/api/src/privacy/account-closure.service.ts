import type { AccountClosure } from '@convene/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { AuthException } from '../auth/auth.exception';
import { verifyPassword } from '../auth/secrets';
import { type AuthenticatedUser, requestContext } from '../db/request-context';
import { sql } from '../db/sql';
import { applyScope, inTenant } from '../db/transaction';
import { ensureNotLastAdmin } from '../members/last-admin';
import { OBJECT_STORE, type ObjectStore } from '../storage/storage';
import { deleteObjectsAfterCommit } from '../storage/storage-deletions';
import { anonymiseExperts, forgetMailOf } from './retention';

const Account = z.strictObject({
  email: z.string(),
  name: z.string(),
  password_hash: z.string().nullable(),
});
const Membership = z.strictObject({
  tenant_id: z.guid(),
  tenant_name: z.string(),
  role: z.string(),
  status: z.string(),
});

/** What a closed account's name becomes, wherever their authorship is shown. */
export const FORMER_MEMBER = 'Former member';

/**
 * A person closes their own account (docs/privacy.md, "Closing one's account"): their password
 * is asked again; in every tenant their membership ends, their expert profile there is
 * anonymised (CV deleted) and mail to them is cleared; the account keeps its id, so what they
 * authored still points at it, but it names a "Former member" with an address that reaches no
 * one and no password; every session ends. One transaction: all or nothing.
 */
@Injectable()
export class AccountClosureService {
  constructor(
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async close(user: AuthenticatedUser, input: AccountClosure): Promise<void> {
    const { manager } = requestContext.current();
    const [account] = await sql(
      manager,
      `select email, name, password_hash from users where id = $1 for update`,
      [user.id],
      Account,
    );
    if (!account || !(await verifyPassword(account.password_hash, input.currentPassword))) {
      throw new AuthException(400, 'wrong-password', 'The password is incorrect', undefined, [
        { path: 'currentPassword', message: 'incorrect password' },
      ]);
    }
    // Out of any tenant, the own_memberships policy shows every tenant of the person.
    await applyScope(manager, { userId: user.id });
    const memberships = await sql(
      manager,
      `select m.tenant_id, t.name as tenant_name, m.role, m.status
         from memberships m join tenants t on t.id = m.tenant_id
        where m.user_id = $1 order by t.name`,
      [user.id],
      Membership,
    );
    for (const membership of memberships) {
      await inTenant(manager, membership.tenant_id, async () => {
        await ensureNotLastAdmin(
          manager,
          user.id,
          `You are the last administrator of ${membership.tenant_name}`,
          'Make someone else an administrator there first, so that the organisation is not left without one.',
        );
        await sql(
          manager,
          `update memberships set status = 'deactivated', updated_at = now()
            where user_id = $1 and status = 'active'`,
          [user.id],
        );
        const keys = await anonymiseExperts(manager, [user.id]);
        await deleteObjectsAfterCommit(
          manager,
          this.dataSource,
          this.store,
          membership.tenant_id,
          keys,
        );
        await forgetMailOf(manager, { emails: [account.email], names: [account.name] });
        await this.audit.record({
          action: 'account.closed',
          entity: 'user',
          entityId: user.id,
          tenantId: membership.tenant_id,
          actorId: user.id,
          after: { membership: 'deactivated' },
        });
      });
    }
    await applyScope(manager, { userId: user.id });
    await sql(
      manager,
      `update users
          set email = 'closed-' || id::text || '@closed.invalid', name = $2, password_hash = null,
              muted_mail_kinds = '{}', last_tenant_id = null, updated_at = now()
        where id = $1`,
      [user.id, FORMER_MEMBER],
    );
    await sql(
      manager,
      `update sessions set revoked_at = coalesce(revoked_at, now()), user_agent = null
        where user_id = $1`,
      [user.id],
    );
    await sql(
      manager,
      `update user_tokens set used_at = coalesce(used_at, now()) where user_id = $1`,
      [user.id],
    );
    await sql(manager, `delete from calendar_feeds where user_id = $1`, [user.id]);
    // The sign-in limiter's count for the address, the one place it is kept in clear: its key
    // is the throttler's name and the address, "account:…:<address>".
    await sql(
      manager,
      `delete from rate_limits where key like 'account:%' and right(key, length($1) + 1) = ':' || $1`,
      [account.email.trim().toLowerCase()],
    );
  }
}
