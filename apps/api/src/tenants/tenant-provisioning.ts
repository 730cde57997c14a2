import { type Role, singleLineText, TENANT_SLUG_PATTERN } from '@convene/contracts';
import type { DataSource } from 'typeorm';
import { hashPassword, newToken, uuidToBytes } from '../auth/secrets';
import { applyScope } from '../db/transaction';
import { sql } from '../db/sql';

const TENANT_NAME = singleLineText(200).trim().min(1);

export interface NewTenant {
  slug: string;
  name: string;
}

/**
 * Platform operations, run by the operator's commands rather than through
 * the API: there is no public sign-up of tenants. Only the provisioner role
 * may add a tenant; the rest runs as the application role in the new tenant.
 */
export async function createTenant(dataSource: DataSource, tenant: NewTenant): Promise<string> {
  if (!TENANT_SLUG_PATTERN.test(tenant.slug)) {
    throw new Error('The slug must be 2–63 lowercase letters, digits or hyphens');
  }
  // The name reaches mail subjects and calendar names: one line, as every text a request sends.
  if (!TENANT_NAME.safeParse(tenant.name).success) {
    throw new Error('The name must be one line of 1–200 characters, without control characters');
  }
  return dataSource.transaction(async (manager) => {
    await applyScope(manager, { as: 'provisioner' });
    const existing = await sql(manager, `select 1 from tenants where slug = $1`, [tenant.slug]);
    if (existing.length > 0) throw new Error(`A tenant with slug "${tenant.slug}" already exists`);
    const rows = await sql<{ id: string }>(
      manager,
      `insert into tenants (slug, name) values ($1, $2) returning id`,
      [tenant.slug, tenant.name],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('tenant was not created');
    return id;
  });
}

/** An invitation made by the platform (no inviter); returns the token for the link. */
export async function inviteToTenant(
  dataSource: DataSource,
  tenantId: string,
  invitation: { email: string; role: Role; memberStateAlpha3?: string | null; ttlMs: number },
): Promise<string> {
  const { token, hash } = newToken(uuidToBytes(tenantId));
  await dataSource.transaction(async (manager) => {
    await applyScope(manager, { tenantId });
    const rows = await sql<{ id: string }>(
      manager,
      `insert into invitations (tenant_id, email, role, member_state_code, token_hash, expires_at)
       values ($1, lower($2), $3, $4, $5, now() + make_interval(secs => $6)) returning id`,
      [
        tenantId,
        invitation.email,
        invitation.role,
        invitation.memberStateAlpha3 ?? null,
        hash,
        invitation.ttlMs / 1000,
      ],
    );
    await sql(
      manager,
      `insert into audit_log (tenant_id, actor_id, action, entity, entity_id, after)
       values ($1, null, 'invitation.created', 'invitation', $2, $3)`,
      [
        tenantId,
        rows[0]?.id,
        JSON.stringify({
          email: invitation.email.toLowerCase(),
          role: invitation.role,
          by: 'platform',
        }),
      ],
    );
  });
  return token;
}

/** Adds a person (created with a password if new) to a tenant: for demo and test data. */
export async function addMember(
  dataSource: DataSource,
  tenantId: string,
  person: {
    email: string;
    name: string;
    password: string;
    role: Role;
    memberStateAlpha3?: string | null;
    preferredLanguage?: string;
  },
): Promise<{ userId: string; membershipId: string }> {
  const passwordHash = await hashPassword(person.password);
  return dataSource.transaction(async (manager) => {
    await applyScope(manager, { tenantId });
    const users = await sql<{ id: string }>(
      manager,
      `insert into users (email, name, password_hash, preferred_language) values (lower($1), $2, $3, $4)
       on conflict ((lower(email))) do update set name = users.name
       returning id`,
      [person.email, person.name, passwordHash, person.preferredLanguage ?? 'en'],
    );
    const userId = users[0]?.id;
    if (!userId) throw new Error('user was not created');
    const memberships = await sql<{ id: string }>(
      manager,
      `insert into memberships (tenant_id, user_id, role, member_state_code) values ($1, $2, $3, $4) returning id`,
      [tenantId, userId, person.role, person.memberStateAlpha3 ?? null],
    );
    const membershipId = memberships[0]?.id;
    if (!membershipId) throw new Error('membership was not created');
    await sql(
      manager,
      `insert into audit_log (tenant_id, actor_id, action, entity, entity_id, after)
       values ($1, null, 'membership.created', 'membership', $2, $3)`,
      [
        tenantId,
        membershipId,
        JSON.stringify({ email: person.email, role: person.role, by: 'platform' }),
      ],
    );
    return { userId, membershipId };
  });
}
