import { type Role, singleLineText, TENANT_SLUG_PATTERN } from '@convene/contracts';
import type { DataSource, EntityManager, InsertResult } from 'typeorm';
import { z } from 'zod';
import { AuditEntryRow } from '../audit/audit-entry.entity';
import { hashPassword, newToken, uuidToBytes } from '../auth/secrets';
import { applyScope } from '../db/transaction';
import { sql } from '../db/sql';
import { Invitation } from '../members/invitation.entity';
import { Membership } from './membership.entity';
import { Tenant } from './tenant.entity';
import { auditFacts } from '../audit/audit-facts';

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
    if (await manager.exists(Tenant, { where: { slug: tenant.slug } })) {
      throw new Error(`A tenant with slug "${tenant.slug}" already exists`);
    }
    return insertedId(
      await manager.insert(Tenant, { slug: tenant.slug, name: tenant.name }),
      'tenant',
    );
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
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Invitation)
      .values({
        tenantId,
        // PostgreSQL's lower(), which the table's check (email = lower(email)) applies.
        email: () => 'lower(:email)',
        role: invitation.role,
        memberStateCode: invitation.memberStateAlpha3 ?? null,
        tokenHash: hash,
        expiresAt: () => 'now() + make_interval(secs => :ttl)',
      })
      .setParameters({ email: invitation.email, ttl: invitation.ttlMs / 1000 })
      .execute();
    await auditByPlatform(manager, tenantId, {
      action: 'invitation.created',
      entity: 'invitation',
      entityId: insertedId(inserted, 'invitation'),
      after: { email: invitation.email.toLowerCase(), role: invitation.role, by: 'platform' },
    });
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
    // Raw SQL: an upsert on the lower(email) index, keeping an existing person as they are.
    const users = await sql(
      manager,
      `insert into users (email, name, password_hash, preferred_language) values (lower($1), $2, $3, $4)
       on conflict ((lower(email))) do update set name = users.name
       returning id`,
      [person.email, person.name, passwordHash, person.preferredLanguage ?? 'en'],
      z.strictObject({ id: z.guid() }),
    );
    const userId = users[0]?.id;
    if (!userId) throw new Error('user was not created');
    const membershipId = insertedId(
      await manager.insert(Membership, {
        tenantId,
        userId,
        role: person.role,
        memberStateCode: person.memberStateAlpha3 ?? null,
      }),
      'membership',
    );
    await auditByPlatform(manager, tenantId, {
      action: 'membership.created',
      entity: 'membership',
      entityId: membershipId,
      after: { email: person.email, role: person.role, by: 'platform' },
    });
    return { userId, membershipId };
  });
}

/** The id the database generated for the one row an insert wrote. */
function insertedId(result: InsertResult, what: string): string {
  const id: unknown = result.identifiers[0]?.['id'];
  if (typeof id !== 'string') throw new Error(`${what} was not created`);
  return id;
}

/**
 * An audit row with no actor: the operator's commands run outside any request, so
 * AuditService (which reads the request's context) cannot write it.
 */
async function auditByPlatform(
  manager: EntityManager,
  tenantId: string,
  entry: { action: string; entity: string; entityId: string; after: object },
): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(AuditEntryRow)
    // Only references and non-personal facts, as every audit row (audit-facts.ts).
    .values({ tenantId, actorId: null, ...entry, after: auditFacts(entry.after) as object })
    .updateEntity(false)
    .execute();
}
