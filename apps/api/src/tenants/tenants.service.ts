import { sql } from '../db/sql';
import type { MembershipSummary, Role } from '@convene/contracts';
import { permissionsOf } from '@convene/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantScope } from '../db/request-context';

interface MembershipRow {
  tenant_id: string;
  slug: string;
  tenant_name: string;
  membership_id: string;
  role: Role;
  member_state_code: string | null;
}

@Injectable()
export class TenantsService {
  /**
   * The caller's active membership in the tenant named by the URL. Relies on
   * app.user_id being set: the own_memberships policy is what lets this read
   * run before the tenant is known.
   */
  async resolveMembership(
    manager: EntityManager,
    slug: string,
    userId: string,
  ): Promise<TenantScope | null> {
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) return null;
    const rows = await sql<MembershipRow>(
      manager,
      `select t.id as tenant_id, t.slug, t.name as tenant_name,
              m.id as membership_id, m.role, m.member_state_code
         from tenants t
         join memberships m on m.tenant_id = t.id and m.user_id = $2 and m.status = 'active'
        where t.slug = $1`,
      [slug, userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.tenant_id,
      slug: row.slug,
      name: row.tenant_name,
      membershipId: row.membership_id,
      role: row.role,
      memberStateCode: row.member_state_code?.trim() ?? null,
    };
  }

  /** Every tenant the person may switch to (needs app.user_id set). */
  async membershipsOf(manager: EntityManager, userId: string): Promise<MembershipSummary[]> {
    const rows = await sql<MembershipRow>(
      manager,
      `select t.id as tenant_id, t.slug, t.name as tenant_name,
              m.id as membership_id, m.role, m.member_state_code
         from memberships m join tenants t on t.id = m.tenant_id
        where m.user_id = $1 and m.status = 'active'
        order by t.name, t.id`,
      [userId],
    );
    return rows.map((row) => ({
      tenant: { id: row.tenant_id, slug: row.slug, name: row.tenant_name },
      role: row.role,
      memberStateAlpha3: row.member_state_code?.trim() ?? null,
      permissions: [...permissionsOf(row.role)],
    }));
  }
}
