import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { sql } from '../db/sql';
import { MembersException } from './members.exception';

/**
 * THE rule that a tenant keeps at least one active administrator: a person is its last one when
 * their membership in the tenant is an active administrator's and no one else's is. Changing a
 * member's role, deactivating them, erasing a member on request and closing one's own account
 * all ask it here, in the tenant's transaction (row-level security scopes `memberships`).
 */
export const LAST_ACTIVE_ADMIN = `exists (
    select 1 from memberships m
     where m.user_id = $1 and m.role = 'tenant_admin' and m.status = 'active')
  and not exists (
    select 1 from memberships m
     where m.user_id <> $1 and m.role = 'tenant_admin' and m.status = 'active')`;

const LastRow = z.strictObject({ last: z.boolean() });

/** Whether this person (a user id) is the tenant's last active administrator. */
export async function isLastActiveAdmin(manager: EntityManager, userId: string): Promise<boolean> {
  const [row] = await sql(manager, `select ${LAST_ACTIVE_ADMIN} as last`, [userId], LastRow);
  return row?.last ?? false;
}

/**
 * Refuses (409 `last-admin`) what would leave the tenant without an active administrator: a
 * change that takes this person's administrator role or membership away while they are the last.
 */
export async function ensureNotLastAdmin(
  manager: EntityManager,
  userId: string,
  title = 'A tenant must keep at least one active administrator',
  detail?: string,
): Promise<void> {
  if (await isLastActiveAdmin(manager, userId)) {
    throw new MembersException(409, 'last-admin', title, detail);
  }
}
